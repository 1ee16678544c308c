import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { ApproverCommands } from '../../dialogs/approver-commands';
import { turnActor } from '../../dialogs/turn-actor';
import type { Directory } from '../app/ports/directory';
import type { RequestStore } from '../app/ports/request-store';
import type { RequestRouting } from '../app/request-routing';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import type { ApprovalCardRenderer } from './approval-card-renderer';
import type { ConversationDirectory } from './proactive/conversation-directory';
import { readerOf } from '../i18n/reader';

export interface ApprovalCommandsDependencies {
  readonly directory: Pick<Directory, 'isApprover'>;
  readonly store: RequestStore;
  readonly conversations: ConversationDirectory;
  readonly routing: RequestRouting;
  readonly renderer: ApprovalCardRenderer;
  readonly catalogue: MessageCatalogue;
}

/** How many approval cards "pending" posts at once (Teams limits a bot to about 7 messages a second). */
export const pendingPageSize = 5;

/** "approvals here" and "pending", for members of the approvers group only. */
export class ApprovalCommands implements ApproverCommands {
  constructor(private readonly deps: ApprovalCommandsDependencies) {}

  async registerApprovalsHere(context: TurnContext): Promise<void> {
    if (!(await this.isApprover(context))) return;
    const t = this.deps.catalogue.translator(readerOf(context.activity));
    const reference = TurnContext.getConversationReference(context.activity);
    await this.deps.conversations.setApprovals({ reference, ...readerOf(context.activity) });
    const count = await this.deps.routing.publishWaiting();
    await context.sendActivity(t('bot.approvals.registered', { count }));
  }

  async listPending(context: TurnContext): Promise<void> {
    if (!(await this.isApprover(context))) return;
    const t = this.deps.catalogue.translator(readerOf(context.activity));
    const pending = await this.deps.store.listByStatus(['pending-approval']);
    if (pending.length === 0) {
      await context.sendActivity(t('bot.approvals.pendingNone'));
      return;
    }
    await context.sendActivity(t('bot.approvals.pendingList', { count: pending.length }));
    for (const request of pending.slice(0, pendingPageSize)) {
      const card = await this.deps.renderer.render(request, { viewer: 'approver', reader: readerOf(context.activity) });
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    }
    if (pending.length > pendingPageSize) await context.sendActivity(t('bot.approvals.pendingMore', { count: pending.length - pendingPageSize }));
  }

  /** Checks the approvers group now (from the activity's identity); says why not when it is not. */
  private async isApprover(context: TurnContext): Promise<boolean> {
    const t = this.deps.catalogue.translator(readerOf(context.activity));
    const actor = turnActor(context);
    if (!actor) {
      await context.sendActivity(t('bot.approvals.unknownUser'));
      return false;
    }
    if (!(await this.deps.directory.isApprover(actor.aadObjectId))) {
      await context.sendActivity(t('bot.approvals.notApprover'));
      return false;
    }
    if (context.activity.from?.id) await this.deps.conversations.rememberApproverUser(context.activity.from.id);
    return true;
  }
}
