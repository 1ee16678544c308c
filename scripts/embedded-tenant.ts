import { type RunningSimulator, startSimulator } from '../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../simulator/tenant-file';
import type { DirectoryConfig } from '../src/config/directory-config';
import { type AppConfig, sampleTenantApproversGroupId } from '../src/config/load-config';

/** The simulated Microsoft 365 tenant of a local run, and the directory settings that point the bot at it. */
export interface EmbeddedTenant {
  readonly simulator: RunningSimulator;
  readonly directory: DirectoryConfig;
  stop(): Promise<void>;
}

/**
 * For the local-run entry points (`npm start`, `npm run doctor`): when nothing names a directory,
 * starts the simulated tenant on loopback (the sample tenant, or SIMULATOR_TENANT_FILE) and returns
 * the settings for it; with a directory configured, returns undefined. The production entry point
 * (src/index.ts) never calls this: it refuses to start without a directory.
 */
export async function startEmbeddedTenant(config: AppConfig): Promise<EmbeddedTenant | undefined> {
  if (config.tenant.kind !== 'embedded-simulator') return undefined;
  const simulator = await startSimulator({ tenant: loadTenantFile(config.local.tenantFile ?? sampleTenantPath()), port: config.local.simulatorPort });
  const directory: DirectoryConfig = Object.freeze({
    tenantId: simulator.tenantId,
    graphBaseUrl: simulator.graphBaseUrl,
    exchangeBaseUrl: simulator.exchangeBaseUrl,
    credential: Object.freeze({ kind: 'none' as const }),
    approversGroupId: config.tenant.approversGroupId ?? sampleTenantApproversGroupId,
    hideMailContactsFromAddressLists: false,
    exchangeConcurrency: 1,
  });
  return { simulator, directory, stop: () => simulator.stop() };
}
