import { strict as assert } from 'node:assert';
import { classifyGroup } from '../../../../src/domain/group-classification';
import type { GroupClassification } from '../../../../src/domain/group-kind';
import type { TenantData } from '../../../../simulator/tenant-data';
import { sample, SimulatedTenantWorld } from '../../support/simulated-tenant-world';

describe('GraphDirectory against the simulated tenant', () => {
  let world: SimulatedTenantWorld;
  beforeEach(async () => {
    world = await SimulatedTenantWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('lists the verified domains in lower case, once per cache period', async () => {
    const directory = world.services.directory;
    assert.deepEqual([...(await directory.verifiedDomains())].sort(), ['contoso.com', 'contoso.onmicrosoft.com']);
    await directory.verifiedDomains();
    assert.equal(world.count('GET /organization'), 1);
  });

  describe('findRecipient', () => {
    it('finds the existing guest, with its Entra id, whatever the case of the address', async () => {
      const found = await world.services.directory.findRecipient('Pradeep@FABRIKAM.example');
      assert.equal(found?.kind, 'guest');
      assert.equal(found?.id, sample.pradeepGuest);
      assert.equal(found?.email, 'pradeep@fabrikam.example');
    });

    it('finds the existing mail contact', async () => {
      const found = await world.services.directory.findRecipient('lidia@partner.example');
      assert.equal(found?.kind, 'mail-contact');
      assert.equal(found?.id, sample.lidiaContact);
    });

    it('finds an internal user and a group address', async () => {
      assert.equal((await world.services.directory.findRecipient('megan@contoso.com'))?.kind, 'member-user');
      assert.equal((await world.services.directory.findRecipient('sales-partners@contoso.com'))?.kind, 'group');
    });

    it('finds nobody for a fresh address, asking Graph users, Graph contacts and Exchange at once', async () => {
      assert.equal(await world.services.directory.findRecipient('jane.doe@partner.example'), undefined);
      assert.equal(world.count('GET /users'), 1);
      assert.equal(world.count('GET /contacts'), 1);
      assert.equal(world.count('Get-Recipient'), 1);
    });

    it("looks up o'brien@partner.example without breaking the filter, and finds a contact with that address", async () => {
      assert.equal(await world.services.directory.findRecipient("o'brien@partner.example"), undefined);
      assert.deepEqual(world.badRequests(), []);
      const created = await world.exchange('New-MailContact', { Name: "Pat O'Brien", ExternalEmailAddress: "o'brien@partner.example" });
      assert.equal(created.status, 200);
      const found = await world.services.directory.findRecipient("O'Brien@partner.example");
      assert.equal(found?.kind, 'mail-contact');
      assert.deepEqual(world.badRequests(), []);
    });
  });

  describe('groups', () => {
    const expected: ReadonlyArray<[string, string, GroupClassification['kind'], string]> = [
      ['Sales Partners', sample.salesPartnersDl, 'supported', 'distribution'],
      ['Finance Alerts', sample.financeMailSecurity, 'supported', 'mail-enabled-security'],
      ['Marketing Campaigns', sample.marketingM365, 'supported', 'microsoft-365'],
      ['Laptop Pilot', sample.laptopSecurity, 'unsupported', 'security-group'],
      ['Sales Everyone', sample.salesEveryoneDynamic, 'unsupported', 'dynamic-membership'],
      ['Board Communications', sample.boardSynced, 'unsupported', 'synced-from-on-premises'],
    ];
    for (const [name, id, kind, detail] of expected) {
      it(`reads ${name} and classifies it as ${detail}`, async () => {
        const group = await world.services.directory.getGroup(id);
        assert.ok(group);
        assert.equal(group.displayName, name);
        const classification = classifyGroup(group);
        assert.equal(classification.kind, kind);
        assert.equal(classification.kind === 'supported' ? classification.groupKind : classification.reason, detail);
      });
    }

    it('answers undefined for an unknown group id', async () => {
      assert.equal(await world.services.directory.getGroup('00000000-0000-0000-0000-000000000000'), undefined);
    });

    it('knows owners: Graph owners for Microsoft 365 groups, Exchange ManagedBy for distribution groups', async () => {
      const d = world.services.directory;
      assert.equal(await d.isGroupOwner(sample.marketingM365, sample.megan), true);
      assert.equal(await d.isGroupOwner(sample.salesPartnersDl, sample.megan), true);
      assert.equal(await d.isGroupOwner(sample.financeMailSecurity, sample.megan), true);
      assert.equal(await d.isGroupOwner(sample.allCompanyDl, sample.megan), false);
      assert.equal(await d.isGroupOwner(sample.allCompanyDl, sample.alex), true);
      assert.equal(await d.isGroupOwner(sample.salesPartnersDl, sample.diego), false);
      assert.equal(await d.isGroupOwner(sample.marketingM365, sample.diego), false);
    });

    it('knows approvers through the approvers group', async () => {
      assert.equal(await world.services.directory.isApprover(sample.alex), true);
      assert.equal(await world.services.directory.isApprover(sample.adele), true);
      assert.equal(await world.services.directory.isApprover(sample.diego), false);
    });

    it('reads the approvers roster: the users among the approvers group\'s transitive members', async () => {
      assert.deepEqual([...(await world.services.directory.approverIds())].sort(), [sample.alex, sample.adele].sort());
    });

    it('knows members, matched by id or address', async () => {
      const d = world.services.directory;
      const lidia = await d.findRecipient('lidia@partner.example');
      const pradeep = await d.findRecipient('pradeep@fabrikam.example');
      assert.ok(lidia && pradeep);
      assert.equal(await d.isMember(sample.salesPartnersDl, lidia), true);
      assert.equal(await d.isMember(sample.projectFalconDl, lidia), false);
      assert.equal(await d.isMember(sample.marketingM365, pradeep), true);
      assert.equal(await d.isMember(sample.salesPartnersDl, pradeep), false);
    });

    it('reads the guest policy of the tenant and of each Microsoft 365 group', async () => {
      assert.deepEqual(await world.services.directory.guestPolicy(sample.marketingM365), { tenantAllowsGuests: true, groupAllowsGuests: true });
      assert.deepEqual(await world.services.directory.guestPolicy(sample.legalM365NoGuests), { tenantAllowsGuests: true, groupAllowsGuests: false });
    });

    it('reads the sender restriction of distribution groups from Exchange', async () => {
      const salesPartners = await world.services.directory.groupMailSettings(sample.salesPartnersDl);
      assert.equal(salesPartners.requireSenderAuthentication, true);
      assert.equal(salesPartners.hasAcceptOnlyFromRestrictions, false);
      assert.equal(salesPartners.primarySmtpAddress, 'sales-partners@contoso.com');
      assert.equal((await world.services.directory.groupMailSettings(sample.projectFalconDl)).requireSenderAuthentication, false);
    });

    it('searches by name prefix among the groups the user owns', async () => {
      const d = world.services.directory;
      const megan = (await d.searchOwnedGroups(sample.megan, 'sales', 15)).map((g) => g.displayName).sort();
      assert.deepEqual(megan, ['Sales Everyone', 'Sales Partners']);
      assert.deepEqual(await d.searchOwnedGroups(sample.megan, 'All', 15), []);
      assert.deepEqual((await d.searchOwnedGroups(sample.alex, 'all', 15)).map((g) => g.displayName), ['All Company News']);
      assert.deepEqual((await d.searchOwnedGroups(sample.diego, '', 15)).length, 0);
    });

    it('searches with two calls at once, never one per candidate: Graph owned groups and one Get-DistributionGroup -ManagedBy', async () => {
      const found = await world.services.directory.searchOwnedGroups(sample.megan, '', 15);
      assert.deepEqual(
        found.map((g) => g.displayName),
        ['Board Communications', 'Finance Alerts', 'Laptop Pilot', 'Legal Review', 'Marketing Campaigns', 'Project Falcon', 'Sales Everyone', 'Sales Partners'],
      );
      const calls = world.log().map((r) => r.operation);
      assert.deepEqual(calls.sort(), ['GET /users/{id}/ownedObjects/microsoft.graph.group', 'Get-DistributionGroup']);
      const managedBy = world.log().find((r) => r.cmdlet === 'Get-DistributionGroup');
      assert.ok(managedBy);
    });

    it("searches with a quote in the query without breaking the filter", async () => {
      assert.deepEqual(await world.services.directory.searchOwnedGroups(sample.megan, "O'Neil's team", 15), []);
      assert.deepEqual(world.badRequests(), []);
    });
  });
});

describe('GraphDirectory: owned-group search in a large tenant', () => {
  let world: SimulatedTenantWorld;
  afterEach(() => world.stop());

  function withManyGroups(tenant: TenantData): TenantData {
    const id = (n: number, kind: number): string => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;
    const m365 = Array.from({ length: 130 }, (_, i) => ({
      id: id(i, 1), displayName: `Team ${String(i).padStart(3, '0')}`, description: null, mail: `team${i}@contoso.com`, mailNickname: `team${i}`,
      groupTypes: ['Unified'], mailEnabled: true, securityEnabled: false, onPremisesSyncEnabled: null, membershipRule: null, visibility: 'Private',
      proxyAddresses: [`SMTP:team${i}@contoso.com`], owners: [sample.megan], members: [sample.megan], allowGuests: null,
      exchange: { RequireSenderAuthenticationEnabled: true, ManagedBy: [], RecipientTypeDetails: 'GroupMailbox', HiddenFromAddressListsEnabled: false, AcceptMessagesOnlyFromSendersOrMembers: [] },
    }));
    const lists = Array.from({ length: 120 }, (_, i) => ({
      id: id(i, 2), displayName: `Team List ${String(i).padStart(3, '0')}`, description: null, mail: `list${i}@contoso.com`, mailNickname: `list${i}`,
      groupTypes: [], mailEnabled: true, securityEnabled: false, onPremisesSyncEnabled: null, membershipRule: null, visibility: null,
      proxyAddresses: [`SMTP:list${i}@contoso.com`], owners: [], members: [sample.megan], allowGuests: null,
      exchange: { RequireSenderAuthenticationEnabled: true, ManagedBy: [sample.megan], RecipientTypeDetails: 'MailUniversalDistributionGroup', HiddenFromAddressListsEnabled: false, AcceptMessagesOnlyFromSendersOrMembers: [] },
    }));
    return { ...tenant, groups: [...tenant.groups, ...m365, ...lists] };
  }

  it('finds owned groups past the first 100 of each service, in one Graph page loop and one Exchange call', async () => {
    world = await SimulatedTenantWorld.start({ tenant: withManyGroups });
    const microsoft365 = await world.services.directory.searchOwnedGroups(sample.megan, 'Team 12', 15);
    assert.deepEqual(microsoft365.map((g) => g.displayName), ['Team 120', 'Team 121', 'Team 122', 'Team 123', 'Team 124', 'Team 125', 'Team 126', 'Team 127', 'Team 128', 'Team 129']);
    const lists = await world.services.directory.searchOwnedGroups(sample.megan, 'team list 11', 15);
    assert.equal(lists.length, 10);
    assert.ok(lists.every((g) => g.mailEnabled && g.groupTypes.length === 0), 'distribution groups, as Graph would describe them');
    assert.equal(world.count('GET /users/{id}/ownedObjects/microsoft.graph.group'), 2, 'two pages of owned groups (100 + 30+)');
    assert.equal(world.count('Get-DistributionGroup'), 1, 'one Exchange call for every managed group (cached for the second search)');
    assert.equal(world.count('GET /groups/{id}/owners'), 0);
  });

  it('when Exchange does not take the user\'s object id as -ManagedBy, asks again with the user\'s address once', async () => {
    world = await SimulatedTenantWorld.start({ faults: { rejectEntraObjectIds: true } });
    const found = await world.services.directory.searchOwnedGroups(sample.megan, 'sales p', 15);
    assert.deepEqual(found.map((g) => g.displayName), ['Sales Partners']);
    assert.deepEqual(world.log().filter((r) => r.cmdlet === 'Get-DistributionGroup').map((r) => r.status), [404, 200]);
    assert.equal(world.count('GET /users/{id}'), 1);
  });
});

