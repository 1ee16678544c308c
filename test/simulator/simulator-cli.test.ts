import { strict as assert } from 'node:assert';
import { freePort } from '../support/free-port';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const cliPath = resolve(__dirname, '../../simulator/cli.js');


interface Run {
  readonly child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitFor(run: Run, text: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!run.output().includes(text)) {
    if (Date.now() - started > timeoutMs) throw new Error(`CLI did not print "${text}"; output so far:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('simulator: command line', () => {
  let run: Run | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    if (run !== undefined && run.child.exitCode === null) {
      run.child.kill('SIGKILL');
      await run.exited;
    }
    run = undefined;
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('starts the sample tenant on the given port, prints the URLs, answers, and stops on SIGTERM', async () => {
    const port = await freePort();
    run = runCli(['--port', String(port)]);
    await waitFor(run, 'Press Ctrl+C');
    assert.match(run.output(), new RegExp(`Graph: +http://127\\.0\\.0\\.1:${port}/v1\\.0`));
    assert.match(run.output(), new RegExp(`Exchange: +http://127\\.0\\.0\\.1:${port}/adminapi/beta/2c9b95af-a741-4a63-8025-5fbea3369fd5/InvokeCommand`));
    const org = await fetch(`http://127.0.0.1:${port}/v1.0/organization`);
    assert.equal(org.status, 200);
    const body = (await org.json()) as { value: { displayName: string }[] };
    assert.equal(body.value[0]!.displayName, 'Contoso');
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
  });

  it('stops cleanly on SIGINT', async () => {
    const port = await freePort();
    run = runCli(['--port', String(port)]);
    await waitFor(run, 'Press Ctrl+C');
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 0);
  });

  it('loads a tenant file given with --tenant', async () => {
    dir = mkdtempSync(join(tmpdir(), 'simulator-cli-'));
    const path = join(dir, 'tenant.json');
    writeFileSync(path, JSON.stringify({ tenant: { id: '11111111-2222-4333-8444-555555555555', displayName: 'Fabrikam', verifiedDomains: ['fabrikam.example', 'fabrikam.onmicrosoft.com'], guestsAllowed: false } }));
    const port = await freePort();
    run = runCli(['--port', String(port), '--tenant', path]);
    await waitFor(run, 'Press Ctrl+C');
    const org = (await (await fetch(`http://127.0.0.1:${port}/v1.0/organization`)).json()) as { value: { id: string }[] };
    assert.equal(org.value[0]!.id, '11111111-2222-4333-8444-555555555555');
  });

  it('refuses a malformed tenant file with a message naming the field, and exits 1', async () => {
    dir = mkdtempSync(join(tmpdir(), 'simulator-cli-'));
    const path = join(dir, 'tenant.json');
    writeFileSync(path, JSON.stringify({ tenant: { id: '11111111-2222-4333-8444-555555555555', verifiedDomains: ['x.onmicrosoft.com'], guestsAllowed: true }, groups: [{ id: '11111111-2222-4333-8444-000000000001', displayName: 'G', groupTypes: 'Unified', mailEnabled: false, securityEnabled: true }] }));
    run = runCli(['--port', '0', '--tenant', path]);
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /groups\[0\]\.groupTypes must be an array of strings/);
    assert.doesNotMatch(run.output(), /at .*\.js:\d+/, 'no stack trace');
  });

  it('refuses unknown options with the usage line, and exits 2', async () => {
    run = runCli(['--colour', 'blue']);
    assert.equal(await run.exited, 2);
    assert.match(run.output(), /Unknown option --colour\. Usage: npm run simulator/);
  });
});
