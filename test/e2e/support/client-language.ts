import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The language and time zone a person's Teams client is set to. */
export interface ClientLanguage {
  readonly locale: string;
  readonly timeZone: string;
}

export interface RunningLanguageRelay {
  /** Where the Playground sends its activities instead of the bot: http://127.0.0.1:PORT/api/messages. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Teams puts the user's Teams language and time zone on every activity it sends a bot (`locale`,
 * `localTimezone`, and again in the `clientInfo` entity). The Microsoft 365 Agents Playground
 * 0.2.28 cannot: its server writes `locale: "en-US"` into every message, card action and install
 * activity it makes (docs/testing.md). This relay, on loopback between one person's Playground and
 * the bot, writes that person's language and time zone into each activity, exactly the fields
 * Teams fills, and passes everything else through unchanged, both ways.
 */
export async function startLanguageRelay(botEndpoint: string, language: ClientLanguage): Promise<RunningLanguageRelay> {
  const target = new URL(botEndpoint);
  const server: Server = createServer((request, response) => {
    void relay(request, response, target, language);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${target.pathname}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The activity as a Teams client in `language` would have sent it. */
export function inLanguage(activity: Record<string, unknown>, language: ClientLanguage): Record<string, unknown> {
  const entities = Array.isArray(activity['entities']) ? (activity['entities'] as Record<string, unknown>[]) : [];
  return {
    ...activity,
    locale: language.locale,
    localTimezone: language.timeZone,
    entities: entities.map((entity) => (entity['type'] === 'clientInfo' ? { ...entity, locale: language.locale, timezone: language.timeZone } : entity)),
  };
}

async function relay(request: IncomingMessage, response: ServerResponse, target: URL, language: ClientLanguage): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks).toString('utf8');
    if (request.method === 'POST' && body !== '') {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = JSON.stringify(inLanguage(parsed as Record<string, unknown>, language));
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(new URL(request.url ?? target.pathname, target), {
      method: request.method ?? 'POST',
      headers,
      ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
    });
    const content = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(content);
  } catch (error) {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`language relay: ${(error as Error).message}`);
  }
}
