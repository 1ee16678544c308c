import { strict as assert } from 'node:assert';
import type { AccessRequest } from '../../../src/domain/access-request';
import {
  type ApprovalTimerPolicy,
  dueTimer,
  expireUndecided,
  nextDueAt,
  recordEscalation,
  recordReminder,
  scheduleTimers,
  timersOf,
  waitedMs,
  withTimers,
} from '../../../src/domain/approval-timers';
import { decide, type Transition } from '../../../src/domain/request-lifecycle';
import { sampleRequest } from '../support/sample-request';

/** Thursday 3 December 2026, 10:00 UTC. */
const submittedAt = '2026-12-03T10:00:00.000Z';

const policy: ApprovalTimerPolicy = {
  remindAfterHours: 8,
  remindEveryHours: 8,
  maxReminders: 3,
  escalateAfterHours: 24,
  expireAfterDays: 10,
  time: { counting: 'working-hours', week: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }, timeZone: 'UTC' },
};

const plainPolicy: ApprovalTimerPolicy = { ...policy, time: { ...policy.time, counting: 'hours' } };

function pending(timerPolicy: ApprovalTimerPolicy = policy, createdAt = submittedAt): AccessRequest {
  return sampleRequest({ createdAt, timers: scheduleTimers(timerPolicy, createdAt) });
}

function ok(result: Transition): AccessRequest {
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  return (result as { request: AccessRequest }).request;
}

function when(iso: string): Date {
  return new Date(iso);
}

