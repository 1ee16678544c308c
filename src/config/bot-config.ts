import type { ConfigResult } from './config-result';
import { isAbsolute, resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** How the Bot Framework authenticates the bot (the standard Microsoft* keys). */
export type BotAuthConfig =
  /** No app id: local use only (simulated tenant, Agents Playground); unauthenticated, loopback only. */
  | { readonly kind: 'none' }
  | { readonly kind: 'single-tenant'; readonly appId: string; readonly appPassword: string; readonly tenantId: string }
  | { readonly kind: 'user-assigned-msi'; readonly appId: string; readonly tenantId: string };

export interface BotConfig {
  readonly auth: BotAuthConfig;
  /** PORT, default 3978. 0 picks a free port (tests). */
  readonly port: number;
  /** HOST: 127.0.0.1 without an app id (and nothing else is allowed then); default 0.0.0.0 with one. */
  readonly host: string;
  /** DATA_DIR, absolute: bot state, requests, generated Playground configs. Default ./data. */
  readonly dataDir: string;
  /** LOG_LEVEL: trace, debug, info (default), warn, error, fatal, silent. */
  readonly logLevel: string;
  /**
   * SHUTDOWN_GRACE_SECONDS (default 20, 1 to 300), as milliseconds: on SIGTERM or SIGINT, how long
   * the bot waits for the turns under way and then for its background work before it exits.
   */
  readonly shutdownGraceMs: number;
}

/** `npm start` on a developer machine: the embedded simulated tenant and the Agents Playground. */
export interface LocalRunConfig {
  /** SIMULATOR_TENANT_FILE: tenant file of the embedded simulator; default the sample tenant. */
  readonly tenantFile?: string;
  /** SIMULATOR_PORT: default 0 (a free port). */
  readonly simulatorPort: number;
  /** PLAYGROUND_PORT: default 56150 (the Playground picks another if it is busy). */
  readonly playgroundPort: number;
  /** PLAYGROUND_USER: UPN or object id of the tenant-file user the Playground acts as; default the sample requester. */
  readonly playgroundUser: string;
}


export const botConfigDefaults = {
  port: 3978,
  dataDir: 'data',
  logLevel: 'info',
  shutdownGraceSeconds: 20,
  playgroundPort: 56150,
  /** Megan Bowen, the requester of simulator/sample-tenant.json (docs/simulator.md). */
  playgroundUser: 'megan@contoso.com',
} as const;

/** The Bot Framework keys; any of them set means "this is meant to be a registered (production) bot". */
export const microsoftAppKeys = ['MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId'] as const;

const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

function reader(env: Env): (key: string) => string | undefined {
  return (key) => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
}

function portFrom(key: string, raw: string | undefined, fallback: number, errors: string[]): number {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    errors.push(`${key} "${raw}" is not a port: set it to a whole number from 1 to 65535 (default ${fallback}).`);
    return fallback;
  }
  return port;
}

function authFrom(value: (key: string) => string | undefined, errors: string[]): BotAuthConfig | undefined {
  if (microsoftAppKeys.every((key) => value(key) === undefined)) return { kind: 'none' };
  const type = value('MicrosoftAppType');
  const appId = value('MicrosoftAppId');
  const password = value('MicrosoftAppPassword');
  const tenantId = value('MicrosoftAppTenantId');
  const before = errors.length;
  const normalisedType = type?.toLowerCase();
  if (type === undefined) {
    errors.push('MicrosoftAppType is not set: set it to SingleTenant (app id and client secret) or UserAssignedMSI (a user-assigned managed identity).');
  } else if (normalisedType === 'multitenant') {
    errors.push('MicrosoftAppType "MultiTenant" is no longer accepted for new bots: set it to SingleTenant or UserAssignedMSI.');
  } else if (normalisedType !== 'singletenant' && normalisedType !== 'userassignedmsi') {
    errors.push(`MicrosoftAppType "${type}" is not known: set it to SingleTenant or UserAssignedMSI.`);
  }
  if (appId === undefined) {
    errors.push('MicrosoftAppId is not set: set it to the bot\'s Microsoft app id (Azure Bot resource, Configuration).');
  } else if (!guid.test(appId)) {
    errors.push(`MicrosoftAppId "${appId}" is malformed: set it to the bot's app id (a GUID).`);
  }
  if (tenantId === undefined) {
    errors.push('MicrosoftAppTenantId is not set: set it to the id of the Microsoft Entra tenant the bot is registered in (a GUID).');
  } else if (!guid.test(tenantId)) {
    errors.push(`MicrosoftAppTenantId "${tenantId}" is malformed: set it to the tenant id (a GUID).`);
  }
  if (normalisedType === 'singletenant' && password === undefined) {
    errors.push('MicrosoftAppPassword is not set: a SingleTenant bot needs the client secret of its app registration.');
  }
  if (normalisedType === 'userassignedmsi' && password !== undefined) {
    errors.push('MicrosoftAppPassword is set, but a UserAssignedMSI bot has no password: remove MicrosoftAppPassword.');
  }
  if (errors.length > before || appId === undefined || tenantId === undefined) return undefined;
  return normalisedType === 'singletenant'
    ? { kind: 'single-tenant', appId, appPassword: password ?? '', tenantId }
    : { kind: 'user-assigned-msi', appId, tenantId };
}

