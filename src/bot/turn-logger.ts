import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../app/ports/logger';

const correlationKey = Symbol.for('externalAccess.turnCorrelationId');

/**
 * The turn's correlation id: made once per turn (kept in the turn state) and shared by every log
 * line of the turn and by the reference a user is shown when something fails.
 */
export function turnCorrelationId(context: TurnContext, newId: () => string = randomUUID): string {
  const existing: unknown = context.turnState.get(correlationKey);
  if (typeof existing === 'string') return existing;
  const id = newId();
  context.turnState.set(correlationKey, id);
  return id;
}

/** A child of `logger` bound to the turn's correlation id. */
export function turnLogger(context: TurnContext, logger: Logger, newId?: () => string): Logger {
  return logger.child({ correlationId: turnCorrelationId(context, newId) });
}
