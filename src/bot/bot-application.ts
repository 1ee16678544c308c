import { randomUUID } from 'node:crypto';
import { PrivateConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { CardVerbs } from '../../cards/card-verbs';
import { MainDialog } from '../../dialogs/main-dialog';
import type { Clock } from '../app/ports/clock';
import type { Logger } from '../app/ports/logger';
import type { RequestIntake } from '../app/request-intake';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import { CardActionRouter, type CardActionHandlers } from './card-action-router';
import { CancelCardAction } from './card-actions/cancel-card-action';
import { ConfirmCardAction } from './card-actions/confirm-card-action';
import { EditCardAction } from './card-actions/edit-card-action';
import { StartCardAction } from './card-actions/start-card-action';
import { ConversationDrafts } from './conversation-drafts';
import { ConversationFlow } from './conversation-flow';
import { TeamsBot } from './teams-bot';
import { createTurnErrorHandler } from './turn-error-handler';

export interface BotApplicationDependencies {
  readonly intake: RequestIntake;
  /** Bot state: dialog state per user and conversation, and the pending drafts. */
  readonly storage: Storage;
  readonly catalogue: MessageCatalogue;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly newDraftId?: () => string;
}

export interface BotApplication {
  readonly bot: TeamsBot;
  /** Install as the adapter's onTurnError. */
  readonly onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/** A short, unguessable draft id (cards carry it; the server keeps the draft). */
function newDraftId(): string {
  return randomUUID();
}

/** Builds the bot (handler, dialogs, card router, state) from its dependencies; no I/O of its own. */
export function createBotApplication(deps: BotApplicationDependencies): BotApplication {
  // Dialog state per user and conversation (two people in a channel each have their own request).
  const privateState = new PrivateConversationState(deps.storage);
  const drafts = new ConversationDrafts(deps.storage);
  const main = new MainDialog(deps.catalogue, {
    intake: deps.intake,
    catalogue: deps.catalogue,
    drafts,
    clock: deps.clock,
    newDraftId: deps.newDraftId ?? newDraftId,
  });
  const flow = new ConversationFlow(main, privateState.createProperty<DialogState>('dialogState'));
  const handlers: CardActionHandlers = {
    [CardVerbs.start]: new StartCardAction(flow, deps.catalogue),
    [CardVerbs.confirm]: new ConfirmCardAction(deps.intake, drafts, deps.catalogue, deps.clock),
    [CardVerbs.edit]: new EditCardAction(flow, drafts, deps.catalogue, deps.clock),
    [CardVerbs.cancel]: new CancelCardAction(drafts, deps.catalogue, deps.clock),
  };
  const router = new CardActionRouter(handlers, deps.catalogue, deps.logger.child({ component: 'card-actions' }));
  const bot = new TeamsBot({ flow, router, catalogue: deps.catalogue, states: [privateState] });
  const onTurnError = createTurnErrorHandler({ logger: deps.logger.child({ component: 'turn' }), catalogue: deps.catalogue, dialogState: privateState });
  return { bot, onTurnError };
}
