import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  /** The activity the bot sent (reply, new message or update). */
  readonly activity: Record<string, unknown>;
  readonly authorization?: string;
}

/**
 * A stand-in for the Bot Framework connector service (the activity's serviceUrl): records every
 * activity the bot sends (POST /v3/conversations/{id}/activities[/{replyToId}], PUT for updates)
 * and answers like the connector does. Binds 127.0.0.1 only.
 */
export class RecordingConnector {
  readonly calls: RecordedCall[] = [];
  private readonly server: Server;
  private nextId = 0;
  private readonly refusals = new Map<string, number>();
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  url = '';

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
        if (!match || (request.method !== 'POST' && request.method !== 'PUT')) {
          response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
          return;
        }
        let activity: Record<string, unknown> = {};
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          response.writeHead(400).end();
          return;
        }
        const refusal = this.refusals.get(decodeURIComponent(match[1] ?? ''));
        if (refusal !== undefined) {
          response.writeHead(refusal, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: refusal === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound', message: 'refused by the test' } }));
          return;
        }
        const authorization = request.headers.authorization;
        this.calls.push({
          method: request.method,
          path,
          conversationId: decodeURIComponent(match[1] ?? ''),
          activity,
          ...(authorization ? { authorization } : {}),
        });
        this.nextId += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${this.nextId}` }));
        this.waiters = this.waiters.filter((waiter) => {
          if (!waiter.predicate()) return true;
          waiter.resolve();
          return false;
        });
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Answers every later activity for this conversation with `status` (403: bot removed, 404: conversation gone). */
  refuse(conversationId: string, status: 403 | 404): void {
    this.refusals.set(conversationId, status);
  }

  /** Activities recorded from index `from` on. */
  activitiesSince(from: number): Record<string, unknown>[] {
    return this.calls.slice(from).map((call) => call.activity);
  }

  /** Resolves once `predicate` holds (checked after each recorded call), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connector: condition not met in ${timeoutMs} ms; ${this.calls.length} calls recorded`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}
