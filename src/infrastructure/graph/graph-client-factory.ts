import type { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  Client,
  type Context,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';

export const graphTokenScope = 'https://graph.microsoft.com/.default';

export interface GraphClientOptions {
  /** Graph root including the version, e.g. https://graph.microsoft.com/v1.0 or http://127.0.0.1:4000/v1.0. */
  readonly baseUrl: string;
  /** Undefined only against the simulated tenant on loopback: no token is requested. */
  readonly credential?: TokenCredential;
  /** RetryHandler: first backoff step in seconds when there is no Retry-After (default 3). */
  readonly retryDelaySeconds?: number;
  /** RetryHandler: retries of 429/503/504 (default 5, at most 10). */
  readonly maxRetries?: number;
  /** What sends each attempt (after the retry handler, so every retry is its own call): default the global fetch. */
  readonly fetch?: typeof fetch;
}

/** The end of the chain: sends the request with the given fetch (the SDK's HTTPMessageHandler always uses the global one). */
class FetchHandler implements Middleware {
  constructor(private readonly fetchFn: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchFn(context.request, context.options);
  }
}

/**
 * A Graph client whose middleware is: token (TokenCredentialAuthenticationProvider, skipped
 * without a credential) -> RetryHandler (429/503/504, honours Retry-After) -> redirects -> fetch
 * (options.fetch: the composition root passes one that traces every attempt).
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const url = new URL(options.baseUrl);
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const version = segments.pop() ?? 'v1.0';
  const root = `${url.protocol}//${url.host}${segments.join('/')}/`;

  const chain: Middleware[] = [];
  if (options.credential !== undefined) {
    const provider = new TokenCredentialAuthenticationProvider(options.credential, { scopes: [graphTokenScope] });
    chain.push(new AuthenticationHandler(provider));
  }
  chain.push(new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 5)));
  chain.push(new RedirectHandler());
  chain.push(new FetchHandler(options.fetch ?? ((input, init) => fetch(input, init))));
  for (let i = 0; i < chain.length - 1; i += 1) {
    const current = chain[i];
    const next = chain[i + 1];
    if (current?.setNext !== undefined && next !== undefined) current.setNext(next);
  }
  const first = chain[0];
  if (first === undefined) throw new Error('empty Graph middleware chain');
  return Client.initWithMiddleware({
    baseUrl: root,
    defaultVersion: version,
    middleware: first,
    // Tokens are attached to the configured host even when it is not a Microsoft Graph host name.
    customHosts: new Set([url.hostname]),
  });
}
