import type { TurnContext } from 'botbuilder';
import type { Actor } from '../src/domain/access-request';

/** The person acting in this turn, as Teams identifies them (never taken from card data). */
export function turnActor(context: TurnContext): Actor | undefined {
  const { from } = context.activity;
  if (!from?.aadObjectId) return undefined;
  return { aadObjectId: from.aadObjectId, name: from.name ?? '' };
}

/** The Microsoft 365 tenant of the conversation. */
export function turnTenantId(context: TurnContext): string | undefined {
  const { conversation, channelData } = context.activity;
  if (conversation?.tenantId) return conversation.tenantId;
  const tenant: unknown = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return typeof tenant === 'string' && tenant !== '' ? tenant : undefined;
}
