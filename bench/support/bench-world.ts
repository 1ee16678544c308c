import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator, type FaultSettings, type RunningSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import type { RequestStatus } from '../../src/domain/access-request';
import { createStorage } from '../../src/infrastructure/storage/create-storage';
import { StorageRequestStore } from '../../src/infrastructure/storage/storage-request-store';
import { createLogger } from '../../src/infrastructure/logging/pino-logger';
import { projectRoot } from '../../test/e2e/support/project-root';
import { BotClient, type PostResult, type TeamsUser } from '../../test/support/bot-client';
import { RecordingConnector } from '../../test/support/recording-connector';
import { type BotUnderTest, startEchoBot, startRealBot } from './bench-processes';

/** People of the sample tenant (docs/simulator.md). */
export const people = {
  megan: { aadObjectId: '1bdf6ebe-100d-4a76-af06-e24d23e91909', name: 'Megan Bowen' },
  alex: { aadObjectId: 'fa87908e-7a2e-4bed-9075-6c28dbb016b4', name: 'Alex Wilber' },
  adele: { aadObjectId: 'd739b704-2799-499a-bfd5-437d3bf57787', name: 'Adele Vance' },
  diego: { aadObjectId: 'f86ce0e7-7d95-4a89-9570-3b9a35341f19', name: 'Diego Siciliani' },
} as const satisfies Record<string, TeamsUser>;

export const approvalsChannel = '19:approvals@thread.tacv2';

export const groups = { distribution: 'Sales Partners', microsoft365: 'Marketing Campaigns' } as const;

/** A timed post: how long the HTTP round trip of one activity took (the whole turn), and its answer. */
export interface TimedPost extends PostResult {
  readonly ms: number;
}

/**
 * Everything a benchmark run needs, all on 127.0.0.1: the simulated tenant (in this process, so
 * its request log is at hand), a recording Bot Framework connector, the real bot and the echo bot
 * (each in its own process).
 */
export class BenchWorld {
  readonly connector = new RecordingConnector();
  private readonly workDir = mkdtempSync(join(tmpdir(), 'bench-'));
  simulator!: RunningSimulator;
  bot!: BotUnderTest;
  echo!: BotUnderTest;
  private store!: StorageRequestStore;
  private conversations = 0;

  async start(botEnv: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.connector.start();
    this.simulator = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()) });
    const root = projectRoot();
    [this.bot, this.echo] = await Promise.all([startRealBot(root, this.workDir, this.simulator, botEnv), startEchoBot(root, this.workDir)]);
    // Read-only look at the bot's own request store (bench/support/bench-processes.ts puts it in bot-data).
    this.store = new StorageRequestStore({
      storage: createStorage({ kind: 'file', dataDir: join(this.workDir, 'bot-data') }),
      logger: createLogger({ level: 'silent' }),
    });
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.bot?.stop(), this.echo?.stop()]);
    await this.simulator?.stop();
    await this.connector.stop();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Sets the simulated tenant's latency and faults (everything else back to none). */
  backend(faults: FaultSettings): void {
    this.simulator.setFaults(faults);
  }

  /** A person chatting with the real bot in a conversation of their own (or the approvals channel). */
  botChat(user: TeamsUser, where: 'personal' | 'approvals' = 'personal'): BotClient {
    return where === 'approvals'
      ? new BotClient(this.bot.url, this.connector, user, this.simulator.tenantId, approvalsChannel, 'channel')
      : new BotClient(this.bot.url, this.connector, user, this.simulator.tenantId, this.nextConversation());
  }

  /** The same person chatting with the echo bot. */
  echoChat(user: TeamsUser): BotClient {
    return new BotClient(this.echo.url, this.connector, user, this.simulator.tenantId, this.nextConversation());
  }

  /** The request's status as the bot stored it. */
  async status(requestId: string): Promise<RequestStatus | undefined> {
    return (await this.store.get(requestId))?.request.status;
  }

  private nextConversation(): string {
    this.conversations += 1;
    return `a:bench-${this.conversations}`;
  }
}

/** Posts an activity and times the HTTP round trip (Teams waits that long for the turn). */
export async function timed(post: () => Promise<PostResult>): Promise<TimedPost> {
  const started = performance.now();
  const result = await post();
  return { ...result, ms: performance.now() - started };
}
