import type { TurnContext } from 'botbuilder';
import { welcomeCard, welcomeCardView } from '../../../cards/welcome-card';
import type { MessageCatalogue } from '../../i18n/message-catalogue';
import type { CardActionHandler, CardActionResult } from '../card-action-router';
import type { ConversationFlow } from '../conversation-flow';
import { readerOf } from '../../i18n/reader';

/** The welcome card's Start button: starts the intake for whoever pressed it; the card stays as it is. */
export class StartCardAction implements CardActionHandler {
  constructor(
    private readonly flow: ConversationFlow,
    private readonly catalogue: MessageCatalogue,
  ) {}

  async handle(context: TurnContext): Promise<CardActionResult> {
    await this.flow.start(context, { start: 'intake' });
    return { kind: 'card', card: welcomeCard(welcomeCardView(this.catalogue.translator(readerOf(context.activity)))) };
  }
}
