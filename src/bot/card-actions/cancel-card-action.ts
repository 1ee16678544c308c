import type { TurnContext } from 'botbuilder';
import { confirmationCard, confirmationCardView } from '../../../cards/confirmation-card';
import type { PendingDrafts } from '../../../dialogs/pending-drafts';
import type { Clock } from '../../app/ports/clock';
import type { MessageCatalogue } from '../../i18n/message-catalogue';
import type { CardActionData, CardActionHandler, CardActionResult } from '../card-action-router';
import { loadOwnDraft, submittedRefusal } from './own-draft';
import { readerOf } from '../../i18n/reader';

/** Cancel on the confirmation card: the draft is closed and nothing is submitted. */
export class CancelCardAction implements CardActionHandler {
  constructor(
    private readonly drafts: PendingDrafts,
    private readonly catalogue: MessageCatalogue,
    private readonly clock: Clock,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const t = this.catalogue.translator(readerOf(context.activity));
    const own = await loadOwnDraft(context, data, this.drafts, t);
    if (!own.ok) return own.result;
    const { draft } = own;
    const locked = submittedRefusal(draft, this.clock, t);
    if (locked) return locked;
    if (!draft.cancelled) {
      await this.drafts.put(context, { ...draft, cancelled: true, updatedAt: this.clock.now().toISOString() });
      await context.sendActivity(t('bot.card.cancelled'));
    }
    return { kind: 'card', card: confirmationCard(confirmationCardView(draft.id, draft.subject, { kind: 'cancelled' }, t)) };
  }
}
