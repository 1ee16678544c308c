import type { Logger } from '../../app/ports/logger';
import type { TelemetryConfig } from '../../config/telemetry-config';
import { createTokenCredential } from '../identity/token-credential-factory';

/** Telemetry that was started: flush what is buffered before the process exits. */
export interface RunningTelemetry {
  readonly enabled: boolean;
  shutdown(): Promise<void>;
}

const off: RunningTelemetry = { enabled: false, shutdown: async () => undefined };

export interface TelemetryStartOptions {
  /** Tests: no retry files on disk for items the ingestion endpoint refused. */
  readonly disableOfflineStorage?: boolean;
}

/**
 * Starts OpenTelemetry with the Azure Monitor distro when a connection string is configured, and
 * nothing at all otherwise (the distro is not even loaded, so nothing can be sent anywhere).
 *
 * What it records is what the bot itself traces: each turn (request), each Graph and Exchange call
 * (dependency, throttling answers included) and each lifecycle event of a request (custom event).
 * The distro's automatic instrumentations (incoming and outgoing HTTP, databases, loggers) are off,
 * so no URL query, header or body is ever captured; only the Azure SDK's own spans (Blob storage,
 * identity) stay on. Live metrics are off: they would open a second connection to Microsoft.
 * Statsbeat (the SDK's own usage reports to Microsoft) follows APPLICATIONINSIGHTS_STATSBEAT_DISABLED,
 * which the templates set.
 */
export async function startTelemetry(config: TelemetryConfig, logger: Logger, options: TelemetryStartOptions = {}): Promise<RunningTelemetry> {
  if (config.kind === 'off') return off;
  // Loaded here, only when configured. require, not import(): the CommonJS build registers its
  // providers in the same @opentelemetry/api instance that the bot's own spans and events use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { useAzureMonitor, shutdownAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  const credential = config.managedIdentity
    ? createTokenCredential({ kind: 'managed-identity', ...(config.managedIdentity.clientId !== undefined ? { clientId: config.managedIdentity.clientId } : {}) })
    : undefined;
  useAzureMonitor({
    azureMonitorExporterOptions: {
      connectionString: config.connectionString,
      ...(credential !== undefined ? { credential } : {}),
      ...(options.disableOfflineStorage ? { disableOfflineStorage: true } : {}),
    },
    enableLiveMetrics: false,
    // Every turn and call: a bot serves one organisation, so the volume is small (the default
    // samples by rate and drops the first spans of a quiet instance).
    samplingRatio: 1,
    tracesPerSecond: 0,
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  logger.info('telemetry on: Azure Monitor (Application Insights)', { managedIdentity: config.managedIdentity !== undefined });
  return {
    enabled: true,
    shutdown: async () => {
      try {
        await shutdownAzureMonitor();
      } catch (error) {
        logger.warn('telemetry could not be flushed', { error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
