import { strict as assert } from 'node:assert';
import { freePort } from '../support/free-port';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const projectRoot = join(__dirname, '..', '..', '..');


function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before ${pattern}:\n${output}`));
    });
  });
}

describe('npm start (dist/scripts/start.js) with nothing configured', function () {
  this.timeout(40000);
  let child: ChildProcess | undefined;
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bot-start-'));
  });

  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    child = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings up the simulated tenant, the bot and the Playground on loopback, prints the address, and stops everything on Ctrl-C', async () => {
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [join(projectRoot, 'dist', 'scripts', 'start.js')], {
      cwd: projectRoot,
      env: { HOME: homedir(), PORT: String(botPort), PLAYGROUND_PORT: String(playgroundPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [, playgroundUrl] = await waitForOutput(child, /Open (http:\/\/127\.0\.0\.1:\d+) in your browser/, 30000);
    assert.equal(playgroundUrl, `http://127.0.0.1:${playgroundPort}`);

    const health = await fetch(`http://127.0.0.1:${botPort}/healthz`);
    assert.equal(health.status, 200);
    const playground = await fetch(playgroundUrl ?? '');
    assert.equal(playground.status, 200);

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    await assert.rejects(fetch(`http://127.0.0.1:${botPort}/healthz`));
    await assert.rejects(fetch(playgroundUrl ?? ''));
  });
});
