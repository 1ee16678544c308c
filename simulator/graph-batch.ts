import type { GraphRequest, GraphResponse } from './graph-api';
import { graphError } from './graph-api';

/** At most this many requests in one $batch (Graph's limit). */
export const maxBatchRequests = 20;

interface BatchItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

/** Answers one inner request (routing, faults, logging) exactly as if it came alone. */
export type InnerDispatch = (req: GraphRequest, batchRequestId: string) => GraphResponse;

/**
 * POST /v1.0/$batch: up to 20 requests with relative URLs, each answered on its own (status,
 * headers, body) inside an outer 200; an inner 429 stays inside. dependsOn is honoured: a request
 * whose dependency failed gets 424.
 */
export function runBatch(body: unknown, headers: Readonly<Record<string, string>>, dispatch: InnerDispatch): GraphResponse {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) {
    return graphError(400, 'BadRequest', "Invalid batch payload format: the body must be {\"requests\":[...]}.", headers);
  }
  if (requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format: requests must not be empty.', headers);
  if (requests.length > maxBatchRequests) {
    return graphError(400, 'BadRequest', `Invalid batch payload format: the number of requests (${requests.length}) exceeds the limit of ${maxBatchRequests}.`, headers);
  }
  const items: BatchItem[] = [];
  for (const [index, raw] of requests.entries()) {
    const problem = (text: string): GraphResponse => graphError(400, 'BadRequest', `Invalid batch payload format: requests[${index}] ${text}.`, headers);
    if (typeof raw !== 'object' || raw === null) return problem('must be an object');
    const r = raw as Record<string, unknown>;
    if (typeof r['id'] !== 'string' || r['id'] === '') return problem('needs a string id');
    if (items.some((i) => i.id === r['id'])) return problem(`repeats the id '${r['id']}'`);
    if (typeof r['method'] !== 'string') return problem('needs a method');
    if (typeof r['url'] !== 'string') return problem('needs a url');
    const dependsOn = r['dependsOn'] === undefined ? [] : r['dependsOn'];
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) return problem('has a dependsOn that is not an array of ids');
    const innerHeaders: Record<string, string> = {};
    if (typeof r['headers'] === 'object' && r['headers'] !== null) {
      for (const [k, v] of Object.entries(r['headers'] as Record<string, unknown>)) {
        if (typeof v === 'string') innerHeaders[k.toLowerCase()] = v;
      }
    }
    if (r['body'] !== undefined && innerHeaders['content-type'] === undefined) {
      return problem("has a body but no Content-Type header");
    }
    items.push({ id: r['id'], method: r['method'].toUpperCase(), url: r['url'], headers: innerHeaders, body: r['body'], dependsOn: dependsOn as string[] });
  }
  for (const item of items) {
    const unknown = item.dependsOn.find((d) => !items.some((i) => i.id === d));
    if (unknown !== undefined) return graphError(400, 'BadRequest', `Invalid batch payload format: request '${item.id}' depends on unknown request '${unknown}'.`, headers);
  }

  const results = new Map<string, GraphResponse>();
  const responses = items.map((item) => {
    let response: GraphResponse;
    const failedDependency = item.dependsOn.find((d) => {
      const r = results.get(d);
      return r === undefined || r.status >= 400;
    });
    if (failedDependency !== undefined) {
      response = graphError(424, 'FailedDependency', `The request depends on request '${failedDependency}', which failed.`, item.headers);
    } else if (/^[a-z]+:\/\//i.test(item.url)) {
      response = graphError(400, 'BadRequest', 'Invalid request URL: batch request URLs must be relative, e.g. /users/{id}.', item.headers);
    } else {
      const relative = item.url.startsWith('/') ? item.url : `/${item.url}`;
      const withoutVersion = relative.replace(/^\/v1\.0(?=\/)/i, '');
      const url = new URL(withoutVersion, 'http://batch.invalid');
      response = dispatch({ method: item.method, path: url.pathname, query: url.searchParams, headers: item.headers, body: item.body }, item.id);
    }
    results.set(item.id, response);
    const out: Record<string, unknown> = { id: item.id, status: response.status, headers: innerResponseHeaders(response.headers) };
    if (response.body !== undefined) out['body'] = response.body;
    return out;
  });
  return { status: 200, headers: { 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' }, body: { responses } };
}

/** Inner responses carry Content-Type and Retry-After (as Graph writes them), not transport headers. */
function innerResponseHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k === 'content-type') out['Content-Type'] = v;
    else if (k === 'retry-after') out['Retry-After'] = v;
  }
  return out;
}
