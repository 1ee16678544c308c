import type { AccessRequest } from '../../../src/domain/access-request';
import type {
  ApprovalPublication,
  ApproverAudience,
  CopyPosting,
  Delivery,
  Notifier,
  ReminderNotice,
  RequesterNotice,
} from '../../../src/app/ports/notifier';

/** A Notifier fake that remembers what it was asked to show, and can be told to fail delivery. */
export class RecordingNotifier implements Notifier {
  readonly cards: AccessRequest[] = [];
  readonly notices: { requestId: string; notice: RequesterNotice; status: AccessRequest['status'] }[] = [];
  readonly reminders: { requestId: string; reminder: ReminderNotice; audience: ApproverAudience }[] = [];
  readonly escalations: { requestId: string; at: string }[] = [];
  approvalsConversation: string | undefined = 'approvals-1';
  escalationsConversation: string | undefined = 'escalations-1';
  requesterReachable = true;
  private nextActivity = 0;

  async publishApprovalCard(request: AccessRequest): Promise<ApprovalPublication> {
    if (!this.approvalsConversation) return { kind: 'no-approvals-conversation' };
    this.cards.push(request);
    if (request.approvalMessage) return { kind: 'updated' };
    return { kind: 'posted', conversationKey: this.approvalsConversation, activityId: `activity-${++this.nextActivity}` };
  }

  async remindApprovers(request: AccessRequest, reminder: ReminderNotice, audience: ApproverAudience): Promise<CopyPosting> {
    const conversation = audience === 'approvers' ? this.approvalsConversation : this.escalationsConversation;
    if (!conversation) return { kind: 'no-conversation' };
    this.reminders.push({ requestId: request.id, reminder, audience });
    return { kind: 'posted', conversationKey: conversation, activityId: `activity-${++this.nextActivity}` };
  }

  async postEscalation(request: AccessRequest, at: string): Promise<CopyPosting> {
    if (!this.escalationsConversation) return { kind: 'no-conversation' };
    this.escalations.push({ requestId: request.id, at });
    return { kind: 'posted', conversationKey: this.escalationsConversation, activityId: `activity-${++this.nextActivity}` };
  }

  async notifyRequester(request: AccessRequest, notice: RequesterNotice): Promise<Delivery> {
    if (!this.requesterReachable) return { kind: 'undeliverable', reason: 'conversation-not-found' };
    this.notices.push({ requestId: request.id, notice, status: request.status });
    return { kind: 'delivered' };
  }
}
