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
  | 'external-senders-allowed';

export type Delivery = { readonly kind: 'delivered' } | { readonly kind: 'undeliverable'; readonly reason: string };

export type ApprovalPublication =
  /** A new approval card was posted in the approvals conversation. */
  | { readonly kind: 'posted'; readonly conversationKey: string; readonly activityId: string }
  /** The existing approval card was updated for everyone. */
  | { readonly kind: 'updated' }
  /** No approver has said "approvals here" yet: the request waits. */
  | { readonly kind: 'no-approvals-conversation' }
  | { readonly kind: 'undeliverable'; readonly reason: string };

/**
 * Tells people about a request, in Teams. Implemented in src/bot with stored conversation
 * references (proactive messages and updateActivity). Never throws for delivery problems
 * (bot removed, conversation gone): it says so in the result, and the caller records it.
 */
export interface Notifier {
  /** Posts the approval card if the request has none yet, otherwise updates it in place for everyone. */
  publishApprovalCard(request: AccessRequest): Promise<ApprovalPublication>;
  notifyRequester(request: AccessRequest, notice: RequesterNotice): Promise<Delivery>;
}
