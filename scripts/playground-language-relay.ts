import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { canonicalLocale, knownTimeZone } from '../src/i18n/reader';

/** The language (and time zone) a person's Teams client is set to. */
export interface ClientLanguage {
  readonly locale: string;
  /** An IANA time zone; without it the Playground's own (its process's TZ) is left as it is. */
  readonly timeZone?: string;
}

/** The --language and --time-zone options, checked: a BCP 47 locale such as lv-LV, an IANA zone such as Europe/Riga. */
export function clientLanguage(language: string | undefined, timeZone: string | undefined): ClientLanguage | undefined {
  if (language === undefined) {
    if (timeZone !== undefined) throw new Error('--time-zone goes with --language (for example --language lv-LV --time-zone Europe/Riga)');
    return undefined;
  }
  const locale = canonicalLocale(language);
  if (locale === undefined) throw new Error(`--language "${language}" is not a language tag such as nl-NL or lv-LV`);
  if (timeZone === undefined) return { locale };
  const zone = knownTimeZone(timeZone);
  if (zone === undefined) throw new Error(`--time-zone "${timeZone}" is not a time zone such as Europe/Riga`);
  return { locale, timeZone: zone };
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
 * Teams fills, and passes everything else through unchanged, both ways. Used by
 * `npm run playground -- --language lv-LV` and the e2e suite.
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
  const zone = language.timeZone === undefined ? {} : { localTimezone: language.timeZone };
  const entityZone = language.timeZone === undefined ? {} : { timezone: language.timeZone };
  return {
    ...activity,
    locale: language.locale,
    ...zone,
    entities: entities.map((entity) => (entity['type'] === 'clientInfo' ? { ...entity, locale: language.locale, ...entityZone } : entity)),
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
