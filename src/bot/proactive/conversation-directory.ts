import type { ConversationReference, Storage } from 'botbuilder';
import type { Reader } from '../../i18n/reader';

/**
 * Where the bot can reach someone later, and who reads it there: the locale and time zone of the
 * person whose message the reference came from, so proactive messages speak their language.
 */
export interface StoredConversation extends Reader {
  readonly reference: Partial<ConversationReference>;
}

const keys = {
  approvalsPointer: 'conversations/approvals',
  byId: (conversationId: string) => `conversations/by-id/${conversationId}`,
  request: (requestId: string) => `conversations/request/${requestId}`,
  approverUsers: 'conversations/approver-users',
} as const;

/** Teams allows at most 60 user ids in a card's refresh list. */
export const maxRefreshUsers = 60;

/**
 * The conversations the bot writes to on its own (proactive messages), kept in the durable
 * store: the approvals conversation an approver registered (and every earlier one, so cards
 * posted there can still be updated), the conversation each request was made in, and the Teams
 * user ids of approvers who used the bot (for the cards' refresh list).
 */
export class ConversationDirectory {
  constructor(private readonly storage: Storage) {}

  /** The current approvals conversation, with its key (the conversation id). */
  async approvals(): Promise<{ key: string; conversation: StoredConversation } | undefined> {
    const items = await this.storage.read([keys.approvalsPointer]);
    const key: unknown = (items[keys.approvalsPointer] as { conversationId?: unknown } | undefined)?.conversationId;
    if (typeof key !== 'string') return undefined;
    const conversation = await this.byKey(key);
    return conversation ? { key, conversation } : undefined;
  }

  /** Makes this conversation the approvals conversation; returns its key. */
  async setApprovals(conversation: StoredConversation): Promise<string> {
    const key = conversation.reference.conversation?.id;
    if (!key) throw new Error('An approvals conversation needs a conversation id');
    await this.storage.write({
      [keys.byId(key)]: { ...conversation, eTag: '*' },
      [keys.approvalsPointer]: { conversationId: key, eTag: '*' },
    });
    return key;
  }

  /** A conversation an approval card was posted in. */
  async byKey(key: string): Promise<StoredConversation | undefined> {
    return this.read(keys.byId(key));
  }

  async forRequest(requestId: string): Promise<StoredConversation | undefined> {
    return this.read(keys.request(requestId));
  }

  async setForRequest(requestId: string, conversation: StoredConversation): Promise<void> {
    await this.storage.write({ [keys.request(requestId)]: { ...conversation, eTag: '*' } });
  }

  /** Teams user ids (29:...) of approvers seen by the bot, most recent last, at most 60. */
  async approverUserIds(): Promise<readonly string[]> {
    const items = await this.storage.read([keys.approverUsers]);
    const ids: unknown = (items[keys.approverUsers] as { ids?: unknown } | undefined)?.ids;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }

  async rememberApproverUser(userId: string): Promise<void> {
    const known = await this.approverUserIds();
    if (known.includes(userId)) return;
    const ids = [...known, userId].slice(-maxRefreshUsers);
    await this.storage.write({ [keys.approverUsers]: { ids, eTag: '*' } });
  }

  private async read(key: string): Promise<StoredConversation | undefined> {
    const items = await this.storage.read([key]);
    const item = items[key] as { reference?: Partial<ConversationReference>; locale?: unknown; timeZone?: unknown } | undefined;
    if (!item?.reference) return undefined;
    return {
      reference: item.reference,
      ...(typeof item.locale === 'string' ? { locale: item.locale } : {}),
      ...(typeof item.timeZone === 'string' ? { timeZone: item.timeZone } : {}),
    };
  }
}
