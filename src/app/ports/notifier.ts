import type { AccessRequest } from '../../domain/access-request';

/** What the requester is told, proactively, as their request moves on. */
export type RequesterNotice =
  | 'waiting-for-approvers'
  | 'approved'
  /** Approved, but the directory is still catching up with the new contact or guest: it takes a few more minutes. */
  | 'waiting-for-directory'
  | 'rejected'
  | 'completed'
  | 'failed'
  | 'external-senders-allowed'
  /** Nobody decided in time: nothing was changed; the requester can ask again with one tap. */
  | 'expired';

export type Delivery = { readonly kind: 'delivered' } | { readonly kind: 'undeliverable'; readonly reason: string };

export type ApprovalPublication =
  /** A new approval card was posted in the approvals conversation. */
  | { readonly kind: 'posted'; readonly conversationKey: string; readonly activityId: string }
  /** The existing approval card was updated for everyone. */
  | { readonly kind: 'updated' }
  /** No approver has said "approvals here" yet: the request waits. */
  | { readonly kind: 'no-approvals-conversation' }
  | { readonly kind: 'undeliverable'; readonly reason: string };

/** Who a reminder goes to: the approvers' conversation, or the escalation approvers' once the request was escalated. */
export type ApproverAudience = 'approvers' | 'escalation';

/** Reminder `number` of at most `of`, sent at `at` (ISO 8601). */
export interface ReminderNotice {
  readonly number: number;
  readonly of: number;
  readonly at: string;
}

/** A message with a new copy of the approval card (a reminder, the escalation). */
export type CopyPosting =
  | { readonly kind: 'posted'; readonly conversationKey: string; readonly activityId: string }
  /** Nobody registered a conversation for this audience yet ("approvals here", "escalations here"). */
  | { readonly kind: 'no-conversation' }
  | { readonly kind: 'undeliverable'; readonly reason: string };

/**
 * Tells people about a request, in Teams. Implemented in src/bot with stored conversation
 * references (proactive messages and updateActivity). Never throws for delivery problems
 * (bot removed, conversation gone): it says so in the result, and the caller records it.
 */
export interface Notifier {
  /**
   * Posts the approval card if the request has none yet, otherwise updates it in place for everyone;
   * either way, every other copy of it (request.cardCopies) is updated too.
   */
  publishApprovalCard(request: AccessRequest): Promise<ApprovalPublication>;
  /**
   * Reminds an audience of a request nobody has decided: a message that quotes the request (who asks,
   * for whom, which group, how long it has waited, when it expires) with its card repeated below.
   */
  remindApprovers(request: AccessRequest, reminder: ReminderNotice, audience: ApproverAudience): Promise<CopyPosting>;
  /** Posts the request to the escalation approvers: a message saying why it comes to them, with its card. */
  postEscalation(request: AccessRequest, at: string): Promise<CopyPosting>;
  notifyRequester(request: AccessRequest, notice: RequesterNotice): Promise<Delivery>;
}
