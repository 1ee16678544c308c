import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { HealthReport } from '../app/doctor/health-monitor';
import type { Logger } from '../app/ports/logger';
import { checkIncomingActivity } from './incoming-activity';
import { type InfoPage, infoPages } from './info-pages';
import { inTurnSpan } from './turn-span';

export interface BotServerOptions {
  readonly adapter: CloudAdapter;
  /** The bot's turn logic (TeamsBot.run). */
  readonly run: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** A registered bot: requests without a bearer token are refused (401) before the adapter validates it. */
  readonly requireToken: boolean;
  /** GET /readyz: storage and directory reachability (cached by the provider). Without it, /readyz only says the process answers. */
  readonly health?: { report(): Promise<HealthReport> };
  /** Largest accepted body; Bot Framework activities are far smaller. Default 256 KB. */
  readonly maxBodyBytes?: number;
  /** GET /, /privacy and /terms: the pages the Teams app links to (its website, privacy and terms URLs). */
  readonly pages?: { render(page: InfoPage, acceptLanguage: string | undefined): string };
}

/** How a graceful close ended. */
export interface ClosedServer {
  /** Requests still being handled when the grace ended; their connections were closed. */
  readonly unfinished: number;
}

export interface Listening {
  readonly port: number;
  /** http://HOST:PORT */
  readonly url: string;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The bot's HTTP endpoint: POST /api/messages (Bot Framework activities, through the CloudAdapter),
 * GET /livez (the process answers: the platform's health check), GET /readyz (storage and directory
 * reachable: for people and monitors; /healthz is the same, for monitors set up before /readyz),
 * and GET /, /privacy and /terms (the pages the Teams app links to).
 * A malformed request gets a 4xx with the reason; a failing turn never takes the process down (the
 * adapter's onTurnError answers the user). `close()` lets the requests under way finish.
 */
export class BotServer {
  private readonly server: Server;
  private readonly maxBodyBytes: number;
  private inFlight = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private stopping = false;

  constructor(private readonly options: BotServerOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
    this.server = createServer((request, response) => {
      this.inFlight += 1;
      response.once('close', () => this.finished());
      this.handle(request, response).catch((error: unknown) => {
        options.logger.error('request handling failed', { error: error instanceof Error ? error.message : String(error) });
        sendJson(response, 500, { error: 'internal error' });
      });
    });
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    });
  }

  listen(port: number, host: string): Promise<Listening> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as AddressInfo;
        const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
        resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
      });
    });
  }

  /**
   * Graceful close: stops accepting connections, answers what still arrives on open ones with 503
   * (readiness "stopping"), waits for the requests under way (turns) for at most `graceMs`, then
   * closes every connection that is left.
   */
  async close(graceMs = 0): Promise<ClosedServer> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    const unfinished = this.inFlight;
    this.server.closeAllConnections();
    await closed;
    return { unfinished };
  }

  private finished(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/livez' || path === '/readyz' || path === '/healthz') {
      if (request.method !== 'GET' && request.method !== 'HEAD') return this.methodNotAllowed(response, 'GET');
      return path === '/livez' ? this.livez(request, response) : this.readyz(request, response);
    }
    const page = Object.prototype.hasOwnProperty.call(infoPages, path ?? '') ? infoPages[path as keyof typeof infoPages] : undefined;
    if (page !== undefined && this.options.pages) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return this.methodNotAllowed(response, 'GET');
      return this.sendPage(request, response, this.options.pages.render(page, request.headers['accept-language']));
    }
    if (path !== '/api/messages') return sendJson(response, 404, { error: `no such endpoint: ${path ?? ''}` });
    if (request.method !== 'POST') return this.methodNotAllowed(response, 'POST');
    if (this.stopping) {
      // Bot Framework delivers the activity again to an instance that is not stopping.
      response.setHeader('connection', 'close');
      response.setHeader('retry-after', '1');
      return sendJson(response, 503, { error: 'the bot is restarting: send the activity again' });
    }
    if (this.options.requireToken && !/^Bearer \S+/i.test(request.headers.authorization ?? '')) {
      response.setHeader('www-authenticate', 'Bearer');
      return sendJson(response, 401, { error: 'a Bot Framework token is required' });
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, { error: 'the body must be JSON (content-type: application/json)' });
    }
    let text: string;
    try {
      text = await readBody(request, this.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(response, 413, { error: `the body is larger than ${this.maxBodyBytes} bytes` });
      throw error;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(response, 400, { error: 'the body is not valid JSON' });
    }
    const check = checkIncomingActivity(body);
    if (!check.ok) return sendJson(response, 400, { error: `not a Bot Framework activity: ${check.problem}` });
    await this.process(request, response, check.activity);
  }

  private async process(request: IncomingMessage, response: ServerResponse, activity: Record<string, unknown>): Promise<void> {
    let status = 200;
    let payload: unknown;
    const shim = {
      socket: request.socket,
      status: (code: number) => {
        status = code;
      },
      header: (name: string, value: unknown) => {
        response.setHeader(name, String(value));
      },
      send: (body: unknown) => {
        payload = body;
      },
      end: () => {
        if (response.headersSent) return;
        if (payload === undefined) {
          response.writeHead(status).end();
        } else if (typeof payload === 'string') {
          response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(payload);
        } else {
          sendJson(response, status, payload);
        }
      },
    };
    await inTurnSpan(activity, async () => {
      await this.options.adapter.process({ body: activity, headers: request.headers, method: 'POST' }, shim, (context) => this.options.run(context));
      return status;
    });
    if (status >= 500) this.options.logger.warn('the adapter answered an activity with an error', { status, activityType: activity['type'] });
  }

  /** Liveness: 200 whenever the process answers HTTP at all; it never looks at Graph or storage. */
  private livez(request: IncomingMessage, response: ServerResponse): void {
    this.probeAnswer(request, response, 200, { status: 'ok' });
  }

  /** Readiness: 200 when every dependency answers, 503 when one does not or the bot is stopping; the body names only the checks and their state. */
  private async readyz(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.stopping) return this.probeAnswer(request, response, 503, { status: 'stopping' });
    const report: HealthReport | { status: 'ok' } = this.options.health ? await this.options.health.report() : { status: 'ok' };
    this.probeAnswer(request, response, report.status === 'ok' ? 200 : 503, report);
  }

  private probeAnswer(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
    response.setHeader('cache-control', 'no-store');
    if (request.method === 'HEAD') {
      response.writeHead(status).end();
      return;
    }
    sendJson(response, status, body);
  }

  private sendPage(request: IncomingMessage, response: ServerResponse, html: string): void {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : html);
  }

  private methodNotAllowed(response: ServerResponse, allowed: string): void {
    response.setHeader('allow', allowed);
    sendJson(response, 405, { error: `use ${allowed}` });
  }
}
