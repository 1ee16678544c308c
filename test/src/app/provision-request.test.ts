import { AuditTrail } from '../../../src/app/audit-trail';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { strict as assert } from 'node:assert';
import type { AccessRequest, JournalEntry } from '../../../src/domain/access-request';
import type { ProvisionOutcome } from '../../../src/app/provision-request';
import { KeepInformed } from '../../../src/app/keep-informed';
import { ProvisioningRunner } from '../../../src/app/provisioning-runner';
import { RecordingNotifier } from '../support/recording-notifier';
import { sample, SimulatedTenantWorld, type WorldOptions } from '../support/simulated-tenant-world';

interface Contact {
  id: string;
  mail: string;
}
interface Member {
  id: string;
  mail?: string | null;
}

/** A request as the approval feature hands it over: submitted through intake, then approved. */
async function approved(world: SimulatedTenantWorld, groupId: string, email: string, person: Partial<AccessRequest['person']> = {}): Promise<AccessRequest> {
  const result = await world.intake.submit({
    tenantId: sample.tenantId,
    requester: { aadObjectId: sample.megan, name: 'Megan Bowen' },
    person: { email, firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe (Partner)', ...person },
    groupId,
    reason: 'Joint project',
  });
  if (result.kind !== 'submitted') throw new Error(`not submitted: ${JSON.stringify(result)}`);
  return { ...result.request, status: 'approved' };
}

/** A request built by hand, for states intake would refuse (the directory changed after approval). */
function handMade(groupId: string, kind: 'distribution' | 'microsoft-365', email: string): AccessRequest {
  const path = kind === 'microsoft-365' ? 'guest' : 'mail-contact';
  return {
    id: 'R-HAND01',
    tenantId: sample.tenantId,
    requester: { aadObjectId: sample.megan, name: 'Megan Bowen' },
    person: { email, firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe' },
    group: { id: groupId, displayName: 'Group', kind },
    reason: 'r',
    assessment: { groupKind: kind, path, alreadyMember: false, internalSendersOnly: false },
    status: 'approved',
    createdAt: '2026-11-22T09:00:00.000Z',
    journal: [],
  };
}

async function provision(world: SimulatedTenantWorld, request: AccessRequest): Promise<{ outcome: ProvisionOutcome; journal: JournalEntry[] }> {
  const journal: JournalEntry[] = [...request.journal];
  const outcome = await world.provisioning.run(request, {
    onJournal: (entry) => {
      journal.push(entry);
      return Promise.resolve();
    },
  });
  return { outcome, journal };
}

function steps(journal: readonly JournalEntry[]): string[] {
  return journal.map((e) => `${e.step}:${e.outcome}${e.alreadyDone ? ':already' : ''}`);
}

describe('ProvisionRequest against the simulated tenant', () => {
  let world: SimulatedTenantWorld;
  async function fresh(options: WorldOptions = {}): Promise<void> {
    await world.stop();
    world = await SimulatedTenantWorld.start(options);
  }
  beforeEach(async () => {
    world = await SimulatedTenantWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  async function contactsWith(email: string): Promise<Contact[]> {
    const q = encodeURIComponent(`mail eq '${email.replace(/'/g, "''")}'`);
    return (await world.graphGet<{ value: Contact[] }>(`/contacts?$filter=${q}`)).value;
  }
  async function members(groupId: string): Promise<Member[]> {
    return (await world.graphGet<{ value: Member[] }>(`/groups/${groupId}/members?$select=id,mail&$top=999`)).value;
  }

  describe('distribution and mail-enabled security groups', () => {
    it('fresh address: creates one mail contact and adds it', async () => {
      const request = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      const { outcome, journal } = await provision(world, request);
      const contacts = await contactsWith('jane.doe@partner.example');
      assert.equal(contacts.length, 1);
      const created = await world.exchange('Get-MailContact', { Identity: 'jane.doe@partner.example' });
      assert.deepEqual(outcome, { kind: 'completed', recipientId: contacts[0]?.id, recipientIdentity: created.value[0]?.['Guid'], alreadyMember: false });
      assert.deepEqual(steps(journal), ['create-mail-contact:done', 'add-distribution-group-member:done']);
      assert.equal(journal[0]?.objectIds?.['recipientId'], contacts[0]?.id);
      assert.equal(journal[1]?.at, '2026-11-22T10:00:00.000Z');
      assert.ok((await members(sample.salesPartnersDl)).some((m) => m.id === contacts[0]?.id));
      assert.equal(world.count('New-MailContact'), 1);
    });

    it('fresh address with HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS: the new contact is hidden', async () => {
      await fresh({ hideContacts: true });
      const request = await approved(world, sample.financeMailSecurity, 'sam@fabrikam.example');
      const { outcome, journal } = await provision(world, request);
      assert.equal(outcome.kind, 'completed');
      assert.deepEqual(steps(journal), ['create-mail-contact:done', 'hide-mail-contact:done', 'add-distribution-group-member:done']);
      const contact = await world.exchange('Get-MailContact', { Identity: 'sam@fabrikam.example' });
      assert.equal(contact.value[0]?.['HiddenFromAddressListsEnabled'], true);
    });

    it('existing mail contact: reused, no new contact', async () => {
      const request = await approved(world, sample.projectFalconDl, 'lidia@partner.example');
      const { outcome, journal } = await provision(world, request);
      assert.equal(outcome.kind === 'completed' && outcome.recipientId, sample.lidiaContact);
      assert.deepEqual(steps(journal), ['use-existing-recipient:reused:already', 'add-distribution-group-member:done']);
      assert.equal(world.count('New-MailContact'), 0);
      assert.ok((await members(sample.projectFalconDl)).some((m) => m.id === sample.lidiaContact));
    });

    it('existing guest: the guest mail user is added, never a contact for the same address', async () => {
      const request = await approved(world, sample.salesPartnersDl, 'pradeep@fabrikam.example');
      const { outcome } = await provision(world, request);
      assert.equal(outcome.kind === 'completed' && outcome.recipientId, sample.pradeepGuest);
      assert.equal(world.count('New-MailContact'), 0);
      assert.equal((await contactsWith('pradeep@fabrikam.example')).length, 0);
      assert.ok((await members(sample.salesPartnersDl)).some((m) => m.id === sample.pradeepGuest));
    });

    it('existing member: completes without writing, "already a member" counts as success', async () => {
      const request = handMade(sample.salesPartnersDl, 'distribution', 'lidia@partner.example');
      const { outcome, journal } = await provision(world, request);
      const lidia = await world.exchange('Get-Recipient', { Identity: 'lidia@partner.example' });
      assert.deepEqual(outcome, { kind: 'completed', recipientId: sample.lidiaContact, recipientIdentity: lidia.value[0]?.['Guid'], alreadyMember: true });
      assert.deepEqual(steps(journal), ['use-existing-recipient:reused:already', 'add-distribution-group-member:reused:already']);
      assert.equal((await members(sample.salesPartnersDl)).filter((m) => m.id === sample.lidiaContact).length, 1);
    });

    it('an internal address is refused before anything is written', async () => {
      const { outcome } = await provision(world, handMade(sample.salesPartnersDl, 'distribution', 'diego@contoso.com'));
      assert.deepEqual(outcome, { kind: 'refused', reason: 'address-belongs-to-internal-recipient', errorCode: 'recipient-conflict' });
      assert.equal(world.count('New-MailContact') + world.count('Add-DistributionGroupMember'), 0);
    });

    it("o'brien@partner.example works", async () => {
      const request = await approved(world, sample.salesPartnersDl, "O'Brien@partner.example", { displayName: "Pat O'Brien", firstName: 'Pat', lastName: "O'Brien" });
      const { outcome } = await provision(world, request);
      assert.equal(outcome.kind, 'completed');
      assert.equal((await contactsWith("o'brien@partner.example")).length, 1);
      assert.deepEqual(world.badRequests(), []);
    });

    it('a contact name already taken by another object gets the address appended', async () => {
      const request = await approved(world, sample.projectFalconDl, 'lidia.h@partner.example', { displayName: 'Lidia Holloway (Partner)' });
      const { outcome } = await provision(world, request);
      assert.equal(outcome.kind, 'completed');
      const contact = await world.exchange('Get-MailContact', { Identity: 'lidia.h@partner.example' });
      assert.equal(contact.value[0]?.['Name'], 'Lidia Holloway (Partner) (lidia.h@partner.example)');
    });

    it('a refusal from Exchange fails the step with its code and journals it', async () => {
      await fresh({ faults: { forbid: ['Add-DistributionGroupMember'] } });
      const request = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      const { outcome, journal } = await provision(world, request);
      assert.deepEqual(outcome, {
        kind: 'failed',
        step: 'add-distribution-group-member',
        errorCode: 'permission-denied',
        rolesToGrant: ['Distribution Groups', 'Security Group Creation and Membership'],
      });
      assert.deepEqual(steps(journal), ['create-mail-contact:done', 'add-distribution-group-member:failed']);
      assert.equal(journal[1]?.errorCode, 'permission-denied');
    });
  });

  describe('Microsoft 365 groups', () => {
    it('fresh address: invites one guest and adds it', async () => {
      const request = await approved(world, sample.marketingM365, 'jane.doe@partner.example');
      const { outcome, journal } = await provision(world, request);
      assert.equal(outcome.kind, 'completed');
      assert.deepEqual(steps(journal), ['invite-guest:done', 'add-group-member:done']);
      const guestId = outcome.kind === 'completed' ? outcome.recipientId : undefined;
      const guest = await world.graphGet<{ userType: string; mail: string }>(`/users/${guestId ?? 'none'}?$select=userType,mail`);
      assert.deepEqual({ userType: guest.userType, mail: guest.mail }, { userType: 'Guest', mail: 'jane.doe@partner.example' });
      assert.ok((await members(sample.marketingM365)).some((m) => m.id === guestId));
      assert.equal(world.count('POST /invitations'), 1);
    });

    it('existing guest: reused, no invitation', async () => {
      const removed = await fetch(`${world.sim.graphBaseUrl}/groups/${sample.marketingM365}/members/${sample.pradeepGuest}/$ref`, { method: 'DELETE' });
      assert.equal(removed.status, 204);
      const request = await approved(world, sample.marketingM365, 'pradeep@fabrikam.example');
      const { outcome, journal } = await provision(world, request);
      const pradeep = await world.exchange('Get-Recipient', { Identity: 'pradeep@fabrikam.example' });
      assert.deepEqual(outcome, { kind: 'completed', recipientId: sample.pradeepGuest, recipientIdentity: pradeep.value[0]?.['Guid'], alreadyMember: false });
      assert.deepEqual(steps(journal), ['use-existing-recipient:reused:already', 'add-group-member:done']);
      assert.equal(world.count('POST /invitations'), 0);
    });

    it('existing member: Graph\'s 400 is recognised as "already a member" without reading its text', async () => {
      const { outcome, journal } = await provision(world, handMade(sample.marketingM365, 'microsoft-365', 'pradeep@fabrikam.example'));
      const pradeep = await world.exchange('Get-Recipient', { Identity: 'pradeep@fabrikam.example' });
      assert.deepEqual(outcome, { kind: 'completed', recipientId: sample.pradeepGuest, recipientIdentity: pradeep.value[0]?.['Guid'], alreadyMember: true });
      assert.deepEqual(steps(journal), ['use-existing-recipient:reused:already', 'add-group-member:reused:already']);
    });

    it('an address a mail contact has is refused (proxy-address conflict), nobody is invited', async () => {
      const { outcome } = await provision(world, handMade(sample.marketingM365, 'microsoft-365', 'lidia@partner.example'));
      assert.deepEqual(outcome, { kind: 'refused', reason: 'address-belongs-to-mail-contact', errorCode: 'proxy-address-conflict' });
      assert.equal(world.count('POST /invitations'), 0);
    });

    it('guests refused by the group: refused, nobody is invited', async () => {
      const { outcome } = await provision(world, handMade(sample.legalM365NoGuests, 'microsoft-365', 'jane.doe@partner.example'));
      assert.deepEqual(outcome, { kind: 'refused', reason: 'guests-not-allowed', errorCode: 'guests-not-allowed' });
      assert.equal(world.count('POST /invitations'), 0);
    });

    it('invitations blocked by the tenant: the invite step fails as invitation-blocked', async () => {
      await fresh({ tenant: (t) => ({ ...t, tenant: { ...t.tenant, invitationsAllowed: false } }) });
      const { outcome } = await provision(world, handMade(sample.marketingM365, 'microsoft-365', 'jane.doe@partner.example'));
      assert.deepEqual(outcome, { kind: 'failed', step: 'invite-guest', errorCode: 'invitation-blocked' });
    });

    it("o'brien@partner.example works", async () => {
      const request = await approved(world, sample.marketingM365, "o'brien@partner.example", { displayName: "Pat O'Brien" });
      const { outcome } = await provision(world, request);
      assert.equal(outcome.kind, 'completed');
      assert.deepEqual(world.badRequests(), []);
    });
  });

  describe('the group changed after approval', () => {
    it('a group now synced from on-premises is refused before anything is written', async () => {
      const { outcome } = await provision(world, handMade(sample.boardSynced, 'distribution', 'jane.doe@partner.example'));
      assert.deepEqual(outcome, { kind: 'refused', reason: 'synced-from-on-premises', errorCode: 'group-not-writable' });
      assert.equal(world.count('New-MailContact'), 0);
    });

    it('a group now dynamic, or now a plain security group, is refused', async () => {
      const dynamic = await provision(world, handMade(sample.salesEveryoneDynamic, 'microsoft-365', 'jane.doe@partner.example'));
      assert.equal(dynamic.outcome.kind === 'refused' && dynamic.outcome.reason, 'dynamic-membership');
      const security = await provision(world, handMade(sample.laptopSecurity, 'distribution', 'jane.doe@partner.example'));
      assert.equal(security.outcome.kind === 'refused' && security.outcome.reason, 'security-group');
      assert.equal(world.count('POST /invitations') + world.count('New-MailContact'), 0);
    });

    it('a deleted group fails the directory read as not-found', async () => {
      const { outcome } = await provision(world, handMade('00000000-0000-0000-0000-000000000000', 'distribution', 'jane.doe@partner.example'));
      assert.deepEqual(outcome, { kind: 'failed', step: 'read-directory', errorCode: 'not-found' });
    });
  });

  describe('resuming an interrupted run', () => {
    /** Runs until the first journal entry is persisted, then "crashes". */
    async function crashAfterFirstStep(request: AccessRequest): Promise<JournalEntry[]> {
      const persisted: JournalEntry[] = [];
      await assert.rejects(
        world.provisioning.run(request, {
          onJournal: (entry) => {
            persisted.push(entry);
            return Promise.reject(new Error('process killed'));
          },
        }),
        /process killed/,
      );
      return persisted;
    }

    it('mail-contact path: the resumed run does not create a second contact', async () => {
      const request = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      const first = await crashAfterFirstStep(request);
      assert.deepEqual(steps(first), ['create-mail-contact:done']);
      const { outcome, journal } = await provision(world, { ...request, journal: first });
      assert.equal(outcome.kind, 'completed');
      assert.deepEqual(steps(journal), ['create-mail-contact:done', 'add-distribution-group-member:done']);
      assert.equal(world.count('New-MailContact'), 1);
      assert.equal((await contactsWith('jane.doe@partner.example')).length, 1);
    });

    it('guest path: the resumed run does not send a second invitation', async () => {
      const request = await approved(world, sample.marketingM365, 'jane.doe@partner.example');
      const first = await crashAfterFirstStep(request);
      assert.deepEqual(steps(first), ['invite-guest:done']);
      const { outcome } = await provision(world, { ...request, journal: first });
      assert.equal(outcome.kind, 'completed');
      assert.equal(world.count('POST /invitations'), 1);
      const guests = await world.graphGet<{ value: unknown[] }>(`/users?$filter=${encodeURIComponent("mail eq 'jane.doe@partner.example'")}`);
      assert.equal(guests.value.length, 1);
    });

    it('a crash before the first step was journaled, under replication delay: waits for the directory, then finds and reuses the contact', async () => {
      await fresh({ faults: { replicationDelayMs: 60_000 } });
      const request = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      await assert.rejects(world.provisioning.run(request, { onJournal: () => Promise.reject(new Error('store down')) }), /store down/);
      // The address is taken, but reads do not show its owner yet: a wait, not a failure.
      const early = await provision(world, request);
      assert.deepEqual(early.outcome, { kind: 'waiting', step: 'create-mail-contact' });
      assert.deepEqual(steps(early.journal), [], 'a wait journals nothing');
      world.clock.advance(60_000);
      const { outcome, journal } = await provision(world, request);
      assert.equal(outcome.kind, 'completed');
      // By now the contact is visible, so the plan itself reuses it.
      assert.deepEqual(steps(journal), ['use-existing-recipient:reused:already', 'add-distribution-group-member:done']);
      assert.equal((await contactsWith('jane.doe@partner.example')).length, 1);
    });
  });

  describe('replication delay: the step waits (durably, by the runner), never in memory', () => {
    it('a new contact Exchange cannot resolve yet: waiting at the add, then the add on the next run', async () => {
      await fresh({ faults: { replicationDelayMs: 30_000 } });
      const request = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      const first = await provision(world, request);
      assert.deepEqual(first.outcome, { kind: 'waiting', step: 'add-distribution-group-member' });
      assert.deepEqual(steps(first.journal), ['create-mail-contact:done']);
      assert.deepEqual(world.sleeps, [], 'no sleeping in memory');
      world.clock.advance(30_000);
      const second = await provision(world, { ...request, journal: first.journal });
      assert.equal(second.outcome.kind, 'completed');
      assert.deepEqual(steps(second.journal), ['create-mail-contact:done', 'add-distribution-group-member:done']);
      // Not-found does not say whether the group or the member is missing: the group's address is tried once too.
      assert.deepEqual(world.log().filter((r) => r.cmdlet === 'Add-DistributionGroupMember').map((r) => r.status), [404, 404, 200]);
      assert.equal(world.count('New-MailContact'), 1);
    });

    it('a new guest Graph cannot reference yet: waiting at the add, then the add on the next run', async () => {
      await fresh({ faults: { replicationDelayMs: 30_000 } });
      const request = await approved(world, sample.marketingM365, 'jane.doe@partner.example');
      const first = await provision(world, request);
      assert.deepEqual(first.outcome, { kind: 'waiting', step: 'add-group-member' });
      world.clock.advance(30_000);
      const second = await provision(world, { ...request, journal: first.journal });
      assert.equal(second.outcome.kind, 'completed');
      assert.deepEqual(world.log().filter((r) => r.operation === 'POST /groups/{id}/members/$ref').map((r) => r.status), [400, 204]);
      assert.equal(world.count('POST /invitations'), 1);
    });

    it('not-found for a recipient this run did not create is a failure, not a wait', async () => {
      const request = await approved(world, sample.salesPartnersDl, 'lidia@partner.example');
      const { outcome } = await provision(world, { ...request, group: { ...request.group, id: '00000000-0000-4000-8000-00000000dead', mail: 'gone@contoso.com' } });
      assert.equal(outcome.kind, 'failed');
    });
  });

  describe('throttling', () => {
    it('honours Retry-After from Graph and Exchange (checked from the request log timestamps)', async function () {
      this.timeout(30_000);
      await fresh({ manualTime: false, realExchangeSleep: true, seed: 10, faults: { errorRate: 0.2, errorKinds: ['throttle'], retryAfterSeconds: 1 } });
      const dl = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      const m365 = await approved(world, sample.marketingM365, 'sam@fabrikam.example');
      assert.equal((await provision(world, dl)).outcome.kind, 'completed');
      assert.equal((await provision(world, m365)).outcome.kind, 'completed');
      const log = world.log();
      const throttled = log.filter((r) => r.status === 429 && r.batchRequestId === undefined);
      assert.ok(throttled.some((r) => r.cmdlet !== undefined), 'expected Exchange to be throttled at least once');
      assert.ok(throttled.some((r) => r.cmdlet === undefined), 'expected Graph to be throttled at least once');
      for (const t of throttled) {
        const retry = log.find((r) => r.time > t.time && r.operation === t.operation && r.url === t.url);
        assert.ok(retry, `no retry after the 429 of ${t.operation}`);
        assert.ok(retry.time - t.time >= 990, `${t.operation} retried after ${retry.time - t.time} ms, Retry-After said 1 s`);
      }
    });
  });

  describe("as the ProvisioningRunner's Provisioner", () => {
    function runner(): ProvisioningRunner {
      const informed = new KeepInformed({ store: world.store, notifier: new RecordingNotifier(), clock: world.clock, logger: world.logger });
      const audit = new AuditTrail(new MemoryAuditLog(), world.clock, world.logger);
      return new ProvisioningRunner({ store: world.store, provisioner: world.provisioning, informed, clock: world.clock, logger: world.logger, audit });
    }

    it('an approved request ends completed, with every step journaled on the stored request', async () => {
      const request = await approved(world, sample.salesPartnersDl, 'jane.doe@partner.example');
      const stored = await world.store.get(request.id);
      assert.ok(stored);
      await world.store.update(request, stored.eTag);
      await runner().run(request.id);
      const after = (await world.store.get(request.id))?.request;
      assert.equal(after?.status, 'completed');
      assert.deepEqual(steps(after?.journal ?? []), ['create-mail-contact:done', 'add-distribution-group-member:done']);
    });

    it('a refusal found at provisioning time ends failed at the plan step with its code', async () => {
      const request = handMade(sample.legalM365NoGuests, 'microsoft-365', 'jane.doe@partner.example');
      await world.store.create(request);
      await runner().run(request.id);
      const after = (await world.store.get(request.id))?.request;
      assert.equal(after?.status, 'failed');
      assert.deepEqual({ step: after?.failure?.step, errorCode: after?.failure?.errorCode }, { step: 'plan', errorCode: 'guests-not-allowed' });
    });
  });
});
