/**
 * Fault knobs for reliability tests and benchmarks. Every decision is drawn from a seeded
 * generator, so a run with the same seed and the same request order repeats exactly.
 */
export interface FaultSettings {
  /** Share of operations answered with an injected error, 0..1. */
  readonly errorRate?: number;
  /** Which errors to inject: 'throttle' = 429 with Retry-After, 'unavailable' = 503. Default both. */
  readonly errorKinds?: readonly ('throttle' | 'unavailable')[];
  /** Retry-After of injected errors, in seconds. Default 1. */
  readonly retryAfterSeconds?: number;
  /** Delay added to every answer, in milliseconds (overrides the start option latencyMs). */
  readonly latencyMs?: number;
  /** Objects created at run time stay invisible to reads (Graph and Exchange) for this long. */
  readonly replicationDelayMs?: number;
  /**
   * Operations answered 403. Graph: "<METHOD> <path template>", e.g. "GET /organization",
   * "POST /groups/{id}/members/$ref", "POST /invitations". Exchange: the cmdlet name, e.g. "New-MailContact".
   */
  readonly forbid?: readonly string[];
  /** The Exchange roles the app holds, instead of the tenant file's tenant.exchangeRoles. */
  readonly exchangeRoles?: readonly string[];
  /** Exchange refuses an Entra object id as -Identity/-Member (only its documented forms work). */
  readonly rejectEntraObjectIds?: boolean;
  /**
   * Limits the random faults (errorRate) to these operations, named as in `forbid`; default every
   * operation. E.g. ["New-MailContact", "Add-DistributionGroupMember"] throttles those cmdlets only.
   */
  readonly errorOperations?: readonly string[];
  /**
   * Exchange commands the tenant runs at once. A command that arrives while this many are running
   * is answered 429 with Exchange's "maximum number of concurrent requests per tenant" text and
   * Retry-After (retryAfterSeconds). Default: no limit.
   */
  readonly exchangeConcurrencyLimit?: number;
}

const errorKinds = ['throttle', 'unavailable'] as const;

/** Validates fault settings given as JSON (POST /_simulator/faults); returns a message naming the bad field. */
export function parseFaultSettings(json: unknown): FaultSettings | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'fault settings must be a JSON object';
  const o = json as Record<string, unknown>;
  const nonNegative = (name: string, max?: number): string | undefined => {
    const v = o[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (max !== undefined && v > max)) {
      return `${name} must be a number from 0${max === undefined ? '' : ` to ${max}`}`;
    }
    return undefined;
  };
  const problem =
    nonNegative('errorRate', 1) ?? nonNegative('retryAfterSeconds') ?? nonNegative('latencyMs') ?? nonNegative('replicationDelayMs');
  if (problem !== undefined) return problem;
  const limit = o['exchangeConcurrencyLimit'];
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)) {
    return 'exchangeConcurrencyLimit must be a whole number from 1';
  }
  if (o['errorKinds'] !== undefined) {
    const kinds = o['errorKinds'];
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !(errorKinds as readonly unknown[]).includes(k))) {
      return 'errorKinds must be a non-empty array of "throttle" and "unavailable"';
    }
  }
  for (const list of ['forbid', 'errorOperations'] as const) {
    const names = o[list];
    if (names !== undefined && (!Array.isArray(names) || names.some((f) => typeof f !== 'string'))) return `${list} must be an array of operation names`;
  }
  if (o['exchangeRoles'] !== undefined) {
    const roles = o['exchangeRoles'];
    if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) return 'exchangeRoles must be an array of Exchange role names';
  }
  if (o['rejectEntraObjectIds'] !== undefined && typeof o['rejectEntraObjectIds'] !== 'boolean') return 'rejectEntraObjectIds must be true or false';
  const settings: FaultSettings = {
    ...(o['errorRate'] !== undefined ? { errorRate: o['errorRate'] as number } : {}),
    ...(o['errorKinds'] !== undefined ? { errorKinds: o['errorKinds'] as ('throttle' | 'unavailable')[] } : {}),
    ...(o['retryAfterSeconds'] !== undefined ? { retryAfterSeconds: o['retryAfterSeconds'] as number } : {}),
    ...(o['latencyMs'] !== undefined ? { latencyMs: o['latencyMs'] as number } : {}),
    ...(o['replicationDelayMs'] !== undefined ? { replicationDelayMs: o['replicationDelayMs'] as number } : {}),
    ...(o['forbid'] !== undefined ? { forbid: o['forbid'] as string[] } : {}),
    ...(o['exchangeRoles'] !== undefined ? { exchangeRoles: o['exchangeRoles'] as string[] } : {}),
    ...(o['rejectEntraObjectIds'] !== undefined ? { rejectEntraObjectIds: o['rejectEntraObjectIds'] as boolean } : {}),
    ...(o['errorOperations'] !== undefined ? { errorOperations: o['errorOperations'] as string[] } : {}),
    ...(limit !== undefined ? { exchangeConcurrencyLimit: limit } : {}),
  };
  return settings;
}
