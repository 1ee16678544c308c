import type { TurnContext } from 'botbuilder';
import type { PendingDraft } from './intake-values';

/** Where filled-in, unconfirmed requests wait for the card's Confirm, Edit or Cancel. */
export interface PendingDrafts {
  /** The draft with this id in this conversation, with the version it was read at. */
  get(context: TurnContext, draftId: string): Promise<PendingDraft | undefined>;
  /** Stores the draft, whatever is stored under its id. */
  put(context: TurnContext, draft: PendingDraft): Promise<void>;
  /**
   * Stores `next` only if the draft is still the version `current` was read at (compare-and-set);
   * false when someone changed it first (a second click, another bot instance).
   */
  replace(context: TurnContext, current: PendingDraft, next: PendingDraft): Promise<boolean>;
}
