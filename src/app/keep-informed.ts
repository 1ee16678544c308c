import type { AccessRequest } from '../domain/access-request';
import { attachApprovalMessage, recordUndelivered } from '../domain/request-lifecycle';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { ApprovalPublication, Notifier, RequesterNotice } from './ports/notifier';
import type { RequestStore } from './ports/request-store';
import { updateRequest } from './update-request';

export interface KeepInformedDeps {
  readonly store: RequestStore;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Keeps the approval card and the requester up to date. Delivery problems never stop the
 * workflow: they are logged and recorded on the request, so nothing is lost.
 */
export class KeepInformed {
  constructor(private readonly deps: KeepInformedDeps) {}

  /** Posts or updates the approval card; returns the request as stored afterwards. */
  async approvalCard(request: AccessRequest): Promise<{ request: AccessRequest; publication: ApprovalPublication }> {
    const publication = await this.deps.notifier.publishApprovalCard(request);
    if (publication.kind === 'posted') {
      const { conversationKey, activityId } = publication;
      const saved = await updateRequest(this.deps.store, request.id, (current) =>
        attachApprovalMessage(current, { conversationKey, activityId }),
      );
      return { request: saved.kind === 'updated' ? saved.request : request, publication };
    }
    if (publication.kind === 'undeliverable') {
      await this.record(request, 'approval-card', 'approvers', publication.reason);
    }
    return { request, publication };
  }

  async requester(request: AccessRequest, notice: RequesterNotice): Promise<void> {
    const delivery = await this.deps.notifier.notifyRequester(request, notice);
    if (delivery.kind === 'undeliverable') await this.record(request, notice, 'requester', delivery.reason);
  }

  private async record(request: AccessRequest, notice: string, recipient: 'requester' | 'approvers', reason: string): Promise<void> {
    this.deps.logger.warn('notification undeliverable', { requestId: request.id, notice, recipient, reason });
    const at = this.deps.clock.now().toISOString();
    await updateRequest(this.deps.store, request.id, (current) => recordUndelivered(current, { notice, recipient, at, reason }));
  }
}
