import type { AccessRequest } from '../domain/access-request';
import { mayCancel } from '../domain/approval-policy';
import { claimResubmission, recordResubmission, releaseResubmission } from '../domain/request-resubmission';
import type { AuditTrail } from './audit-trail';
import type { ActingUser } from './authorise-approver';
import { actorOf } from './authorise-approver';
import type { Clock } from './ports/clock';
import type { RequestStore } from './ports/request-store';
import type { RequestIntake, SubmitResult } from './request-intake';
import { updateRequest } from './update-request';

export type ResubmitResult =
  /** A new request with the same details waits for approval; the expired one points to it. */
  | { readonly kind: 'resubmitted'; readonly request: AccessRequest; readonly previous: AccessRequest }
  /** Asked again already (a second tap): the request it became. */
  | { readonly kind: 'already'; readonly requestId: string; readonly previous: AccessRequest }
  | { readonly kind: 'in-progress'; readonly previous: AccessRequest }
  /** The details no longer pass the checks (no longer an owner, the group changed...): nothing was stored. */
  | { readonly kind: 'invalid'; readonly check: Extract<SubmitResult, { kind: 'invalid' }>['check']; readonly previous: AccessRequest }
  | { readonly kind: 'not-requester'; readonly previous: AccessRequest }
  | { readonly kind: 'not-expired'; readonly previous: AccessRequest }
  | { readonly kind: 'not-found' };

export interface ResubmitRequestDeps {
  readonly store: RequestStore;
  readonly intake: Pick<RequestIntake, 'submit'>;
  readonly audit: AuditTrail;
  readonly clock: Clock;
}

/**
 * The requester asks again for a request that expired (nobody decided in time): the same person,
 * group and reason are checked again and submitted as a new request, exactly as if they had been
 * typed in again. Only the requester may; a double tap asks once (a compare-and-set claim on the
 * expired request), and the expired request remembers the new one.
 */
export class ResubmitRequest {
  constructor(private readonly deps: ResubmitRequestDeps) {}

  async execute(requestId: string, actor: ActingUser): Promise<ResubmitResult> {
    const stored = await this.deps.store.get(requestId);
    if (!stored) return { kind: 'not-found' };
    const previous = stored.request;
    if (!mayCancel(actor, previous)) {
      await this.deps.audit.byPerson(actorOf(actor), { requestId, action: 'request.resubmit', outcome: 'refused', details: { reason: 'not-requester' } });
      return { kind: 'not-requester', previous };
    }
    const at = this.deps.clock.now().toISOString();
    let refusal: ResubmitResult | undefined;
    const claimed = await updateRequest(this.deps.store, requestId, (current) => {
      const claim = claimResubmission(current, at);
      if (claim.kind === 'ok') return claim;
      refusal =
        claim.kind === 'already'
          ? { kind: 'already', requestId: claim.requestId, previous: current }
          : claim.kind === 'in-progress'
            ? { kind: 'in-progress', previous: current }
            : { kind: 'not-expired', previous: current };
      return { kind: 'invalid-state', status: current.status };
    });
    if (claimed.kind !== 'updated') return refusal ?? { kind: 'not-found' };

    let result: SubmitResult;
    try {
      result = await this.deps.intake.submit({
        tenantId: previous.tenantId,
        requester: previous.requester,
        person: previous.person,
        groupId: previous.group.id,
        reason: previous.reason,
      });
    } catch (error) {
      await updateRequest(this.deps.store, requestId, (current) => ({ kind: 'ok', request: releaseResubmission(current) }));
      throw error;
    }
    if (result.kind === 'invalid') {
      const released = await updateRequest(this.deps.store, requestId, (current) => ({ kind: 'ok', request: releaseResubmission(current) }));
      await this.deps.audit.byPerson(actorOf(actor), { requestId, action: 'request.resubmit', outcome: 'refused', details: { reason: result.check.kind } });
      return { kind: 'invalid', check: result.check, previous: released.kind === 'updated' ? released.request : previous };
    }
    const saved = await updateRequest(this.deps.store, requestId, (current) => ({ kind: 'ok', request: recordResubmission(current, result.request.id) }));
    await this.deps.audit.byPerson(actorOf(actor), {
      requestId,
      action: 'request.resubmit',
      outcome: 'succeeded',
      objectIds: { groupId: previous.group.id },
      details: { newRequestId: result.request.id },
    });
    return { kind: 'resubmitted', request: result.request, previous: saved.kind === 'updated' ? saved.request : previous };
  }
}
