import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { welcomeCard, welcomeCardView } from '../../cards/welcome-card';
import { KeyedMutex } from '../app/keyed-mutex';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import { type CardActionRouter, isCardSubmit } from './card-action-router';
import type { ConversationFlow } from './conversation-flow';
import { readerOf } from '../i18n/reader';

export interface TeamsBotDependencies {
  readonly flow: ConversationFlow;
  readonly router: CardActionRouter;
  readonly catalogue: MessageCatalogue;
  /** Saved at the end of every turn. */
  readonly states: readonly BotState[];
}

/**
 * The Teams edge. It only routes: messages go to the dialogs (the bot's @mention removed first),
 * card buttons to the verb-keyed router, and an install sends the welcome card.
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly turns = new KeyedMutex();
  constructor(private readonly deps: TeamsBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.routeMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id === botId)) await this.sendWelcome(context);
      await next();
    });
  }

  /**
   * One turn at a time per person and conversation: a message sent while the previous one is
   * still being answered waits for it, so it always meets the dialog state that answer saved.
   */
  override async run(context: TurnContext): Promise<void> {
    const { conversation, from } = context.activity;
    await this.turns.run(`${conversation?.id ?? ''}|${from?.id ?? ''}`, async () => {
      await super.run(context);
      for (const state of this.deps.states) await state.saveChanges(context, false);
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.deps.router.invoke(context, invokeValue);
  }

  private async routeMessage(context: TurnContext): Promise<void> {
    const { value } = context.activity;
    if (isCardSubmit(value)) {
      await this.deps.router.submit(context, value);
      return;
    }
    TurnContext.removeRecipientMention(context.activity);
    await this.deps.flow.continue(context);
  }

  private async sendWelcome(context: TurnContext): Promise<void> {
    const card = welcomeCard(welcomeCardView(this.deps.catalogue.translator(readerOf(context.activity))));
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}
