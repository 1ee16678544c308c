import type { TurnContext } from 'botbuilder';
import type { CardActionData, CardActionHandler, CardActionResult } from '../../card-action-router';
import { type ApprovalActionServices, approvalTurn, cardFor } from './approval-action-context';
import { readerOf } from '../../../i18n/reader';

/** Teams' automatic refresh (and Back): the request as it is now, in the view this person may see. */
export class RefreshCardAction implements CardActionHandler {
  constructor(private readonly services: ApprovalActionServices) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const turn = await approvalTurn(context, data, this.services);
    if (!turn.ok) return turn.result;
    const stored = await this.services.store.get(turn.requestId);
    if (!stored) {
      return { kind: 'message', text: this.services.catalogue.translator(readerOf(context.activity))('card.approval.notice.notFound') };
    }
    return cardFor(context, stored.request, turn.actor, this.services);
  }
}
