import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const projectRoot = join(__dirname, '..', '..', '..', '..');

/** The production entry point (`node dist/src/index.js`) as its own process, its output collected. */
export class EntryPointProcess {
  output = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcessByStdio<null, Readable, Readable>) {
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts it with only `env` (and HOME): nothing of the test's own environment leaks in. */
  static start(env: Record<string, string>, nodeOptions: readonly string[] = []): EntryPointProcess {
    return new EntryPointProcess(
      spawn(process.execPath, [...nodeOptions, join(projectRoot, 'dist', 'src', 'index.js')], { cwd: projectRoot, env: { HOME: homedir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
  }

  /** The JSON log lines with this message. */
  lines(msg: string): Record<string, unknown>[] {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['msg'] === msg);
  }

  async waitForLine(msg: string): Promise<void> {
    while (this.lines(msg).length === 0) {
      if (this.child.exitCode !== null) throw new Error(`exited before "${msg}":\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Sends SIGKILL if it still runs, and waits for the exit. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
