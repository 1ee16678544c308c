import type { AccessRequest } from './access-request';

export type DecisionRefusal = 'other-tenant' | 'own-request' | 'not-approver';

export interface DecidingActor {
  /** From the activity (from.aadObjectId), never from card data. */
  readonly aadObjectId: string;
  /** From the activity (conversation.tenantId / channelData.tenant.id). */
  readonly tenantId: string;
  /** Transitive member of the approvers group, as the directory says now. */
  readonly isApprover: boolean;
  /** Transitive member of the escalation approvers group (only asked about escalated requests). */
  readonly isEscalationApprover?: boolean;
}

export type DecisionPermission = { readonly kind: 'allowed' } | { readonly kind: 'denied'; readonly reason: DecisionRefusal };

/** The request went to the escalation approvers (nobody decided in time): they may act on it from then on. */
export function isEscalated(request: AccessRequest): boolean {
  return request.timers?.escalatedAt !== undefined;
}

/**
 * Only approvers of the request's own tenant decide (and, once a request was escalated, the
 * escalation approvers too), and never on a request they made themselves.
 */
export function mayDecide(actor: DecidingActor, request: AccessRequest): DecisionPermission {
  if (actor.tenantId.toLowerCase() !== request.tenantId.toLowerCase()) return { kind: 'denied', reason: 'other-tenant' };
  if (actor.aadObjectId.toLowerCase() === request.requester.aadObjectId.toLowerCase()) return { kind: 'denied', reason: 'own-request' };
  if (!actor.isApprover && !(actor.isEscalationApprover === true && isEscalated(request))) return { kind: 'denied', reason: 'not-approver' };
  return { kind: 'allowed' };
}

/** Only the requester withdraws their own request. */
export function mayCancel(actor: Pick<DecidingActor, 'aadObjectId' | 'tenantId'>, request: AccessRequest): boolean {
  return (
    actor.tenantId.toLowerCase() === request.tenantId.toLowerCase() &&
    actor.aadObjectId.toLowerCase() === request.requester.aadObjectId.toLowerCase()
  );
}
