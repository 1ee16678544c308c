import { strict as assert } from 'node:assert';
import { classifyGroup } from '../../../../src/domain/group-classification';
import type { GroupClassification } from '../../../../src/domain/group-kind';
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

    it("searches with a quote in the query without breaking the filter", async () => {
      assert.deepEqual(await world.services.directory.searchOwnedGroups(sample.megan, "O'Neil's team", 15), []);
      assert.deepEqual(world.badRequests(), []);
    });
  });
});
