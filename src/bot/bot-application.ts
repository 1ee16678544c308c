import { randomUUID } from 'node:crypto';
import { PrivateConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { CardVerbs } from '../../cards/card-verbs';
import { MainDialog } from '../../dialogs/main-dialog';
import type { Clock } from '../app/ports/clock';
import type { Logger } from '../app/ports/logger';
import type { ApprovalWorkflow } from '../app/approval-workflow';
import type { BackgroundJobs } from '../app/ports/background-jobs';
import type { Directory } from '../app/ports/directory';
import type { RequestStore } from '../app/ports/request-store';
import type { RequestIntake } from '../app/request-intake';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import { ApprovalCardRenderer } from './approval-card-renderer';
import { ApprovalCommands } from './approval-commands';
import { CardActionRouter, type CardActionHandlers } from './card-action-router';
import type { ApprovalActionServices } from './card-actions/approval/approval-action-context';
import { DecideCardAction } from './card-actions/approval/decide-card-action';
import { AllowExternalSendersCardAction, ConfirmAllowExternalSendersCardAction } from './card-actions/approval/external-senders-card-actions';
import { RefreshCardAction } from './card-actions/approval/refresh-card-action';
import { RetryCardAction } from './card-actions/approval/retry-card-action';
import { ConversationDirectory } from './proactive/conversation-directory';
import { SubmittedRequests } from './submitted-requests';
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
  /** Bot state: the pending drafts and the conversations the bot writes to later (and dialog state, unless `dialogState` is given). */
  readonly storage: Storage;
  /** Dialog state per user and conversation, written once at the end of each turn; default `storage`. */
  readonly dialogState?: Storage;
  readonly catalogue: MessageCatalogue;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly newDraftId?: () => string;
  /** The approval feature: its use cases, the stored requests, and who approves. */
  readonly approvals: {
    readonly workflow: ApprovalWorkflow;
    readonly store: RequestStore;
    readonly directory: Pick<Directory, 'isApprover'>;
    readonly jobs: BackgroundJobs;
    /** Where proactive messages go; default on `storage`. */
    readonly conversations?: ConversationDirectory;
  };
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
  const privateState = new PrivateConversationState(deps.dialogState ?? deps.storage);
  const drafts = new ConversationDrafts(deps.storage);
  const { workflow, jobs } = deps.approvals;
  const conversations = deps.approvals.conversations ?? new ConversationDirectory(deps.storage);
  const renderer = new ApprovalCardRenderer(conversations, deps.catalogue);
  const services: ApprovalActionServices = {
    store: deps.approvals.store,
    directory: deps.approvals.directory,
    conversations,
    renderer,
    catalogue: deps.catalogue,
  };
  const commands = new ApprovalCommands({ ...services, routing: workflow.routing });
  const main = new MainDialog(deps.catalogue, {
    intake: deps.intake,
    catalogue: deps.catalogue,
    drafts,
    clock: deps.clock,
    newDraftId: deps.newDraftId ?? newDraftId,
  }, commands);
  const flow = new ConversationFlow(main, privateState.createProperty<DialogState>('dialogState'));
  const handlers: CardActionHandlers = {
    [CardVerbs.start]: new StartCardAction(flow, deps.catalogue),
    [CardVerbs.confirm]: new ConfirmCardAction(deps.intake, drafts, deps.catalogue, deps.clock, new SubmittedRequests(conversations, workflow.routing, jobs)),
    [CardVerbs.edit]: new EditCardAction(flow, drafts, deps.catalogue, deps.clock),
    [CardVerbs.cancel]: new CancelCardAction(drafts, deps.catalogue, deps.clock),
    [CardVerbs.approve]: new DecideCardAction('approved', workflow.decide, workflow.routing, jobs, services),
    [CardVerbs.reject]: new DecideCardAction('rejected', workflow.decide, workflow.routing, jobs, services),
    [CardVerbs.retry]: new RetryCardAction(workflow.retry, services),
    [CardVerbs.allowExternalSenders]: new AllowExternalSendersCardAction(services),
    [CardVerbs.confirmAllowExternalSenders]: new ConfirmAllowExternalSendersCardAction(workflow.allowExternalSenders, jobs, services),
    [CardVerbs.refresh]: new RefreshCardAction(services),
  };
  const router = new CardActionRouter(handlers, deps.catalogue, deps.logger.child({ component: 'card-actions' }));
  const bot = new TeamsBot({ flow, router, catalogue: deps.catalogue, states: [privateState] });
  const onTurnError = createTurnErrorHandler({ logger: deps.logger.child({ component: 'turn' }), catalogue: deps.catalogue, dialogState: privateState });
  return { bot, onTurnError };
}
