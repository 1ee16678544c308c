import { strict as assert } from 'node:assert';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator/simulator-server';
import { sample, sampleTenant } from '../simulator/simulator-fixture';
import { BotClient, sentText } from '../support/bot-client';
import { t } from '../support/dialog-harness';
import { freePort } from '../support/free-port';
import { RecordingConnector } from '../support/recording-connector';
import { HeldProxy } from './support/held-proxy';

const projectRoot = join(__dirname, '..', '..', '..');
const indexJs = join(projectRoot, 'dist', 'src', 'index.js');

/** The production entry point as its own process, its output collected. */
class BotProcess {
  output = '';
  readonly exited: Promise<number | null>;
  private constructor(readonly child: ChildProcessByStdio<null, Readable, Readable>) {
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(env: Record<string, string>): BotProcess {
    return new BotProcess(spawn(process.execPath, [indexJs], { cwd: projectRoot, env: { HOME: homedir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
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
}

describe('the production entry point (node dist/src/index.js)', function () {
  this.timeout(60000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'bot-index-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with no directory configured, exits with 78 and says what to set (and that npm start is the local trial), listening on nothing', async () => {
    const port = await freePort();
    const bot = BotProcess.start({ PORT: String(port), DATA_DIR: dataDir });
    assert.equal(await bot.exited, 78);
    assert.match(bot.output, /The bot cannot start: no Microsoft 365 directory is configured\. Set AZURE_TENANT_ID, APPROVERS_GROUP_ID and a credential/);
    assert.match(bot.output, /run `npm start`/);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/livez`));
  });

  describe('on SIGTERM (App Service stopping or moving the instance)', () => {
    let simulator: RunningSimulator;
    let proxy: HeldProxy;
    let connector: RecordingConnector;
    let bot: BotProcess | undefined;

    beforeEach(async () => {
      simulator = await startSimulator({ tenant: sampleTenant() });
      proxy = await HeldProxy.start(simulator.baseUrl);
      connector = new RecordingConnector();
      await connector.start();
    });

    afterEach(async () => {
      if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await bot?.exited;
      bot = undefined;
      await proxy.stop();
      await simulator.stop();
      await connector.stop();
    });

    async function started(graceSeconds: number): Promise<{ bot: BotProcess; chat: BotClient }> {
      const port = await freePort();
      const running = BotProcess.start({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
        AZURE_TENANT_ID: simulator.tenantId,
        GRAPH_BASE_URL: `${proxy.url}/v1.0`,
        EXCHANGE_BASE_URL: `${proxy.url}/adminapi/beta`,
      });
      bot = running;
      await running.waitForLine('bot listening');
      const chat = new BotClient(`http://127.0.0.1:${port}`, connector, { aadObjectId: sample.megan, name: 'Megan Bowen' }, simulator.tenantId);
      await chat.say('add external');
      return { bot: running, chat };
    }

    it('lets the turn under way finish (its answer reaches the user), then exits 0', async () => {
      const { bot: running, chat } = await started(20);
      proxy.hold();
      const answer = chat.say('jane.doe@partner.example');
      await proxy.arrived();
      running.child.kill('SIGTERM');
      await running.waitForLine('stopping');
      proxy.release();
      const answered = await answer;
      assert.equal(answered.status, 200);
      assert.deepEqual(answered.sent.map(sentText), [t('intake.firstName.ask', { email: 'jane.doe@partner.example' })]);
      assert.equal(await running.exited, 0);
      assert.deepEqual(running.lines('stopped').map((line) => [line['unfinishedTurns'], line['unfinishedJobs']]), [[0, 0]]);
    });

    it('waits no longer than SHUTDOWN_GRACE_SECONDS for a turn that does not end, then exits 0 and logs what it cut off', async () => {
      const { bot: running, chat } = await started(1);
      proxy.hold();
      const answer = chat.say('jane.doe@partner.example').then(
        (result) => result.status,
        () => 'cut off',
      );
      await proxy.arrived();
      running.child.kill('SIGTERM');
      assert.equal(await running.exited, 0);
      assert.equal(await answer, 'cut off');
      const [stopped] = running.lines('stopped before everything finished; interrupted provisioning resumes at the next start');
      assert.equal(stopped?.['unfinishedTurns'], 1);
      assert.equal(stopped?.['graceMs'], 1000);
    });
  });
});
