import type { AccessRequest } from './access-request';

/** How long a claim to ask again holds before another tap may try (the submission normally takes a second or two). */
export const resubmissionClaimMs = 2 * 60_000;

export type ResubmissionClaim =
  | { readonly kind: 'ok'; readonly request: AccessRequest }
  /** Asked again already, as this request. */
  | { readonly kind: 'already'; readonly requestId: string }
  /** Another tap is asking again right now. */
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'not-expired'; readonly status: AccessRequest['status'] };

/**
 * The requester asks again for an expired request, with the same details: a compare-and-set claim
 * first, so a double tap (or a retried invoke) creates one new request, never two.
 */
export function claimResubmission(request: AccessRequest, at: string): ResubmissionClaim {
  if (request.status !== 'expired') return { kind: 'not-expired', status: request.status };
  const previous = request.resubmission;
  if (previous?.requestId !== undefined) return { kind: 'already', requestId: previous.requestId };
  if (previous !== undefined && Date.parse(at) - Date.parse(previous.claimedAt) < resubmissionClaimMs) return { kind: 'in-progress' };
  return { kind: 'ok', request: { ...request, resubmission: { claimedAt: at } } };
}

/** The new request is stored: the expired one points to it (and is never asked again). */
export function recordResubmission(request: AccessRequest, newRequestId: string): AccessRequest {
  return { ...request, resubmission: { claimedAt: request.resubmission?.claimedAt ?? '', requestId: newRequestId } };
}

/** Asking again was refused (the group changed, say): the claim ends, so the requester may try again later. */
export function releaseResubmission(request: AccessRequest): AccessRequest {
  if (request.resubmission?.requestId !== undefined) return request;
  const { resubmission: _released, ...rest } = request;
  return rest;
}
