import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../../simulator/simulator-server';
import { sample, sampleTenant } from '../simulator/simulator-fixture';
import { BotClient, sentText } from '../support/bot-client';
import { t } from '../support/dialog-harness';
import { freePort } from '../support/free-port';
import { RecordingConnector } from '../support/recording-connector';
import { EntryPointProcess } from './support/entry-point-process';
import { HeldProxy } from './support/held-proxy';

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
    const bot = EntryPointProcess.start({ PORT: String(port), DATA_DIR: dataDir });
    assert.equal(await bot.exited, 78);
    assert.match(bot.output, /The bot cannot start: no Microsoft 365 directory is configured\. Set AZURE_TENANT_ID, APPROVERS_GROUP_ID and a credential/);
    assert.match(bot.output, /run `npm start`/);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/livez`));
  });

  describe('on SIGTERM (App Service stopping or moving the instance)', () => {
    let simulator: RunningSimulator;
    let proxy: HeldProxy;
    let connector: RecordingConnector;
    let bot: EntryPointProcess | undefined;

    beforeEach(async () => {
      simulator = await startSimulator({ tenant: sampleTenant() });
      proxy = await HeldProxy.start(simulator.baseUrl);
      connector = new RecordingConnector();
      await connector.start();
    });

    afterEach(async () => {
      await bot?.kill();
      bot = undefined;
      await proxy.stop();
      await simulator.stop();
      await connector.stop();
    });

    async function started(graceSeconds: number): Promise<{ bot: EntryPointProcess; chat: BotClient }> {
      const port = await freePort();
      const running = EntryPointProcess.start({
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
