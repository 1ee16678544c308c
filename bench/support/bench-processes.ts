import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../test/e2e/support/bot-process';
import { ChildService } from '../../test/e2e/support/child-service';
import { freePort } from '../../test/support/free-port';
import type { RunningSimulator } from '../../simulator/simulator-server';

/** A bot under measurement, in a process of its own (so its memory is its own). */
export interface BotUnderTest {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Resident memory of a process, from /proc (Linux): now and the highest so far, in MB. */
export interface ProcessMemory {
  readonly rssMb: number;
  readonly peakMb: number;
}

export function processMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU time a process has used so far (user + system), in ms, from /proc (Linux). */
export function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / clockTicksPerSecond : undefined;
}

/** USER_HZ on Linux. */
const clockTicksPerSecond = 100;

/** The real bot, built (`node dist/src/index.js`), against the simulated tenant, state in `workDir`. */
export async function startRealBot(projectRoot: string, workDir: string, simulator: RunningSimulator, env: Readonly<Record<string, string>> = {}): Promise<BotUnderTest> {
  const bot: RunningBot = await startBot({
    projectRoot,
    workDir,
    graphBaseUrl: simulator.graphBaseUrl,
    exchangeBaseUrl: simulator.exchangeBaseUrl,
    tenantId: simulator.tenantId,
    approversGroupId: '7896c217-1928-4f2e-a984-e50cc4ab967e',
    env: { LOG_LEVEL: 'info', ...env },
  });
  const pid = bot.process.pid;
  if (pid === undefined) throw new Error('the bot process has no pid');
  return { url: `http://127.0.0.1:${bot.port}`, pid, stop: () => bot.stop() };
}

/** The baseline: a bare echo bot on the same adapter and HTTP edge (bench/echo-bot.ts). */
export async function startEchoBot(projectRoot: string, workDir: string): Promise<BotUnderTest> {
  const port = await freePort();
  const child = ChildService.start({
    name: 'echo bot',
    command: process.execPath,
    args: [join(projectRoot, 'dist', 'bench', 'echo-bot.js'), String(port)],
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    logFile: join(workDir, 'echo-bot.log'),
  });
  await child.waitForPort(port, 30_000);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the echo bot process has no pid');
  return { url: `http://127.0.0.1:${port}`, pid, stop: () => child.stop() };
}
