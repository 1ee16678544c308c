import type { TokenCredential } from '@azure/identity';
import { AppError, ErrorCodes } from '../../app/app-error';
import type { Logger } from '../../app/ports/logger';
import { ExchangeCommandError, parseExchangeError } from './exchange-command-error';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-delay';
import { TaskQueue } from './task-queue';

/** One object of a cmdlet's output, with the cmdlet's property names. */
export type ExchangeObject = Readonly<Record<string, unknown>>;

export interface ExchangeResult {
  readonly value: readonly ExchangeObject[];
  /** `@adminapi.warnings`: the cmdlet ran but said something (for logs). */
  readonly warnings: readonly string[];
}

export type CmdletParameters = Readonly<Record<string, string | number | boolean | readonly string[] | Readonly<Record<string, unknown>>>>;

export interface ExchangeAdminClientOptions {
  /** e.g. https://outlook.office365.com/adminapi/beta (no trailing slash). */
  readonly baseUrl: string;
  /**
   * The tenant GUID, for the URL and the X-AnchorMailbox routing hint; or how to find it
   * (AZURE_TENANT_ID given as a domain, resolved once: src/infrastructure/graph/tenant-id-resolver.ts).
   */
  readonly tenantId: string | (() => Promise<string>);
  /** Undefined only against the simulated tenant on loopback: no token is requested. */
  readonly credential?: TokenCredential;
  /** Commands in flight at once for this tenant. */
  readonly concurrency: number;
  readonly logger: Logger;
  readonly retry?: Partial<RetryPolicy>;
  /** Injected so tests do not wait for real. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
  /** A request that has not answered after this long counts as a network failure (default 100 s). */
  readonly requestTimeoutMs?: number;
}

export const exchangeTokenScope = 'https://outlook.office365.com/.default';
/** The routing hint Exchange Online expects for app-only calls to the admin API. */
const systemMailbox = 'SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}';
const maxPages = 50;

/**
 * A small client for the Exchange Online admin endpoint that ExchangeOnlineManagement V3 uses
 * (POST {base}/{tenantId}/InvokeCommand). Undocumented by Microsoft: kept behind this one class
 * so it can be replaced if an official API appears. Retries throttling (408/429/503/504 and the
 * "concurrent requests" text: Retry-After, else exponential backoff with jitter, capped) and network
 * failures; never a refusal (403 and every other answer fail at once). Serialises commands per tenant.
 */
export class ExchangeAdminClient {
  private readonly queue: TaskQueue;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: ExchangeAdminClientOptions) {
    this.queue = new TaskQueue(options.concurrency);
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.fetchFn = options.fetch ?? fetch;
  }

  private tenantId(): Promise<string> {
    const configured = this.options.tenantId;
    return typeof configured === 'string' ? Promise.resolve(configured) : configured();
  }

  /**
   * Runs one cmdlet and returns every output object (following @odata.nextLink by re-posting the
   * same body). Throws ExchangeCommandError with the parsed exception type when the cmdlet fails.
   */
  async invoke(cmdlet: string, parameters: CmdletParameters = {}): Promise<ExchangeResult> {
    const body = JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } });
    const value: ExchangeObject[] = [];
    const warnings: string[] = [];
    const tenantId = await this.tenantId();
    let url: string | undefined = `${this.options.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/InvokeCommand`;
    for (let page = 0; url !== undefined && page < maxPages; page += 1) {
      const pageUrl: string = url;
      const json = await this.queue.run(() => this.postWithRetry(pageUrl, tenantId, cmdlet, parameters, body));
      const items = json['value'];
      if (Array.isArray(items)) value.push(...items.filter(isRecord));
      const pageWarnings = json['@adminapi.warnings'];
      if (Array.isArray(pageWarnings)) warnings.push(...pageWarnings.filter((w): w is string => typeof w === 'string'));
      const next = json['@odata.nextLink'];
      url = typeof next === 'string' && next !== '' ? next : undefined;
    }
    if (warnings.length > 0) this.options.logger.info('exchange command warnings', { cmdlet, warnings });
    return { value, warnings };
  }

  private async postWithRetry(url: string, tenantId: string, cmdlet: string, parameters: CmdletParameters, body: string): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          method: 'POST',
          headers: await this.headers(tenantId, cmdlet),
          body,
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 100_000),
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (attempt >= this.policy.maxRetries) {
          throw new AppError(ErrorCodes.serviceUnavailable, `Exchange ${cmdlet}: network failure`, { cause: error });
        }
        const wait = retryDelayMs(attempt + 1, null, this.policy, this.random, this.now());
        this.options.logger.warn('exchange request failed, retrying', { cmdlet, attempt: attempt + 1, waitMs: wait });
        await this.sleep(wait);
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (attempt >= this.policy.maxRetries) {
          throw new AppError(ErrorCodes.serviceUnavailable, `Exchange ${cmdlet}: the answer was cut off`, { cause: error });
        }
        await this.sleep(retryDelayMs(attempt + 1, null, this.policy, this.random, this.now()));
        continue;
      }
      if (response.ok) {
        const json = text.trim() === '' ? {} : safeJson(text);
        if (!isRecord(json)) {
          throw new AppError(ErrorCodes.unexpectedResponse, `Exchange ${cmdlet}: the response is not a JSON object`);
        }
        return json;
      }
      const error: ExchangeCommandError = parseExchangeError(response.status, cmdlet, text, parameters);
      if (error.details.retryable && attempt < this.policy.maxRetries) {
        const wait = retryDelayMs(attempt + 1, response.headers.get('retry-after'), this.policy, this.random, this.now());
        this.options.logger.warn('exchange throttled or unavailable, retrying', {
          cmdlet,
          status: response.status,
          attempt: attempt + 1,
          waitMs: wait,
        });
        await this.sleep(wait);
        continue;
      }
      throw error;
    }
  }

  private async headers(tenantId: string, cmdlet: string): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      Accept: 'application/json',
      'X-ResponseFormat': 'json',
      'X-AnchorMailbox': `APP:${systemMailbox}@${tenantId}`,
      'X-CmdletName': cmdlet,
      'X-ClientApplication': 'ExternalAccessBot',
    };
    const credential = this.options.credential;
    if (credential !== undefined) {
      let token;
      try {
        token = await credential.getToken(exchangeTokenScope);
      } catch (error) {
        throw new AppError(ErrorCodes.authenticationFailed, 'Could not get a token for Exchange Online', { cause: error });
      }
      if (token === null) throw new AppError(ErrorCodes.authenticationFailed, 'No token for Exchange Online');
      headers['Authorization'] = `Bearer ${token.token}`;
    }
    return headers;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
