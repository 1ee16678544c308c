import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChildService } from './child-service';
import { freePort } from '../../support/free-port';
import type { TenantData, TenantUser } from '../../../simulator/tenant-data';
import { playgroundConfigYaml } from '../../../scripts/playground-config';

export interface PlaygroundOptions {
  readonly projectRoot: string;
  /** Config, log and output files go here. */
  readonly workDir: string;
  /** Names the files, e.g. "requester". */
  readonly role: string;
  /** The bot's messaging endpoint, http://127.0.0.1:PORT/api/messages. */
  readonly botEndpoint: string;
  /** The tenant file the simulator serves, and who is signed in to this Playground. */
  readonly tenant: TenantData;
  readonly user: TenantUser;
  /** Keeps this Playground's conversation ids apart from another one's talking to the same bot. */
  readonly conversationPrefix: string;
  readonly startTimeoutMs?: number;
}

export interface RunningPlayground {
  readonly role: string;
  /** http://127.0.0.1:PORT/ (the web client). */
  readonly url: string;
  readonly port: number;
  readonly process: ChildService;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (the Teams-like client) for one person, with its own
 * generated config file. Telemetry is off and its statsbeat probe disabled, so it talks to loopback
 * only; it never opens a browser by itself.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const configPath = join(options.workDir, `playground-${options.role}.yml`);
  writeFileSync(configPath, playgroundConfigYaml(options.tenant, options.user, { conversationPrefix: options.conversationPrefix }));
  const wanted = await freePort();
  const logFile = join(options.workDir, `playground-${options.role}.log`);
  const child = ChildService.start({
    name: `Playground (${options.role})`,
    command: process.execPath,
    args: [
      join(options.projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
      '--app-endpoint',
      options.botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(wanted),
      '--disable-telemetry',
    ],
    cwd: options.workDir,
    // Only what it needs: nothing of the outer environment (credentials, proxies) reaches it.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(options.workDir, `playground-${options.role}.debug.log`),
    },
    logFile,
  });
  try {
    // If the port was taken in the meantime the Playground picks another one and says which.
    const match = await child.waitForOutput(/Listening on (\d+)/, options.startTimeoutMs ?? 30000);
    const port = Number(match[1]);
    await child.waitForPort(port, options.startTimeoutMs ?? 30000);
    return {
      role: options.role,
      url: `http://127.0.0.1:${port}/`,
      port,
      process: child,
      stop: () => child.stop(),
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