/**
 * The bot's own settings (Bot Framework identity, port, data folder, log level). Pure: `env` is
 * passed in. Every problem is reported at once, each naming the key to set. Partial Microsoft
 * configuration is an error, never a silent fall-back to local, unauthenticated use.
 */
export function botConfigFromEnv(env: Env, cwd: string): ConfigResult<BotConfig> {
  const value = reader(env);
  const errors: string[] = [];
  const auth = authFrom(value, errors);
  const port = portFrom('PORT', value('PORT'), botConfigDefaults.port, errors);

  const hostRaw = value('HOST');
  const host = hostRaw ?? (auth?.kind === 'none' ? '127.0.0.1' : '0.0.0.0');
  if (auth?.kind === 'none' && !loopbackHosts.has(host)) {
    errors.push(
      `HOST "${host}" would expose an unauthenticated bot: without MicrosoftAppId the bot listens on 127.0.0.1 only. Remove HOST, or configure MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.`,
    );
  }

  const dataDirRaw = value('DATA_DIR') ?? botConfigDefaults.dataDir;
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);

  const logLevelRaw = value('LOG_LEVEL')?.toLowerCase() ?? botConfigDefaults.logLevel;
  if (!logLevels.includes(logLevelRaw)) errors.push(`LOG_LEVEL "${logLevelRaw}" is not known: set it to one of ${logLevels.join(', ')}.`);

  const graceRaw = value('SHUTDOWN_GRACE_SECONDS');
  const graceSeconds = graceRaw === undefined ? botConfigDefaults.shutdownGraceSeconds : Number(graceRaw);
  if (!/^\d+$/.test(graceRaw ?? '20') || graceSeconds < 1 || graceSeconds > 300) {
    errors.push(`SHUTDOWN_GRACE_SECONDS "${graceRaw ?? ''}" is not a number of seconds from 1 to 300 (default ${botConfigDefaults.shutdownGraceSeconds}).`);
  }

  if (errors.length > 0 || auth === undefined) return { ok: false, errors };
  return { ok: true, value: Object.freeze({ auth: Object.freeze(auth), port, host, dataDir, logLevel: logLevelRaw, shutdownGraceMs: graceSeconds * 1000 }) };
}

/** Settings of `npm start`'s local run (embedded simulator, Agents Playground). */
export function localRunConfigFromEnv(env: Env, cwd: string): ConfigResult<LocalRunConfig> {
  const value = reader(env);
  const errors: string[] = [];
  const tenantFileRaw = value('SIMULATOR_TENANT_FILE');
  const simulatorPort = portFrom('SIMULATOR_PORT', value('SIMULATOR_PORT'), 0, errors);
  const playgroundPort = portFrom('PLAYGROUND_PORT', value('PLAYGROUND_PORT'), botConfigDefaults.playgroundPort, errors);
  const playgroundUser = value('PLAYGROUND_USER') ?? botConfigDefaults.playgroundUser;
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({
      ...(tenantFileRaw === undefined ? {} : { tenantFile: isAbsolute(tenantFileRaw) ? tenantFileRaw : resolve(cwd, tenantFileRaw) }),
      simulatorPort,
      playgroundPort,
      playgroundUser,
    }),
  };
}
