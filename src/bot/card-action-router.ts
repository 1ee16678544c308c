import { CardFactory, MessageFactory, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { type CardVerb, isCardVerb } from '../../cards/card-verbs';
import type { AdaptiveCardJson } from '../../cards/adaptive-card';
import type { Logger } from '../app/ports/logger';
import { isAppError } from '../app/app-error';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import { turnCorrelationId, turnLogger } from './turn-logger';
import { userErrorText } from './user-error-text';
import { readerOf } from '../i18n/reader';

/** What a card button leads to: the card replaced by a new one (and maybe a chat message), or a short message. */
export type CardActionResult =
  | { readonly kind: 'card'; readonly card: AdaptiveCardJson }
  | { readonly kind: 'message'; readonly text: string };

/** Ids the card carried; a handler reloads everything else from the server and authorises the acting user. */
export type CardActionData = Readonly<Record<string, unknown>>;

export interface CardActionHandler {
  handle(context: TurnContext, data: CardActionData): Promise<CardActionResult>;
}

/** One handler per verb: a verb without a handler does not compile. */
export type CardActionHandlers = Readonly<Record<CardVerb, CardActionHandler>>;

const cardResponseType = 'application/vnd.microsoft.card.adaptive';
const messageResponseType = 'application/vnd.microsoft.activity.message';

function invokeResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  if (result.kind === 'card') return { statusCode: 200, type: cardResponseType, value: { ...result.card } };
  // Teams expects the message text itself as the value of a message response.
  return { statusCode: 200, type: messageResponseType, value: result.text as unknown as Record<string, unknown> };
}

/**
 * Routes card buttons to their handlers by verb: Action.Execute invokes (the response replaces the
 * card for the user who pressed it) and the Action.Submit fallback of older clients (the result is
 * posted in the chat). Failures are logged once here, with the turn's correlation id, and shown as
 * a catalogue message quoting that id.
 */
export class CardActionRouter {
  constructor(
    private readonly handlers: CardActionHandlers,
    private readonly catalogue: MessageCatalogue,
    private readonly logger: Logger,
  ) {}

  async invoke(context: TurnContext, value: AdaptiveCardInvokeValue | undefined): Promise<AdaptiveCardInvokeResponse> {
    const action = value?.action;
    const data = typeof action?.data === 'object' && action.data !== null ? (action.data as CardActionData) : {};
    return invokeResponse(await this.dispatch(context, action?.verb, data));
  }

  /** Action.Submit fallback: a message whose value carries the verb and the ids. */
  async submit(context: TurnContext, value: CardActionData): Promise<void> {
    const result = await this.dispatch(context, value['verb'], value);
    await context.sendActivity(
      result.kind === 'card' ? MessageFactory.attachment(CardFactory.adaptiveCard(result.card)) : MessageFactory.text(result.text),
    );
  }

  private async dispatch(context: TurnContext, verb: unknown, data: CardActionData): Promise<CardActionResult> {
    const t = this.catalogue.translator(readerOf(context.activity));
    const log = turnLogger(context, this.logger);
    if (!isCardVerb(verb)) {
      log.warn('card action with an unknown verb', { verb: typeof verb === 'string' ? verb.slice(0, 64) : typeof verb });
      return { kind: 'message', text: t('bot.card.unknownAction') };
    }
    try {
      return await this.handlers[verb].handle(context, data);
    } catch (error) {
      const correlationId = turnCorrelationId(context);
      log.error('card action failed', {
        verb,
        code: isAppError(error) ? error.code : undefined,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
      return { kind: 'message', text: userErrorText(error, this.catalogue, t, correlationId) };
    }
  }
}

/** True when a message is the Action.Submit fallback of a card button (its value names a verb). */
export function isCardSubmit(value: unknown): value is CardActionData {
  return typeof value === 'object' && value !== null && typeof (value as { verb?: unknown }).verb === 'string';
}
