import { strict as assert } from 'node:assert';
import * as sinon from 'sinon';
import { AuditTrail } from '../../../src/app/audit-trail';
import { KeepInformed } from '../../../src/app/keep-informed';
import { ProvisioningRunner, type ProvisionOutcome, type Provisioner } from '../../../src/app/provisioning-runner';
import { ResumeDirectoryWaits } from '../../../src/app/resume-directory-waits';
import type { AccessRequest, JournalEntry } from '../../../src/domain/access-request';
import type { DirectoryWaitPolicy } from '../../../src/domain/directory-wait';
import { InProcessJobs } from '../../../src/infrastructure/jobs/in-process-jobs';
import { PeriodicCheck } from '../../../src/infrastructure/jobs/periodic-check';
import { InMemoryRequestStore } from '../support/in-memory-request-store';
import { ManualClock } from '../support/manual-clock';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { RecordingNotifier } from '../support/recording-notifier';
import { sampleRequest } from '../support/sample-request';
import { MemoryLogger } from '../support/test-logger';

const policy: DirectoryWaitPolicy = { firstDelayMs: 15_000, maxDelayMs: 300_000, limitMs: 900_000 };
const approved = sampleRequest({
  status: 'approved',
  decision: { outcome: 'approved', by: { aadObjectId: 'approver-1', name: 'Adele Vance' }, at: '2026-11-02T09:30:00.000Z' },
});

/** Creates the contact, then meets "not found" at the add until the directory has caught up (`visibleAfter` runs). */
class LaggingDirectory implements Provisioner {
  calls = 0;
  constructor(private readonly visibleAfter: number) {}
  async provision(request: AccessRequest, record: (entry: JournalEntry) => Promise<void>): Promise<ProvisionOutcome> {
    this.calls += 1;
    if (!request.journal.some((e) => e.step === 'create-mail-contact')) {
      await record({ step: 'create-mail-contact', outcome: 'done', at: '2026-11-22T10:00:00.000Z' });
    }
    if (this.calls <= this.visibleAfter) return { kind: 'waiting', step: 'add-distribution-group-member' };
    await record({ step: 'add-distribution-group-member', outcome: 'done', at: '2026-11-22T10:00:00.000Z' });
    return { kind: 'completed' };
  }
}

/** One bot instance over a store: what a restart replaces, except the store. */
function instance(store: InMemoryRequestStore, provisioner: Provisioner, clock: ManualClock, notifier = new RecordingNotifier()) {
  const logger = new MemoryLogger();
  const informed = new KeepInformed({ store, notifier, clock, logger });
  const auditLog = new MemoryAuditLog();
  const audit = new AuditTrail(auditLog, clock, logger);
  const runner = new ProvisioningRunner({ store, provisioner, informed, clock, logger, audit, directoryWait: policy });
  const jobs = new InProcessJobs(logger);
  const waits = new ResumeDirectoryWaits({ store, runner, jobs, clock, logger });
  return { runner, waits, jobs, notifier, auditLog, logger };
}

async function stored(store: InMemoryRequestStore): Promise<AccessRequest> {
  const found = await store.get(approved.id);
  assert.ok(found);
  return found.request;
}

