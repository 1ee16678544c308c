import type { TurnContext } from 'botbuilder';
import { confirmationCard, confirmationCardView } from '../../../cards/confirmation-card';
import type { PendingDrafts } from '../../../dialogs/pending-drafts';
import type { Clock } from '../../app/ports/clock';
import type { MessageCatalogue } from '../../i18n/message-catalogue';
import type { CardActionData, CardActionHandler, CardActionResult } from '../card-action-router';
import type { ConversationFlow } from '../conversation-flow';
import { loadOwnDraft, submittedRefusal } from './own-draft';
import { readerOf } from '../../i18n/reader';

/** Edit on the confirmation card: asks in the chat which field to change, keeping the others. */
export class EditCardAction implements CardActionHandler {
  constructor(
    private readonly flow: ConversationFlow,
    private readonly drafts: PendingDrafts,
    private readonly catalogue: MessageCatalogue,
    private readonly clock: Clock,
  ) {}

  async handle(context: TurnContext, data: CardActionData): Promise<CardActionResult> {
    const t = this.catalogue.translator(readerOf(context.activity));
    const own = await loadOwnDraft(context, data, this.drafts, t);
    if (!own.ok) return own.result;
    const { draft } = own;
    if (draft.cancelled) return { kind: 'message', text: t('bot.card.alreadyCancelled') };
    const locked = submittedRefusal(draft, this.clock, t);
    if (locked) return locked;
    await this.flow.start(context, { start: 'edit', draftId: draft.id });
    return { kind: 'card', card: confirmationCard(confirmationCardView(draft.id, draft.subject, { kind: 'editing' }, t)) };
  }
}
