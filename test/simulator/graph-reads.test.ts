import { strict as assert } from 'node:assert';
import { graphFixture, jsonShape } from '../support/contract-fixtures';
import { sample, SimulatorClient } from './simulator-fixture';

describe('simulator: Graph reads', () => {
  let client: SimulatorClient;
  beforeEach(async () => {
    client = await SimulatorClient.start();
  });
  afterEach(() => client.stop());

  it('GET /organization lists the verified domains, honouring $select', async () => {
    const r = await client.graph('GET', '/organization?$select=verifiedDomains');
    assert.equal(r.status, 200);
    assert.equal(r.body['@odata.context'], `${client.sim.graphBaseUrl}/$metadata#organization(verifiedDomains)`);
    assert.deepEqual(Object.keys(r.body.value[0]), ['verifiedDomains']);
    assert.deepEqual(
      r.body.value[0].verifiedDomains.map((d: { name: string; isDefault: boolean; isInitial: boolean }) => [d.name, d.isDefault, d.isInitial]),
      [
        ['contoso.com', true, false],
        ['contoso.onmicrosoft.com', false, true],
      ],
    );
  });

  it('GET /users/{id} answers by id or UPN with the default property set (userType only with $select)', async () => {
    const byId = await client.graph('GET', `/users/${sample.megan}`);
    assert.equal(byId.status, 200);
    assert.equal(byId.body['@odata.context'], `${client.sim.graphBaseUrl}/$metadata#users/$entity`);
    assert.equal(byId.body.displayName, 'Megan Bowen');
    assert.equal(byId.body.userType, undefined);
    const byUpn = await client.graph('GET', `/users/${encodeURIComponent('megan@contoso.com')}?$select=id,userType`);
    assert.deepEqual(
      { ...byUpn.body, '@odata.context': undefined },
      { '@odata.context': undefined, id: sample.megan, userType: 'Member' },
    );
  });

  it('GET /users/{id} for an unknown id is 404 Request_ResourceNotFound with Graph\'s error shape', async () => {
    const r = await client.graph('GET', '/users/00000000-0000-4000-8000-000000000000', undefined, { 'client-request-id': 'abc-123' });
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'Request_ResourceNotFound');
    assert.match(r.body.error.message, /^Resource '00000000-0000-4000-8000-000000000000' does not exist/);
    assert.equal(r.body.error.innerError['client-request-id'], 'abc-123');
    assert.match(r.body.error.innerError['request-id'], /^[0-9a-f-]{36}$/);
    assert.match(r.body.error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('GET /users finds a guest by mail, otherMails/any() or proxyAddresses/any(), case-insensitively', async () => {
    for (const filter of [
      "mail eq 'PRADEEP@fabrikam.example'",
      "otherMails/any(m:m eq 'pradeep@fabrikam.example')",
      "proxyAddresses/any(p:p eq 'smtp:pradeep@fabrikam.example')",
      "userPrincipalName eq 'nobody@contoso.com' or mail eq 'pradeep@fabrikam.example' or otherMails/any(x:x eq 'pradeep@fabrikam.example')",
    ]) {
      const r = await client.graph('GET', `/users?$filter=${encodeURIComponent(filter)}&$select=id,userType,externalUserState`);
      assert.equal(r.status, 200, filter);
      assert.deepEqual(r.body.value, [{ id: sample.pradeepGuest, userType: 'Guest', externalUserState: 'Accepted' }], filter);
    }
  });

  it('GET /users by userPrincipalName eq finds the member', async () => {
    const r = await client.graph('GET', `/users?$filter=${encodeURIComponent("userPrincipalName eq 'diego@contoso.com'")}`);
    assert.deepEqual(r.body.value.map((u: { id: string }) => u.id), [sample.diego]);
  });

  it('GET /groups/{id} honours $select and shows the properties that classify a group', async () => {
    const r = await client.graph('GET', `/groups/${sample.boardSynced}?$select=id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,membershipRule`);
    assert.equal(r.status, 200);
    assert.equal(r.body['@odata.context'], `${client.sim.graphBaseUrl}/$metadata#groups(id,displayName,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,membershipRule)/$entity`);
    const { ['@odata.context']: _, ...rest } = r.body;
    assert.deepEqual(rest, {
      id: sample.boardSynced,
      displayName: 'Board Communications',
      groupTypes: [],
      mailEnabled: true,
      securityEnabled: false,
      onPremisesSyncEnabled: true,
      membershipRule: null,
    });
  });

  it('GET /groups/{id} of a dynamic group shows its rule; unknown ids are 404, malformed ids 400', async () => {
    const dynamic = await client.graph('GET', `/groups/${sample.salesEveryoneDynamic}`);
    assert.deepEqual(dynamic.body.groupTypes, ['Unified', 'DynamicMembership']);
    assert.equal(dynamic.body.membershipRuleProcessingState, 'On');
    const missing = await client.graph('GET', '/groups/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
    const malformed = await client.graph('GET', '/groups/sales');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'Request_BadRequest');
  });

  it('an unknown $select property is a 400 naming it', async () => {
    const r = await client.graph('GET', `/groups/${sample.marketingM365}?$select=id,colour`);
    assert.equal(r.status, 400);
    assert.equal(r.body.error.message, "Could not find a property named 'colour' on type 'microsoft.graph.group'.");
  });

  it('GET /groups with startswith(displayName) matches case-insensitively', async () => {
    const r = await client.graph('GET', `/groups?$filter=${encodeURIComponent("startswith(displayName,'sales')")}&$select=displayName`);
    assert.deepEqual(r.body.value.map((g: { displayName: string }) => g.displayName), ['Sales Partners', 'Sales Everyone']);
  });

  it('GET /groups pages with $top and @odata.nextLink until every group is seen once', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${client.sim.graphBaseUrl}/groups?$top=4&$select=id`;
    let pages = 0;
    while (url !== undefined) {
      const r = await client.request('GET', url);
      assert.equal(r.status, 200);
      assert.ok(r.body.value.length <= 4);
      seen.push(...r.body.value.map((g: { id: string }) => g.id));
      url = r.body['@odata.nextLink'];
      pages += 1;
    }
    assert.equal(pages, 3);
    assert.equal(seen.length, 10);
    assert.equal(new Set(seen).size, 10);
  });

  it('$top outside 1..999 is a 400', async () => {
    const r = await client.graph('GET', '/groups?$top=1000');
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /Invalid page size specified: '1000'/);
  });

  it('$search needs ConsistencyLevel: eventual, as Graph says', async () => {
    const without = await client.graph('GET', '/groups?$search="displayName:fal"');
    assert.equal(without.status, 400);
    assert.equal(without.body.error.code, 'Request_UnsupportedQuery');
    assert.equal(without.body.error.message, "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    const withHeader = await client.graph('GET', `/groups?$search=${encodeURIComponent('"displayName:fal"')}&$filter=mailEnabled eq true&$count=true&$select=displayName`, undefined, {
      ConsistencyLevel: 'eventual',
    });
    assert.equal(withHeader.status, 200);
    assert.deepEqual(withHeader.body.value, [{ displayName: 'Project Falcon' }]);
    assert.equal(withHeader.body['@odata.count'], 1);
  });

  it('$search matches the start of any word of the display name', async () => {
    const r = await client.graph('GET', `/groups?$search=${encodeURIComponent('"displayName:com"')}&$select=displayName`, undefined, { consistencylevel: 'eventual' });
    assert.deepEqual(r.body.value.map((g: { displayName: string }) => g.displayName).sort(), ['All Company News', 'Board Communications']);
  });

  it('GET /groups/{id}/owners lists Graph owners; distribution groups have none (ManagedBy is Exchange-only)', async () => {
    const m365 = await client.graph('GET', `/groups/${sample.marketingM365}/owners?$select=id,displayName`);
    assert.equal(m365.status, 200);
    assert.equal(m365.body['@odata.context'], `${client.sim.graphBaseUrl}/$metadata#directoryObjects`);
    assert.deepEqual(m365.body.value, [{ '@odata.type': '#microsoft.graph.user', id: sample.megan, displayName: 'Megan Bowen' }]);
    const dl = await client.graph('GET', `/groups/${sample.salesPartnersDl}/owners`);
    assert.deepEqual(dl.body.value, []);
  });

  it('GET /groups/{id}/members shows users and org contacts with their @odata.type, honouring $select', async () => {
    const r = await client.graph('GET', `/groups/${sample.salesPartnersDl}/members?$select=id,mail`);
    assert.deepEqual(r.body.value, [
      { '@odata.type': '#microsoft.graph.user', id: sample.megan, mail: 'megan@contoso.com' },
      { '@odata.type': '#microsoft.graph.user', id: sample.diego, mail: 'diego@contoso.com' },
      { '@odata.type': '#microsoft.graph.orgContact', id: sample.lidiaContact, mail: 'lidia@partner.example' },
    ]);
  });

  it('GET /groups/{id}/settings and /groupSettings show the guest settings', async () => {
    const legal = await client.graph('GET', `/groups/${sample.legalM365NoGuests}/settings`);
    assert.equal(legal.body.value[0].templateId, '08d542b9-071f-4e16-94b0-74abb372e3d9');
    assert.deepEqual(legal.body.value[0].values, [{ name: 'AllowToAddGuests', value: 'false' }]);
    const tenant = await client.graph('GET', '/groupSettings');
    const unified = tenant.body.value.find((s: { templateId: string }) => s.templateId === '62375ab9-6b52-47ed-826b-58e47e0e304b');
    assert.equal(unified.values.find((v: { name: string }) => v.name === 'AllowToAddGuests').value, 'true');
  });

  it('GET /contacts finds the mail contact by mail eq and by proxyAddresses/any()', async () => {
    for (const filter of ["mail eq 'lidia@partner.example'", "proxyAddresses/any(p:p eq 'SMTP:LIDIA@partner.example')"]) {
      const r = await client.graph('GET', `/contacts?$filter=${encodeURIComponent(filter)}&$select=id,displayName,mail`);
      assert.equal(r.status, 200, filter);
      assert.equal(r.body['@odata.context'], `${client.sim.graphBaseUrl}/$metadata#contacts(id,displayName,mail)`);
      assert.deepEqual(r.body.value, [{ id: sample.lidiaContact, displayName: 'Lidia Holloway (Partner)', mail: 'lidia@partner.example' }], filter);
    }
  });

  it('POST /contacts is refused as Graph does: 405, org contacts are read-only', async () => {
    const r = await client.graph('POST', '/contacts', { displayName: 'Jane', mail: 'jane@partner.example' });
    assert.equal(r.status, 405);
    assert.equal(r.body.error.code, 'Request_BadRequest');
    assert.equal(r.body.error.message, 'Specified HTTP method is not allowed for the request uri.');
  });

  it('an unknown segment is 400 BadRequest naming it', async () => {
    const r = await client.graph('GET', '/gruops');
    assert.equal(r.status, 400);
    assert.equal(r.body.error.message, "Resource not found for the segment 'gruops'.");
  });

  it('accepts any bearer token or none', async () => {
    const none = await client.request('GET', `${client.sim.graphBaseUrl}/organization`);
    const some = await client.request('GET', `${client.sim.graphBaseUrl}/organization`, undefined, { authorization: 'Bearer x.y.z' });
    assert.equal(none.status, 200);
    assert.equal(some.status, 200);
  });
});

describe('simulator: Graph query options', () => {
  let client: SimulatorClient;
  beforeEach(async () => {
    client = await SimulatorClient.start();
  });
  afterEach(() => client.stop());

  it('GET /groups/{id}?$expand=owners($select=id) includes the owners', async () => {
    const r = await client.graph('GET', `/groups/${sample.marketingM365}?$select=id,displayName&$expand=owners($select=id,displayName)`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.owners, [{ '@odata.type': '#microsoft.graph.user', id: sample.megan, displayName: 'Megan Bowen' }]);
  });

  it('refuses query options it does not serve instead of ignoring them', async () => {
    const expand = await client.graph('GET', '/users?$expand=memberOf');
    assert.equal(expand.status, 400);
    assert.equal(expand.body.error.code, 'Request_UnsupportedQuery');
    const unknown = await client.graph('GET', '/users?$apply=groupby(userType)');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.message, "Query option '$apply' is not supported.");
  });

  it('GET /directoryObjects/{id} answers any object with its @odata.type', async () => {
    const r = await client.graph('GET', `/directoryObjects/${sample.lidiaContact}?$select=id,mail`);
    assert.equal(r.status, 200);
    assert.equal(r.body['@odata.type'], '#microsoft.graph.orgContact');
    assert.equal(r.body.mail, 'lidia@partner.example');
  });

  it('$orderby=displayName sorts; with $filter it needs advanced query', async () => {
    const sorted = await client.graph('GET', '/users?$orderby=displayName desc&$select=displayName');
    const names = sorted.body.value.map((u: { displayName: string }) => u.displayName);
    assert.deepEqual(names, [...names].sort().reverse());
    const refused = await client.graph('GET', `/users?$orderby=displayName&$filter=${encodeURIComponent("userType eq 'Member'")}`);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'Request_UnsupportedQuery');
  });

  it('GET /groups/{id}/members with $filter needs ConsistencyLevel: eventual', async () => {
    const path = `/groups/${sample.salesPartnersDl}/members?$filter=${encodeURIComponent(`id eq '${sample.lidiaContact}'`)}&$count=true&$select=id`;
    assert.equal((await client.graph('GET', path)).status, 400);
    const r = await client.graph('GET', path, undefined, { ConsistencyLevel: 'eventual' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.value, [{ '@odata.type': '#microsoft.graph.orgContact', id: sample.lidiaContact }]);
    assert.equal(r.body['@odata.count'], 1);
  });
});

