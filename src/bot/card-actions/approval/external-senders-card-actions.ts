import type { TurnContext } from 'botbuilder';
import { needsExternalSenders } from '../../../../cards/approval-card';
import type { AllowExternalSenders } from '../../../app/allow-external-senders';
import { authoriseApprover } from '../../../app/authorise-approver';
import type { BackgroundJobs } from '../../../app/ports/background-jobs';
import type { CardActionData, CardActionHandler, CardActionResult } from '../../card-action-router';
import { type ApprovalActionServices, approvalTurn, cardFor } from './approval-action-context';

/**
 * "Allow external senders…" on a completed request's card: shows the approver what it changes
 * and asks them to confirm (nothing changes yet).
 */
export class AllowExternalSendersCardAction implements CardActionHandler {
  constructor(private readonly services: ApprovalActionServices) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const turn = await approvalTurn(context, data, this.services);
    if (!turn.ok) return turn.result;
    const t = this.services.catalogue.translator(context.activity.locale);
    const stored = await this.services.store.get(turn.requestId);
    if (!stored) return { kind: 'message', text: t('card.approval.notice.notFound') };
    const permission = await authoriseApprover(this.services.directory, turn.actor, stored.request);
    if (permission.kind === 'denied') {
      return cardFor(context, stored.request, turn.actor, this.services, {
        notice: { key: `card.approval.notice.denied.${permission.reason}`, color: 'Attention' },
      });
    }
    if (!needsExternalSenders(stored.request)) {
      return cardFor(context, stored.request, turn.actor, this.services, {
        notice: { key: 'card.approval.notice.externalSendersNotApplicable', color: 'Warning' },
      });
    }
    return cardFor(context, stored.request, turn.actor, this.services, { confirmingExternalSenders: true });
  }
}

/**
 * The approver confirmed: Set-DistributionGroup runs in the background (the use case authorises
 * again), and the card is updated for everyone when it is done.
 */
export class ConfirmAllowExternalSendersCardAction implements CardActionHandler {
  constructor(
    private readonly allow: AllowExternalSenders,
    private readonly jobs: BackgroundJobs,
    private readonly services: ApprovalActionServices,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const turn = await approvalTurn(context, data, this.services);
    if (!turn.ok) return turn.result;
    const t = this.services.catalogue.translator(context.activity.locale);
    const stored = await this.services.store.get(turn.requestId);
    if (!stored) return { kind: 'message', text: t('card.approval.notice.notFound') };
    const permission = await authoriseApprover(this.services.directory, turn.actor, stored.request);
    if (permission.kind === 'denied') {
      return cardFor(context, stored.request, turn.actor, this.services, {
        notice: { key: `card.approval.notice.denied.${permission.reason}`, color: 'Attention' },
      });
    }
    if (!needsExternalSenders(stored.request)) {
      return cardFor(context, stored.request, turn.actor, this.services, {
        notice: { key: 'card.approval.notice.externalSendersNotApplicable', color: 'Warning' },
      });
    }
    const { requestId, actor } = turn;
    this.jobs.run(`allow external senders for ${requestId}`, async () => {
      await this.allow.execute(requestId, actor);
    });
    return cardFor(context, stored.request, turn.actor, this.services, {
      notice: { key: 'card.approval.notice.allowingExternalSenders', color: 'Good' },
    });
  }
}
