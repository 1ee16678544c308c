import type { AccessRequest, ApprovalTimers } from './access-request';
import { expire, type Transition } from './request-lifecycle';
import { addDays, addHours, type TimeRules } from './working-time';

export type { ApprovalTimers, SentReminder } from './access-request';

/**
 * Nothing waits forever: a request nobody decides is brought back to the approvers' attention
 * (reminders), then to a second group of approvers (escalation, when configured), and finally
 * closed as expired. The policy (docs/approvals.md, "When nobody decides"), read from the
 * configuration; its times count in plain hours or in working hours of the tenant's time zone.
 */
export interface ApprovalTimerPolicy {
  /** Hours without a decision before the first reminder (APPROVAL_REMIND_AFTER_HOURS). */
  readonly remindAfterHours: number;
  /** Hours between reminders (APPROVAL_REMIND_EVERY_HOURS). */
  readonly remindEveryHours: number;
  /** At most this many reminders; 0 sends none (APPROVAL_MAX_REMINDERS). */
  readonly maxReminders: number;
  /** Hours without a decision before the escalation approvers get the request too; absent: never (APPROVAL_ESCALATE_AFTER_HOURS). */
  readonly escalateAfterHours?: number;
  /** Days without a decision before the request expires (APPROVAL_EXPIRE_AFTER_DAYS). */
  readonly expireAfterDays: number;
  readonly time: TimeRules;
}

/** What is due for a pending request now, the most final first. */
export type DueTimer =
  | { readonly kind: 'expire' }
  | { readonly kind: 'escalate' }
  /** Reminder `number` (1 for the first). */
  | { readonly kind: 'remind'; readonly number: number };

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

/** The due times of a request submitted at `submittedAt`, as the policy sets them. */
export function scheduleTimers(policy: ApprovalTimerPolicy, submittedAt: string): ApprovalTimers {
  const start = Date.parse(submittedAt);
  const expiresAt = addDays(start, policy.expireAfterDays, policy.time);
  const firstReminder = policy.maxReminders > 0 ? addHours(start, policy.remindAfterHours, policy.time) : undefined;
  const escalation = policy.escalateAfterHours !== undefined ? addHours(start, policy.escalateAfterHours, policy.time) : undefined;
  return {
    counting: policy.time.counting,
    expireAfterDays: policy.expireAfterDays,
    expiresAt: iso(expiresAt),
    ...(firstReminder !== undefined && firstReminder < expiresAt ? { nextReminderAt: iso(firstReminder) } : {}),
    reminders: [],
    ...(escalation !== undefined && escalation < expiresAt ? { escalateAt: iso(escalation) } : {}),
  };
}

/** The request's due times: the stored ones, or (for a request stored before it had any) the policy's from its submission. */
export function timersOf(request: AccessRequest, policy: ApprovalTimerPolicy): ApprovalTimers {
  return request.timers ?? scheduleTimers(policy, request.createdAt);
}

/** The request with its due times stored (unchanged when it has them already). */
export function withTimers(request: AccessRequest, policy: ApprovalTimerPolicy): AccessRequest {
  return request.timers ? request : { ...request, timers: scheduleTimers(policy, request.createdAt) };
}

