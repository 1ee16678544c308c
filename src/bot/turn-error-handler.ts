import { ActivityTypes, type BotState, type TurnContext } from 'botbuilder';
import { isAppError } from '../app/app-error';
import type { Logger } from '../app/ports/logger';
import type { MessageCatalogue } from '../i18n/message-catalogue';
import { turnCorrelationId } from './turn-logger';
import { failedDialog, underlyingError, userErrorText } from './user-error-text';
import { readerOf } from '../i18n/reader';

export interface TurnErrorHandlerDependencies {
  readonly logger: Logger;
  readonly catalogue: MessageCatalogue;
  /** The state that holds the user's dialog: cleared so a broken dialog cannot trap them. */
  readonly dialogState: BotState;
  /** Makes the correlation id when the turn has none yet (see turn-logger.ts). */
  readonly newCorrelationId?: () => string;
}

/**
 * The adapter's onTurnError: logs the failure once with the turn's correlation id, clears the user's dialog
 * state, and tells the user a catalogue message with that id (the text of the error's code for an
 * AppError, a generic one otherwise; never the error itself).
 */
export function createTurnErrorHandler(deps: TurnErrorHandlerDependencies): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const correlationId = turnCorrelationId(context, deps.newCorrelationId);
    const log = deps.logger.child({ correlationId });
    const { activity } = context;
    const cause = underlyingError(error);
    log.error('turn failed', {
      activityType: activity.type,
      activityName: activity.name,
      conversationId: activity.conversation?.id,
      dialog: failedDialog(error),
      code: isAppError(cause) ? cause.code : undefined,
      error: cause instanceof Error ? { name: cause.name, message: cause.message, stack: cause.stack } : String(cause),
    });
    try {
      await deps.dialogState.delete(context);
    } catch (cleanupError) {
      log.warn('could not clear dialog state after a failed turn', {
        error: cleanupError instanceof Error ? cleanupError.message : String(cleanupError),
      });
    }
    const text = userErrorText(error, deps.catalogue, deps.catalogue.translator(readerOf(activity)), correlationId);
    try {
      if (activity.type === ActivityTypes.Invoke) {
        // Answer the invoke itself, so the client shows the message instead of a generic failure.
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
        });
      } else {
        await context.sendActivity(text);
      }
    } catch (sendError) {
      log.warn('could not tell the user about a failed turn', {
        error: sendError instanceof Error ? sendError.message : String(sendError),
      });
    }
  };
}
