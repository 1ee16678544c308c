import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenantFile, parseTenant, sampleTenantPath, TenantFileError } from '../../simulator/tenant-file';
import type { WireJson } from './simulator-fixture';

const minimal = (): WireJson => ({
  tenant: { id: '11111111-2222-4333-8444-555555555555', verifiedDomains: ['fabrikam.example', 'fabrikam.onmicrosoft.com'], guestsAllowed: true },
  users: [{ id: '11111111-2222-4333-8444-000000000001', displayName: 'Ann', userPrincipalName: 'ann@fabrikam.example', mail: 'ann@fabrikam.example' }],
  groups: [
    { id: '11111111-2222-4333-8444-000000000002', displayName: 'Team', mail: 'team@fabrikam.example', groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, owners: ['11111111-2222-4333-8444-000000000001'] },
  ],
  contacts: [],
});

describe('tenant file', () => {
  it('loads the shipped sample tenant with every kind of group the bot meets', () => {
    const tenant = loadTenantFile(sampleTenantPath());
    assert.equal(tenant.tenant.guestsAllowed, true);
    assert.deepEqual(tenant.tenant.verifiedDomains.map((d) => d.name), ['contoso.com', 'contoso.onmicrosoft.com']);
    const names = tenant.groups.map((g) => g.displayName);
    for (const expected of ['Sales Partners', 'Project Falcon', 'Marketing Campaigns', 'Legal Review', 'Finance Alerts', 'All Company News', 'Laptop Pilot', 'Sales Everyone', 'Board Communications', 'External Access Approvers']) {
      assert.ok(names.includes(expected), expected);
    }
    assert.equal(tenant.users.filter((u) => u.userType === 'Guest').length, 1);
    assert.equal(tenant.contacts.length, 1);
  });

  it('fills in defaults: initial and default domains, proxy addresses, Exchange settings of mail-enabled groups', () => {
    const t = parseTenant(minimal());
    assert.deepEqual(t.tenant.verifiedDomains, [
      { name: 'fabrikam.example', isDefault: true, isInitial: false },
      { name: 'fabrikam.onmicrosoft.com', isDefault: false, isInitial: true },
    ]);
    assert.deepEqual(t.users[0]!.proxyAddresses, ['SMTP:ann@fabrikam.example']);
    assert.equal(t.users[0]!.userType, 'Member');
    assert.equal(t.groups[0]!.exchange?.RecipientTypeDetails, 'GroupMailbox');
    assert.equal(t.groups[0]!.exchange?.RequireSenderAuthenticationEnabled, true);
    assert.equal(t.tenant.invitationsAllowed, true);
    assert.deepEqual(t.tenant.exchangeRoles, [
      'Mail Recipient Creation',
      'Mail Recipients',
      'Distribution Groups',
      'Security Group Creation and Membership',
      'View-Only Configuration',
    ]);
  });

  it('ignores fields it does not know', () => {
    const json = minimal();
    json['comment'] = 'hello';
    json['users'][0].department = 'Sales';
    assert.doesNotThrow(() => parseTenant(json));
  });

  const cases: [string, (j: WireJson) => void, string][] = [
    ['no tenant', (j) => delete j['tenant'], 'tenant is required'],
    ['a tenant id that is not a GUID', (j) => (j['tenant'].id = 'contoso'), 'tenant.id must be a GUID'],
    ['no verified domains', (j) => (j['tenant'].verifiedDomains = []), 'tenant.verifiedDomains must be a non-empty array of domain names'],
    ['no initial domain', (j) => (j['tenant'].verifiedDomains = ['fabrikam.example']), 'tenant.verifiedDomains must include the initial domain (<name>.onmicrosoft.com)'],
    ['guestsAllowed missing', (j) => delete j['tenant'].guestsAllowed, 'tenant.guestsAllowed must be true or false'],
    ['groupTypes not an array of strings', (j) => (j['groups'][0].groupTypes = 'Unified'), 'groups[0].groupTypes must be an array of strings'],
    ['a user without a UPN', (j) => delete j['users'][0].userPrincipalName, 'users[0].userPrincipalName must be a non-empty string'],
    ['an unknown userType', (j) => (j['users'][0].userType = 'Admin'), 'users[0].userType must be "Member" or "Guest"'],
    ['a malformed mail', (j) => (j['users'][0].mail = 'ann'), 'users[0].mail must be an e-mail address or null'],
    ['a mail-enabled group without mail', (j) => (j['groups'][0].mail = null), 'groups[0].mail is required when mailEnabled is true'],
    ['a dynamic group without rule', (j) => j['groups'][0].groupTypes.push('DynamicMembership'), 'groups[0].membershipRule is required when groupTypes contains "DynamicMembership"'],
    ['an owner that does not exist', (j) => (j['groups'][0].owners = ['11111111-2222-4333-8444-00000000ffff']), 'groups[0].owners[0] refers to no user: 11111111-2222-4333-8444-00000000ffff'],
    ['a member that does not exist', (j) => (j['groups'][0].members = ['11111111-2222-4333-8444-00000000ffff']), 'groups[0].members[0] refers to no user, contact or group: 11111111-2222-4333-8444-00000000ffff'],
    ['a ManagedBy that does not exist', (j) => (j['groups'][0].exchange = { ManagedBy: ['bob@fabrikam.example'] }), 'groups[0].exchange.ManagedBy[0] refers to no user: bob@fabrikam.example'],
    ['a duplicate id', (j) => (j['groups'][0].id = j['users'][0].id), 'groups[0].id duplicates users[0].id'],
    ['an address used twice', (j) => j['contacts'].push({ id: '11111111-2222-4333-8444-000000000003', displayName: 'X', mail: 'team@fabrikam.example' }), 'contacts[0].mail (team@fabrikam.example) is already used by groups[0].mail'],
    ['allowGuests on a distribution group', (j) => (j['groups'][0] = { ...j['groups'][0], groupTypes: [], allowGuests: true }), 'groups[0].allowGuests applies only to Microsoft 365 groups (groupTypes containing "Unified")'],
    ['an Exchange role the simulator does not know', (j) => (j['tenant'].exchangeRoles = ['Mail Recipients', 'Everything']), 'tenant.exchangeRoles[1] "Everything" is not an Exchange role the simulator knows (Mail Recipient Creation, Mail Recipients, Distribution Groups, Security Group Creation and Membership, View-Only Configuration, Role Management, View-Only Recipients)'],
    ['users not an array', (j) => (j['users'] = {}), 'users must be an array'],
    ['a group that is not an object', (j) => (j['groups'][0] = 'x'), 'groups[0] must be an object'],
  ];
  for (const [name, spoil, message] of cases) {
    it(`rejects ${name}, naming the field`, () => {
      const json = minimal();
      spoil(json);
      assert.throws(() => parseTenant(json), (e: unknown) => e instanceof TenantFileError && e.message === message);
    });
  }

  describe('loadTenantFile', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'tenant-file-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names the file and the field when the file is malformed', () => {
      const path = join(dir, 'tenant.json');
      const json = minimal();
      json['groups'][0].mailEnabled = 'yes';
      writeFileSync(path, JSON.stringify(json));
      assert.throws(() => loadTenantFile(path), { message: `${path}: groups[0].mailEnabled must be true or false` });
    });

    it('says so when the file is not JSON', () => {
      const path = join(dir, 'tenant.json');
      writeFileSync(path, '{ nope');
      assert.throws(() => loadTenantFile(path), (e: unknown) => e instanceof TenantFileError && e.message.startsWith(`${path}: not valid JSON`));
    });

    it('says so when the file is missing', () => {
      const path = join(dir, 'missing.json');
      assert.throws(() => loadTenantFile(path), { message: `${path}: cannot read the tenant file (ENOENT)` });
    });
  });
});