describe('approval timers', () => {
  describe('scheduling', () => {
    it('counts working hours of the tenant: first reminder a working day later, escalation after three, expiry after ten working days', () => {
      assert.deepEqual(scheduleTimers(policy, submittedAt), {
        counting: 'working-hours',
        expireAfterDays: 10,
        expiresAt: '2026-12-17T10:00:00.000Z',
        nextReminderAt: '2026-12-04T10:00:00.000Z',
        reminders: [],
        escalateAt: '2026-12-08T10:00:00.000Z',
      });
    });

    it('in plain hours, nights and weekends count', () => {
      const timers = scheduleTimers(plainPolicy, submittedAt);
      assert.equal(timers.nextReminderAt, '2026-12-03T18:00:00.000Z');
      assert.equal(timers.escalateAt, '2026-12-04T10:00:00.000Z');
      assert.equal(timers.expiresAt, '2026-12-13T10:00:00.000Z');
      assert.equal(timers.counting, 'hours');
    });

    it('without escalation configured there is no escalation time; with no reminders, no reminder time', () => {
      const { escalateAfterHours: _none, ...noEscalation } = policy;
      const timers = scheduleTimers({ ...noEscalation, maxReminders: 0 }, submittedAt);
      assert.equal(timers.escalateAt, undefined);
      assert.equal(timers.nextReminderAt, undefined);
      assert.equal(nextDueAt(timers), timers.expiresAt);
    });

    it('nothing is scheduled at or after the expiry (a reminder would come too late to matter)', () => {
      const timers = scheduleTimers({ ...plainPolicy, remindAfterHours: 48, escalateAfterHours: 240, expireAfterDays: 2 }, submittedAt);
      assert.equal(timers.nextReminderAt, undefined);
      assert.equal(timers.escalateAt, undefined);
    });

    it('a request stored before timers existed gets them from its submission time', () => {
      const old = sampleRequest({ createdAt: submittedAt });
      assert.equal(old.timers, undefined);
      assert.deepEqual(timersOf(old, policy), scheduleTimers(policy, submittedAt));
      assert.deepEqual(withTimers(old, policy).timers, scheduleTimers(policy, submittedAt));
      const stored = pending();
      assert.equal(withTimers(stored, plainPolicy), stored, 'stored timers are kept as they are');
    });

    it('the next due time is the earliest of reminder, escalation and expiry', () => {
      const timers = scheduleTimers(policy, submittedAt);
      assert.equal(nextDueAt(timers), '2026-12-04T10:00:00.000Z');
      assert.equal(nextDueAt({ ...timers, nextReminderAt: '2026-12-09T10:00:00.000Z' }), '2026-12-08T10:00:00.000Z');
      assert.equal(nextDueAt({ ...timers, nextReminderAt: '2026-12-09T10:00:00.000Z', escalatedAt: '2026-12-08T10:00:00.000Z' }), '2026-12-09T10:00:00.000Z');
    });
  });

  describe('what is due, through a request nobody decides', () => {
    it('remind, remind, escalate, remind (moved past the escalation), then expire, each once and in order', () => {
      let request = pending();
      assert.equal(dueTimer(request, policy, when('2026-12-04T09:59:59.000Z')), undefined, 'nothing before the first reminder');

      assert.deepEqual(dueTimer(request, policy, when('2026-12-04T10:00:00.000Z')), { kind: 'remind', number: 1 });
      request = ok(recordReminder(request, policy, 1, '2026-12-04T10:00:20.000Z'));
      assert.deepEqual(request.timers?.reminders, [{ number: 1, at: '2026-12-04T10:00:20.000Z' }]);
      assert.equal(request.timers?.nextReminderAt, '2026-12-07T10:00:00.000Z', 'eight working hours after the first was due: Monday');
      assert.equal(dueTimer(request, policy, when('2026-12-05T12:00:00.000Z')), undefined, 'nothing over the weekend');

      assert.deepEqual(dueTimer(request, policy, when('2026-12-07T10:00:00.000Z')), { kind: 'remind', number: 2 });
      request = ok(recordReminder(request, policy, 2, '2026-12-07T10:00:00.000Z'));
      assert.equal(request.timers?.nextReminderAt, '2026-12-08T10:00:00.000Z');

      // The third reminder and the escalation fall due together: the escalation goes first, the reminder moves on.
      assert.deepEqual(dueTimer(request, policy, when('2026-12-08T10:00:00.000Z')), { kind: 'escalate' });
      request = ok(recordEscalation(request, policy, '2026-12-08T10:00:00.000Z'));
      assert.equal(request.timers?.escalatedAt, '2026-12-08T10:00:00.000Z');
      assert.equal(request.timers?.nextReminderAt, '2026-12-09T10:00:00.000Z');
      assert.equal(request.updatedAt, '2026-12-08T10:00:00.000Z', 'the escalation is a change everyone sees');
      assert.equal(dueTimer(request, policy, when('2026-12-08T12:00:00.000Z')), undefined, 'escalated once');

      assert.deepEqual(dueTimer(request, policy, when('2026-12-09T10:00:00.000Z')), { kind: 'remind', number: 3 });
      request = ok(recordReminder(request, policy, 3, '2026-12-09T10:00:00.000Z'));
      assert.equal(request.timers?.nextReminderAt, undefined, 'three reminders at most');
      assert.equal(request.timers?.reminders.length, 3);
      assert.equal(dueTimer(request, policy, when('2026-12-16T10:00:00.000Z')), undefined);

      assert.deepEqual(dueTimer(request, policy, when('2026-12-17T10:00:00.000Z')), { kind: 'expire' });
      const expired = ok(expireUndecided(request, policy, '2026-12-17T10:00:05.000Z'));
      assert.equal(expired.status, 'expired');
      assert.equal(expired.updatedAt, '2026-12-17T10:00:05.000Z');
      assert.equal(expired.timers?.expireAfterDays, 10);
      assert.equal(dueTimer(expired, policy, when('2026-12-30T10:00:00.000Z')), undefined, 'nothing is due for a closed request');
    });

    it('a reminder is recorded once: a second instance that found it due too is refused', () => {
      const request = pending();
      const first = ok(recordReminder(request, policy, 1, '2026-12-04T10:00:00.000Z'));
      assert.equal(recordReminder(first, policy, 1, '2026-12-04T10:00:01.000Z').kind, 'invalid-state');
    });

    it('refuses a reminder that is not due yet, or not the next one', () => {
      const request = pending();
      assert.equal(recordReminder(request, policy, 1, '2026-12-04T09:00:00.000Z').kind, 'invalid-state');
      assert.equal(recordReminder(request, policy, 2, '2026-12-04T10:00:00.000Z').kind, 'invalid-state');
      assert.equal(recordEscalation(request, policy, '2026-12-04T10:00:00.000Z').kind, 'invalid-state');
      assert.equal(expireUndecided(request, policy, '2026-12-16T10:00:00.000Z').kind, 'invalid-state');
    });

    it('after the bot was stopped for days, the missed reminders are not sent in a burst: one, then the next an interval later', () => {
      const request = pending(plainPolicy);
      const lateAt = '2026-12-05T12:00:00.000Z'; // the first was due Thursday 18:00, the second Friday 02:00...
      assert.deepEqual(dueTimer(request, plainPolicy, when(lateAt)), { kind: 'escalate' });
      const escalated = ok(recordEscalation(request, plainPolicy, lateAt));
      assert.equal(escalated.timers?.nextReminderAt, '2026-12-05T20:00:00.000Z', 'the overdue reminder moves to an interval after now');
      assert.equal(dueTimer(escalated, plainPolicy, when(lateAt)), undefined);
    });

    it('a request found after its expiry expires at once, without the reminders it missed', () => {
      const request = pending();
      assert.deepEqual(dueTimer(request, policy, when('2027-01-04T10:00:00.000Z')), { kind: 'expire' });
      assert.equal(ok(expireUndecided(request, policy, '2027-01-04T10:00:00.000Z')).timers?.reminders.length, 0);
    });

    it('a decided request has nothing due, and cannot expire', () => {
      const approved = ok(decide(pending(), { outcome: 'approved', by: { aadObjectId: 'a', name: 'Alex Wilber' }, at: '2026-12-03T11:00:00.000Z' }));
      assert.equal(dueTimer(approved, policy, when('2027-01-04T10:00:00.000Z')), undefined);
      assert.equal(expireUndecided(approved, policy, '2027-01-04T10:00:00.000Z').kind, 'already-decided');
    });

    it('a request stored without timers is reminded and expires by the policy, and gets them stored', () => {
      const old = sampleRequest({ createdAt: submittedAt });
      assert.deepEqual(dueTimer(old, policy, when('2026-12-04T10:00:00.000Z')), { kind: 'remind', number: 1 });
      const reminded = ok(recordReminder(old, policy, 1, '2026-12-04T10:00:00.000Z'));
      assert.equal(reminded.timers?.expiresAt, '2026-12-17T10:00:00.000Z');
      assert.equal(ok(expireUndecided(old, policy, '2026-12-17T10:00:00.000Z')).timers?.expiresAt, '2026-12-17T10:00:00.000Z');
    });

    it('turning escalation or reminders off stops those still scheduled on waiting requests', () => {
      const request = pending();
      const { escalateAfterHours: _off, ...noEscalation } = policy;
      assert.equal(dueTimer(request, { ...noEscalation, maxReminders: 0 }, when('2026-12-08T10:00:00.000Z')), undefined);
    });

    it('waited time is real time since submission', () => {
      assert.equal(waitedMs(pending(), when('2026-12-05T10:00:00.000Z')), 2 * 24 * 3_600_000);
      assert.equal(waitedMs(pending(), when('2026-12-01T10:00:00.000Z')), 0);
    });
  });
});