describe('simulator: Graph reads of contacts and memberships', () => {
  let client: SimulatorClient;
  beforeEach(async () => {
    client = await SimulatorClient.start();
  });
  afterEach(() => client.stop());

  it('GET /contacts/{id} answers the orgContact; an unknown id is 404', async () => {
    const r = await client.graph('GET', `/contacts/${sample.lidiaContact}?$select=displayName,companyName`);
    assert.equal(r.status, 200);
    assert.equal(r.body['@odata.context'], `${client.sim.graphBaseUrl}/$metadata#contacts(displayName,companyName)/$entity`);
    assert.equal(r.body.companyName, 'Partner Ltd');
    assert.equal((await client.graph('GET', `/contacts/${sample.megan}`)).status, 404);
  });

  it('GET /users/{id}/memberOf lists only direct groups', async () => {
    const r = await client.graph('GET', `/users/${sample.alex}/memberOf?$select=displayName`);
    assert.deepEqual(r.body.value.map((g: { displayName: string }) => g.displayName).sort(), ['All Company News', 'Board Communications', 'External Access Approvers']);
  });

  it('GET /groups/{id}/transitiveMembers answers as Microsoft documents it: directory objects with @odata.type, nested groups expanded', async () => {
    const documented = graphFixture('transitive-members-200').body as { value: Record<string, unknown>[] };
    const r = await client.graph('GET', `/groups/${sample.approvers}/transitiveMembers?$select=id,mail`);
    assert.equal(r.status, 200);
    const documentedItem = jsonShape(documented.value[0]);
    const users = (r.body.value as Record<string, unknown>[]).filter((m) => m['@odata.type'] === documented.value[0]!['@odata.type']);
    assert.ok(users.length >= 2, JSON.stringify(r.body));
    for (const user of users) assert.deepEqual(jsonShape(user), documentedItem);
    assert.deepEqual(users.map((u) => u['id']).sort(), [sample.alex, sample.adele].sort());
  });

  it('checkMemberGroups works for contacts and any directory object too', async () => {
    const contact = await client.graph('POST', `/contacts/${sample.lidiaContact}/checkMemberGroups`, { groupIds: [sample.salesPartnersDl, sample.projectFalconDl] });
    assert.deepEqual(contact.body.value, [sample.salesPartnersDl]);
    const any = await client.graph('POST', `/directoryObjects/${sample.pradeepGuest}/checkMemberGroups`, { groupIds: [sample.marketingM365] });
    assert.deepEqual(any.body.value, [sample.marketingM365]);
    const wrongKind = await client.graph('POST', `/contacts/${sample.megan}/checkMemberGroups`, { groupIds: [sample.marketingM365] });
    assert.equal(wrongKind.status, 404);
  });
});
