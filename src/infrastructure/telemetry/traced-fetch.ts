import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { inSpan } from './in-span';

/** The services the bot calls, as Application Insights shows them (the dependency's peer service). */
export type DependencyName = 'Microsoft Graph' | 'Exchange Online';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A URL path fit for telemetry: object ids become `{id}` (so calls group by operation) and a
 * segment with an address in it (`/users/jane@contoso.com`) becomes `{address}`; the query string,
 * where Graph filters carry addresses and names, is never kept.
 */
export function telemetryPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      const decoded = safeDecode(segment);
      if (guid.test(decoded)) return '{id}';
      if (decoded.includes('@') || decoded.includes("'")) return '{address}';
      return segment;
    })
    .join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function headerOf(headers: HeadersInit | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) return headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found?.[1];
}

/**
 * Wraps a fetch so that every HTTP attempt to Graph or Exchange is a dependency in telemetry (an
 * OpenTelemetry CLIENT span): method, host, path without ids or query, status, the Exchange cmdlet,
 * and for a throttling answer (429, 503) `bot.throttled` and the Retry-After it gave. Nothing of
 * the request or response body. Without a telemetry SDK registered the spans cost nothing.
 */
export function tracedFetch(service: DependencyName, inner: typeof fetch = (input, init) => fetch(input, init)): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const path = telemetryPath(url.pathname);
    const cmdlet = headerOf(init?.headers, 'X-CmdletName');
    const attributes = {
      'http.request.method': method,
      'server.address': url.hostname,
      ...(url.port !== '' ? { 'server.port': Number(url.port) } : {}),
      'url.full': `${url.protocol}//${url.host}${path}`,
      'peer.service': service,
      // Kept as a custom dimension too (the exporter folds peer.service into the target).
      'bot.service': service,
      ...(cmdlet ? { 'bot.exchange.cmdlet': cmdlet } : {}),
    };
    return inSpan(cmdlet ? `${method} ${path} ${cmdlet}` : `${method} ${path}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const response = await inner(input, init);
      span.setAttribute('http.response.status_code', response.status);
      if (response.status === 429 || response.status === 503) {
        span.setAttribute('bot.throttled', true);
        const retryAfter = response.headers.get('retry-after');
        if (retryAfter !== null) span.setAttribute('bot.retry_after', retryAfter);
      }
      if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    });
  };
}
