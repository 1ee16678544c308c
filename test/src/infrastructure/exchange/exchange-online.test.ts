import { strict as assert } from 'node:assert';
import { isAppError } from '../../../../src/app/app-error';
import { mailContactAlias, mailContactName } from '../../../../src/infrastructure/exchange/mail-contact-names';
import { sample, SimulatedTenantWorld } from '../../support/simulated-tenant-world';

const salesPartners = { id: sample.salesPartnersDl, displayName: 'Sales Partners', mail: 'sales-partners@contoso.com', kind: 'distribution' as const };
const falcon = { id: sample.projectFalconDl, displayName: 'Project Falcon', mail: 'project-falcon@contoso.com', kind: 'distribution' as const };

describe('ExchangeOnline (the Exchange adapter) against the simulated tenant', () => {
  let world: SimulatedTenantWorld;
  afterEach(async () => {
    await world.stop();
  });

  describe('allowExternalSenders (the one implementation)', () => {
    it('lets external senders mail a distribution group; a second call writes nothing', async () => {
      world = await SimulatedTenantWorld.start();
      assert.equal(await world.services.exchange.allowExternalSenders(salesPartners), 'changed');
      const after = await world.exchange('Get-DistributionGroup', { Identity: sample.salesPartnersDl });
      assert.equal(after.value[0]?.['RequireSenderAuthenticationEnabled'], false);
      assert.equal(await world.services.exchange.allowExternalSenders(salesPartners), 'already-allowed');
      assert.equal(world.count('Set-DistributionGroup'), 1);
    });

    it('refuses Microsoft 365 groups without asking Exchange', async () => {
      world = await SimulatedTenantWorld.start();
      const group = { id: sample.marketingM365, displayName: 'Marketing Campaigns', kind: 'microsoft-365' as const };
      await assert.rejects(world.services.exchange.allowExternalSenders(group), (e: unknown) => isAppError(e) && e.code === 'group-not-writable');
      assert.equal(world.count('Set-DistributionGroup'), 0);
    });

    it('a group that already accepts external senders needs no write, so no role', async () => {
      world = await SimulatedTenantWorld.start({ faults: { exchangeRoles: ['Mail Recipients', 'Distribution Groups'] } });
      assert.equal(await world.services.exchange.allowExternalSenders(falcon), 'already-allowed');
    });
  });

  describe('a missing Exchange role', () => {
    it('names exactly the role to grant (read with Get-ManagementRoleAssignment), sent once and never retried', async () => {
      world = await SimulatedTenantWorld.start({
        faults: { exchangeRoles: ['Mail Recipient Creation', 'Mail Recipients', 'Distribution Groups', 'View-Only Configuration'] },
      });
      await assert.rejects(world.services.exchange.allowExternalSenders(salesPartners), (e: unknown) => {
        assert.ok(isAppError(e));
        assert.equal(e.code, 'permission-denied');
        assert.deepEqual(e.rolesToGrant, ['Security Group Creation and Membership']);
        return true;
      });
      assert.equal(world.count('Set-DistributionGroup'), 1);
      assert.ok(!world.logger.records.some((r) => /retry/i.test(r.msg)), 'no retry was logged');
    });

    it('without the read-only role to look, names every role the call needs', async () => {
      world = await SimulatedTenantWorld.start({ faults: { exchangeRoles: ['Mail Recipient Creation', 'Mail Recipients', 'Distribution Groups'] } });
      await assert.rejects(world.services.exchange.addDistributionGroupMember(salesPartners, 'lidia@partner.example'), (e: unknown) => {
        assert.ok(isAppError(e));
        assert.deepEqual(e.rolesToGrant, ['Distribution Groups', 'Security Group Creation and Membership']);
        return true;
      });
    });
  });

  describe('createMailContact', () => {
    it('sends a Name unique on the first try and a clean Alias, and names the new contact by its Guid', async () => {
      world = await SimulatedTenantWorld.start();
      const created = await world.services.exchange.createMailContact({ email: 'lukasz.zolc@firma.example', displayName: 'Łukasz Żółć', firstName: 'Łukasz', lastName: 'Żółć' });
      assert.match(created.identity, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const contact = (await world.exchange('Get-MailContact', { Identity: created.identity })).value[0]!;
      assert.equal(contact['Name'], 'Łukasz Żółć (lukasz.zolc@firma.example)');
      assert.equal(contact['Alias'], 'lukasz.zolc_firma.example');
      assert.equal(contact['DisplayName'], 'Łukasz Żółć');
      assert.equal(contact['ExternalDirectoryObjectId'], created.id);
      assert.equal(world.count('New-MailContact'), 1, 'no second try');
    });

    it('two people with the same display name each get a contact, first time', async () => {
      world = await SimulatedTenantWorld.start();
      await world.services.exchange.createMailContact({ email: 'john@one.example', displayName: 'John Smith', firstName: 'John', lastName: 'Smith' });
      await world.services.exchange.createMailContact({ email: 'john@two.example', displayName: 'John Smith', firstName: 'John', lastName: 'Smith' });
      assert.equal(world.count('New-MailContact'), 2);
      assert.ok(world.log().every((r) => r.status === 200));
    });
  });

  describe('identities', () => {
    it('when Exchange does not take the Entra object id, retries once with the group address and logs which worked', async () => {
      world = await SimulatedTenantWorld.start({ faults: { rejectEntraObjectIds: true } });
      assert.equal(await world.services.exchange.addDistributionGroupMember(salesPartners, 'pradeep@fabrikam.example'), 'added');
      const adds = world.log().filter((r) => r.cmdlet === 'Add-DistributionGroupMember').map((r) => r.status);
      assert.deepEqual(adds, [404, 200]);
      const line = world.logger.records.find((r) => r.msg.startsWith('exchange identity'));
      assert.deepEqual(line?.fields['worked'], 'sales-partners@contoso.com');
    });

    it('the object id is tried first and is enough where Exchange takes it', async () => {
      world = await SimulatedTenantWorld.start();
      assert.equal(await world.services.exchange.addDistributionGroupMember(salesPartners, 'pradeep@fabrikam.example'), 'added');
      assert.equal(world.count('Add-DistributionGroupMember'), 1);
      assert.equal(await world.services.exchange.addDistributionGroupMember(salesPartners, 'pradeep@fabrikam.example'), 'already-member');
    });
  });
});

describe('mail contact Name and Alias', () => {
  it('Name: display name and address, cut to 64 keeping the address', () => {
    assert.equal(mailContactName('Jane Doe', 'jane@partner.example'), 'Jane Doe (jane@partner.example)');
    const long = mailContactName('A'.repeat(80), 'jane@partner.example');
    assert.equal(long.length, 64);
    assert.ok(long.endsWith(' (jane@partner.example)'));
    assert.equal(mailContactName('', 'jane@partner.example'), 'jane@partner.example');
    const longAddress = `${'x'.repeat(70)}@partner.example`;
    assert.equal(mailContactName('Jane', longAddress), longAddress.slice(0, 64));
  });

  it('Alias: plain ASCII from the whole address, no "?" for letters outside Latin-1', () => {
    assert.equal(mailContactAlias('jane.doe@partner.example'), 'jane.doe_partner.example');
    assert.equal(mailContactAlias('łukasz.żółć@firma.pl'), 'lukasz.zolc_firma.pl');
    assert.equal(mailContactAlias('søren.øst@firma.dk'), 'soren.ost_firma.dk');
    assert.equal(mailContactAlias('straße@firma.de'), 'strasse_firma.de');
    assert.equal(mailContactAlias('"a..b"@x.example'), 'a.b_x.example');
    assert.equal(mailContactAlias('иван@почта.рф'), 'external-contact');
  });
});
