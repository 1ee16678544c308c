import type { AccessRequest, CardCopyRef } from '../domain/access-request';
import {
  type AgeGroup,
  ageGroupOf,
  type ApprovalTimerPolicy,
  dueTimer,
  escalationPosted,
  expireUndecided,
  recordCardCopy,
  recordEscalation,
  recordReminder,
  timersOf,
  waitedMs,
} from '../domain/approval-timers';
import { recordUndelivered } from '../domain/request-lifecycle';
import type { AuditTrail } from './audit-trail';
import type { KeepInformed } from './keep-informed';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { ApproverAudience, CopyPosting, Notifier } from './ports/notifier';
import type { RequestStore } from './ports/request-store';
import { updateRequest } from './update-request';

export interface PendingApprovalTimersDeps {
  readonly store: RequestStore;
  readonly notifier: Notifier;
  readonly informed: KeepInformed;
  readonly audit: AuditTrail;
  readonly policy: ApprovalTimerPolicy;
  /** ESCALATION_APPROVERS_GROUP_ID, for the audit log. */
  readonly escalationGroupId?: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What acting on a request's timers did. */
export type TimerAction =
  /** Nothing was due, or another bot instance did it first (the stored request said so). */
  | { readonly kind: 'none' }
  | { readonly kind: 'reminded'; readonly number: number }
  | { readonly kind: 'escalated' }
  | { readonly kind: 'expired' };

const none: TimerAction = { kind: 'none' };

/** One waiting request in the approvers' overview. */
export interface WaitingRequest {
  readonly request: AccessRequest;
  readonly waitedMs: number;
  readonly age: AgeGroup;
  /** ISO 8601. */
  readonly expiresAt: string;
  readonly escalated: boolean;
}

/** At most this many things are done for one request in one sweep (an escalation, then a reminder it moved, say). */
const actsPerRequest = 3;

/**
 * Nothing waits forever: finds the pending requests whose reminder, escalation or expiry is due
 * (due times are stored with each request, so this survives restarts) and does it. Every step is
 * first recorded on the request with a compare-and-set, and only the instance whose write won
 * sends anything: two bot instances sweeping at once send each reminder once, escalate once and
 * expire once. A message that cannot be delivered is recorded on the request; the request moves on.
 */
export class PendingApprovalTimers {
  constructor(private readonly deps: PendingApprovalTimersDeps) {}

  /** The ids of the pending requests that have something due at `now`, oldest first. */
  async due(now: Date): Promise<string[]> {
    const pending = await this.deps.store.listByStatus(['pending-approval']);
    return pending.filter((request) => dueTimer(request, this.deps.policy, now) !== undefined).map((request) => request.id);
  }

  /** Everything due now, request by request; returns what was done. */
  async sweep(): Promise<TimerAction[]> {
    const done: TimerAction[] = [];
    for (const requestId of await this.due(this.deps.clock.now())) {
      for (let act = 0; act < actsPerRequest; act++) {
        const action = await this.act(requestId);
        if (action.kind === 'none') break;
        done.push(action);
      }
    }
    return done;
  }

  /** Does the one thing due for the request now (the most final first), or nothing. */
  async act(requestId: string): Promise<TimerAction> {
    const stored = await this.deps.store.get(requestId);
    if (!stored) return none;
    const now = this.deps.clock.now();
    const due = dueTimer(stored.request, this.deps.policy, now);
    switch (due?.kind) {
      case undefined:
        return none;
      case 'remind':
        return this.remind(requestId, due.number, now.toISOString());
      case 'escalate':
        return this.escalate(requestId, now.toISOString());
      case 'expire':
        return this.expire(requestId, now.toISOString());
    }
  }

  /** The requests waiting for a decision, oldest first, with how long each has waited and when it expires (only the escalated ones for escalation approvers). */
  async overview(only: 'all' | 'escalated' = 'all'): Promise<WaitingRequest[]> {
    const now = this.deps.clock.now();
    const pending = await this.deps.store.listByStatus(['pending-approval']);
    return pending
      .map((request): WaitingRequest => {
        const timers = timersOf(request, this.deps.policy);
        const waited = waitedMs(request, now);
        return { request, waitedMs: waited, age: ageGroupOf(waited), expiresAt: timers.expiresAt, escalated: timers.escalatedAt !== undefined };
      })
      .filter((waiting) => only === 'all' || waiting.escalated)
      .sort((a, b) => b.waitedMs - a.waitedMs);
  }

  /** "escalations here": posts the escalated requests that wait for a decision and are not there yet; returns how many. */
  async postWaitingEscalations(): Promise<number> {
    const waiting = (await this.deps.store.listByStatus(['pending-approval'])).filter(
      (request) => request.timers?.escalatedAt !== undefined && !escalationPosted(request),
    );
    for (const request of waiting) {
      const posting = await this.deps.notifier.postEscalation(request, request.timers?.escalatedAt ?? this.deps.clock.now().toISOString());
      await this.keepCopy(request, posting, 'escalation', 'escalation');
    }
    return waiting.length;
  }

