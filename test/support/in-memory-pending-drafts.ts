import type { TurnContext } from 'botbuilder';
import type { PendingDraft } from '../../dialogs/intake-values';
import type { PendingDrafts } from '../../dialogs/pending-drafts';

/** PendingDrafts in a map, for dialog tests that run without bot state. */
export class InMemoryPendingDrafts implements PendingDrafts {
  readonly drafts = new Map<string, PendingDraft>();
  async get(_context: TurnContext, draftId: string): Promise<PendingDraft | undefined> {
    return this.drafts.get(draftId);
  }
  async put(_context: TurnContext, draft: PendingDraft): Promise<void> {
    this.drafts.set(draft.id, draft);
  }
}
