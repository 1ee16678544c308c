import type { TurnContext } from 'botbuilder';
import { confirmationCard, confirmationCardView } from '../../../cards/confirmation-card';
import type { PendingDraft } from '../../../dialogs/intake-values';
import type { PendingDrafts } from '../../../dialogs/pending-drafts';
import type { Clock } from '../../app/ports/clock';
import type { RequestIntake } from '../../app/request-intake';
import type { MessageCatalogue } from '../../i18n/message-catalogue';
import type { CardActionData, CardActionHandler, CardActionResult } from '../card-action-router';
import { loadOwnDraft } from './own-draft';
import { submitRefusal } from './submit-refusal';

/**
 * Confirm on the confirmation card: re-validates and submits the draft through RequestIntake (which
 * stores it as pending approval), then tells the requester its short id. A second press shows the
 * same outcome without submitting again.
 */
export class ConfirmCardAction implements CardActionHandler {
  constructor(
    private readonly intake: RequestIntake,
    private readonly drafts: PendingDrafts,
    private readonly catalogue: MessageCatalogue,
    private readonly clock: Clock,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const t = this.catalogue.translator(context.activity.locale);
    const own = await loadOwnDraft(context, data, this.drafts, t);
    if (!own.ok) return own.result;
    const { draft } = own;
    if (draft.cancelled) return { kind: 'message', text: t('bot.card.alreadyCancelled') };
    if (draft.submittedRequestId !== undefined) {
      return this.card(draft, { kind: 'submitted', requestId: draft.submittedRequestId }, context);
    }

    const { person, group, reason } = draft.subject;
    const result = await this.intake.submit({ tenantId: draft.tenantId, requester: draft.requester, person, groupId: group.id, reason });
    if (result.kind === 'submitted') {
      const requestId = result.request.id;
      await this.drafts.put(context, { ...draft, submittedRequestId: requestId, updatedAt: this.clock.now().toISOString() });
      await context.sendActivity(t('bot.card.submitted', { requestId }));
      return this.card(draft, { kind: 'submitted', requestId }, context);
    }
    const problem = submitRefusal(result.check, group.displayName);
    const reasonText = t(problem.key, problem.params);
    await context.sendActivity(t('bot.card.notSubmitted', { reason: reasonText }));
    return this.card(draft, { kind: 'not-submitted', reason: reasonText }, context);
  }

  private card(draft: PendingDraft, status: Parameters<typeof confirmationCardView>[2], context: TurnContext): CardActionResult {
    const t = this.catalogue.translator(context.activity.locale);
    return { kind: 'card', card: confirmationCard(confirmationCardView(draft.id, draft.subject, status, t)) };
  }
}
