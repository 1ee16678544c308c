import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import { directoryWaitParams, errorReason, stepName } from '../../../cards/approval-card';
import type { AccessRequest } from '../../domain/access-request';
import type { Logger } from '../../app/ports/logger';
import type { ApprovalPublication, Delivery, Notifier, RequesterNotice } from '../../app/ports/notifier';
import type { MessageCatalogue } from '../../i18n/message-catalogue';
import type { Reader } from '../../i18n/reader';
import type { ApprovalCardRenderer } from '../approval-card-renderer';
import type { ConversationDirectory, StoredConversation } from './conversation-directory';

export interface TeamsNotifierDependencies {
  readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** The bot's Microsoft app id ('' when the bot runs unregistered, locally). */
  readonly appId: string;
  readonly conversations: ConversationDirectory;
  readonly renderer: ApprovalCardRenderer;
  readonly catalogue: MessageCatalogue;
  readonly logger: Logger;
}

/** Why a proactive message did not arrive, from the connector's answer (never its text). */
export function deliveryFailure(error: unknown): string {
  const status =
    (error as { statusCode?: unknown }).statusCode ?? (error as { response?: { status?: unknown } }).response?.status;
  if (status === 403) return 'bot-not-allowed'; // removed from the team or chat, or blocked by the user
  if (status === 404) return 'conversation-not-found';
  if (typeof status === 'number') return `connector-${status}`;
  return 'connector-unreachable';
}

/**
 * Tells people about requests in Teams, proactively: posts the approval card in the approvals
 * conversation and then updates that same message for everyone, and writes to the requester in
 * the conversation the request was made in. Delivery problems come back as results, never throws.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly deps: TeamsNotifierDependencies) {}

  async publishApprovalCard(request: AccessRequest): Promise<ApprovalPublication> {
    const existing = request.approvalMessage;
    const target = existing
      ? await this.deps.conversations.byKey(existing.conversationKey).then((c) => (c ? { key: existing.conversationKey, conversation: c } : undefined))
      : await this.deps.conversations.approvals();
    if (!target) return existing ? { kind: 'undeliverable', reason: 'conversation-unknown' } : { kind: 'no-approvals-conversation' };

    const card = await this.deps.renderer.render(request, { viewer: 'approver', reader: target.conversation });
    const attachment = CardFactory.adaptiveCard(card);
    try {
      if (existing) {
        await this.inConversation(target.conversation, (context) =>
          context.updateActivity({ type: 'message', id: existing.activityId, attachments: [attachment] }),
        );
        return { kind: 'updated' };
      }
      let activityId = '';
      await this.inConversation(target.conversation, async (context) => {
        activityId = (await context.sendActivity(MessageFactory.attachment(attachment)))?.id ?? '';
      });
      return { kind: 'posted', conversationKey: target.key, activityId };
    } catch (error) {
      return { kind: 'undeliverable', reason: deliveryFailure(error) };
    }
  }

  async notifyRequester(request: AccessRequest, notice: RequesterNotice): Promise<Delivery> {
    const conversation = await this.deps.conversations.forRequest(request.id);
    if (!conversation) return { kind: 'undeliverable', reason: 'conversation-unknown' };
    const text = this.noticeText(request, notice, conversation);
    try {
      await this.inConversation(conversation, (context) => context.sendActivity(MessageFactory.text(text)));
      return { kind: 'delivered' };
    } catch (error) {
      return { kind: 'undeliverable', reason: deliveryFailure(error) };
    }
  }

  private noticeText(request: AccessRequest, notice: RequesterNotice, reader: Reader): string {
    const t = this.deps.catalogue.translator(reader);
    const params = {
      requestId: request.id,
      name: request.person.displayName,
      email: request.person.email,
      group: request.group.displayName,
      by: request.decision?.by.name ?? '',
      reason: request.decision?.reason ?? '',
    };
    switch (notice) {
      case 'completed':
        return t(request.assessment.internalSendersOnly ? 'notice.requester.completedInternalOnly' : 'notice.requester.completed', params);
      case 'failed':
        return t('notice.requester.failed', {
          ...params,
          step: stepName(request.failure?.step ?? 'unknown', t),
          reason: errorReason(request.failure?.errorCode, t, request.failure?.rolesToGrant),
        });
      case 'waiting-for-directory':
        return t('notice.requester.waiting-for-directory', { ...params, ...directoryWaitParams(request, t) });
      default:
        return t(`notice.requester.${notice}`, params);
    }
  }

  /**
   * Runs `logic` in a stored conversation. The adapter hands a failing turn to onTurnError and does
   * not rethrow, so the connector's refusal is caught inside the turn and rethrown here.
   */
  private async inConversation(conversation: StoredConversation, logic: (context: TurnContext) => Promise<unknown>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, conversation.reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}
