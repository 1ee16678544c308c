/**
 * `npm run bench`: how long the bot's directory work takes, and how many calls it makes, against
 * the simulated tenant with a fixed latency per call (Graph and Exchange answer in tens to
 * hundreds of milliseconds). Loopback only; bounded in count; stops by itself.
 *
 *   npm run bench -- --latency 40 --runs 20 --concurrency 8
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator, type RunningSimulator } from '../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../simulator/tenant-file';
import { IntakeService } from '../src/app/intake-service';
import { systemClock } from '../src/app/ports/clock';
import { ProvisionRequest } from '../src/app/provision-request';
import { randomRequestIds } from '../src/app/request-id-generator';
import type { AccessRequest } from '../src/domain/access-request';
import { directoryConfigFromEnv } from '../src/config/directory-config';
import { createDirectoryServices } from '../src/infrastructure/graph/directory-services';
import { createLogger } from '../src/infrastructure/logging/pino-logger';
import { createStorage } from '../src/infrastructure/storage/create-storage';
import { StorageRequestStore } from '../src/infrastructure/storage/storage-request-store';

const megan = '1bdf6ebe-100d-4a76-af06-e24d23e91909';
const salesPartners = '696d6903-e19f-44d8-b0de-32ed4fe1bf54';
const marketing = '8826b76f-dc5d-483f-a737-541bdb030609';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Row {
  readonly name: string;
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly callsPerRun: number;
  readonly totalMs: number;
}

async function measure(name: string, sim: RunningSimulator, runs: number, concurrency: number, work: (i: number) => Promise<void>): Promise<Row> {
  const before = sim.requestLog().length;
  const durations: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < runs) {
      const i = next++;
      const t0 = performance.now();
      await work(i);
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const calls = sim.requestLog().length - before;
  return { name, runs, p50: percentile(durations, 50), p95: percentile(durations, 95), callsPerRun: calls / runs, totalMs: performance.now() - started };
}

async function main(): Promise<void> {
  const latencyMs = option('latency', 40);
  const runs = Math.min(option('runs', 20), 200);
  const concurrency = Math.min(option('concurrency', 8), 32);
  const sim = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), latencyMs });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const logger = createLogger({ level: 'silent' });
    const config = directoryConfigFromEnv({
      AZURE_TENANT_ID: sim.tenantId,
      GRAPH_BASE_URL: sim.baseUrl,
      EXCHANGE_BASE_URL: sim.baseUrl,
      APPROVERS_GROUP_ID: '7896c217-1928-4f2e-a984-e50cc4ab967e',
      EXCHANGE_CONCURRENCY: '1',
    });
    if (!config.ok) throw new Error(config.errors.join('\n'));
    const services = createDirectoryServices(config.value, { clock: systemClock, logger });
    const store = new StorageRequestStore({ storage: createStorage({ kind: 'file', dataDir }), logger });
    const intake = new IntakeService({ directory: services.directory, store, clock: systemClock, newId: randomRequestIds(), logger });
    const provisioning = new ProvisionRequest({
      directory: services.directory,
      exchange: services.exchange,
      guests: services.guestAccess,
      clock: systemClock,
      logger,
      hideNewContactsFromAddressLists: false,
    });
    const request = (i: number, path: 'mail-contact' | 'guest', prefix: string): AccessRequest => ({
      id: `R-BENCH${i}`,
      tenantId: sim.tenantId,
      requester: { aadObjectId: megan, name: 'Megan Bowen' },
      person: { email: `${prefix}${i}@partner.example`, firstName: 'Bench', lastName: `Person ${i}`, displayName: `Bench Person ${prefix}${i}` },
      group:
        path === 'mail-contact'
          ? { id: salesPartners, displayName: 'Sales Partners', kind: 'distribution' }
          : { id: marketing, displayName: 'Marketing Campaigns', kind: 'microsoft-365' },
      reason: 'benchmark',
      assessment: { groupKind: path === 'mail-contact' ? 'distribution' : 'microsoft-365', path, alreadyMember: false, internalSendersOnly: false },
      status: 'provisioning',
      createdAt: new Date().toISOString(),
      journal: [],
    });
    const provision = async (r: AccessRequest): Promise<void> => {
      const outcome = await provisioning.run(r, { onJournal: async () => undefined });
      if (outcome.kind !== 'completed') throw new Error(`${r.id}: ${JSON.stringify(outcome)}`);
    };

    const rows: Row[] = [
      await measure('intake: check address', sim, runs, 1, (i) => intake.checkAddress(`check${i}@partner.example`).then(() => undefined)),
      await measure('intake: check group (distribution)', sim, runs, 1, (i) => intake.checkGroup(megan, salesPartners, `check${i}@partner.example`).then(() => undefined)),
      await measure('intake: search owned groups', sim, runs, 1, () => intake.searchGroups(megan, 'Sa').then(() => undefined)),
      await measure('provision: mail contact + DL member', sim, runs, 1, (i) => provision(request(i, 'mail-contact', 'dl'))),
      await measure('provision: guest invite + M365 member', sim, runs, 1, (i) => provision(request(i, 'guest', 'guest'))),
      await measure(`provision: DL path, ${concurrency} at once`, sim, runs, concurrency, (i) => provision(request(i, 'mail-contact', 'dlc'))),
      await measure(`provision: guest path, ${concurrency} at once`, sim, runs, concurrency, (i) => provision(request(i, 'guest', 'gc'))),
    ];
    const lines = [
      `Simulated tenant, ${latencyMs} ms per call, ${runs} runs each (Exchange concurrency 1).`,
      '',
      '| operation | p50 ms | p95 ms | calls per run | total ms |',
      '|---|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.callsPerRun.toFixed(1)} | ${r.totalMs.toFixed(0)} |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
