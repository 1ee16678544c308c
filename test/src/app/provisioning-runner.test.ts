import { strict as assert } from 'node:assert';
import type { AccessRequest, JournalEntry } from '../../../src/domain/access-request';
import { AppError, ErrorCodes } from '../../../src/app/app-error';
import { KeepInformed } from '../../../src/app/keep-informed';
import { ProvisioningRunner, type ProvisionOutcome, type Provisioner } from '../../../src/app/provisioning-runner';
import { InMemoryRequestStore } from '../support/in-memory-request-store';
import { RecordingNotifier } from '../support/recording-notifier';
import { MemoryLogger } from '../support/test-logger';
import { ManualClock } from '../support/manual-clock';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { AuditTrail } from '../../../src/app/audit-trail';
import { sampleRequest } from '../support/sample-request';

const approved = sampleRequest({
  status: 'approved',
  decision: { outcome: 'approved', by: { aadObjectId: 'approver-1', name: 'Adele Vance' }, at: '2026-11-02T09:30:00.000Z' },
});

/** A provisioner that performs the steps its journal does not record yet, remembering what it did. */
class ScriptedProvisioner implements Provisioner {
  readonly performed: string[] = [];
  constructor(
    private readonly steps: string[],
    private readonly failAt?: { step: string; error: AppError | Error },
  ) {}
  async provision(request: AccessRequest, record: (entry: JournalEntry) => Promise<void>): Promise<ProvisionOutcome> {
    const done = new Set(request.journal.filter((e) => e.outcome !== 'failed').map((e) => e.step));
    for (const step of this.steps) {
      if (done.has(step)) continue;
      if (this.failAt?.step === step) {
        const { error } = this.failAt;
        if (error instanceof AppError) return { kind: 'failed', step, errorCode: error.code };
        throw error;
      }
      this.performed.push(step);
      await record({ step, outcome: 'done', at: '2026-11-02T10:00:00.000Z', objectIds: { [`${step}-id`]: `${step}-1` } });
    }
    return { kind: 'completed' };
  }
}

async function setup(provisioner: Provisioner, initial: AccessRequest = approved) {
  const store = new InMemoryRequestStore();
  await store.create(initial);
  const notifier = new RecordingNotifier();
  const logger = new MemoryLogger();
  const clock = new ManualClock();
  const informed = new KeepInformed({ store, notifier, clock, logger });
  const auditLog = new MemoryAuditLog();
  const audit = new AuditTrail(auditLog, clock, logger);
  const runner = new ProvisioningRunner({ store, provisioner, informed, clock, logger, audit });
  return { store, notifier, logger, runner, auditLog };
}