describe('provisioning that waits for the directory', () => {
  afterEach(() => sinon.restore());

  it('pauses with a stored due time, shows it on the card, tells the requester once (never "failed"), then resumes when due', async () => {
    const store = new InMemoryRequestStore();
    await store.create(approved);
    const clock = new ManualClock();
    const provisioner = new LaggingDirectory(2);
    const bot = instance(store, provisioner, clock);

    await bot.runner.run(approved.id);
    let request = await stored(store);
    assert.equal(request.status, 'waiting-for-directory');
    assert.deepEqual(request.directoryWait, {
      step: 'add-distribution-group-member',
      attempt: 1,
      since: '2026-11-22T10:00:00.000Z',
      dueAt: '2026-11-22T10:00:15.000Z',
      until: '2026-11-22T10:15:00.000Z',
    });
    assert.equal(bot.notifier.cards.at(-1)?.status, 'waiting-for-directory', 'the approval card shows the wait');
    assert.deepEqual(bot.notifier.notices.map((n) => n.notice), ['waiting-for-directory']);
    assert.ok(bot.auditLog.actions().includes('provisioning.wait succeeded'));

    assert.equal(await bot.waits.resumeDue(), 0, 'not due yet');
    await bot.runner.run(approved.id);
    assert.equal(provisioner.calls, 1, 'a run before the due time does nothing');

    clock.advance(15_000);
    assert.equal(await bot.waits.resumeDue(), 1);
    await bot.jobs.drain();
    request = await stored(store);
    assert.equal(request.status, 'waiting-for-directory');
    assert.equal(request.directoryWait?.attempt, 2);
    assert.equal(request.directoryWait?.dueAt, '2026-11-22T10:00:45.000Z', 'the second wait is twice as long');
    assert.deepEqual(bot.notifier.notices.map((n) => n.notice), ['waiting-for-directory'], 'told once');
    const sinceFirstWait = bot.notifier.cards.slice(bot.notifier.cards.findIndex((c) => c.status === 'waiting-for-directory'));
    assert.deepEqual(sinceFirstWait.map((c) => c.status), ['waiting-for-directory', 'waiting-for-directory'], 'the card keeps saying it waits between tries');

    clock.advance(30_000);
    await bot.waits.resumeDue();
    await bot.jobs.drain();
    request = await stored(store);
    assert.equal(request.status, 'completed');
    assert.equal(request.directoryWait, undefined);
    assert.deepEqual(request.journal.map((e) => e.step), ['create-mail-contact', 'add-distribution-group-member'], 'one contact, created once');
    assert.deepEqual(bot.notifier.notices.map((n) => n.notice), ['waiting-for-directory', 'completed']);
  });

  it('survives a restart: a new instance over the same store resumes the wait when it is due', async () => {
    const store = new InMemoryRequestStore();
    await store.create(approved);
    const clock = new ManualClock();
    const provisioner = new LaggingDirectory(1);
    const before = instance(store, provisioner, clock);
    await before.runner.run(approved.id);
    assert.equal((await stored(store)).status, 'waiting-for-directory');

    // The process stops; another starts later and looks for due waits at start-up.
    clock.advance(60_000);
    const after = instance(store, provisioner, clock);
    assert.equal(await after.waits.resumeDue(), 1);
    await after.jobs.drain();
    assert.equal((await stored(store)).status, 'completed');
  });

  it('gives up after the limit: failed with replication-pending and Retry, the requester told only then', async () => {
    const store = new InMemoryRequestStore();
    await store.create(approved);
    const clock = new ManualClock();
    const bot = instance(store, new LaggingDirectory(Number.POSITIVE_INFINITY), clock);
    await bot.runner.run(approved.id);
    for (let i = 0; i < 20; i += 1) {
      const request = await stored(store);
      if (request.status !== 'waiting-for-directory') break;
      clock.advance(Date.parse(request.directoryWait!.dueAt) - clock.epochMs());
      await bot.waits.resumeDue();
      await bot.jobs.drain();
    }
    const request = await stored(store);
    assert.equal(request.status, 'failed');
    assert.deepEqual({ step: request.failure?.step, errorCode: request.failure?.errorCode }, { step: 'add-distribution-group-member', errorCode: 'replication-pending' });
    assert.equal(clock.now().toISOString(), '2026-11-22T10:15:00.000Z', 'after 15 minutes, not before');
    assert.deepEqual(bot.notifier.notices.map((n) => n.notice), ['waiting-for-directory', 'failed']);
  });

  it('the periodic check resumes due waits on its own (fake timers), one run at a time', async () => {
    const timers = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const resumeDue = sinon.stub().resolves(0);
    const check = new PeriodicCheck('directory waits', 10_000, resumeDue, new MemoryLogger()).start();
    await timers.tickAsync(9_999);
    assert.equal(resumeDue.callCount, 0);
    await timers.tickAsync(1);
    assert.equal(resumeDue.callCount, 1);
    await timers.tickAsync(30_000);
    assert.equal(resumeDue.callCount, 4);
    await check.stop();
    await timers.tickAsync(60_000);
    assert.equal(resumeDue.callCount, 4, 'stopped');
  });
});
