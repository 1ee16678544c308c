import type { AccessRequest, ExternalSendersChange, TargetGroup } from '../domain/access-request';
import { ErrorCodes, isAppError, rolesToGrantOf } from './app-error';
import type { DecisionRefusal } from '../domain/approval-policy';
import { needsExternalSenders, recordExternalSenders } from '../domain/request-lifecycle';
import { actorOf, loadForApprover, type ActingUser } from './authorise-approver';
import type { AuditTrail } from './audit-trail';
import type { KeepInformed } from './keep-informed';
import type { Clock } from './ports/clock';
import type { Directory } from './ports/directory';
import type { Logger } from './ports/logger';
import type { RequestStore } from './ports/request-store';
import { updateRequest } from './update-request';

/**
 * Lets external (unauthenticated) senders mail a group: Set-DistributionGroup
 * -RequireSenderAuthenticationEnabled:$false (already allowed: nothing written). Implemented by the
 * Exchange adapter; throws AppError with a stable code (and the Exchange roles to grant when refused).
 */
export interface ExternalSendersGateway {
  allowExternalSenders(group: TargetGroup): Promise<'changed' | 'already-allowed'>;
}

export type AllowExternalSendersResult =
  | { readonly kind: 'allowed'; readonly request: AccessRequest }
  | { readonly kind: 'failed'; readonly errorCode: string; readonly request: AccessRequest }
  | { readonly kind: 'denied'; readonly reason: DecisionRefusal; readonly request: AccessRequest }
  /** Not completed yet, the group already accepts external senders, or it was already done. */
  | { readonly kind: 'not-applicable'; readonly request: AccessRequest }
  | { readonly kind: 'not-found' };

export interface AllowExternalSendersDeps {
  readonly store: RequestStore;
  readonly directory: Pick<Directory, 'isApprover'>;
  readonly gateway: ExternalSendersGateway;
  readonly informed: KeepInformed;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly logger: Logger;
}

/**
 * Step 3 of Microsoft's procedure, as its own approved action: after the person was added, an
 * approver lets external senders mail the group so the person can post to it.
 */
export class AllowExternalSenders {
  constructor(private readonly deps: AllowExternalSendersDeps) {}

  async execute(requestId: string, actor: ActingUser): Promise<AllowExternalSendersResult> {
    const action = 'group.allow-external-senders';
    const access = await loadForApprover(this.deps, requestId, actor, action);
    if (access.kind !== 'allowed') return access;
    const { request } = access;
    if (!needsExternalSenders(request)) return { kind: 'not-applicable', request };
    const by = actorOf(actor);

    const result = await this.allow(request.group);
    await this.deps.audit.byPerson(by, {
      requestId,
      action,
      outcome: result.kind === 'allowed' ? 'succeeded' : 'failed',
      objectIds: { groupId: request.group.id },
      ...(result.kind === 'failed' ? { errorCode: result.errorCode } : {}),
    });
    const at = this.deps.clock.now().toISOString();
    const change: ExternalSendersChange =
      result.kind === 'allowed'
        ? { status: 'allowed', by, at }
        : { status: 'failed', by, at, errorCode: result.errorCode, ...(result.rolesToGrant.length > 0 ? { rolesToGrant: result.rolesToGrant } : {}) };
    const saved = await updateRequest(this.deps.store, requestId, (current) => recordExternalSenders(current, change));
    if (saved.kind !== 'updated') {
      const current = await this.deps.store.get(requestId);
      return current ? { kind: 'not-applicable', request: current.request } : { kind: 'not-found' };
    }
    await this.deps.informed.approvalCard(saved.request);
    if (result.kind === 'allowed') {
      await this.deps.informed.requester(saved.request, 'external-senders-allowed');
      return { kind: 'allowed', request: saved.request };
    }
    return { kind: 'failed', errorCode: result.errorCode, request: saved.request };
  }

  private async allow(group: TargetGroup): Promise<{ readonly kind: 'allowed' } | { readonly kind: 'failed'; readonly errorCode: string; readonly rolesToGrant: readonly string[] }> {
    try {
      const outcome = await this.deps.gateway.allowExternalSenders(group);
      this.deps.logger.info('external senders allowed', { groupId: group.id, outcome });
      return { kind: 'allowed' };
    } catch (error) {
      const errorCode = isAppError(error) ? error.code : ErrorCodes.unexpectedResponse;
      this.deps.logger.warn('allowing external senders failed', { groupId: group.id, errorCode, error: error instanceof Error ? error.message : String(error) });
      return { kind: 'failed', errorCode, rolesToGrant: rolesToGrantOf(error) };
    }
  }
}
