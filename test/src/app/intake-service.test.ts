import { strict as assert } from 'node:assert';
import { IntakeService } from '../../../src/app/intake-service';
import { randomRequestIds } from '../../../src/app/request-id-generator';
import { scheduleTimers } from '../../../src/domain/approval-timers';
import type { Draft } from '../../../src/app/request-intake';
import { sample, SimulatedTenantWorld } from '../support/simulated-tenant-world';

const megan = { aadObjectId: sample.megan, name: 'Megan Bowen' };

function draft(groupId: string, email: string): Draft {
  return {
    tenantId: sample.tenantId,
    requester: megan,
    person: { email, firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe (Partner)', company: 'Partner' },
    groupId,
    reason: 'Joint project',
  };
}

describe('IntakeService against the simulated tenant', () => {
  let world: SimulatedTenantWorld;
  beforeEach(async () => {
    world = await SimulatedTenantWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  describe('checkAddress', () => {
    it('refuses a malformed address without asking the directory', async () => {
      assert.deepEqual(await world.intake.checkAddress('jane at partner'), { kind: 'malformed' });
      assert.equal(world.log().length, 0);
    });

    it('says an address in a verified domain is internal', async () => {
      assert.deepEqual(await world.intake.checkAddress('Diego@Contoso.com'), { kind: 'internal', domain: 'contoso.com' });
    });

    it('accepts a fresh external address, normalised to lower case', async () => {
      assert.deepEqual(await world.intake.checkAddress('  Jane.Doe@Partner.Example '), { kind: 'ok', email: 'jane.doe@partner.example' });
    });

    it("accepts o'brien@partner.example", async () => {
      assert.deepEqual(await world.intake.checkAddress("o'brien@partner.example"), { kind: 'ok', email: "o'brien@partner.example" });
      assert.deepEqual(world.badRequests(), []);
    });

    it('says an external address that belongs to an internal (member) user is taken', async () => {
      await world.stop();
      world = await SimulatedTenantWorld.start({
        tenant: (t) => ({
          ...t,
          users: [
            ...t.users,
            {
              id: '0f3e6f4e-8d2b-4a59-9a31-6f0d2c1b7a11',
              displayName: 'Kim Akers',
              userPrincipalName: 'kim@contoso.com',
              mail: 'kim@partner.example',
              userType: 'Member',
              otherMails: [],
              proxyAddresses: ['SMTP:kim@partner.example'],
              givenName: 'Kim',
              surname: 'Akers',
              jobTitle: null,
              externalUserState: null,
              creationType: null,
            },
          ],
        }),
      });
      const check = await world.intake.checkAddress('kim@partner.example');
      assert.equal(check.kind, 'taken');
      assert.equal(check.kind === 'taken' && check.existingRecipient.kind, 'member-user');
    });

    it('reports the existing guest or contact that will be reused', async () => {
      const guest = await world.intake.checkAddress('pradeep@fabrikam.example');
      assert.equal(guest.kind === 'ok' ? guest.existingRecipient?.kind : guest.kind, 'guest');
      const contact = await world.intake.checkAddress('lidia@partner.example');
      assert.equal(contact.kind === 'ok' ? contact.existingRecipient?.kind : contact.kind, 'mail-contact');
    });
  });

  describe('searchGroups', () => {
    it("offers only the requester's own groups, each with its classification", async () => {
      const groups = await world.intake.searchGroups(sample.megan, 'Sales');
      assert.deepEqual(
        groups.map((g) => [g.displayName, g.classification.kind]).sort(),
        [
          ['Sales Everyone', 'unsupported'],
          ['Sales Partners', 'supported'],
        ],
      );
    });
  });

  describe('checkGroup', () => {
    it('a distribution group that takes internal senders only: ok, with the warning for approvers', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.salesPartnersDl, 'jane.doe@partner.example');
      assert.equal(check.kind, 'ok');
      if (check.kind !== 'ok') return;
      assert.deepEqual(check.assessment, { groupKind: 'distribution', path: 'mail-contact', alreadyMember: false, internalSendersOnly: true });
    });

    it('a distribution group that accepts external senders: no warning', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.projectFalconDl, 'jane.doe@partner.example');
      assert.equal(check.kind === 'ok' && check.assessment.internalSendersOnly, false);
    });

    it('a mail-enabled security group goes the mail-contact way', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.financeMailSecurity, 'jane.doe@partner.example');
      assert.equal(check.kind === 'ok' && check.assessment.groupKind, 'mail-enabled-security');
    });

    it('a Microsoft 365 group that allows guests: the guest path', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.marketingM365, 'jane.doe@partner.example');
      assert.equal(check.kind, 'ok');
      if (check.kind !== 'ok') return;
      assert.deepEqual(check.assessment, {
        groupKind: 'microsoft-365',
        path: 'guest',
        alreadyMember: false,
        internalSendersOnly: false,
        guestsAllowed: true,
      });
    });

    it('an existing member is reported as such', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.salesPartnersDl, 'lidia@partner.example');
      assert.equal(check.kind === 'ok' && check.assessment.alreadyMember, true);
      const guest = await world.intake.checkGroup(sample.megan, sample.marketingM365, 'pradeep@fabrikam.example');
      assert.equal(guest.kind === 'ok' && guest.assessment.alreadyMember, true);
    });

    it('an existing guest will be reused for a distribution group', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.projectFalconDl, 'pradeep@fabrikam.example');
      assert.equal(check.kind === 'ok' && check.assessment.existingRecipient?.kind, 'guest');
    });

    it('a group the requester does not own is refused', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.allCompanyDl, 'jane.doe@partner.example');
      assert.equal(check.kind, 'not-owner');
    });

    it('guests refused by the group', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.legalM365NoGuests, 'jane.doe@partner.example');
      assert.equal(check.kind, 'guests-not-allowed');
      assert.equal(check.kind === 'guests-not-allowed' && check.scope, 'group');
    });

    it('guests refused by the whole tenant', async () => {
      await world.stop();
      world = await SimulatedTenantWorld.start({ tenant: (t) => ({ ...t, tenant: { ...t.tenant, guestsAllowed: false } }) });
      const check = await world.intake.checkGroup(sample.megan, sample.marketingM365, 'jane.doe@partner.example');
      assert.equal(check.kind === 'guests-not-allowed' && check.scope, 'tenant');
    });

    const unsupported: ReadonlyArray<[string, string, string]> = [
      ['a plain security group', sample.laptopSecurity, 'security-group'],
      ['a dynamic group', sample.salesEveryoneDynamic, 'dynamic-membership'],
      ['a group synced from on-premises', sample.boardSynced, 'synced-from-on-premises'],
    ];
    for (const [name, groupId, reason] of unsupported) {
      it(`${name} is refused as ${reason}`, async () => {
        const check = await world.intake.checkGroup(sample.megan, groupId, 'jane.doe@partner.example');
        assert.equal(check.kind, 'unsupported');
        assert.equal(check.kind === 'unsupported' && check.reason, reason);
      });
    }

    it('an address a mail contact has cannot become a guest (proxy-address conflict)', async () => {
      const check = await world.intake.checkGroup(sample.megan, sample.marketingM365, 'lidia@partner.example');
      assert.equal(check.kind, 'recipient-conflict');
      assert.equal(check.kind === 'recipient-conflict' && check.reason, 'address-belongs-to-mail-contact');
    });

    it('an unknown group is not found', async () => {
      assert.deepEqual(await world.intake.checkGroup(sample.megan, '00000000-0000-0000-0000-000000000000', 'jane@partner.example'), { kind: 'not-found' });
    });
  });

  describe('submit', () => {
    it('stores a pending request with a short id and the assessment', async () => {
      const result = await world.intake.submit(draft(sample.salesPartnersDl, 'Jane.Doe@Partner.example'));
      assert.equal(result.kind, 'submitted');
      if (result.kind !== 'submitted') return;
      const { request } = result;
      assert.match(request.id, /^R-[0-9A-Z]{6}$/);
      assert.equal(request.status, 'pending-approval');
      assert.equal(request.person.email, 'jane.doe@partner.example');
      assert.equal(request.createdAt, '2026-11-22T10:00:00.000Z');
      assert.deepEqual(request.group, { id: sample.salesPartnersDl, displayName: 'Sales Partners', mail: 'sales-partners@contoso.com', kind: 'distribution' });
      assert.equal(request.assessment.internalSendersOnly, true);
      assert.deepEqual(request.journal, []);
      assert.deepEqual((await world.store.get(request.id))?.request, request);
    });

    it('stores when the request is to be reminded about, escalated and expired, by the policy', async () => {
      const policy = {
        remindAfterHours: 8,
        remindEveryHours: 8,
        maxReminders: 3,
        escalateAfterHours: 24,
        expireAfterDays: 10,
        time: { counting: 'working-hours', week: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }, timeZone: 'Europe/Amsterdam' },
      } as const;
      const intake = new IntakeService({ directory: world.services.directory, store: world.store, clock: world.clock, newId: randomRequestIds(), logger: world.logger, timerPolicy: policy });
      const result = await intake.submit(draft(sample.salesPartnersDl, 'jane.doe@partner.example'));
      assert.ok(result.kind === 'submitted');
      // Submitted on Sunday 22 November 2026: the working hours start on Monday at 09:00 in Amsterdam.
      assert.deepEqual(result.request.timers, scheduleTimers(policy, '2026-11-22T10:00:00.000Z'));
      assert.equal(result.request.timers?.nextReminderAt, '2026-11-23T16:00:00.000Z');
      assert.deepEqual((await world.store.get(result.request.id))?.request.timers, result.request.timers);
    });

    it('re-validates: a group the requester does not own is not stored', async () => {
      const result = await world.intake.submit(draft(sample.allCompanyDl, 'jane.doe@partner.example'));
      assert.equal(result.kind === 'invalid' && result.check.kind, 'not-owner');
      assert.deepEqual(await world.store.listByStatus(['pending-approval']), []);
    });

    it('re-validates: an internal address is not stored', async () => {
      const result = await world.intake.submit(draft(sample.salesPartnersDl, 'diego@contoso.com'));
      assert.equal(result.kind === 'invalid' && result.check.kind, 'internal');
    });

    it('draws another id when the first is taken', async () => {
      const first = await world.intake.submit(draft(sample.salesPartnersDl, 'jane.doe@partner.example'));
      assert.equal(first.kind, 'submitted');
      const ids = ['R-AAAAAA', 'R-AAAAAA', 'R-BBBBBB'];
      const intake = new IntakeService({ directory: world.services.directory, store: world.store, clock: world.clock, logger: world.logger, newId: () => ids.shift() ?? 'R-ZZZZZZ' });
      const a = await intake.submit(draft(sample.projectFalconDl, 'jane.doe@partner.example'));
      const b = await intake.submit(draft(sample.financeMailSecurity, 'jane.doe@partner.example'));
      assert.equal(a.kind === 'submitted' && a.request.id, 'R-AAAAAA');
      assert.equal(b.kind === 'submitted' && b.request.id, 'R-BBBBBB');
    });
  });
});
