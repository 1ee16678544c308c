/**
 * Waiting for the directory (shared/DESIGN.md section 7): Exchange and Entra take seconds to
 * minutes to show an object created a moment ago everywhere. A provisioning step that meets
 * "not found" for it does not fail: the request pauses in `waiting-for-directory` with a due time
 * stored on it, and resumes by itself with backoff, for up to a limit; only then does it fail
 * (with Retry). Pure: the caller gives the time.
 */

export interface DirectoryWait {
  /** The step that could not see the new object yet. */
  readonly step: string;
  /** How many waits this step has had (1 = the first). */
  readonly attempt: number;
  /** ISO 8601: when the first wait for this step began. */
  readonly since: string;
  /** ISO 8601: when the step is tried again. */
  readonly dueAt: string;
  /** ISO 8601: when waiting ends at the latest (then the step fails, with Retry). */
  readonly until: string;
}

export interface DirectoryWaitPolicy {
  /** The first wait; each next one doubles. */
  readonly firstDelayMs: number;
  /** No single wait is longer than this. */
  readonly maxDelayMs: number;
  /** Waiting stops (the step fails) once this long has passed since the first wait. */
  readonly limitMs: number;
}

/** 15 s, 30 s, 1, 2, 4 and 5 min, then the rest of the 15 minutes. */
export const defaultDirectoryWaitPolicy: DirectoryWaitPolicy = Object.freeze({
  firstDelayMs: 15_000,
  maxDelayMs: 300_000,
  limitMs: 900_000,
});

export type NextDirectoryWait =
  | { readonly kind: 'wait'; readonly wait: DirectoryWait }
  /** The limit has passed: give up (the step fails as replication-pending). */
  | { readonly kind: 'give-up'; readonly waitedMs: number };

/**
 * The next wait for `step` at time `at`, continuing the previous wait when it was for the same
 * step (a later step that meets the same delay starts its own count).
 */
export function nextDirectoryWait(previous: DirectoryWait | undefined, step: string, at: string, policy: DirectoryWaitPolicy): NextDirectoryWait {
  const now = Date.parse(at);
  const continuing = previous !== undefined && previous.step === step;
  const since = continuing ? previous.since : at;
  const attempt = continuing ? previous.attempt + 1 : 1;
  const until = continuing ? previous.until : new Date(now + policy.limitMs).toISOString();
  const left = Date.parse(until) - now;
  if (left <= 0) return { kind: 'give-up', waitedMs: now - Date.parse(since) };
  const backoff = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  const delay = Math.max(1, Math.min(backoff, left));
  return { kind: 'wait', wait: { step, attempt, since, dueAt: new Date(now + delay).toISOString(), until } };
}

/** True once the wait's due time has come. */
export function isDirectoryWaitDue(wait: DirectoryWait, at: string): boolean {
  return Date.parse(wait.dueAt) <= Date.parse(at);
}
