import type { TurnContext } from 'botbuilder';
import { expiredRequestCard, expiredRequestCardView, type ResubmitStatus } from '../../../cards/expired-request-card';
import { turnActor, turnTenantId } from '../../../dialogs/turn-actor';
import type { ResubmitRequest } from '../../app/resubmit-request';
import type { AccessRequest } from '../../domain/access-request';
import type { MessageCatalogue, Translator } from '../../i18n/message-catalogue';
import { readerOf } from '../../i18n/reader';
import type { CardActionData, CardActionHandler, CardActionResult } from '../card-action-router';
import type { SubmittedRequests } from '../submitted-requests';
import { submitRefusal } from './submit-refusal';

const requestIdPattern = /^R-[A-Z0-9]{4,12}$/;

/**
 * Ask again, on the card that tells a requester their request expired: the same details go for
 * approval once more, as a new request (checked again, as when it was first submitted). The card
 * then says which request it became, or why it could not be asked again.
 */
export class ResubmitCardAction implements CardActionHandler {
  constructor(
    private readonly resubmit: Pick<ResubmitRequest, 'execute'>,
    private readonly submissions: Pick<SubmittedRequests, 'submitted'>,
    private readonly catalogue: MessageCatalogue,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const t = this.catalogue.translator(readerOf(context.activity));
    const requestId = data['requestId'];
    if (typeof requestId !== 'string' || !requestIdPattern.test(requestId)) return { kind: 'message', text: t('bot.card.outdated') };
    const actor = turnActor(context);
    const tenantId = turnTenantId(context);
    if (!actor || !tenantId) return { kind: 'message', text: t('bot.card.unknownUser') };

    const result = await this.resubmit.execute(requestId, { ...actor, tenantId });
    switch (result.kind) {
      case 'not-found':
        return { kind: 'message', text: t('card.approval.notice.notFound') };
      case 'not-requester':
        return { kind: 'message', text: t('bot.resubmit.notRequester', { name: result.previous.requester.name, requestId }) };
      case 'not-expired':
        return { kind: 'message', text: t('bot.resubmit.notExpired', { requestId, status: t(`card.approval.statusName.${result.previous.status}`) }) };
      case 'in-progress':
        return this.card(result.previous, { kind: 'resubmitting' }, t);
      case 'already':
        return this.card(result.previous, { kind: 'resubmitted', requestId: result.requestId }, t);
      case 'invalid': {
        const problem = submitRefusal(result.check, result.previous.group.displayName);
        return this.card(result.previous, { kind: 'not-resubmitted', reason: t(problem.key, problem.params) }, t);
      }
      case 'resubmitted':
        // As after Confirm: the bot remembers this conversation for the new request's news and sends it to the approvers.
        await this.submissions.submitted(context, result.request);
        await context.sendActivity(t('bot.resubmit.submitted', { newRequestId: result.request.id, requestId }));
        return this.card(result.previous, { kind: 'resubmitted', requestId: result.request.id }, t);
    }
  }

  private card(request: AccessRequest, status: ResubmitStatus, t: Translator): CardActionResult {
    return { kind: 'card', card: expiredRequestCard(expiredRequestCardView(request, status, t)) };
  }
}