  private async remind(requestId: string, number: number, at: string): Promise<TimerAction> {
    const { store, policy, notifier } = this.deps;
    const recorded = await updateRequest(store, requestId, (current) => recordReminder(current, policy, number, at));
    if (recorded.kind !== 'updated') return none;
    const request = recorded.request;
    const reminder = { number, of: policy.maxReminders, at };
    const audiences: ApproverAudience[] = request.timers?.escalatedAt !== undefined ? ['approvers', 'escalation'] : ['approvers'];
    const outcomes: Record<string, string> = {};
    for (const audience of audiences) {
      const posting = await notifier.remindApprovers(request, reminder, audience);
      outcomes[audience] = posting.kind === 'undeliverable' ? `undeliverable: ${posting.reason}` : posting.kind;
      await this.keepCopy(request, posting, 'reminder', audience);
    }
    this.deps.logger.info('approvers reminded', { requestId, reminder: number, ...outcomes });
    await this.deps.audit.byBot({
      requestId,
      action: 'request.remind',
      outcome: Object.values(outcomes).includes('posted') ? 'succeeded' : 'failed',
      details: { reminder: String(number), of: String(policy.maxReminders), ...outcomes },
    });
    return { kind: 'reminded', number };
  }

  private async escalate(requestId: string, at: string): Promise<TimerAction> {
    const recorded = await updateRequest(this.deps.store, requestId, (current) => recordEscalation(current, this.deps.policy, at));
    if (recorded.kind !== 'updated') return none;
    // Every copy of the card says it was escalated, then the escalation approvers get theirs.
    const { request } = await this.deps.informed.approvalCard(recorded.request);
    const posting = await this.deps.notifier.postEscalation(request, at);
    await this.keepCopy(request, posting, 'escalation', 'escalation');
    this.deps.logger.info('request escalated', { requestId, posting: posting.kind });
    await this.deps.audit.byBot({
      requestId,
      action: 'request.escalate',
      outcome: posting.kind === 'posted' ? 'succeeded' : 'failed',
      ...(this.deps.escalationGroupId !== undefined ? { objectIds: { escalationGroupId: this.deps.escalationGroupId } } : {}),
      details: { escalation: posting.kind === 'undeliverable' ? `undeliverable: ${posting.reason}` : posting.kind },
    });
    return { kind: 'escalated' };
  }

  private async expire(requestId: string, at: string): Promise<TimerAction> {
    const recorded = await updateRequest(this.deps.store, requestId, (current) => expireUndecided(current, this.deps.policy, at));
    if (recorded.kind !== 'updated') return none;
    const expired = recorded.request;
    await this.deps.audit.byBot({
      requestId,
      action: 'request.expire',
      outcome: 'succeeded',
      objectIds: { groupId: expired.group.id },
      details: {
        expireAfterDays: String(expired.timers?.expireAfterDays ?? this.deps.policy.expireAfterDays),
        counting: expired.timers?.counting ?? this.deps.policy.time.counting,
        reminders: String(expired.timers?.reminders.length ?? 0),
      },
    });
    this.deps.logger.info('request expired', { requestId });
    const { request } = await this.deps.informed.approvalCard(expired);
    await this.deps.informed.requester(request, 'expired');
    return { kind: 'expired' };
  }

  /**
   * Remembers a new copy of the card so every later change updates it; if the request changed
   * while the copy was being posted (an approver decided), that copy is brought up to date at once.
   */
  private async keepCopy(request: AccessRequest, posting: CopyPosting, reason: CardCopyRef['reason'], audience: ApproverAudience): Promise<void> {
    if (posting.kind === 'no-conversation') return;
    if (posting.kind === 'undeliverable') {
      this.deps.logger.warn('notification undeliverable', { requestId: request.id, notice: reason, recipient: audience, reason: posting.reason });
      const at = this.deps.clock.now().toISOString();
      await updateRequest(this.deps.store, request.id, (current) =>
        recordUndelivered(current, { notice: reason, recipient: 'approvers', at, reason: posting.reason }),
      );
      return;
    }
    const copy: CardCopyRef = { conversationKey: posting.conversationKey, activityId: posting.activityId, reason };
    const saved = await updateRequest(this.deps.store, request.id, (current) => ({ kind: 'ok', request: recordCardCopy(current, copy) }));
    if (saved.kind === 'updated' && (saved.previous.status !== request.status || saved.previous.updatedAt !== request.updatedAt)) {
      await this.deps.informed.approvalCard(saved.request);
    }
  }
}
