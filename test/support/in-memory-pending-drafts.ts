import type { TurnContext } from 'botbuilder';
import type { PendingDraft } from '../../dialogs/intake-values';
import type { PendingDrafts } from '../../dialogs/pending-drafts';

/** PendingDrafts in a map with a version counter, for dialog tests that run without bot state. */
export class InMemoryPendingDrafts implements PendingDrafts {
  readonly drafts = new Map<string, PendingDraft>();
  private version = 0;

  async get(_context: TurnContext, draftId: string): Promise<PendingDraft | undefined> {
    return this.drafts.get(draftId);
  }

  async put(_context: TurnContext, draft: PendingDraft): Promise<void> {
    this.drafts.set(draft.id, { ...draft, eTag: String(++this.version) });
  }

  async replace(_context: TurnContext, current: PendingDraft, next: PendingDraft): Promise<boolean> {
    if (this.drafts.get(current.id)?.eTag !== current.eTag) return false;
    this.drafts.set(current.id, { ...next, eTag: String(++this.version) });
    return true;
  }
}
