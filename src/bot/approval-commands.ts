import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { ApproverCommands } from '../../dialogs/approver-commands';
import { turnActor } from '../../dialogs/turn-actor';
import type { ApproverChecks } from '../app/authorise-approver';
import type { RequestStore } from '../app/ports/request-store';
import type { RequestRouting } from '../app/request-routing';
import type { PendingApprovalTimers } from '../app/pending-approval-timers';
import { pendingOverviewCard, pendingOverviewView } from '../../cards/pending-overview-card';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import type { ApprovalCardRenderer } from './approval-card-renderer';
import type { ConversationDirectory } from './proactive/conversation-directory';
import { readerOf } from '../i18n/reader';

export interface ApprovalCommandsDependencies {
  readonly directory: ApproverChecks;
  readonly store: RequestStore;
  readonly conversations: ConversationDirectory;
  readonly routing: RequestRouting;
  readonly timers: Pick<PendingApprovalTimers, 'overview' | 'postWaitingEscalations'>;
  readonly renderer: ApprovalCardRenderer;
  readonly catalogue: MessageCatalogue;
}

/** How many approval cards "pending" posts at once (Teams limits a bot to about 7 messages a second). */
export const pendingPageSize = 5;

/** Who may use an approvers' command: the approvers group; escalation approvers see what was escalated to them. */
type CommandAccess = 'approver' | 'escalation-approver';

/** "approvals here", "escalations here" and "pending", for members of the approvers (or escalation approvers) group only. */
export class ApprovalCommands implements ApproverCommands {
  constructor(private readonly deps: ApprovalCommandsDependencies) {}

  async registerApprovalsHere(context: TurnContext): Promise<void> {
    if ((await this.access(context, 'bot.approvals.notApprover', 'approver')) === undefined) return;
    const t = this.deps.catalogue.translator(readerOf(context.activity));
    const reference = TurnContext.getConversationReference(context.activity);
    await this.deps.conversations.setApprovals({ reference, ...readerOf(context.activity) });
    const count = await this.deps.routing.publishWaiting();
    await context.sendActivity(t('bot.approvals.registered', { count }));
  }

  async registerEscalationsHere(context: TurnContext): Promise<void> {
    const t = this.deps.catalogue.translator(readerOf(context.activity));
    if (this.deps.directory.isEscalationApprover === undefined) {
      await context.sendActivity(t('bot.escalations.notConfigured'));
      return;
    }
    if ((await this.access(context, 'bot.escalations.notEscalationApprover', 'escalation')) === undefined) return;
    const reference = TurnContext.getConversationReference(context.activity);
    await this.deps.conversations.setEscalations({ reference, ...readerOf(context.activity) });
    const count = await this.deps.timers.postWaitingEscalations();
    await context.sendActivity(t('bot.escalations.registered', { count }));
  }

  /** The overview of what waits (grouped by age, with how long and until when), then the oldest as approval cards. */
  async listPending(context: TurnContext): Promise<void> {
    const access = await this.access(context, 'bot.approvals.notApprover', 'either');
    if (access === undefined) return;
    const reader = readerOf(context.activity);
    const t = this.deps.catalogue.translator(reader);
    const escalatedOnly = access === 'escalation-approver';
    const waiting = await this.deps.timers.overview(escalatedOnly ? 'escalated' : 'all');
    if (waiting.length === 0) {
      await context.sendActivity(t('bot.approvals.pendingNone'));
      return;
    }
    const shown = waiting.slice(0, pendingPageSize);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(pendingOverviewCard(pendingOverviewView(waiting, shown.length, t, escalatedOnly)))));
    for (const { request } of shown) {
      const card = await this.deps.renderer.render(request, { viewer: 'approver', reader });
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
    }
    if (waiting.length > pendingPageSize) await context.sendActivity(t('bot.approvals.pendingMore', { count: waiting.length - pendingPageSize }));
  }

  /**
   * Checks the approvers (or escalation approvers) group now, from the activity's identity; says
   * why not when neither applies. Approvers who act are remembered for the cards' refresh list.
   */
  private async access(context: TurnContext, refusal: 'bot.approvals.notApprover' | 'bot.escalations.notEscalationApprover', wanted: 'approver' | 'escalation' | 'either'): Promise<CommandAccess | undefined> {
    const t = this.deps.catalogue.translator(readerOf(context.activity));
    const actor = turnActor(context);
    if (!actor) {
      await context.sendActivity(t('bot.approvals.unknownUser'));
      return undefined;
    }
    const { directory } = this.deps;
    const approver = wanted !== 'escalation' && (await directory.isApprover(actor.aadObjectId));
    const escalationApprover = !approver && wanted !== 'approver' && directory.isEscalationApprover !== undefined && (await directory.isEscalationApprover(actor.aadObjectId));
    if (!approver && !escalationApprover) {
      await context.sendActivity(t(refusal));
      return undefined;
    }
    if (context.activity.from?.id) await this.deps.conversations.rememberApproverUser(context.activity.from.id);
    return approver ? 'approver' : 'escalation-approver';
  }
}
