import { strict as assert } from 'node:assert';
import { exchangeErrorParts, sample, sampleTenant, SimulatorClient } from './simulator-fixture';

describe('simulator: Exchange InvokeCommand', () => {
  let client: SimulatorClient;
  beforeEach(async () => {
    client = await SimulatorClient.start();
  });
  afterEach(() => client.stop());

  it('Get-Recipient by address finds a guest as GuestMailUser and a contact as MailContact', async () => {
    const guest = await client.exchange('Get-Recipient', { Identity: 'pradeep@fabrikam.example' });
    assert.equal(guest.status, 200);
    assert.equal(guest.body.value.length, 1);
    assert.equal(guest.body.value[0].RecipientTypeDetails, 'GuestMailUser');
    assert.equal(guest.body.value[0].ExternalDirectoryObjectId, sample.pradeepGuest);
    const contact = await client.exchange('Get-Recipient', { Filter: "EmailAddresses -eq 'smtp:LIDIA@partner.example'" });
    assert.equal(contact.body.value.length, 1);
    assert.equal(contact.body.value[0].RecipientTypeDetails, 'MailContact');
    assert.equal(contact.body.value[0].ExternalDirectoryObjectId, sample.lidiaContact);
  });

  it('Get-Recipient for an unknown identity is 404 NotFound with Ex6F9304|ManagementObjectNotFoundException|text, as Exchange Online answers', async () => {
    const r = await client.exchange('Get-Recipient', { Identity: 'jane.doe@partner.example' });
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'NotFound');
    assert.equal(r.body.error.message, 'Error executing cmdlet');
    const [id, type, text] = exchangeErrorParts(r.body);
    assert.equal(id, 'Ex6F9304');
    assert.equal(type, 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException');
    assert.match(text!, /^The operation couldn't be performed because object 'jane\.doe@partner\.example' couldn't be found on '/);
    assert.equal(r.body.error.innererror.type, 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException', 'innererror holds the service wrapper');
  });

  it('Get-Recipient with a filter that matches nothing answers an empty value', async () => {
    const r = await client.exchange('Get-Recipient', { Filter: "EmailAddresses -eq 'smtp:nobody@partner.example'" });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.value, []);
  });

  it('Get-DistributionGroup shows ManagedBy as GUIDs, and -ManagedBy <address> lists the groups a user manages', async () => {
    const group = await client.exchange('Get-DistributionGroup', { Identity: sample.salesPartnersDl });
    assert.deepEqual(group.body.value[0].ManagedBy, [sample.megan]);
    const managed = await client.exchange('Get-DistributionGroup', { ManagedBy: 'megan@contoso.com', ResultSize: 'Unlimited' });
    assert.equal(managed.status, 200);
    const names = managed.body.value.map((g: { DisplayName: string }) => g.DisplayName).sort();
    assert.deepEqual(names, ['Board Communications', 'Finance Alerts', 'Project Falcon', 'Sales Partners']);
    const unknown = await client.exchange('Get-DistributionGroup', { ManagedBy: 'nobody@contoso.com' });
    assert.equal(unknown.status, 404);
  });

  it('Get-DistributionGroup shows the settings the bot reads', async () => {
    const r = await client.exchange('Get-DistributionGroup', { Identity: 'sales-partners@contoso.com' });
    assert.equal(r.status, 200);
    const g = r.body.value[0];
    assert.equal(g.RequireSenderAuthenticationEnabled, true);
    assert.deepEqual(g.ManagedBy, [sample.megan]);
    assert.equal(g.RecipientTypeDetails, 'MailUniversalDistributionGroup');
    assert.equal(g.IsDirSynced, false);
    assert.equal(g.PrimarySmtpAddress, 'sales-partners@contoso.com');
    assert.equal(g.ExternalDirectoryObjectId, sample.salesPartnersDl);
    const falcon = await client.exchange('Get-DistributionGroup', { Identity: sample.projectFalconDl });
    assert.equal(falcon.body.value[0].RequireSenderAuthenticationEnabled, false);
    const synced = await client.exchange('Get-DistributionGroup', { Identity: 'Board Communications' });
    assert.equal(synced.body.value[0].IsDirSynced, true);
    const security = await client.exchange('Get-DistributionGroup', { Identity: sample.financeMailSecurity });
    assert.equal(security.body.value[0].RecipientTypeDetails, 'MailUniversalSecurityGroup');
  });

  it('Get-DistributionGroup does not return Microsoft 365 groups: not found, as the real service answers', async () => {
    const r = await client.exchange('Get-DistributionGroup', { Identity: 'marketing-campaigns@contoso.com' });
    assert.equal(r.status, 404);
    assert.match(exchangeErrorParts(r.body)[1]!, /ManagementObjectNotFoundException$/);
  });

  it('New-MailContact creates a contact that Graph then shows in /contacts', async () => {
    const created = await client.exchange('New-MailContact', {
      Name: 'Jane Doe (Partner)',
      ExternalEmailAddress: 'jane.doe@partner.example',
      FirstName: 'Jane',
      LastName: 'Doe',
    });
    assert.equal(created.status, 200);
    const contact = created.body.value[0];
    assert.equal(contact.RecipientTypeDetails, 'MailContact');
    assert.equal(contact.ExternalEmailAddress, 'SMTP:jane.doe@partner.example');
    const graph = await client.graph('GET', `/contacts?$filter=${encodeURIComponent("mail eq 'jane.doe@partner.example'")}&$select=id,displayName,givenName`);
    assert.deepEqual(graph.body.value, [{ id: contact.ExternalDirectoryObjectId, displayName: 'Jane Doe (Partner)', givenName: 'Jane' }]);
  });

  for (const [who, address, owner] of [
    ['a guest', 'pradeep@fabrikam.example', 'pradeep_fabrikam.example#EXT#'],
    ['another contact', 'lidia@partner.example', 'Lidia Holloway (Partner)'],
    ['a mailbox', 'diego@contoso.com', 'diego'],
  ] as const) {
    it(`New-MailContact for an address that ${who} already uses is the proxy-address error`, async () => {
      const r = await client.exchange('New-MailContact', { Name: 'Someone', ExternalEmailAddress: address });
      assert.equal(r.status, 400);
      const [, type, text] = exchangeErrorParts(r.body);
      assert.equal(type, 'Microsoft.Exchange.Data.Directory.ProxyAddressExistsException');
      assert.equal(text, `The proxy address "SMTP:${address}" is already being used by the proxy addresses or LegacyExchangeDN of "${owner}". Please choose another proxy address.`);
    });
  }

  it('New-MailContact without ExternalEmailAddress names the missing parameter', async () => {
    const r = await client.exchange('New-MailContact', { Name: 'Jane' });
    assert.equal(r.status, 400);
    assert.equal(exchangeErrorParts(r.body)[2], 'Cannot process command because of one or more missing mandatory parameters: ExternalEmailAddress.');
  });

  it('Set-MailContact hides a contact from address lists; Get-MailContact shows it', async () => {
    await client.exchange('New-MailContact', { Name: 'Jane Doe', ExternalEmailAddress: 'jane.doe@partner.example' });
    const set = await client.exchange('Set-MailContact', { Identity: 'jane.doe@partner.example', HiddenFromAddressListsEnabled: true });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body.value, []);
    const get = await client.exchange('Get-MailContact', { Identity: 'jane.doe@partner.example' });
    assert.equal(get.body.value[0].HiddenFromAddressListsEnabled, true);
  });

  it('Add-DistributionGroupMember adds a new contact; Graph then lists it as an orgContact member', async () => {
    const created = await client.exchange('New-MailContact', { Name: 'Jane Doe', ExternalEmailAddress: 'jane.doe@partner.example' });
    const id: string = created.body.value[0].ExternalDirectoryObjectId;
    const add = await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'jane.doe@partner.example', BypassSecurityGroupManagerCheck: true });
    assert.equal(add.status, 200);
    assert.deepEqual(add.body.value, []);
    const members = await client.graph('GET', `/groups/${sample.salesPartnersDl}/members?$select=id,mail`);
    assert.deepEqual(members.body.value.at(-1), { '@odata.type': '#microsoft.graph.orgContact', id, mail: 'jane.doe@partner.example' });
    const exchangeMembers = await client.exchange('Get-DistributionGroupMember', { Identity: 'sales-partners@contoso.com' });
    assert.ok(exchangeMembers.body.value.some((m: { PrimarySmtpAddress: string }) => m.PrimarySmtpAddress === 'jane.doe@partner.example'));
  });

  it('a guest invited through Graph is a GuestMailUser in Exchange and can join a distribution group directly', async () => {
    const invited = await client.graph('POST', '/invitations', { invitedUserEmailAddress: 'sam@fabrikam.example', inviteRedirectUrl: 'https://myapps.microsoft.com' });
    const guestId: string = invited.body.invitedUser.id;
    const recipient = await client.exchange('Get-Recipient', { Identity: 'sam@fabrikam.example' });
    assert.equal(recipient.body.value[0].RecipientTypeDetails, 'GuestMailUser');
    assert.equal(recipient.body.value[0].ExternalDirectoryObjectId, guestId);
    const add = await client.exchange('Add-DistributionGroupMember', { Identity: 'Project Falcon', Member: guestId, BypassSecurityGroupManagerCheck: true });
    assert.equal(add.status, 200);
    const contact = await client.exchange('New-MailContact', { Name: 'Sam', ExternalEmailAddress: 'sam@fabrikam.example' });
    assert.match(exchangeErrorParts(contact.body)[1]!, /ProxyAddressExistsException$/);
  });

  it('adding an existing member is MemberAlreadyExistsException', async () => {
    const r = await client.exchange('Add-DistributionGroupMember', { Identity: 'sales-partners@contoso.com', Member: 'lidia@partner.example', BypassSecurityGroupManagerCheck: true });
    assert.equal(r.status, 400);
    const [, type, text] = exchangeErrorParts(r.body);
    assert.equal(type, 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException');
    assert.equal(text, 'The recipient "lidia@partner.example" is already a member of the group "Sales Partners".');
  });

  it('a group synced from on-premises refuses member adds and setting changes with the documented text', async () => {
    const add = await client.exchange('Add-DistributionGroupMember', { Identity: sample.boardSynced, Member: 'lidia@partner.example', BypassSecurityGroupManagerCheck: true });
    assert.equal(add.status, 400);
    assert.equal(
      exchangeErrorParts(add.body)[2],
      "The action 'Add-DistributionGroupMember', 'Members', can't be performed on the object 'Board Communications' because the object is being synchronized from your on-premises organization. This action should be performed on the object in your on-premises organization.",
    );
    const set = await client.exchange('Set-DistributionGroup', { Identity: sample.boardSynced, RequireSenderAuthenticationEnabled: false, BypassSecurityGroupManagerCheck: true });
    assert.equal(set.status, 400);
    assert.match(exchangeErrorParts(set.body)[2]!, /being synchronized from your on-premises organization/);
  });

  it('group writes without -BypassSecurityGroupManagerCheck are refused: the app is not a manager', async () => {
    const r = await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'pradeep@fabrikam.example' });
    assert.equal(r.status, 400);
    assert.match(exchangeErrorParts(r.body)[1]!, /OperationRequiresGroupManagerException$/);
  });

  it('an unknown member is 404 ManagementObjectNotFoundException naming it', async () => {
    const r = await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'ghost@partner.example', BypassSecurityGroupManagerCheck: true });
    assert.equal(r.status, 404);
    assert.equal(exchangeErrorParts(r.body)[2], 'Couldn\'t find object "ghost@partner.example". Please make sure that it was spelled correctly or specify a different object.');
  });

  it('Set-DistributionGroup -RequireSenderAuthenticationEnabled:$false lets external senders in', async () => {
    const set = await client.exchange('Set-DistributionGroup', { Identity: 'sales-partners@contoso.com', RequireSenderAuthenticationEnabled: false, BypassSecurityGroupManagerCheck: true });
    assert.equal(set.status, 200);
    assert.equal(set.body['@adminapi.warnings'], undefined);
    const get = await client.exchange('Get-DistributionGroup', { Identity: 'sales-partners@contoso.com' });
    assert.equal(get.body.value[0].RequireSenderAuthenticationEnabled, false);
    const again = await client.exchange('Set-DistributionGroup', { Identity: 'sales-partners@contoso.com', RequireSenderAuthenticationEnabled: false, BypassSecurityGroupManagerCheck: true });
    assert.deepEqual(again.body['@adminapi.warnings'], ["The command completed successfully but no settings of 'Sales Partners' have been modified."]);
  });

  it('an unknown cmdlet is 403 with an empty body (as one outside the roles); an unknown parameter is 400 ParameterBindingException', async () => {
    const cmdlet = await client.exchange('Remove-Everything', {});
    assert.equal(cmdlet.status, 403);
    assert.equal(cmdlet.body, undefined, 'an empty body');
    const parameter = await client.exchange('Get-Recipient', { Identity: 'megan', Colour: 'blue' });
    assert.equal(exchangeErrorParts(parameter.body)[2], "A parameter cannot be found that matches parameter name 'Colour'.");
  });

  it('honours $select and pages Get-* results with Prefer: odata.maxpagesize', async () => {
    const first = await client.exchange('Get-Recipient', { ResultSize: 'Unlimited' }, '?$select=Name,RecipientTypeDetails', { prefer: 'odata.maxpagesize=5' });
    assert.equal(first.body.value.length, 5);
    assert.deepEqual(Object.keys(first.body.value[0]), ['Name', 'RecipientTypeDetails']);
    const next: string = first.body['@odata.nextLink'];
    assert.ok(next.startsWith(`${client.sim.exchangeBaseUrl}/${sample.tenantId}/InvokeCommand?`));
    const second = await client.request('POST', next, { CmdletInput: { CmdletName: 'Get-Recipient', Parameters: { ResultSize: 'Unlimited' } } }, { prefer: 'odata.maxpagesize=5' });
    assert.equal(second.status, 200);
    assert.ok(second.body.value.length > 0);
  });

  it('accepts the tenant domain in place of the tenant id; another tenant is 404', async () => {
    const byDomain = await client.request('POST', `${client.sim.exchangeBaseUrl}/contoso.onmicrosoft.com/InvokeCommand`, { CmdletInput: { CmdletName: 'Get-Recipient', Parameters: { Identity: 'megan' } } });
    assert.equal(byDomain.status, 200);
    const other = await client.request('POST', `${client.sim.exchangeBaseUrl}/fabrikam.onmicrosoft.com/InvokeCommand`, { CmdletInput: { CmdletName: 'Get-Recipient', Parameters: {} } });
    assert.equal(other.status, 404);
  });
});

