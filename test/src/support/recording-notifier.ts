import type { AccessRequest } from '../../../src/domain/access-request';
import type { ApprovalPublication, Delivery, Notifier, RequesterNotice } from '../../../src/app/ports/notifier';

/** A Notifier fake that remembers what it was asked to show, and can be told to fail delivery. */
export class RecordingNotifier implements Notifier {
  readonly cards: AccessRequest[] = [];
  readonly notices: { requestId: string; notice: RequesterNotice; status: AccessRequest['status'] }[] = [];
  approvalsConversation: string | undefined = 'approvals-1';
  requesterReachable = true;
  private nextActivity = 0;

  async publishApprovalCard(request: AccessRequest): Promise<ApprovalPublication> {
    if (!this.approvalsConversation) return { kind: 'no-approvals-conversation' };
    this.cards.push(request);
    if (request.approvalMessage) return { kind: 'updated' };
    return { kind: 'posted', conversationKey: this.approvalsConversation, activityId: `activity-${++this.nextActivity}` };
  }

  async notifyRequester(request: AccessRequest, notice: RequesterNotice): Promise<Delivery> {
    if (!this.requesterReachable) return { kind: 'undeliverable', reason: 'conversation-not-found' };
    this.notices.push({ requestId: request.id, notice, status: request.status });
    return { kind: 'delivered' };
  }
}
