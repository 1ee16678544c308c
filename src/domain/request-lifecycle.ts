import type {
  AccessRequest,
  Actor,
  Decision,
  ExternalSendersChange,
  JournalEntry,
  ProvisioningFailure,
  RequestStatus,
  UndeliveredNotice,
} from './access-request';
import { isDirectoryWaitDue, type DirectoryWait } from './directory-wait';

/**
 * The request state machine (shared/DESIGN.md section 3), as pure functions. Each returns the next
 * version of the request, or says why the transition does not apply; the caller stores the new
 * version with a compare-and-set, so the first writer wins.
 *
 *   pending-approval -> approved -> provisioning -> completed
 *        |                              |   ^
 *        |                              |   +-- waiting-for-directory (resumes by itself when due)
 *        +-> rejected/cancelled/expired +-> failed -> provisioning (retry)
 */
export type Transition =
  | { readonly kind: 'ok'; readonly request: AccessRequest }
  /** Someone decided first; the decision says who and when. */
  | { readonly kind: 'already-decided'; readonly decision: Decision; readonly status: RequestStatus }
  | { readonly kind: 'invalid-state'; readonly status: RequestStatus };

const finalStatuses: ReadonlySet<RequestStatus> = new Set(['completed', 'rejected', 'cancelled', 'expired']);

export function isFinal(status: RequestStatus): boolean {
  return finalStatuses.has(status);
}

function move(request: AccessRequest, status: RequestStatus, at: string, changes: Partial<AccessRequest> = {}): Transition {
  return { kind: 'ok', request: { ...request, ...changes, status, updatedAt: at } };
}

function refuse(request: AccessRequest): Transition {
  return request.decision
    ? { kind: 'already-decided', decision: request.decision, status: request.status }
    : { kind: 'invalid-state', status: request.status };
}

/** An approver approves or rejects a pending request. A second decision is refused with the first. */
export function decide(request: AccessRequest, decision: Decision): Transition {
  if (request.status !== 'pending-approval') return refuse(request);
  return move(request, decision.outcome === 'approved' ? 'approved' : 'rejected', decision.at, { decision });
}

/** The requester withdraws a request nobody has decided yet. */
export function cancel(request: AccessRequest, at: string): Transition {
  if (request.status !== 'pending-approval') return refuse(request);
  return move(request, 'cancelled', at);
}

/** A pending request nobody decided in time. */
export function expire(request: AccessRequest, at: string): Transition {
  if (request.status !== 'pending-approval') return refuse(request);
  return move(request, 'expired', at);
}

/** Provisioning starts after approval, or again after a failure (an approver's Retry). */
export function startProvisioning(request: AccessRequest, at: string): Transition {
  if (request.status !== 'approved' && request.status !== 'failed') return { kind: 'invalid-state', status: request.status };
  const { failure: _cleared, directoryWait: _restarted, ...rest } = request;
  return move(rest, 'provisioning', at);
}

/** A step could not see an object created a moment ago: pause until the wait's due time. */
export function waitForDirectory(request: AccessRequest, wait: DirectoryWait, at: string): Transition {
  if (request.status !== 'provisioning') return { kind: 'invalid-state', status: request.status };
  return move(request, 'waiting-for-directory', at, { directoryWait: wait });
}

/** A wait whose due time has come: provisioning goes on (the wait is kept, to count the next one). */
export function resumeAfterWait(request: AccessRequest, at: string): Transition {
  if (request.status !== 'waiting-for-directory' || request.directoryWait === undefined || !isDirectoryWaitDue(request.directoryWait, at)) {
    return { kind: 'invalid-state', status: request.status };
  }
  return move(request, 'provisioning', at);
}

/** A step finished (or failed); the journal lets an interrupted run resume without repeating work. */
export function recordStep(request: AccessRequest, entry: JournalEntry): Transition {
  if (request.status !== 'provisioning') return { kind: 'invalid-state', status: request.status };
  return move(request, 'provisioning', entry.at, { journal: [...request.journal, entry] });
}

export function complete(request: AccessRequest, at: string): Transition {
  if (request.status !== 'provisioning') return { kind: 'invalid-state', status: request.status };
  const { directoryWait: _done, ...rest } = request;
  return move(rest, 'completed', at);
}

export function fail(request: AccessRequest, failure: Omit<ProvisioningFailure, 'attempts'>): Transition {
  if (request.status !== 'provisioning') return { kind: 'invalid-state', status: request.status };
  const attempts = (request.failure?.attempts ?? 0) + 1;
  const { directoryWait: _done, ...rest } = request;
  return move(rest, 'failed', failure.at, { failure: { ...failure, attempts } });
}

/** The person is in a group that still refuses external senders: an approver can allow them (step 3). */
export function needsExternalSenders(request: AccessRequest): boolean {
  return request.status === 'completed' && request.assessment.internalSendersOnly && request.externalSenders?.status !== 'allowed';
}

/** "Allow external senders" on a completed request's group; only once it has succeeded. */
export function recordExternalSenders(request: AccessRequest, change: ExternalSendersChange): Transition {
  if (!needsExternalSenders(request)) return { kind: 'invalid-state', status: request.status };
  return move(request, 'completed', change.at, { externalSenders: change });
}

/** Who decided, for "already approved by X at T". */
export function decidedBy(request: AccessRequest): Actor | undefined {
  return request.decision?.by;
}

/** Remembers where the approval card was posted, so later changes update it for everyone. */
export function attachApprovalMessage(
  request: AccessRequest,
  approvalMessage: NonNullable<AccessRequest['approvalMessage']>,
): Transition {
  return { kind: 'ok', request: { ...request, approvalMessage } };
}

/** Records a notification that could not be delivered; the request itself is unaffected. */
export function recordUndelivered(request: AccessRequest, notice: UndeliveredNotice): Transition {
  return { kind: 'ok', request: { ...request, undelivered: [...(request.undelivered ?? []), notice] } };
}