describe('simulator: Exchange roles and identities', () => {
  let client: SimulatorClient | undefined;
  afterEach(() => client?.stop());

  it('a cmdlet outside the app\'s roles is 403 with an empty body; so is a switch whose role is missing', async () => {
    const tenant = sampleTenant();
    client = await SimulatorClient.start({
      tenant: { ...tenant, tenant: { ...tenant.tenant, exchangeRoles: ['Mail Recipients', 'Distribution Groups'] } },
    });
    const create = await client.exchange('New-MailContact', { Name: 'Jane', ExternalEmailAddress: 'jane@partner.example' });
    assert.equal(create.status, 403);
    assert.equal(create.body, undefined);
    const bypass = await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'lidia@partner.example', BypassSecurityGroupManagerCheck: true });
    assert.equal(bypass.status, 403);
    assert.equal(bypass.body, undefined);
    assert.equal((await client.exchange('Get-Recipient', { Identity: 'megan@contoso.com' })).status, 200, 'a cmdlet inside the roles runs');
  });

  it('the roles can be changed at run time (faults.exchangeRoles), and Get-ManagementRoleAssignment lists them', async () => {
    client = await SimulatorClient.start();
    const all = await client.exchange('Get-ManagementRoleAssignment', { RoleAssignee: 'anything' });
    assert.deepEqual(all.body.value.map((a: { Role: string }) => a.Role).sort(), [
      'Distribution Groups',
      'Mail Recipient Creation',
      'Mail Recipients',
      'Security Group Creation and Membership',
      'View-Only Configuration',
    ]);
    client.sim.setFaults({ exchangeRoles: ['Mail Recipients'] });
    assert.equal((await client.exchange('Get-ManagementRoleAssignment', { RoleAssignee: 'anything' })).status, 403, 'reading roles needs View-Only Configuration');
  });

  it('New-MailContact without -Alias derives it from Name as Exchange does: "?" for letters outside Latin-1', async () => {
    client = await SimulatorClient.start();
    const created = await client.exchange('New-MailContact', { Name: 'Łukasz Żółć', ExternalEmailAddress: 'lukasz@firma.example' });
    assert.equal(created.status, 200);
    assert.equal(created.body.value[0].Alias, '?ukasz?ó??');
    const explicit = await client.exchange('New-MailContact', { Name: 'Łukasz Żółć (lukasz2@firma.example)', Alias: 'lukasz2.firma', ExternalEmailAddress: 'lukasz2@firma.example' });
    assert.equal(explicit.body.value[0].Alias, 'lukasz2.firma');
    const invalid = await client.exchange('New-MailContact', { Name: 'X', Alias: 'has space', ExternalEmailAddress: 'x@firma.example' });
    assert.equal(invalid.status, 400);
    assert.match(exchangeErrorParts(invalid.body)[1]!, /DataValidationException$/);
  });

  it('an Entra object id works as -Identity unless rejectEntraObjectIds is set; the documented forms always work', async () => {
    client = await SimulatorClient.start();
    assert.equal((await client.exchange('Get-DistributionGroup', { Identity: sample.salesPartnersDl })).status, 200);
    client.sim.setFaults({ rejectEntraObjectIds: true });
    assert.equal((await client.exchange('Get-DistributionGroup', { Identity: sample.salesPartnersDl })).status, 404);
    assert.equal((await client.exchange('Get-DistributionGroup', { Identity: 'sales-partners@contoso.com' })).status, 200);
  });
});
