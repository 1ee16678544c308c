import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExchangeApi, forbiddenAnswer } from './exchange-api';
import { FaultInjector, type FaultDecision } from './fault-injector';
import { parseFaultSettings, type FaultSettings } from './fault-settings';
import { GraphApi, graphError, GraphMessages, graphThrottled, type GraphRequest, type GraphResponse } from './graph-api';
import { runBatch } from './graph-batch';
import { SimulatedDirectory } from './simulated-directory';
import type { TenantData } from './tenant-data';

export type { FaultSettings } from './fault-settings';
export type { TenantData } from './tenant-data';

export interface SimulatorOptions {
  readonly tenant: TenantData;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Seed of the fault generator; the same seed and request order give the same faults. Default 1. */
  readonly seed?: number;
  readonly faults?: FaultSettings;
  /** Delay added to every answer (FaultSettings.latencyMs overrides it). */
  readonly latencyMs?: number;
  /** Time source in epoch ms (replication delay); default Date.now. */
  readonly now?: () => number;
}

/** One answered request. Inner $batch requests are logged on their own, with batchRequestId. */
export interface LoggedRequest {
  /** Epoch ms when the request arrived. */
  readonly time: number;
  /** Epoch ms when the answer was sent (after the latency): the change a write made is visible from then on. */
  readonly answered: number;
  readonly method: string;
  /** URL path without the query, e.g. /v1.0/users or /adminapi/beta/{tenant}/InvokeCommand. */
  readonly path: string;
  /** Path and query as sent. */
  readonly url: string;
  /** Exchange only: the cmdlet name. */
  readonly cmdlet?: string;
  /** The operation name that FaultSettings.forbid uses, e.g. "GET /users/{id}" or "New-MailContact". */
  readonly operation: string;
  readonly status: number;
  /** The id of the request inside a $batch. */
  readonly batchRequestId?: string;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string;
  /** baseUrl + '/v1.0' */
  readonly graphBaseUrl: string;
  /** baseUrl + '/adminapi/beta' (the InvokeCommand URL is exchangeBaseUrl/{tenantId}/InvokeCommand) */
  readonly exchangeBaseUrl: string;
  readonly tenantId: string;
  readonly port: number;
  requestLog(): readonly LoggedRequest[];
  setFaults(faults: FaultSettings): void;
  /** Reloads the tenant data (forgets every change), clears the log and restarts the fault sequence. */
  reset(): void;
  stop(): Promise<void>;
}

const maxBodyBytes = 4 * 1024 * 1024;

/** A request as read, before it is answered. */
interface Incoming {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  /** Epoch ms of arrival. */
  readonly time: number;
  readonly body: unknown;
  readonly bodyInvalid: boolean;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.join(', ');
  }
  return out;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A Graph answer for an injected fault, or undefined. */
function graphFault(decision: FaultDecision, headers: Readonly<Record<string, string>>): GraphResponse | undefined {
  switch (decision.kind) {
    case 'none':
      return undefined;
    case 'forbid':
      return graphError(403, 'Authorization_RequestDenied', GraphMessages.insufficientPrivileges, headers);
    case 'throttle':
      return graphThrottled(decision.retryAfterSeconds, headers);
    case 'unavailable':
      return graphError(
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable. Please retry later.',
        headers,
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
  }
}

/** An Exchange answer for an injected fault (Exchange throttles with a plain-text body), or undefined. */
function exchangeFault(decision: FaultDecision): { status: number; headers: Record<string, string>; body: unknown } | undefined {
  switch (decision.kind) {
    case 'none':
      return undefined;
    case 'forbid':
      // A cmdlet outside the app's roles: 403 with an empty body, as observed on the real service.
      return forbiddenAnswer();
    case 'throttle':
      return {
        status: 429,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': String(decision.retryAfterSeconds),
          'rate-limit-remaining': '0',
          'rate-limit-reset': new Date(Date.now() + decision.retryAfterSeconds * 1000).toISOString(),
        },
        body: 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again',
      };
    case 'unavailable':
      return {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(decision.retryAfterSeconds) },
        body: 'The service is temporarily unavailable. Please try again later.',
      };
  }
}

