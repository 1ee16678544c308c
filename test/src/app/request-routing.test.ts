import { strict as assert } from 'node:assert';
import { KeepInformed } from '../../../src/app/keep-informed';
import { RequestRouting } from '../../../src/app/request-routing';
import { InProcessJobs } from '../../../src/infrastructure/jobs/in-process-jobs';
import type { AccessRequest } from '../../../src/domain/access-request';
import { InMemoryRequestStore } from '../support/in-memory-request-store';
import { RecordingNotifier } from '../support/recording-notifier';
import { MemoryLogger } from '../support/test-logger';
import { ManualClock } from '../support/manual-clock';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { AuditTrail } from '../../../src/app/audit-trail';
import { sampleRequest } from '../support/sample-request';

const decision = { by: { aadObjectId: 'approver-1', name: 'Adele Vance' }, at: '2026-11-02T09:30:00.000Z' };

async function setup(requests: AccessRequest[]) {
  const store = new InMemoryRequestStore();
  for (const r of requests) await store.create(r);
  const notifier = new RecordingNotifier();
  const logger = new MemoryLogger();
  const clock = new ManualClock();
  const informed = new KeepInformed({ store, notifier, clock, logger });
  const auditLog = new MemoryAuditLog();
  const ran: string[] = [];
  const jobs = new InProcessJobs(logger);
  const routing = new RequestRouting({
    store,
    informed,
    jobs,
    audit: new AuditTrail(auditLog, clock, logger),
    runner: { run: async (id) => void ran.push(id) },
  });
  return { store, notifier, routing, ran, jobs, auditLog };
}

describe('RequestRouting', () => {
  it('a submitted request gets an approval card in the approvals conversation', async () => {
    const { store, notifier, routing, auditLog } = await setup([sampleRequest()]);
    await routing.submitted(sampleRequest());
    assert.deepEqual(auditLog.actions(), ['request.submit succeeded']);
    assert.equal(auditLog.entries[0]?.who.kind === 'person' && auditLog.entries[0].who.name, 'Megan Bowen');
    assert.deepEqual(notifier.cards.map((c) => c.id), ['R-7K3F9Q']);
    assert.equal((await store.get('R-7K3F9Q'))?.request.approvalMessage?.conversationKey, 'approvals-1');
    assert.deepEqual(notifier.notices, []);
  });

  it('with no approvals conversation yet, the requester is told the request waits, and it is posted once one is registered', async () => {
    const { notifier, routing, store } = await setup([sampleRequest(), sampleRequest({ id: 'R-2', createdAt: '2026-11-02T09:05:00.000Z' })]);
    notifier.approvalsConversation = undefined;
    await routing.submitted(sampleRequest());
    assert.deepEqual(notifier.notices.map((n) => n.notice), ['waiting-for-approvers']);
    assert.equal(notifier.cards.length, 0);

    notifier.approvalsConversation = 'approvals-9';
    assert.equal(await routing.publishWaiting(), 2);
    assert.deepEqual(notifier.cards.map((c) => c.id), ['R-7K3F9Q', 'R-2']);
    assert.equal((await store.get('R-2'))?.request.approvalMessage?.conversationKey, 'approvals-9');
    assert.equal(await routing.publishWaiting(), 0, 'a request already posted is not posted twice');
  });

  it('after an approval the requester hears of it and provisioning starts', async () => {
    const approved = sampleRequest({ status: 'approved', decision: { outcome: 'approved', ...decision } });
    const { notifier, routing, ran } = await setup([approved]);
    await routing.decided(approved);
    assert.deepEqual(notifier.notices.map((n) => n.notice), ['approved']);
    assert.deepEqual(ran, ['R-7K3F9Q']);
  });

  it('after a rejection the card shows it for everyone and the requester gets the reason', async () => {
    const rejected = sampleRequest({ status: 'rejected', decision: { outcome: 'rejected', reason: 'No', ...decision } });
    const { notifier, routing, ran } = await setup([rejected]);
    await routing.decided(rejected);
    assert.deepEqual(notifier.cards.map((c) => c.status), ['rejected']);
    assert.deepEqual(notifier.notices.map((n) => n.notice), ['rejected']);
    assert.deepEqual(ran, []);
  });

  it('on start-up resumes approved and interrupted requests, and leaves the others alone', async () => {
    const { routing, ran, jobs } = await setup([
      sampleRequest({ id: 'R-A', status: 'approved' }),
      sampleRequest({ id: 'R-P', status: 'provisioning' }),
      sampleRequest({ id: 'R-C', status: 'completed' }),
      sampleRequest({ id: 'R-F', status: 'failed' }),
      sampleRequest({ id: 'R-Q', status: 'pending-approval' }),
    ]);
    assert.equal(await routing.resumeInterrupted(), 2);
    await jobs.drain();
    assert.deepEqual(ran.sort(), ['R-A', 'R-P']);
  });
});
