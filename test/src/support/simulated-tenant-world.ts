import { sample } from '../../simulator/simulator-fixture';
export { ManualClock } from './manual-clock';
import { ManualClock } from './manual-clock';
import { startSimulator, type FaultSettings, type LoggedRequest, type RunningSimulator } from '../../../simulator/simulator-server';
import type { TenantData } from '../../../simulator/tenant-data';
import { loadTenantFile, sampleTenantPath } from '../../../simulator/tenant-file';
import { IntakeService } from '../../../src/app/intake-service';
import type { Clock } from '../../../src/app/ports/clock';
import { ProvisionRequest } from '../../../src/app/provision-request';
import { randomRequestIds } from '../../../src/app/request-id-generator';
import { directoryConfigFromEnv, type DirectoryConfig } from '../../../src/config/directory-config';
import { createDirectoryServices, type DirectoryServices } from '../../../src/infrastructure/graph/directory-services';
import { InMemoryRequestStore } from './in-memory-request-store';
import { MemoryLogger } from './test-logger';

/** Ids of simulator/sample-tenant.json: one list, shared with the simulator's own tests. */
export { sample };

/** A clock tests move by hand; the simulated tenant's replication delay runs on it too. */

export interface WorldOptions {
  readonly faults?: FaultSettings;
  readonly seed?: number;
  /** The simulated tenant and the bot share the ManualClock (replication delay without waiting). Default true. */
  readonly manualTime?: boolean;
  /** Real sleeps in the Exchange client (to check Retry-After from the request log's timestamps). */
  readonly realExchangeSleep?: boolean;
  readonly hideContacts?: boolean;
  /** EXCHANGE_CONCURRENCY (default 1). */
  readonly exchangeConcurrency?: number;
  readonly tenant?: (tenant: TenantData) => TenantData;
}

/**
 * One fresh simulated tenant on a free loopback port and the bot's real services wired to it
 * exactly as the composition root does (config from env-style keys, no credential on loopback).
 */
export class SimulatedTenantWorld {
  readonly clock: ManualClock;
  readonly logger = new MemoryLogger();
  readonly store = new InMemoryRequestStore();
  readonly services: DirectoryServices;
  readonly intake: IntakeService;
  readonly provisioning: ProvisionRequest;
  readonly config: DirectoryConfig;
  /** Waits the bot asked for (replication retries, Exchange backoff when not real). */
  readonly sleeps: number[] = [];

  private constructor(
    readonly sim: RunningSimulator,
    clock: ManualClock,
    options: WorldOptions,
  ) {
    this.clock = clock;
    const result = directoryConfigFromEnv({
      AZURE_TENANT_ID: sim.tenantId,
      GRAPH_BASE_URL: sim.baseUrl,
      EXCHANGE_BASE_URL: sim.baseUrl,
      APPROVERS_GROUP_ID: sample.approvers,
      HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS: options.hideContacts === true ? 'true' : 'false',
      EXCHANGE_CONCURRENCY: String(options.exchangeConcurrency ?? 1),
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    this.config = result.value;
    const fakeSleep = (ms: number): Promise<void> => {
      this.sleeps.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    };
    this.services = createDirectoryServices(this.config, {
      clock,
      logger: this.logger,
      graphRetryDelaySeconds: 0,
      exchangeRetry: { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 5000 },
      ...(options.realExchangeSleep === true ? {} : { sleep: fakeSleep }),
    });
    this.intake = new IntakeService({
      directory: this.services.directory,
      store: this.store,
      clock,
      newId: randomRequestIds(),
      logger: this.logger,
      hideNewContactsFromAddressLists: options.hideContacts === true,
    });
    this.provisioning = new ProvisionRequest({
      directory: this.services.directory,
      exchange: this.services.exchange,
      guests: this.services.guestAccess,
      clock,
      logger: this.logger,
      hideNewContactsFromAddressLists: options.hideContacts === true,
    });
  }

  static async start(options: WorldOptions = {}): Promise<SimulatedTenantWorld> {
    const clock = new ManualClock();
    const base = loadTenantFile(sampleTenantPath());
    const sim = await startSimulator({
      tenant: options.tenant ? options.tenant(base) : base,
      port: 0,
      seed: options.seed ?? 1,
      ...(options.faults !== undefined ? { faults: options.faults } : {}),
      ...(options.manualTime === false ? {} : { now: () => clock.epochMs() }),
    });
    return new SimulatedTenantWorld(sim, clock, options);
  }

  stop(): Promise<void> {
    return this.sim.stop();
  }

  log(): readonly LoggedRequest[] {
    return this.sim.requestLog();
  }

  /** How many requests of one operation (e.g. "New-MailContact", "POST /invitations") reached the tenant. */
  count(operation: string): number {
    return this.log().filter((r) => r.operation.toLowerCase() === operation.toLowerCase()).length;
  }

  /** A raw Graph GET, bypassing the bot's code, to check what the tenant now holds. */
  async graphGet<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.sim.graphBaseUrl}${pathAndQuery}`);
    if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A raw Exchange command, bypassing the bot's code. */
  async exchange(cmdlet: string, parameters: Record<string, unknown>): Promise<{ status: number; value: Array<Record<string, unknown>> }> {
    const response = await fetch(`${this.sim.exchangeBaseUrl}/${this.sim.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
    });
    const text = await response.text();
    const body = (text === '' ? {} : JSON.parse(text)) as { value?: Array<Record<string, unknown>> };
    return { status: response.status, value: body.value ?? [] };
  }

  /** Requests the tenant answered with a 4xx other than expected ones (an escaping bug shows here as 400). */
  badRequests(): readonly LoggedRequest[] {
    return this.log().filter((r) => r.status === 400 && r.cmdlet === undefined && !r.path.endsWith('/$ref'));
  }
}
