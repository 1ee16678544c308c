import type { TurnContext } from 'botbuilder';
import { cardDateTime } from '../../../../cards/card-time';
import type { DecideRequest } from '../../../app/decide-request';
import type { BackgroundJobs } from '../../../app/ports/background-jobs';
import type { RequestRouting } from '../../../app/request-routing';
import type { CardActionData, CardActionHandler, CardActionResult } from '../../card-action-router';
import type { ApprovalCardRequest } from '../../approval-card-renderer';
import { type ApprovalActionServices, approvalTurn, cardFor } from './approval-action-context';
import { readerOf } from '../../../i18n/reader';

const maxReasonLength = 500;

/**
 * Approve or Reject on the approval card. The decision is authorised from the activity and stored
 * with compare-and-set (first decision wins); the invoke is answered at once with the updated
 * card, and the requester's notice and provisioning run in the background.
 */
export class DecideCardAction implements CardActionHandler {
  constructor(
    private readonly outcome: 'approved' | 'rejected',
    private readonly decide: DecideRequest,
    private readonly routing: RequestRouting,
    private readonly jobs: BackgroundJobs,
    private readonly services: ApprovalActionServices,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const turn = await approvalTurn(context, data, this.services);
    if (!turn.ok) return turn.result;
    const t = this.services.catalogue.translator(readerOf(context.activity));
    const rawReason = data['rejectReason'];
    const reason = typeof rawReason === 'string' ? rawReason.trim().slice(0, maxReasonLength) : undefined;

    const result = await this.decide.execute({
      requestId: turn.requestId,
      actor: turn.actor,
      outcome: this.outcome,
      ...(this.outcome === 'rejected' && reason ? { reason } : {}),
    });
    switch (result.kind) {
      case 'not-found':
        return { kind: 'message', text: t('card.approval.notice.notFound') };
      case 'decided': {
        const decided = result.request;
        this.jobs.run(`after decision on ${decided.id}`, () => this.routing.decided(decided));
        return cardFor(context, decided, turn.actor, this.services, {
          notice: { key: 'card.approval.notice.decided', params: { outcome: this.outcome }, color: 'Good' },
        });
      }
      case 'reason-required':
        return cardFor(context, result.request, turn.actor, this.services, {
          notice: { key: 'card.approval.notice.reasonRequired', color: 'Attention' },
        });
      case 'denied':
        return cardFor(context, result.request, turn.actor, this.services, {
          notice: { key: `card.approval.notice.denied.${result.reason}`, color: 'Attention' },
        });
      case 'not-pending': {
        const { decision, status } = result.request;
        const notice: NonNullable<ApprovalCardRequest['notice']> = decision
          ? {
              key: 'card.approval.notice.alreadyDecided',
              params: { outcome: decision.outcome, by: decision.by.name, at: cardDateTime(decision.at) },
              color: 'Warning',
            }
          : { key: 'card.approval.notice.notPending', params: { status: t(`card.approval.statusName.${status}`) }, color: 'Warning' };
        return cardFor(context, result.request, turn.actor, this.services, { notice });
      }
    }
  }
}
