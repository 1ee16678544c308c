import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalBot, startLocalBot } from '../../../scripts/local-bot';
import { configFromEnv } from '../../../src/config/load-config';
import { BotClient, sentText } from '../../support/bot-client';
import { t } from '../../support/dialog-harness';
import { RecordingConnector } from '../../support/recording-connector';
import { MemoryLogger } from '../support/test-logger';

const megan = { aadObjectId: '1bdf6ebe-100d-4a76-af06-e24d23e91909', name: 'Megan Bowen' };

describe('turn order (the running bot over HTTP)', () => {
  let connector: RecordingConnector;
  let bot: LocalBot;
  let dataDir: string;

  beforeEach(async () => {
    connector = new RecordingConnector();
    await connector.start();
    dataDir = mkdtempSync(join(tmpdir(), 'turn-order-'));
    const config = configFromEnv({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, process.cwd());
    assert.ok(config.ok);
    bot = await startLocalBot(config.value, { logger: new MemoryLogger() });
  });

  afterEach(async () => {
    await bot.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an answer sent before the question was saved still meets the question: turns of one person run in order', async () => {
    const chat = new BotClient(bot.url, connector, megan, bot.directory.tenantId);
    // Both messages leave at once, as a fast typist or a client retry would send them.
    const results = await Promise.all([chat.say('add external'), chat.say('jane.doe@partner.example')]);
    assert.deepEqual(results.map((r) => r.status), [200, 200]);
    assert.deepEqual(connector.activitiesSince(0).map(sentText), [
      t('intake.intro'),
      t('intake.email.ask'),
      t('intake.firstName.ask', { email: 'jane.doe@partner.example' }),
    ]);
  });
});
