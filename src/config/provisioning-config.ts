import { defaultDirectoryWaitPolicy, type DirectoryWaitPolicy } from '../domain/directory-wait';
import type { ConfigResult } from './config-result';

/**
 * How provisioning waits for the directory (Exchange, Entra) to catch up with an object it has
 * just created: built from environment-style key/value pairs by a pure function, every problem
 * reported at once with what to set.
 */
export interface ProvisioningConfig {
  readonly directoryWait: DirectoryWaitPolicy;
  /** How often the bot looks for waits that are due (DIRECTORY_WAIT_CHECK_SECONDS). */
  readonly waitCheckIntervalMs: number;
}

export const provisioningConfigDefaults = {
  firstSeconds: defaultDirectoryWaitPolicy.firstDelayMs / 1000,
  limitMinutes: defaultDirectoryWaitPolicy.limitMs / 60_000,
  checkSeconds: 10,
} as const;

/** Reads DIRECTORY_WAIT_FIRST_SECONDS, DIRECTORY_WAIT_LIMIT_MINUTES and DIRECTORY_WAIT_CHECK_SECONDS. */
export function provisioningConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ConfigResult<ProvisioningConfig> {
  const errors: string[] = [];
  const value = (key: string): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const number = (key: string, raw: string | undefined, fallback: number, min: number, max: number, unit: string): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      errors.push(`${key} "${raw}" is malformed: set it to a number of ${unit} from ${min} to ${max} (default ${fallback}).`);
      return fallback;
    }
    return n;
  };
  const firstSeconds = number('DIRECTORY_WAIT_FIRST_SECONDS', value('DIRECTORY_WAIT_FIRST_SECONDS'), provisioningConfigDefaults.firstSeconds, 1, 600, 'seconds');
  const limitMinutes = number('DIRECTORY_WAIT_LIMIT_MINUTES', value('DIRECTORY_WAIT_LIMIT_MINUTES'), provisioningConfigDefaults.limitMinutes, 1, 1440, 'minutes');
  const checkSeconds = number('DIRECTORY_WAIT_CHECK_SECONDS', value('DIRECTORY_WAIT_CHECK_SECONDS'), provisioningConfigDefaults.checkSeconds, 1, 300, 'seconds');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({
      directoryWait: Object.freeze({
        firstDelayMs: Math.round(firstSeconds * 1000),
        maxDelayMs: defaultDirectoryWaitPolicy.maxDelayMs,
        limitMs: Math.round(limitMinutes * 60_000),
      }),
      waitCheckIntervalMs: Math.round(checkSeconds * 1000),
    }),
  };
}
