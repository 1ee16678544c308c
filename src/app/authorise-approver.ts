import type { AccessRequest, Actor } from '../domain/access-request';
import { isEscalated, mayDecide, type DecisionPermission, type DecisionRefusal } from '../domain/approval-policy';
import type { AuditTrail } from './audit-trail';
import type { Directory } from './ports/directory';
import type { RequestStore } from './ports/request-store';

/** The acting user, as the activity identifies them (never card data). */
export interface ActingUser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
}

export function actorOf(user: ActingUser): Actor {
  return { aadObjectId: user.aadObjectId, name: user.name };
}

/** Who approves: the approvers group, and (for escalated requests) the escalation approvers group when there is one. */
export interface ApproverChecks extends Pick<Directory, 'isApprover'> {
  /** Member of the escalation approvers group (ESCALATION_APPROVERS_GROUP_ID); absent without escalation. */
  readonly isEscalationApprover?: (userId: string) => Promise<boolean>;
}

/** Asks the directory now (not a cached card) whether the actor may act as an approver on this request. */
export async function authoriseApprover(directory: ApproverChecks, actor: ActingUser, request: AccessRequest): Promise<DecisionPermission> {
  const isApprover = await directory.isApprover(actor.aadObjectId);
  const isEscalationApprover = !isApprover && isEscalated(request) && directory.isEscalationApprover !== undefined && (await directory.isEscalationApprover(actor.aadObjectId));
  return mayDecide({ ...actor, isApprover, isEscalationApprover }, request);
}

export type ApproverAccess =
  | { readonly kind: 'allowed'; readonly request: AccessRequest }
  | { readonly kind: 'denied'; readonly reason: DecisionRefusal; readonly request: AccessRequest }
  | { readonly kind: 'not-found' };

export interface ApproverAccessDeps {
  readonly store: RequestStore;
  readonly directory: ApproverChecks;
  readonly audit: AuditTrail;
}

/**
 * Loads a request for an approver's action and authorises the actor; a refusal is written to the
 * audit trail under `action`, so attempts by people who may not act are on record too.
 */
export async function loadForApprover(deps: ApproverAccessDeps, requestId: string, actor: ActingUser, action: string): Promise<ApproverAccess> {
  const stored = await deps.store.get(requestId);
  if (!stored) return { kind: 'not-found' };
  const permission = await authoriseApprover(deps.directory, actor, stored.request);
  if (permission.kind === 'allowed') return { kind: 'allowed', request: stored.request };
  await deps.audit.byPerson(actorOf(actor), { requestId, action, outcome: 'refused', details: { reason: permission.reason } });
  return { kind: 'denied', reason: permission.reason, request: stored.request };
}