/** The next moment something is due for these timers (a reminder, the escalation, the expiry). */
export function nextDueAt(timers: ApprovalTimers): string {
  const candidates = [timers.expiresAt, timers.nextReminderAt, timers.escalatedAt === undefined ? timers.escalateAt : undefined];
  return candidates.filter((at): at is string => at !== undefined).reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

function reached(at: string | undefined, now: number): boolean {
  return at !== undefined && Date.parse(at) <= now;
}

/**
 * What is due for the request at `now`: its expiry, else its escalation, else its next reminder.
 * Only one thing at a time, the most final first: a request found long after its expiry (the bot
 * was stopped) expires without the reminders it missed.
 */
export function dueTimer(request: AccessRequest, policy: ApprovalTimerPolicy, now: Date): DueTimer | undefined {
  if (request.status !== 'pending-approval') return undefined;
  const timers = timersOf(request, policy);
  const at = now.getTime();
  if (reached(timers.expiresAt, at)) return { kind: 'expire' };
  if (policy.escalateAfterHours !== undefined && timers.escalatedAt === undefined && reached(timers.escalateAt, at)) return { kind: 'escalate' };
  if (timers.reminders.length < policy.maxReminders && reached(timers.nextReminderAt, at)) return { kind: 'remind', number: timers.reminders.length + 1 };
  return undefined;
}

function notDue(request: AccessRequest): Transition {
  return { kind: 'invalid-state', status: request.status };
}

/** The reminder after one sent at `at`: `every` hours after the one that was due, but never at once, and never at or after expiry. */
function followingReminder(timers: ApprovalTimers, policy: ApprovalTimerPolicy, sent: number, at: number): string | undefined {
  if (sent >= policy.maxReminders) return undefined;
  const previousDue = timers.nextReminderAt !== undefined ? Date.parse(timers.nextReminderAt) : at;
  let next = addHours(previousDue, policy.remindEveryHours, policy.time);
  if (next <= at) next = addHours(at, policy.remindEveryHours, policy.time);
  return next < Date.parse(timers.expiresAt) ? iso(next) : undefined;
}

/**
 * Records reminder `number` as sent at `at`, and when the next one is due. A compare-and-set on
 * the stored request: of two instances that found it due, only the first records it (and sends
 * it); a reminder is never sent twice. Refused unless it is exactly the next reminder and due.
 * Bookkeeping only: the request's cards do not change.
 */
export function recordReminder(request: AccessRequest, policy: ApprovalTimerPolicy, number: number, at: string): Transition {
  const due = dueTimer(request, policy, new Date(at));
  if (due?.kind !== 'remind' || due.number !== number) return notDue(request);
  const timers = timersOf(request, policy);
  const reminders = [...timers.reminders, { number, at }];
  const { nextReminderAt: _sent, ...rest } = timers;
  const next = followingReminder(timers, policy, reminders.length, Date.parse(at));
  return { kind: 'ok', request: { ...request, timers: { ...rest, reminders, ...(next !== undefined ? { nextReminderAt: next } : {}) } } };
}

/**
 * The request goes to the escalation approvers too (a compare-and-set: once). Every copy of its
 * card says so from now on. A reminder due at the same moment is moved on by one interval: the
 * escalation already brings the request back to everyone's attention.
 */
export function recordEscalation(request: AccessRequest, policy: ApprovalTimerPolicy, at: string): Transition {
  const due = dueTimer(request, policy, new Date(at));
  if (due?.kind !== 'escalate') return notDue(request);
  const timers = timersOf(request, policy);
  const now = Date.parse(at);
  const reminderDue = reached(timers.nextReminderAt, now);
  const { nextReminderAt: _moved, ...rest } = timers;
  const next = reminderDue ? followingReminder(timers, policy, timers.reminders.length, now) : timers.nextReminderAt;
  return {
    kind: 'ok',
    request: { ...request, timers: { ...rest, escalatedAt: at, ...(next !== undefined ? { nextReminderAt: next } : {}) }, updatedAt: at },
  };
}

/** The request expires: nobody decided before its expiry. Refused before then, and for a request no longer pending. */
export function expireUndecided(request: AccessRequest, policy: ApprovalTimerPolicy, at: string): Transition {
  if (request.status !== 'pending-approval') return expire(request, at);
  if (dueTimer(request, policy, new Date(at))?.kind !== 'expire') return notDue(request);
  return expire(withTimers(request, policy), at);
}

/** How long the request has waited for a decision at `now`, in ms (real time). */
export function waitedMs(request: AccessRequest, now: Date): number {
  return Math.max(0, now.getTime() - Date.parse(request.createdAt));
}
