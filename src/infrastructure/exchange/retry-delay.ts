/** How an HTTP client backs off when a service throttles it or is briefly unavailable. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff step when the service gives no Retry-After. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this (also caps a Retry-After). */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

/**
 * The wait before retry number `attempt` (1-based): the service's Retry-After when it sent one
 * (seconds or an HTTP date), else exponential backoff with full jitter; always capped.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null,
  policy: RetryPolicy,
  random: () => number,
  nowMs: number,
): number {
  const fromHeader = parseRetryAfterMs(retryAfter, nowMs);
  if (fromHeader !== undefined) return Math.min(fromHeader, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half random: never hammers at once, never waits less than half the step.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
