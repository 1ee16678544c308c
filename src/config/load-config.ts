import { type ApprovalTimersConfig, approvalTimersConfigFromEnv } from './approval-timers-config';
import type { ConfigResult } from './config-result';
import { type BotConfig, type LocalRunConfig, botConfigFromEnv, localRunConfigFromEnv, microsoftAppKeys } from './bot-config';
import { type DirectoryConfig, directoryConfigFromEnv, isLoopbackUrl } from './directory-config';
import { type ProvisioningConfig, provisioningConfigFromEnv } from './provisioning-config';
import { type StorageConfig, storageConfigFromEnv } from './storage-config';
import { type TelemetryConfig, telemetryConfigFromEnv } from './telemetry-config';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the bot's directory is. */
export type TenantConfig =
  /** Nothing configured: `npm start` runs the simulated tenant in-process (sample data by default). */
  | { readonly kind: 'embedded-simulator'; readonly approversGroupId?: string }
  /** A real tenant, or a simulated one started on its own (GRAPH_BASE_URL, EXCHANGE_BASE_URL, AZURE_TENANT_ID). */
  | { readonly kind: 'directory'; readonly directory: DirectoryConfig };

export interface AppConfig {
  readonly bot: BotConfig;
  readonly tenant: TenantConfig;
  readonly local: LocalRunConfig;
  /** Bot state, access requests and the audit log: a local folder (default ./data) or Azure Blob storage. */
  readonly storage: StorageConfig;
  /** OpenTelemetry to Azure Monitor (Application Insights), or off. */
  readonly telemetry: TelemetryConfig;
  /** Waiting for the directory to catch up with a new contact or guest. */
  readonly provisioning: ProvisioningConfig;
  /** Reminders, escalation and expiry of requests nobody decides. */
  readonly approvalTimers: ApprovalTimersConfig;
}

/** Any of these set means "use this directory", never the embedded simulated tenant. */
export const directoryKeys = [
  'AZURE_TENANT_ID',
  'GRAPH_BASE_URL',
  'EXCHANGE_BASE_URL',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_USE_MANAGED_IDENTITY',
] as const;

/**
 * The approvers group of simulator/sample-tenant.json ("External Access Approvers", docs/simulator.md).
 * Used only when both directory URLs point at a simulator on loopback and APPROVERS_GROUP_ID is unset.
 */
export const sampleTenantApproversGroupId = '7896c217-1928-4f2e-a984-e50cc4ab967e';

/** Why the service does not start, and what the doctor reports, when no directory is configured. */
export const noDirectoryConfigured =
  'no Microsoft 365 directory is configured. Set AZURE_TENANT_ID, APPROVERS_GROUP_ID and a credential (AZURE_USE_MANAGED_IDENTITY=true, ' +
  'or AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH); see docs/graph-service.md. ' +
  'To try the bot on this machine against a simulated tenant, run `npm start`.';

function isSet(env: Env, key: string): boolean {
  return (env[key]?.trim() ?? '') !== '';
}

/**
 * The whole configuration from an environment, validated once: the bot's own keys, the directory
 * (Graph and Exchange) keys, the storage keys, the approval timers and the local-run keys. Every problem of every part is listed at once,
 * each naming the key to set. Any Microsoft or directory key set means the embedded simulated
 * tenant is not used: an incomplete production configuration is an error, never a silent
 * fall-back to simulated data.
 */
export function configFromEnv(env: Env, cwd: string): ConfigResult<AppConfig> {
  const errors: string[] = [];
  const bot = botConfigFromEnv(env, cwd);
  if (!bot.ok) errors.push(...bot.errors);
  const local = localRunConfigFromEnv(env, cwd);
  if (!local.ok) errors.push(...local.errors);
  const storage = storageConfigFromEnv(env);
  if (!storage.ok) errors.push(...storage.errors);
  const telemetry = telemetryConfigFromEnv(env);
  if (!telemetry.ok) errors.push(...telemetry.errors);
  const provisioning = provisioningConfigFromEnv(env);
  if (!provisioning.ok) errors.push(...provisioning.errors);
  const approvalTimers = approvalTimersConfigFromEnv(env);
  if (!approvalTimers.ok) errors.push(...approvalTimers.errors);

  const wantsDirectory = directoryKeys.some((key) => isSet(env, key)) || microsoftAppKeys.some((key) => isSet(env, key));
  let tenant: TenantConfig | undefined;
  if (wantsDirectory) {
    const simulatorOnLoopback =
      isSet(env, 'GRAPH_BASE_URL') && isSet(env, 'EXCHANGE_BASE_URL') && isLoopbackUrl(env['GRAPH_BASE_URL'] ?? '') && isLoopbackUrl(env['EXCHANGE_BASE_URL'] ?? '');
    const directoryEnv = simulatorOnLoopback && !isSet(env, 'APPROVERS_GROUP_ID') ? { ...env, APPROVERS_GROUP_ID: sampleTenantApproversGroupId } : env;
    const directory = directoryConfigFromEnv(directoryEnv);
    if (directory.ok) tenant = Object.freeze({ kind: 'directory', directory: directory.value });
    else errors.push(...directory.errors);
  } else {
    const approvers = env['APPROVERS_GROUP_ID']?.trim();
    tenant = Object.freeze(approvers ? { kind: 'embedded-simulator', approversGroupId: approvers } : { kind: 'embedded-simulator' });
  }

  if (errors.length > 0 || !bot.ok || !local.ok || !storage.ok || !telemetry.ok || !provisioning.ok || !approvalTimers.ok || tenant === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({
      bot: bot.value,
      tenant,
      local: local.value,
      storage: storage.value,
      telemetry: telemetry.value,
      provisioning: provisioning.value,
      approvalTimers: approvalTimers.value,
    }),
  };
}

/** The configuration of this process. The only place in the project that reads `process.env`. */
export function loadConfig(): ConfigResult<AppConfig> {
  return configFromEnv(process.env, process.cwd());
}

/** For entry points: the configuration, or every problem on standard error and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(): AppConfig {
  const result = loadConfig();
  if (result.ok) return result.value;
  process.stderr.write(
    `The bot cannot start: its configuration has ${result.errors.length} problem(s).\n${result.errors.map((error) => `  - ${error}`).join('\n')}\nSee .env.example for every setting.\n`,
  );
  process.exit(78);
}
