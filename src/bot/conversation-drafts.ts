import type { Storage, TurnContext } from 'botbuilder';
import type { PendingDraft } from '../../dialogs/intake-values';
import type { PendingDrafts } from '../../dialogs/pending-drafts';

/**
 * Pending drafts in the bot's storage, one item per draft under the conversation it was filled in
 * (`<channel>/conversations/<conversation>/drafts/<id>`): a card pressed in that conversation finds
 * its draft and who filled it in, two drafts never contend for one item, and a press in another
 * conversation finds nothing. Writes are immediate; `replace` is a compare-and-set on the eTag.
 */
export class ConversationDrafts implements PendingDrafts {
  constructor(private readonly storage: Storage) {}

  async get(context: TurnContext, draftId: string): Promise<PendingDraft | undefined> {
    const key = this.key(context, draftId);
    const items = await this.storage.read([key]);
    return items[key] as PendingDraft | undefined;
  }

  async put(context: TurnContext, draft: PendingDraft): Promise<void> {
    await this.storage.write({ [this.key(context, draft.id)]: { ...draft, eTag: '*' } });
  }

  async replace(context: TurnContext, current: PendingDraft, next: PendingDraft): Promise<boolean> {
    if (current.eTag === undefined || current.eTag === '*') throw new Error('replace needs a draft read with get()');
    const key = this.key(context, current.id);
    try {
      await this.storage.write({ [key]: { ...next, id: current.id, eTag: current.eTag } });
      return true;
    } catch (error) {
      // A refused conditional write and a failing store look alike from here: ask the store again.
      const now = await this.get(context, current.id);
      if (now?.eTag !== current.eTag) return false;
      throw error;
    }
  }

  private key(context: TurnContext, draftId: string): string {
    const { channelId, conversation } = context.activity;
    return `${channelId}/conversations/${conversation.id}/drafts/${draftId}`;
  }
}
