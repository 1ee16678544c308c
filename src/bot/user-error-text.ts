import { DialogContextError } from 'botbuilder-dialogs';
import { isAppError } from '../app/app-error';
import type { MessageCatalogue, Translator } from '../i18n/message-catalogue';

/**
 * What the user is told about a failure: the catalogue text of an AppError's stable code
 * (`error.<code>`) with the reference to quote, or the generic text for anything else. Never
 * the error's own message.
 */
export function userErrorText(thrown: unknown, catalogue: MessageCatalogue, t: Translator, correlationId: string): string {
  const error = underlyingError(thrown);
  if (isAppError(error) && catalogue.has(`error.${error.code}`)) {
    return `${t(`error.${error.code}`)} ${t('bot.errorReference', { correlationId })}`;
  }
  return t('common.unexpectedError', { correlationId });
}

/** The error that actually happened: dialogs wrap what their steps throw in DialogContextError. */
export function underlyingError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; current instanceof DialogContextError && depth < 20; depth += 1) current = current.error;
  return current;
}

/** The dialog that was active when a dialog step failed, for the log. */
export function failedDialog(error: unknown): string | undefined {
  return error instanceof DialogContextError ? error.dialogContext.activeDialog : undefined;
}