describe('ProvisioningRunner', () => {
  it('provisions an approved request, journals each step, updates the card and tells the requester', async () => {
    const provisioner = new ScriptedProvisioner(['create-mail-contact', 'add-distribution-group-member']);
    const { store, notifier, runner, auditLog } = await setup(provisioner);
    await runner.run('R-7K3F9Q');
    const stored = (await store.get('R-7K3F9Q'))?.request;
    assert.equal(stored?.status, 'completed');
    assert.deepEqual(auditLog.actions(), [
      'provisioning.start succeeded',
      'provisioning.create-mail-contact succeeded',
      'provisioning.add-distribution-group-member succeeded',
      'provisioning.complete succeeded',
    ]);
    assert.deepEqual(auditLog.entries[1]?.objectIds, { 'create-mail-contact-id': 'create-mail-contact-1' }, 'object ids reach the trail');
    assert.deepEqual(stored?.journal.map((e) => e.step), ['create-mail-contact', 'add-distribution-group-member']);
    assert.deepEqual(
      notifier.cards.map((c) => c.status),
      ['provisioning', 'provisioning', 'provisioning', 'completed'],
      'the card shows provisioning, each step, then the outcome',
    );
    assert.equal(stored?.approvalMessage?.activityId, 'activity-1', 'the first card post is remembered for later updates');
    assert.deepEqual(notifier.notices, [{ requestId: 'R-7K3F9Q', notice: 'completed', status: 'completed' }]);
  });

  it('resumes an interrupted run from its journal without repeating a done step', async () => {
    const interrupted = sampleRequest({
      ...approved,
      status: 'provisioning',
      journal: [{ step: 'create-mail-contact', outcome: 'done', at: '2026-11-02T09:31:00.000Z', objectIds: { contactId: 'c-1' } }],
    });
    const provisioner = new ScriptedProvisioner(['create-mail-contact', 'add-distribution-group-member']);
    const { store, runner } = await setup(provisioner, interrupted);
    await runner.run('R-7K3F9Q');
    assert.deepEqual(provisioner.performed, ['add-distribution-group-member']);
    assert.equal((await store.get('R-7K3F9Q'))?.request.status, 'completed');
  });

  it('a failing step leaves the request failed with the step and the error code, and says so', async () => {
    const provisioner = new ScriptedProvisioner(['create-mail-contact', 'add-distribution-group-member'], {
      step: 'add-distribution-group-member',
      error: new AppError(ErrorCodes.throttled, 'Exchange kept answering 429'),
    });
    const { store, notifier, runner, auditLog } = await setup(provisioner);
    await runner.run('R-7K3F9Q');
    const stored = (await store.get('R-7K3F9Q'))?.request;
    assert.equal(stored?.status, 'failed');
    const last = auditLog.entries.at(-1);
    assert.deepEqual([last?.action, last?.outcome, last?.errorCode, last?.details?.step], ['provisioning.fail', 'failed', 'throttled', 'add-distribution-group-member']);
    assert.equal(stored?.failure?.step, 'add-distribution-group-member');
    assert.deepEqual(stored?.journal.map((e) => e.step), ['create-mail-contact'], 'the done step stays journaled for the retry');
    assert.equal(stored?.failure?.errorCode, 'throttled');
    assert.deepEqual(notifier.notices.map((n) => n.notice), ['failed']);
  });

  it('an unexpected crash inside provisioning is a failure, not a request stuck in provisioning', async () => {
    const provisioner = new ScriptedProvisioner(['invite-guest'], { step: 'invite-guest', error: new TypeError('boom') });
    const { store, logger, runner } = await setup(provisioner);
    await runner.run('R-7K3F9Q');
    const failure = (await store.get('R-7K3F9Q'))?.request.failure;
    assert.deepEqual([failure?.step, failure?.errorCode], ['unknown', 'unexpected-response']);
    assert.ok(logger.records.some((l) => l.level === 'error' && l.msg === 'provisioning crashed'));
  });

  it('does nothing for a request that is still pending approval', async () => {
    const provisioner = new ScriptedProvisioner(['create-mail-contact']);
    const { store, runner } = await setup(provisioner, sampleRequest());
    await runner.run('R-7K3F9Q');
    assert.deepEqual(provisioner.performed, []);
    assert.equal((await store.get('R-7K3F9Q'))?.request.status, 'pending-approval');
  });

  it('two runs of the same request at once provision it once', async () => {
    const provisioner = new ScriptedProvisioner(['create-mail-contact', 'add-distribution-group-member']);
    const { runner } = await setup(provisioner);
    await Promise.all([runner.run('R-7K3F9Q'), runner.run('R-7K3F9Q')]);
    assert.deepEqual(provisioner.performed, ['create-mail-contact', 'add-distribution-group-member']);
  });

  it('an unreachable requester is recorded on the request, and the request still completes', async () => {
    const provisioner = new ScriptedProvisioner(['create-mail-contact']);
    const { store, notifier, runner } = await setup(provisioner);
    notifier.requesterReachable = false;
    await runner.run('R-7K3F9Q');
    const stored = (await store.get('R-7K3F9Q'))?.request;
    assert.equal(stored?.status, 'completed');
    assert.deepEqual(stored?.undelivered?.map((u) => [u.notice, u.recipient, u.reason]), [
      ['completed', 'requester', 'conversation-not-found'],
    ]);
  });
});
