import type { TurnContext } from 'botbuilder';
import type { PendingDraft } from './intake-values';

/** Where filled-in, unconfirmed requests wait for the card's Confirm, Edit or Cancel. */
export interface PendingDrafts {
  get(context: TurnContext, draftId: string): Promise<PendingDraft | undefined>;
  put(context: TurnContext, draft: PendingDraft): Promise<void>;
}
