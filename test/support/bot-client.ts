import type { RecordingConnector } from './recording-connector';

export interface TeamsUser {
  readonly aadObjectId: string;
  readonly name: string;
}

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
  /** What the bot sent to the connector while handling this activity. */
  readonly sent: Record<string, unknown>[];
}

/**
 * Posts Bot Framework activities to a running bot's /api/messages, as Teams would, with the
 * serviceUrl pointing at a recording connector.
 */
export class BotClient {
  private sequence = 0;
  private reader: { readonly locale: string; readonly timeZone?: string } = { locale: 'en-US' };

  constructor(
    private readonly botUrl: string,
    private readonly connector: RecordingConnector,
    private readonly user: TeamsUser,
    private readonly tenantId: string,
    readonly conversationId = 'a:personal-chat-1',
    private readonly conversationType: 'personal' | 'channel' | 'groupChat' = 'personal',
  ) {}

  /** This person's Teams client is set to `locale` (and `timeZone`), as Teams says on each activity. */
  speaking(locale: string, timeZone?: string): this {
    this.reader = timeZone ? { locale, timeZone } : { locale };
    return this;
  }

  activity(fields: Record<string, unknown>): Record<string, unknown> {
    this.sequence += 1;
    return {
      id: `activity-${this.sequence}`,
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      locale: this.reader.locale,
      ...(this.reader.timeZone ? { localTimezone: this.reader.timeZone } : {}),
      timestamp: '2026-11-02T10:00:00.000Z',
      from: { id: `29:${this.user.aadObjectId}`, name: this.user.name, aadObjectId: this.user.aadObjectId },
      recipient: { id: '28:external-access-bot', name: 'Group Gatekeeper' },
      conversation: { id: this.conversationId, conversationType: this.conversationType, tenantId: this.tenantId, ...(this.conversationType === 'personal' ? {} : { isGroup: true }) },
      channelData: { tenant: { id: this.tenantId } },
      ...fields,
    };
  }

  async post(activity: Record<string, unknown>): Promise<PostResult> {
    const before = this.connector.calls.length;
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, sent: this.connector.activitiesSince(before) };
  }

  /** What the bot sent to this client's own conversation, of everything in `sent`. */
  ownReplies(sent: readonly Record<string, unknown>[]): Record<string, unknown>[] {
    return sent.filter((activity) => (activity['conversation'] as { id?: unknown } | undefined)?.id === this.conversationId);
  }

  say(text: string): Promise<PostResult> {
    return this.post(this.activity({ type: 'message', text }));
  }

  press(verb: string, data: Record<string, unknown>): Promise<PostResult> {
    return this.post(this.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }));
  }
}

/** The text of a sent activity, or an Adaptive Card's first TextBlock, or a hero card's text. */
export function sentText(activity: Record<string, unknown>): string {
  const attachments = activity['attachments'] as { contentType: string; content: { text?: string; body?: { text?: string }[] } }[] | undefined;
  const attachment = attachments?.[0];
  if (attachment?.contentType === 'application/vnd.microsoft.card.adaptive') return `[card] ${attachment.content.body?.[0]?.text ?? ''}`;
  if (attachment?.contentType === 'application/vnd.microsoft.card.hero') return attachment.content.text ?? (typeof activity['text'] === 'string' ? activity['text'] : '');
  return typeof activity['text'] === 'string' ? activity['text'] : '';
}
