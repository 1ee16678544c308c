import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { AuditTrail } from '../../../src/app/audit-trail';
import { KeepInformed } from '../../../src/app/keep-informed';
import { PendingApprovalTimers } from '../../../src/app/pending-approval-timers';
import { systemClock } from '../../../src/app/ports/clock';
import type { AccessRequest } from '../../../src/domain/access-request';
import { type ApprovalTimerPolicy, scheduleTimers } from '../../../src/domain/approval-timers';
import { decide } from '../../../src/domain/request-lifecycle';
import { sampleTimerPolicy } from '../../support/sample-timer-policy';
import { InMemoryRequestStore } from '../support/in-memory-request-store';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { RecordingNotifier } from '../support/recording-notifier';
import { sampleRequest } from '../support/sample-request';
import { MemoryLogger } from '../support/test-logger';

/** Thursday 3 December 2026, 10:00 UTC: first reminder Friday 10:00, escalation Tuesday 8th 10:00, expiry Thursday 17th 10:00. */
const submittedAt = '2026-12-03T10:00:00.000Z';
const hour = 3_600_000;

/**
 * One bot instance's timers over a shared store and notifier (two of these make two instances).
 * The clock is sinon's: `fake.tickAsync` moves the time every instance sees.
 */
function instance(store: InMemoryRequestStore, notifier: RecordingNotifier, auditLog: MemoryAuditLog, policy: ApprovalTimerPolicy = sampleTimerPolicy) {
  const logger = new MemoryLogger();
  const informed = new KeepInformed({ store, notifier, clock: systemClock, logger });
  return new PendingApprovalTimers({
    store,
    notifier,
    informed,
    audit: new AuditTrail(auditLog, systemClock, logger),
    policy,
    escalationGroupId: 'escalation-group',
    clock: systemClock,
    logger,
  });
}

async function stored(store: InMemoryRequestStore, id = 'R-7K3F9Q'): Promise<AccessRequest> {
  const found = await store.get(id);
  assert.ok(found, `${id} is stored`);
  return found.request;
}

