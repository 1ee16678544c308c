import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { connect } from 'node:net';

export interface ChildServiceOptions {
  /** Shown in errors, e.g. "bot" or "Playground (requester)". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** stdout and stderr are appended here, so a failed run can be read afterwards. */
  readonly logFile: string;
}

/**
 * A server run as a child process for the end-to-end tests: its output goes to a log file, it can be
 * waited on (a line in its output, a port accepting connections) and it is always stopped, first
 * politely (SIGTERM), then with SIGKILL.
 */
export class ChildService {
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private output = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;
  private readonly listeners = new Set<() => void>();

  private constructor(readonly options: ChildServiceOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
    this.child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        this.notify();
        resolve();
      });
      this.child.once('error', (error) => {
        this.output += `\n[spawn error] ${error.message}\n`;
        this.exitInfo = { code: null, signal: null };
        this.notify();
        resolve();
      });
    });
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString('utf8');
      this.log.write(chunk);
      this.notify();
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    liveChildren.add(this);
  }

  static start(options: ChildServiceOptions): ChildService {
    return new ChildService(options);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** Everything the process wrote so far (stdout and stderr interleaved). */
  get text(): string {
    return this.output;
  }

  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first or on timeout. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return this.waitFor(`output matching ${pattern}`, timeoutMs, () => this.output.match(pattern) ?? undefined);
  }

  /** Resolves once 127.0.0.1:port accepts a TCP connection; rejects if the process exits first or on timeout. */
  async waitForPort(port: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exitInfo) throw this.exitedError(`port ${port} to accept connections`);
      if (await accepts(port)) return;
      if (Date.now() > deadline) throw new Error(`${this.options.name} did not listen on port ${port} within ${timeoutMs} ms. Log: ${this.options.logFile}`);
      // Wait for the next output or exit, or a short poll interval, whichever comes first.
      await this.nextEvent(100);
    }
  }

  /** Stops the process and its output log; safe to call twice. */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.exitInfo && this.child.pid !== undefined) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!this.exitInfo) this.child.kill('SIGKILL');
      }, graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    liveChildren.delete(this);
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  /** Last resort on process exit: no child outlives the test run. */
  killNow(): void {
    if (!this.exitInfo) this.child.kill('SIGKILL');
  }

  private waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = probe();
        if (found !== undefined) {
          finish();
          resolve(found);
        } else if (this.exitInfo) {
          finish();
          reject(this.exitedError(what));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${this.options.name}: no ${what} within ${timeoutMs} ms. Log: ${this.options.logFile}\n${tail(this.output)}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  private nextEvent(maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      this.listeners.add(done);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private exitedError(what: string): Error {
    const how = this.exitInfo?.signal ? `signal ${this.exitInfo.signal}` : `code ${String(this.exitInfo?.code)}`;
    return new Error(`${this.options.name} exited (${how}) before ${what}. Log: ${this.options.logFile}\n${tail(this.output)}`);
  }
}

function tail(text: string, lines = 30): string {
  return text.split('\n').slice(-lines).join('\n');
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const liveChildren = new Set<ChildService>();
process.once('exit', () => {
  for (const child of liveChildren) child.killNow();
});
