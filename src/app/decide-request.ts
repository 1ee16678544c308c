import type { AccessRequest } from '../domain/access-request';
import type { DecisionRefusal } from '../domain/approval-policy';
import { decide } from '../domain/request-lifecycle';
import type { AuditTrail } from './audit-trail';
import type { Clock } from './ports/clock';
import type { RequestStore } from './ports/request-store';
import { actorOf, loadForApprover, type ActingUser, type ApproverChecks } from './authorise-approver';
import { updateRequest } from './update-request';

export type { ActingUser } from './authorise-approver';

export interface DecideCommand {
  readonly requestId: string;
  readonly actor: ActingUser;
  readonly outcome: 'approved' | 'rejected';
  readonly reason?: string;
}

export type DecideResult =
  | { readonly kind: 'decided'; readonly request: AccessRequest }
  | { readonly kind: 'denied'; readonly reason: DecisionRefusal; readonly request: AccessRequest }
  /** Someone decided first (or it was cancelled/expired): the current request says who and when. */
  | { readonly kind: 'not-pending'; readonly request: AccessRequest }
  | { readonly kind: 'reason-required'; readonly request: AccessRequest }
  | { readonly kind: 'not-found' };

export interface DecideRequestDeps {
  readonly store: RequestStore;
  readonly directory: ApproverChecks;
  readonly clock: Clock;
  readonly audit: AuditTrail;
}

/**
 * An approver approves or rejects a request. Authorised from the acting user (approvers group,
 * same tenant, not their own request); the decision is a compare-and-set, so the first one wins.
 */
export class DecideRequest {
  constructor(private readonly deps: DecideRequestDeps) {}

  async execute(command: DecideCommand): Promise<DecideResult> {
    const action = `request.${command.outcome === 'approved' ? 'approve' : 'reject'}`;
    const access = await loadForApprover(this.deps, command.requestId, command.actor, action);
    if (access.kind !== 'allowed') return access;
    const reason = command.reason?.trim();
    if (command.outcome === 'rejected' && !reason) return { kind: 'reason-required', request: access.request };
    const by = actorOf(command.actor);

    const at = this.deps.clock.now().toISOString();
    const outcome = await updateRequest(this.deps.store, command.requestId, (current) =>
      decide(current, { outcome: command.outcome, by, at, ...(reason ? { reason } : {}) }),
    );
    switch (outcome.kind) {
      case 'updated':
        await this.deps.audit.byPerson(by, {
          requestId: command.requestId,
          action,
          outcome: 'succeeded',
          objectIds: { groupId: outcome.request.group.id },
          ...(reason ? { details: { reason } } : {}),
        });
        return { kind: 'decided', request: outcome.request };
      case 'not-found':
        return { kind: 'not-found' };
      case 'already-decided':
      case 'invalid-state': {
        const current = await this.deps.store.get(command.requestId);
        return current ? { kind: 'not-pending', request: current.request } : { kind: 'not-found' };
      }
    }
  }
}