/**
 * Starts the simulated Microsoft 365 tenant on 127.0.0.1: Graph v1.0 under /v1.0, the Exchange
 * admin endpoint under /adminapi/beta/{tenantId}/InvokeCommand, and the test control surface
 * under /_simulator. Any bearer token (or none) is accepted.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const faults = new FaultInjector(options.seed ?? 1, options.faults ?? {}, options.latencyMs ?? 0);
  const log: LoggedRequest[] = [];
  let exchangeInFlight = 0;
  let directory!: SimulatedDirectory;
  let graph!: GraphApi;
  let exchange!: ExchangeApi;
  let baseUrl = '';

  const load = (): void => {
    directory = new SimulatedDirectory(options.tenant, now, () => faults.replicationDelayMs());
    graph = new GraphApi(directory, `${baseUrl}/v1.0`);
    exchange = new ExchangeApi(directory, `${baseUrl}/adminapi/beta`, {
      appRoles: () => faults.current().exchangeRoles ?? directory.tenant.exchangeRoles,
      acceptsEntraObjectIds: () => faults.current().rejectEntraObjectIds !== true,
    });
  };

  /** Routes one Graph request (top level or inside $batch), applies faults, logs it. */
  const dispatchGraph = (req: GraphRequest, time: number, url: string, batchRequestId?: string): GraphResponse => {
    const route = graph.route(req);
    const fault = graphFault(faults.decide(route.operation), req.headers);
    const response = fault ?? route.run();
    log.push({
      time,
      answered: now(),
      method: req.method.toUpperCase(),
      path: `/v1.0${req.path}`,
      url,
      operation: route.operation,
      status: response.status,
      ...(batchRequestId === undefined ? {} : { batchRequestId }),
    });
    return response;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const time = now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerCaseHeaders(req);
    const text = await readBody(req);
    let body: unknown;
    let bodyInvalid = false;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        bodyInvalid = true;
      }
    }

    if (url.pathname.startsWith('/_simulator/')) {
      handleControl(method, url.pathname, body, bodyInvalid, res);
      return;
    }

    const exchangeMatch = /^\/adminapi\/beta\/([^/]+)\/InvokeCommand$/i.exec(url.pathname);
    // Exchange runs a limited number of commands per tenant at once; the rest are turned away.
    const limit = faults.exchangeConcurrencyLimit();
    const admitted = exchangeMatch === null || limit === undefined || exchangeInFlight < limit;
    if (exchangeMatch !== null && admitted) exchangeInFlight += 1;
    try {
      await sleep(faults.latencyMs());
      await answer({ req, res, url, method, headers, time, body, bodyInvalid }, exchangeMatch, admitted);
    } finally {
      if (exchangeMatch !== null && admitted) exchangeInFlight -= 1;
    }
  };

  /** Answers a Graph or Exchange request once its latency has passed; `admitted` is false for an Exchange command over the limit. */
  const answer = async (incoming: Incoming, exchangeMatch: RegExpExecArray | null, admitted: boolean): Promise<void> => {
    const { req, res, url, method, headers, time, body, bodyInvalid } = incoming;
    if (url.pathname === '/v1.0' || url.pathname.startsWith('/v1.0/')) {
      // The graph-client SDK recognises only https:// next links; it sends our http:// @odata.nextLink
      // appended to its base URL (/v1.0/http://127.0.0.1:PORT/v1.0/groups). Serve the embedded link.
      const embedded = /^\/v1\.0\/https?:\/+(?:127\.0\.0\.1|localhost)(?::\d+)?\/v1\.0(\/.*)?$/i.exec(url.pathname);
      const path = embedded !== null ? (embedded[1] ?? '/') : url.pathname.slice('/v1.0'.length) || '/';
      if (bodyInvalid) {
        const r = graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', headers);
        log.push({ time, answered: now(), method, path: url.pathname, url: req.url ?? '', operation: `${method} ${path}`, status: r.status });
        send(res, r.status, r.headers, r.body);
        return;
      }
      if (path.toLowerCase() === '/$batch' && method === 'POST') {
        const operation = 'POST /$batch';
        const decision = faults.decide(operation);
        // Only forbid applies to the envelope; error-rate faults are drawn per inner request.
        const r =
          decision.kind === 'forbid'
            ? graphFault(decision, headers)!
            : runBatch(body, headers, (inner, id) => dispatchGraph(inner, time, `/v1.0${inner.path}${inner.query.size > 0 ? `?${inner.query.toString()}` : ''}`, id));
        log.push({ time, answered: now(), method, path: url.pathname, url: req.url ?? '', operation, status: r.status });
        send(res, r.status, r.headers, r.body);
        return;
      }
      const r = dispatchGraph({ method, path, query: url.searchParams, headers, body }, time, req.url ?? '');
      send(res, r.status, r.headers, r.body);
      return;
    }

    if (exchangeMatch !== null) {
      const tenantInPath = decodeURIComponent(exchangeMatch[1]!);
      const cmdlet = ExchangeApi.cmdletName(body);
      const operation = cmdlet ?? 'InvokeCommand';
      let r: { status: number; headers: Record<string, string>; body: unknown };
      if (method !== 'POST') {
        r = { status: 405, headers: { 'content-type': 'application/json' }, body: { error: { code: 'MethodNotAllowed', message: 'InvokeCommand accepts POST only.' } } };
      } else if (!exchange.knowsTenant(tenantInPath)) {
        r = { status: 404, headers: { 'content-type': 'application/json' }, body: { error: { code: 'NotFound', message: `Tenant '${tenantInPath}' is not served here.` } } };
      } else if (bodyInvalid) {
        r = { status: 400, headers: { 'content-type': 'application/json' }, body: { error: { code: 'BadRequest', message: 'The request body is not valid JSON.' } } };
      } else if (!admitted) {
        r = exchangeFault({ kind: 'throttle', retryAfterSeconds: faults.retryAfterSeconds() })!;
      } else {
        r = exchangeFault(faults.decide(operation)) ?? exchange.invoke(tenantInPath, body, url.searchParams, headers);
      }
      log.push({ time, answered: now(), method, path: url.pathname, url: req.url ?? '', ...(cmdlet === undefined ? {} : { cmdlet }), operation, status: r.status });
      send(res, r.status, r.headers, r.body);
      return;
    }

    send(res, 404, {}, { error: { code: 'NotFound', message: `Nothing is served at ${url.pathname}. Graph is under /v1.0, Exchange under /adminapi/beta/{tenantId}/InvokeCommand.` } });
  };

  const handleControl = (method: string, path: string, body: unknown, bodyInvalid: boolean, res: ServerResponse): void => {
    if (path === '/_simulator/requests' && method === 'GET') {
      send(res, 200, {}, log);
      return;
    }
    if (path === '/_simulator/faults' && method === 'POST') {
      const parsed = bodyInvalid ? 'the body is not valid JSON' : parseFaultSettings(body ?? {});
      if (typeof parsed === 'string') {
        send(res, 400, {}, { error: { code: 'BadRequest', message: parsed } });
        return;
      }
      faults.set(parsed);
      send(res, 200, {}, parsed);
      return;
    }
    if (path === '/_simulator/faults' && method === 'GET') {
      send(res, 200, {}, faults.current());
      return;
    }
    if (path === '/_simulator/reset' && method === 'POST') {
      reset();
      send(res, 204, {}, undefined);
      return;
    }
    send(res, 404, {}, { error: { code: 'NotFound', message: 'Control endpoints: GET /_simulator/requests, GET|POST /_simulator/faults, POST /_simulator/reset.' } });
  };

  const reset = (): void => {
    load();
    log.length = 0;
    faults.restart();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        send(res, 500, {}, { error: { code: 'InternalServerError', message: `The simulator failed to answer: ${(error as Error).message}` } });
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  load();

  return {
    baseUrl,
    graphBaseUrl: `${baseUrl}/v1.0`,
    exchangeBaseUrl: `${baseUrl}/adminapi/beta`,
    tenantId: options.tenant.tenant.id,
    port,
    requestLog: () => [...log],
    setFaults: (f) => faults.set(f),
    reset,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
