import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ChildService } from './child-service';
import { freePort } from '../../support/free-port';

export interface BotProcessOptions {
  readonly projectRoot: string;
  readonly workDir: string;
  /** The simulated tenant the bot works against. */
  readonly graphBaseUrl: string;
  readonly exchangeBaseUrl: string;
  readonly tenantId: string;
  readonly approversGroupId: string;
  /** Extra environment, e.g. to tune a timing for a test. */
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
}

export interface RunningBot {
  /** http://127.0.0.1:PORT/api/messages */
  readonly endpoint: string;
  readonly port: number;
  readonly process: ChildService;
  stop(): Promise<void>;
}

/**
 * Runs the built bot (`node dist/src/index.js`) as its own process on a free port, against the
 * simulated tenant, with its state in a fresh folder of the test's work directory.
 */
export async function startBot(options: BotProcessOptions): Promise<RunningBot> {
  const port = await freePort();
  const dataDir = join(options.workDir, 'bot-data');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    // Only what the bot needs from the outer environment; nothing that could point it elsewhere.
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    AZURE_TENANT_ID: options.tenantId,
    GRAPH_BASE_URL: options.graphBaseUrl,
    EXCHANGE_BASE_URL: options.exchangeBaseUrl,
    APPROVERS_GROUP_ID: options.approversGroupId,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'debug',
    ...options.env,
  };
  const child = ChildService.start({
    name: 'bot',
    command: process.execPath,
    args: [join(options.projectRoot, 'dist', 'src', 'index.js')],
    cwd: options.projectRoot,
    env,
    logFile: join(options.workDir, 'bot.log'),
  });
  try {
    await child.waitForPort(port, options.startTimeoutMs ?? 30000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    port,
    process: child,
    stop: () => child.stop(),
  };
}
