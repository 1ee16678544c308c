import { strict as assert } from 'node:assert';
import { parseTenant } from '../../simulator/tenant-file';
import { sample, sampleTenant, SimulatorClient, type JsonResponse } from './simulator-fixture';

const ref = (id: string): { '@odata.id': string } => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

describe('simulator: Graph writes and their refusals', () => {
  let client: SimulatorClient;
  beforeEach(async () => {
    client = await SimulatorClient.start();
  });
  afterEach(() => client.stop());

  async function invite(email: string, displayName = 'Jane Doe'): Promise<JsonResponse> {
    return client.graph('POST', '/invitations', {
      invitedUserEmailAddress: email,
      invitedUserDisplayName: displayName,
      inviteRedirectUrl: 'https://myapps.microsoft.com',
      sendInvitationMessage: false,
    });
  }

  it('POST /invitations creates a pending guest and answers 201 with the invitation', async () => {
    const r = await invite('jane.doe@partner.example');
    assert.equal(r.status, 201);
    assert.equal(r.body.invitedUserType, 'Guest');
    assert.equal(r.body.status, 'PendingAcceptance');
    assert.equal(r.body.invitedUserEmailAddress, 'jane.doe@partner.example');
    assert.match(r.body.inviteRedeemUrl, /^https:\/\/login\.microsoftonline\.com\/redeem\?/);
    const guestId: string = r.body.invitedUser.id;
    const user = await client.graph('GET', `/users/${guestId}?$select=id,displayName,userType,externalUserState,mail,userPrincipalName,creationType`);
    assert.equal(user.status, 200);
    const { ['@odata.context']: _, ...guest } = user.body;
    assert.deepEqual(guest, {
      id: guestId,
      displayName: 'Jane Doe',
      userType: 'Guest',
      externalUserState: 'PendingAcceptance',
      mail: 'jane.doe@partner.example',
      userPrincipalName: 'jane.doe_partner.example#EXT#@contoso.onmicrosoft.com',
      creationType: 'Invitation',
    });
  });

  it('inviting an existing guest answers with that guest instead of creating another', async () => {
    const r = await invite('Pradeep@fabrikam.example');
    assert.equal(r.status, 201);
    assert.equal(r.body.invitedUser.id, sample.pradeepGuest);
    assert.equal(r.body.status, 'Completed');
  });

  it('invitations without a valid address or redirect URL are 400; with invitations disabled, 403', async () => {
    const bad = await client.graph('POST', '/invitations', { invitedUserEmailAddress: 'nope', inviteRedirectUrl: 'https://myapps.microsoft.com' });
    assert.equal(bad.status, 400);
    const noRedirect = await client.graph('POST', '/invitations', { invitedUserEmailAddress: 'sam@fabrikam.example' });
    assert.equal(noRedirect.status, 400);
    await client.stop();
    const json = JSON.parse(JSON.stringify(sampleTenant()));
    json.tenant.invitationsAllowed = false;
    client = await SimulatorClient.start({ tenant: parseTenant(json) });
    const r = await invite('sam@fabrikam.example');
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'Authorization_RequestDenied');
  });

  it('a guest joins a Microsoft 365 group that allows guests: 204, then listed as a member', async () => {
    const guestId: string = (await invite('jane.doe@partner.example')).body.invitedUser.id;
    const add = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, ref(guestId));
    assert.equal(add.status, 204);
    assert.equal(add.body, undefined);
    const members = await client.graph('GET', `/groups/${sample.marketingM365}/members?$select=id`);
    assert.ok(members.body.value.some((m: { id: string }) => m.id === guestId));
  });

  it('adding someone already a member is 400 with Graph\'s text', async () => {
    const r = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, ref(sample.pradeepGuest));
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'Request_BadRequest');
    assert.equal(r.body.error.message, "One or more added object references already exist for the following modified properties: 'members'.");
  });

  it('a guest into a Microsoft 365 group that refuses guests is 403 Authorization_RequestDenied', async () => {
    const r = await client.graph('POST', `/groups/${sample.legalM365NoGuests}/members/$ref`, ref(sample.pradeepGuest));
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'Authorization_RequestDenied');
    assert.match(r.body.error.message, /^Guests users are not allowed to join this Unified Group due to policy setting\./);
  });

  it('when the tenant refuses guests, every Microsoft 365 group refuses them', async () => {
    await client.stop();
    const json = JSON.parse(JSON.stringify(sampleTenant()));
    json.tenant.guestsAllowed = false;
    client = await SimulatorClient.start({ tenant: parseTenant(json) });
    const guestId: string = (await invite('jane.doe@partner.example')).body.invitedUser.id;
    const r = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, ref(guestId));
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'Authorization_RequestDenied');
    const settings = await client.graph('GET', '/groupSettings');
    assert.equal(settings.body.value[0].values.find((v: { name: string }) => v.name === 'AllowToAddGuests').value, 'false');
  });

  for (const [kind, groupId] of [
    ['distribution group', sample.salesPartnersDl],
    ['mail-enabled security group', sample.financeMailSecurity],
  ] as const) {
    it(`member writes on a ${kind} are refused: Graph cannot change it`, async () => {
      const r = await client.graph('POST', `/groups/${groupId}/members/$ref`, ref(sample.pradeepGuest));
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'Request_BadRequest');
      assert.equal(r.body.error.message, 'Cannot Update a mail-enabled security groups and or distribution list.');
    });
  }

  it('member writes on a dynamic group are refused', async () => {
    const r = await client.graph('POST', `/groups/${sample.salesEveryoneDynamic}/members/$ref`, ref(sample.adele));
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'Request_BadRequest');
  });

  it('member writes on a group synced from on-premises are refused', async () => {
    const r = await client.graph('POST', `/groups/${sample.boardSynced}/members/$ref`, ref(sample.diego));
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'Request_BadRequest');
    assert.match(r.body.error.message, /on-premises mastered Directory Sync objects/);
  });

  it('unknown group or member ids are 404 Request_ResourceNotFound', async () => {
    const noGroup = await client.graph('POST', '/groups/00000000-0000-4000-8000-000000000000/members/$ref', ref(sample.diego));
    assert.equal(noGroup.status, 404);
    assert.equal(noGroup.body.error.code, 'Request_ResourceNotFound');
    const noMember = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, ref('00000000-0000-4000-8000-000000000000'));
    assert.equal(noMember.status, 404);
    assert.equal(noMember.body.error.code, 'Request_ResourceNotFound');
  });

  it('a security group (not mail-enabled) takes members through Graph', async () => {
    const r = await client.graph('POST', `/groups/${sample.laptopSecurity}/members/$ref`, ref(sample.diego));
    assert.equal(r.status, 204);
    const removed = await client.graph('DELETE', `/groups/${sample.laptopSecurity}/members/${sample.diego}/$ref`);
    assert.equal(removed.status, 204);
  });

  it('a body without @odata.id is a 400', async () => {
    const r = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, { id: sample.diego });
    assert.equal(r.status, 400);
  });

  it('an org contact cannot join a Microsoft 365 group', async () => {
    const r = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, ref(sample.lidiaContact));
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'Request_BadRequest');
  });

  it('checkMemberGroups answers which approver groups a user is in, transitively through nested groups', async () => {
    const approver = await client.graph('POST', `/users/${sample.adele}/checkMemberGroups`, { groupIds: [sample.approvers, sample.allCompanyDl, sample.laptopSecurity] });
    assert.equal(approver.status, 200);
    assert.deepEqual(approver.body.value, [sample.approvers, sample.allCompanyDl]);
    const plain = await client.graph('POST', `/users/${sample.diego}/checkMemberGroups`, { groupIds: [sample.approvers] });
    assert.deepEqual(plain.body.value, []);

    await client.stop();
    const json = JSON.parse(JSON.stringify(sampleTenant()));
    // Diego is in "Laptop Pilot", which becomes a member of the approvers group.
    json.groups.find((g: { id: string }) => g.id === sample.laptopSecurity).members.push(sample.diego);
    json.groups.find((g: { id: string }) => g.id === sample.approvers).members.push(sample.laptopSecurity);
    client = await SimulatorClient.start({ tenant: parseTenant(json) });
    const nested = await client.graph('POST', `/users/${sample.diego}/checkMemberGroups`, { groupIds: [sample.approvers] });
    assert.deepEqual(nested.body.value, [sample.approvers]);
    const transitive = await client.graph('GET', `/groups/${sample.approvers}/transitiveMembers?$select=id`);
    assert.deepEqual(transitive.body.value.map((m: { id: string }) => m.id).sort(), [sample.adele, sample.alex, sample.diego, sample.laptopSecurity, sample.megan].sort());
    const memberOf = await client.graph('GET', `/users/${sample.diego}/transitiveMemberOf?$select=id`);
    assert.ok(memberOf.body.value.some((g: { id: string }) => g.id === sample.approvers));
  });

  it('checkMemberGroups takes at most 20 ids', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const r = await client.graph('POST', `/users/${sample.adele}/checkMemberGroups`, { groupIds: ids });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'Request_BadRequest');
  });

  it('a body that is not JSON is a 400', async () => {
    const r = await client.request('POST', `${client.sim.graphBaseUrl}/invitations`, '{not json', { 'content-type': 'application/json' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'BadRequest');
  });
});
