import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { PendingDraft } from '../../dialogs/intake-values';
import type { PendingDrafts } from '../../dialogs/pending-drafts';

/** Drafts kept per conversation; older ones are dropped beyond this many. */
const maxDraftsPerConversation = 20;

type DraftMap = Record<string, PendingDraft>;

/**
 * Pending drafts in the conversation's bot state, keyed by draft id, so a card button pressed in
 * that conversation finds its draft (and who filled it in) on the server.
 */
export class ConversationDrafts implements PendingDrafts {
  private readonly accessor: StatePropertyAccessor<DraftMap>;

  constructor(conversationState: BotState) {
    this.accessor = conversationState.createProperty<DraftMap>('pendingDrafts');
  }

  async get(context: TurnContext, draftId: string): Promise<PendingDraft | undefined> {
    const drafts = await this.accessor.get(context, {});
    return Object.prototype.hasOwnProperty.call(drafts, draftId) ? drafts[draftId] : undefined;
  }

  async put(context: TurnContext, draft: PendingDraft): Promise<void> {
    const drafts = { ...(await this.accessor.get(context, {})), [draft.id]: draft };
    const kept = Object.values(drafts)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, maxDraftsPerConversation);
    await this.accessor.set(context, Object.fromEntries(kept.map((entry) => [entry.id, entry])));
  }
}
