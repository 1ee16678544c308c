import { type ChildProcess, spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** Wanted port; the Playground picks another if it is busy (read from its output). */
  readonly port: number;
  readonly configPath: string;
  readonly logFile: string;
  /** The project folder (node_modules is found from there). */
  readonly projectDir: string;
  readonly startTimeoutMs?: number;
}

export interface RunningPlayground {
  readonly port: number;
  /** The address to open in a browser. */
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground as one child process (node cli.js) with telemetry off
 * (--disable-telemetry and APPLICATION_INSIGHTS_NO_STATSBEAT=true, so it talks to loopback only)
 * and no browser. It gets only the environment it needs, never the bot's secrets.
 */
/** How long the Playground must stay up after "Listening on" to count as started. */
const settleMs = 1500;

export function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = join(options.projectDir, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    {
      cwd: options.projectDir,
      env: {
        HOME: homedir(),
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the Agents Playground did not start within ${options.startTimeoutMs ?? 20000} ms:\n${output.slice(-2000)}`));
    }, options.startTimeoutMs ?? 20000);
    let settling = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Listening on (\d+)/.exec(output);
      if (match && !settling) {
        // It listens before it reads its configuration: give it a moment to refuse a bad one.
        settling = true;
        setTimeout(() => {
          if (child.exitCode !== null || /Failed to start/.test(output)) return;
          clearTimeout(timer);
          const port = Number(match[1]);
          resolve({ port, url: `http://127.0.0.1:${port}`, process: child, stop });
        }, settleMs);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (/Failed to start/.test(output)) output += `\n(see ${options.logFile})`;
      reject(new Error(`the Agents Playground exited (code ${String(code)}) before listening:\n${output.slice(-2000)}`));
    });
  });
}
