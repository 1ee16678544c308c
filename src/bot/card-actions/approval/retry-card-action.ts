import type { TurnContext } from 'botbuilder';
import type { RetryProvisioning } from '../../../app/retry-provisioning';
import type { CardActionData, CardActionHandler, CardActionResult } from '../../card-action-router';
import { type ApprovalActionServices, approvalTurn, cardFor } from './approval-action-context';
import { readerOf } from '../../../i18n/reader';

/** Retry on a failed request's card: provisioning resumes in the background after the steps already done. */
export class RetryCardAction implements CardActionHandler {
  constructor(
    private readonly retry: RetryProvisioning,
    private readonly services: ApprovalActionServices,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const turn = await approvalTurn(context, data, this.services);
    if (!turn.ok) return turn.result;
    const t = this.services.catalogue.translator(readerOf(context.activity));
    const result = await this.retry.execute(turn.requestId, turn.actor);
    switch (result.kind) {
      case 'not-found':
        return { kind: 'message', text: t('card.approval.notice.notFound') };
      case 'retrying':
        return cardFor(context, result.request, turn.actor, this.services, { notice: { key: 'card.approval.notice.retrying', color: 'Good' } });
      case 'denied':
        return cardFor(context, result.request, turn.actor, this.services, {
          notice: { key: `card.approval.notice.denied.${result.reason}`, color: 'Attention' },
        });
      case 'not-failed':
        return cardFor(context, result.request, turn.actor, this.services, {
          notice: {
            key: 'card.approval.notice.notFailed',
            params: { status: t(`card.approval.statusName.${result.request.status}`) },
            color: 'Warning',
          },
        });
    }
  }
}