describe('PendingApprovalTimers: nothing waits forever', () => {
  let fake: sinon.SinonFakeTimers;
  let store: InMemoryRequestStore;
  let notifier: RecordingNotifier;
  let auditLog: MemoryAuditLog;

  beforeEach(async () => {
    fake = sinon.useFakeTimers({ now: Date.parse(submittedAt), toFake: ['Date'] });
    store = new InMemoryRequestStore();
    notifier = new RecordingNotifier();
    auditLog = new MemoryAuditLog();
    const request = sampleRequest({ createdAt: submittedAt, timers: scheduleTimers(sampleTimerPolicy, submittedAt) });
    await store.create(request);
    const posted = await notifier.publishApprovalCard(request);
    assert.ok(posted.kind === 'posted');
    const withCard = await store.get(request.id);
    assert.ok(withCard);
    await store.update({ ...request, approvalMessage: { conversationKey: posted.conversationKey, activityId: posted.activityId } }, withCard.eTag);
    notifier.cards.length = 0;
  });

  afterEach(() => {
    fake.restore();
    sinon.restore();
  });

  it('moves a request nobody decides through its reminders, the escalation and the expiry, each once, with every message, card and audit entry', async () => {
    const timers = instance(store, notifier, auditLog);
    assert.deepEqual(await timers.sweep(), [], 'nothing is due at first');

    await fake.tickAsync(24 * hour); // Friday 10:00: one working day later
    assert.deepEqual(await timers.sweep(), [{ kind: 'reminded', number: 1 }]);
    assert.deepEqual(notifier.reminders.map((r) => [r.reminder.number, r.reminder.of, r.audience]), [[1, 3, 'approvers']]);
    assert.equal(notifier.cards.length, 0, 'a reminder updates no card');
    assert.deepEqual(notifier.notices, [], 'and tells the requester nothing');
    assert.deepEqual((await stored(store)).cardCopies, [{ conversationKey: 'approvals-1', activityId: 'activity-2', reason: 'reminder' }]);
    assert.deepEqual(await timers.sweep(), [], 'the same reminder is never sent twice');

    await fake.tickAsync(24 * hour); // Saturday: working hours only
    assert.deepEqual(await timers.sweep(), []);
    await fake.tickAsync(48 * hour); // Monday 10:00
    assert.deepEqual(await timers.sweep(), [{ kind: 'reminded', number: 2 }]);

    await fake.tickAsync(24 * hour); // Tuesday 10:00: three working days without a decision
    assert.deepEqual(await timers.sweep(), [{ kind: 'escalated' }]);
    const escalated = await stored(store);
    assert.equal(escalated.timers?.escalatedAt, '2026-12-08T10:00:00.000Z');
    assert.deepEqual(notifier.cards.map((card) => card.timers?.escalatedAt), ['2026-12-08T10:00:00.000Z'], 'every copy says it was escalated');
    assert.deepEqual(notifier.escalations, [{ requestId: 'R-7K3F9Q', at: '2026-12-08T10:00:00.000Z' }]);
    assert.deepEqual(escalated.cardCopies?.map((copy) => copy.reason), ['reminder', 'reminder', 'escalation']);

    await fake.tickAsync(24 * hour); // Wednesday 10:00: the reminder that fell on the escalation, moved on; to both conversations now
    assert.deepEqual(await timers.sweep(), [{ kind: 'reminded', number: 3 }]);
    assert.deepEqual(notifier.reminders.slice(2).map((r) => [r.reminder.number, r.audience]), [
      [3, 'approvers'],
      [3, 'escalation'],
    ]);

    await fake.tickAsync(6 * 24 * hour); // Tuesday 15th: no more reminders
    assert.deepEqual(await timers.sweep(), []);

    notifier.cards.length = 0;
    await fake.tickAsync(2 * 24 * hour); // Thursday 17th 10:00: ten working days
    assert.deepEqual(await timers.sweep(), [{ kind: 'expired' }]);
    const expired = await stored(store);
    assert.equal(expired.status, 'expired');
    assert.deepEqual(notifier.cards.map((card) => card.status), ['expired'], 'the card (and with it every copy) shows it expired');
    assert.deepEqual(notifier.notices, [{ requestId: 'R-7K3F9Q', notice: 'expired', status: 'expired' }]);
    assert.deepEqual(await timers.sweep(), []);

    assert.deepEqual(auditLog.actions('R-7K3F9Q'), [
      'request.remind succeeded',
      'request.remind succeeded',
      'request.escalate succeeded',
      'request.remind succeeded',
      'request.expire succeeded',
    ]);
    assert.ok(auditLog.entries.every((entry) => entry.who.kind === 'bot'));
    assert.deepEqual(auditLog.entries[0]?.details, { reminder: '1', of: '3', approvers: 'posted' });
    assert.deepEqual(auditLog.entries[3]?.details, { reminder: '3', of: '3', approvers: 'posted', escalation: 'posted' });
    assert.deepEqual(auditLog.entries[2]?.objectIds, { escalationGroupId: 'escalation-group' });
    assert.deepEqual(auditLog.entries[4]?.details, { expireAfterDays: '10', counting: 'working-hours', reminders: '3' });
  });

  it('two bot instances sweeping the same store at once send each reminder once, escalate once and expire once', async () => {
    const first = instance(store, notifier, auditLog);
    const second = instance(store, notifier, auditLog);
    const both = async () => {
      const [a, b] = await Promise.all([first.sweep(), second.sweep()]);
      return [...a, ...b];
    };
    await fake.tickAsync(24 * hour); // Friday: reminder 1
    assert.deepEqual(await both(), [{ kind: 'reminded', number: 1 }]);
    await fake.tickAsync(3 * 24 * hour); // Monday: reminder 2
    assert.deepEqual(await both(), [{ kind: 'reminded', number: 2 }]);
    await fake.tickAsync(24 * hour); // Tuesday: the escalation
    assert.deepEqual(await both(), [{ kind: 'escalated' }]);
    await fake.tickAsync(14 * 24 * hour);
    assert.deepEqual(await both(), [{ kind: 'expired' }]);
    assert.deepEqual(notifier.reminders.map((r) => `${r.reminder.number} ${r.audience}`), ['1 approvers', '2 approvers']);
    assert.equal(notifier.escalations.length, 1);
    assert.deepEqual(notifier.notices.map((n) => n.notice), ['expired']);
    assert.deepEqual(auditLog.actions(), ['request.remind succeeded', 'request.remind succeeded', 'request.escalate succeeded', 'request.expire succeeded']);
  });

  it('a request decided before its reminder is due is left alone', async () => {
    const approved = decide(await stored(store), { outcome: 'approved', by: { aadObjectId: 'a', name: 'Alex Wilber' }, at: new Date().toISOString() });
    assert.ok(approved.kind === 'ok');
    const current = await store.get('R-7K3F9Q');
    assert.ok(current);
    await store.update(approved.request, current.eTag);
    await fake.tickAsync(30 * 24 * hour);
    assert.deepEqual(await instance(store, notifier, auditLog).sweep(), []);
    assert.deepEqual(notifier.reminders, []);
    assert.deepEqual(auditLog.entries, []);
  });

  it('a copy posted while an approver decides is brought up to date at once (no stale buttons)', async () => {
    const timers = instance(store, notifier, auditLog);
    // The approver's decision lands between the reminder being recorded and its copy being remembered.
    const remind = notifier.remindApprovers.bind(notifier);
    sinon.stub(notifier, 'remindApprovers').callsFake(async (request, reminder, audience) => {
      const current = await store.get(request.id);
      assert.ok(current);
      const decided = decide(current.request, { outcome: 'rejected', by: { aadObjectId: 'a', name: 'Alex Wilber' }, at: new Date().toISOString(), reason: 'No' });
      assert.ok(decided.kind === 'ok');
      await store.update(decided.request, current.eTag);
      return remind(request, reminder, audience);
    });
    await fake.tickAsync(24 * hour);
    assert.deepEqual(await timers.sweep(), [{ kind: 'reminded', number: 1 }]);
    assert.deepEqual(notifier.cards.map((card) => [card.status, card.cardCopies?.length]), [['rejected', 1]]);
  });

  it('a reminder nobody can receive is recorded as undeliverable, counted, and the request still expires in time', async () => {
    const timers = instance(store, notifier, auditLog);
    sinon.stub(notifier, 'remindApprovers').resolves({ kind: 'undeliverable', reason: 'bot-not-allowed' });
    await fake.tickAsync(24 * hour);
    assert.deepEqual(await timers.sweep(), [{ kind: 'reminded', number: 1 }]);
    const request = await stored(store);
    assert.deepEqual(request.undelivered, [{ notice: 'reminder', recipient: 'approvers', at: '2026-12-04T10:00:00.000Z', reason: 'bot-not-allowed' }]);
    assert.deepEqual(auditLog.entries[0]?.details, { reminder: '1', of: '3', approvers: 'undeliverable: bot-not-allowed' });
    assert.equal(auditLog.entries[0]?.outcome, 'failed');
    await fake.tickAsync(20 * 24 * hour);
    assert.deepEqual((await timers.sweep()).at(-1), { kind: 'expired' });
  });

  it('without an escalation conversation the request is escalated all the same; "escalations here" posts it later, once', async () => {
    notifier.escalationsConversation = undefined;
    const timers = instance(store, notifier, auditLog);
    await fake.tickAsync(5 * 24 * hour); // Tuesday
    await timers.sweep();
    assert.equal((await stored(store)).timers?.escalatedAt, '2026-12-08T10:00:00.000Z');
    assert.deepEqual(notifier.escalations, []);
    assert.equal(auditLog.entries.find((e) => e.action === 'request.escalate')?.details?.['escalation'], 'no-conversation');

    notifier.escalationsConversation = 'escalations-2';
    assert.equal(await timers.postWaitingEscalations(), 1);
    assert.equal(await timers.postWaitingEscalations(), 0);
    assert.deepEqual(notifier.escalations, [{ requestId: 'R-7K3F9Q', at: '2026-12-08T10:00:00.000Z' }]);
    assert.equal((await stored(store)).cardCopies?.find((c) => c.reason === 'escalation')?.conversationKey, 'escalations-2');
  });

  it('the overview lists waiting requests oldest first, grouped by age, with when each expires', async () => {
    await store.create(sampleRequest({ id: 'R-NEW1', createdAt: '2026-12-10T08:00:00.000Z' }));
    await store.create(sampleRequest({ id: 'R-MID1', createdAt: '2026-12-07T08:00:00.000Z' }));
    await fake.tickAsync(7 * 24 * hour + 2 * hour); // Thursday 10th 12:00
    const overview = await instance(store, notifier, auditLog).overview();
    assert.deepEqual(
      overview.map((w) => [w.request.id, w.age, w.expiresAt]),
      [
        ['R-7K3F9Q', 'week', '2026-12-17T10:00:00.000Z'],
        ['R-MID1', 'days', '2026-12-18T17:00:00.000Z'],
        ['R-NEW1', 'today', '2026-12-23T17:00:00.000Z'],
      ],
    );
    assert.deepEqual(await instance(store, notifier, auditLog).overview('escalated'), []);
  });
});
