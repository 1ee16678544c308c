import { strict as assert } from 'node:assert';
import { type RunningBot, startBot } from '../../src/composition-root';
import { configFromEnv } from '../../src/config/load-config';
import { createLogger } from '../../src/infrastructure/logging/pino-logger';
import { type RunningSimulator, startSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { BotClient, sentText } from '../support/bot-client';
import { RecordingConnector } from '../support/recording-connector';
import { type RunningAzurite, startAzurite } from './infrastructure/storage/azurite';

const megan = { aadObjectId: '1bdf6ebe-100d-4a76-af06-e24d23e91909', name: 'Megan Bowen' };
const fakeToken = 'eyFAKE-bearer-token-that-must-never-be-logged';

/** Every JSON line the bot's pino logger wrote. */
class CapturedLog {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  records(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

describe('logs of the running bot: one correlation id per turn, no secrets', function () {
  this.timeout(30000);
  let azurite: RunningAzurite;
  let sim: RunningSimulator;
  let connector: RecordingConnector;
  let bot: RunningBot | undefined;
  let log: CapturedLog;

  before(async () => {
    azurite = await startAzurite();
  });

  after(async () => {
    await azurite.stop();
  });

  beforeEach(async () => {
    sim = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), port: 0 });
    connector = new RecordingConnector();
    await connector.start();
    log = new CapturedLog();
    // The storage account key is a real secret of this run: it signs every storage request.
    const config = configFromEnv(
      {
        PORT: '0',
        GRAPH_BASE_URL: sim.graphBaseUrl,
        EXCHANGE_BASE_URL: sim.exchangeBaseUrl,
        AZURE_TENANT_ID: sim.tenantId,
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: `logs-${Date.now()}`,
      },
      process.cwd(),
    );
    if (!config.ok) throw new Error(config.errors.join('\n'));
    bot = await startBot(config.value, { logger: createLogger({ level: 'debug', destination: log }) });
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await connector.stop();
    await sim.stop();
  });

  /** Posts like Teams does, with a bearer token in the Authorization header. */
  async function say(client: BotClient, text: string): Promise<string[]> {
    assert.ok(bot);
    const before = connector.calls.length;
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fakeToken}` },
      body: JSON.stringify(client.activity({ type: 'message', text })),
    });
    assert.ok(response.status < 500, `status ${response.status}`);
    return connector.activitiesSince(before).map(sentText);
  }

  it('a failing turn: the reference the user is shown is the correlation id of its log line; no token, key or Authorization header in any line', async () => {
    assert.ok(bot);
    const client = new BotClient(bot.url, connector, megan, bot.directory.tenantId);
    await say(client, 'add external');
    sim.setFaults({ forbid: ['GET /organization', 'GET /users', 'GET /contacts', 'Get-Recipient'] });
    const replies = await say(client, 'jane.doe@fabrikam.example');
    const reply = replies.join('\n');
    const shown = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(reply)?.[1];
    assert.ok(shown, `no reference in the reply: ${reply}`);

    const failures = log.records().filter((record) => record['msg'] === 'turn failed');
    assert.equal(failures.length, 1, log.lines.join(''));
    assert.equal(failures[0]?.['correlationId'], shown);
    assert.equal(failures[0]?.['code'], 'permission-denied');
    const failureLine = log.lines.find((line) => line.includes('"turn failed"')) ?? '';
    assert.equal(failureLine.match(/"correlationId"/g)?.length, 1);

    const everything = log.lines.join('');
    assert.ok(log.lines.length > 1);
    for (const secret of [fakeToken, azurite.accountKey, 'Bearer ', 'SharedKey']) {
      assert.ok(!everything.includes(secret), `the log contains ${secret.slice(0, 12)}...`);
    }
    assert.ok(!/"authorization"\s*:\s*"(?!\[redacted\])/i.test(everything), 'an Authorization header value was logged');
  });

  it('lines that shared components (the Exchange client) write during a turn carry that turn\'s id; two turns have two ids', async () => {
    assert.ok(bot);
    const client = new BotClient(bot.url, connector, megan, bot.directory.tenantId);
    await say(client, 'add external');
    // Every call is throttled with Retry-After: 0, so the Exchange client logs its retries at once, then the turn fails.
    sim.setFaults({ errorRate: 1, errorKinds: ['throttle'], retryAfterSeconds: 0 });
    await say(client, 'jane.doe@fabrikam.example');
    sim.setFaults({});
    await say(client, 'add external');
    sim.setFaults({ errorRate: 1, errorKinds: ['throttle'], retryAfterSeconds: 0 });
    await say(client, 'jane.doe@fabrikam.example');
    const records = log.records();
    const ids = records.filter((record) => record['msg'] === 'turn failed').map((record) => String(record['correlationId']));
    assert.equal(ids.length, 2, log.lines.join(''));
    assert.notEqual(ids[0], ids[1]);
    const retries = records.filter((record) => record['component'] === 'exchange' && record['msg'] === 'exchange throttled or unavailable, retrying');
    assert.ok(retries.length >= 2, log.lines.join(''));
    assert.deepEqual([...new Set(retries.map((record) => String(record['correlationId'])))].sort(), [...ids].sort());
  });
});
