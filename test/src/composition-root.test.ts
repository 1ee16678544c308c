import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningBot, startBot } from '../../src/composition-root';
import { type LocalBot, startLocalBot } from '../../scripts/local-bot';
import { type AppConfig, configFromEnv } from '../../src/config/load-config';
import { type RunningSimulator, startSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { CardVerbs } from '../../cards/card-verbs';
import { BotClient, sentText } from '../support/bot-client';
import { t } from '../support/dialog-harness';
import { RecordingConnector } from '../support/recording-connector';
import { createStorage } from '../../src/infrastructure/storage/create-storage';
import { StorageRequestStore } from '../../src/infrastructure/storage/storage-request-store';
import { MemoryLogger } from './support/test-logger';

/** Megan Bowen, the requester of the sample tenant (docs/simulator.md). */
const megan = { aadObjectId: '1bdf6ebe-100d-4a76-af06-e24d23e91909', name: 'Megan Bowen' };
const diego = { aadObjectId: 'f86ce0e7-7d95-4a89-9570-3b9a35341f19', name: 'Diego Siciliani' };

function configFor(env: Record<string, string>, dataDir: string): AppConfig {
  const result = configFromEnv({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, process.cwd());
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

describe('the running bot over HTTP (a local run: composition root, simulated tenant, real intake)', () => {
  let connector: RecordingConnector;
  let bot: LocalBot | undefined;
  let dataDir: string;
  let logger: MemoryLogger;

  beforeEach(async () => {
    connector = new RecordingConnector();
    await connector.start();
    dataDir = mkdtempSync(join(tmpdir(), 'bot-data-'));
    logger = new MemoryLogger();
    bot = await startLocalBot(configFor({}, dataDir), { logger });
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function client(user = megan): BotClient {
    assert.ok(bot);
    return new BotClient(bot.url, connector, user, bot.directory.tenantId);
  }

  it('listens on loopback only when no Microsoft app id is configured, and answers /healthz', async () => {
    assert.ok(bot);
    assert.match(bot.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${bot.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', checks: { storage: 'ok', directory: 'ok' } });
  });

  it('serves the home, privacy and terms pages that the Teams app links to, as HTML', async () => {
    assert.ok(bot);
    const url = bot.url;
    for (const [path, title] of [['/', 'Group Gatekeeper'], ['/privacy', 'Group Gatekeeper: privacy'], ['/terms', 'Group Gatekeeper: terms of use']] as const) {
      const response: Response = await fetch(`${url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const html = await response.text();
      assert.ok(html.includes(`<h1>${title}</h1>`), html);
      assert.ok(html.includes('<a href="/privacy">Privacy</a>'));
    }
    const privacy = await (await fetch(`${url}/privacy`)).text();
    assert.match(privacy, /Microsoft Graph and Exchange Online/);
    assert.match(privacy, /never names, addresses or reasons/);
    assert.equal((await fetch(`${url}/privacy`, { method: 'POST' })).status, 405);
  });

  it('walks the whole intake against the simulated tenant, shows the confirmation card, and confirms it', async () => {
    const megansChat = client();
    const expectReplies = async (text: string, expected: string[]): Promise<Record<string, unknown>[]> => {
      const result = await megansChat.say(text);
      assert.equal(result.status, 200);
      assert.deepEqual(result.sent.map(sentText), expected, `after "${text}"`);
      return result.sent;
    };
    const installed = await megansChat.post(megansChat.activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:external-access-bot' }] }));
    assert.deepEqual(installed.sent.map(sentText), [`[card] ${t('card.welcome.title')}`]);

    await expectReplies('add external', [t('intake.intro'), t('intake.email.ask')]);
    await expectReplies('megan@contoso.com', [t('intake.email.internal', { domain: 'contoso.com' }), t('intake.email.ask')]);
    await expectReplies('jane.doe@partner.example', [t('intake.firstName.ask', { email: 'jane.doe@partner.example' })]);
    await expectReplies('Jane', [t('intake.lastName.ask', { firstName: 'Jane' })]);
    await expectReplies('Doe', [t('intake.displayName.ask', { suggested: 'Jane Doe' })]);
    await expectReplies('ok', [t('intake.company.ask', { name: 'Jane Doe' })]);
    await expectReplies('Partner Ltd', [t('intake.group.ask')]);
    await expectReplies('All Company', [t('intake.group.noneOwned', { query: 'All Company' }), t('intake.group.ask')]);
    await expectReplies('Sales Partners', [
      t('intake.group.foundOne', { group: 'Sales Partners (sales-partners@contoso.com)' }),
      t('intake.reason.ask', { name: 'Jane Doe', group: 'Sales Partners' }),
    ]);
    const [cardActivity] = await expectReplies('Joint tender with Partner Ltd', [`[card] ${t('card.confirm.title')}`]);
    const card = (cardActivity?.['attachments'] as { content: { actions: { data: { draftId: string } }[] } }[])[0]?.content;
    assert.ok(card);
    const cardJson = JSON.stringify(card);
    assert.ok(cardJson.includes(t('card.summary.check.internalSendersOnly', { group: 'Sales Partners', name: 'Jane Doe' })));
    assert.ok(cardJson.includes(t('card.summary.path.mailContact.create', { name: 'Jane Doe', email: 'jane.doe@partner.example', group: 'Sales Partners' })));
    const draftId = card.actions[0]?.data.draftId;
    assert.ok(draftId);

    const strangerPress = await client(diego).press(CardVerbs.confirm, { draftId });
    assert.equal(strangerPress.status, 200);
    assert.deepEqual(strangerPress.body, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('bot.card.notRequester', { name: 'Megan Bowen' }) });

    const confirmed = await megansChat.press(CardVerbs.confirm, { draftId });
    assert.equal(confirmed.status, 200);
    // Read back from the data folder with a store of our own: the request is on disk.
    const store = new StorageRequestStore({ storage: createStorage({ kind: 'file', dataDir }), logger: new MemoryLogger() });
    const [pending] = await store.listByStatus(['pending-approval']);
    assert.ok(pending, 'the request is stored as pending approval');
    assert.match(pending.id, /^R-[0-9A-Z]{6}$/);
    assert.equal(pending.requester.aadObjectId, megan.aadObjectId);
    assert.equal(pending.group.id, '696d6903-e19f-44d8-b0de-32ed4fe1bf54');
    assert.deepEqual(pending.person, { email: 'jane.doe@partner.example', firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe', company: 'Partner Ltd' });
    assert.equal(pending.assessment.internalSendersOnly, true);
    assert.deepEqual(confirmed.sent.map(sentText), [t('bot.card.submitted', { requestId: pending.id })]);
    const body = confirmed.body as { statusCode: number; type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.ok(JSON.stringify(body.value).includes(t('card.confirm.status.submitted', { requestId: pending.id })));
  });

  it('keeps a conversation in the data folder: after a restart the intake goes on where it was', async () => {
    const megansChat = client();
    await megansChat.say('add external');
    await megansChat.say('jane.doe@partner.example');
    await bot?.stop();
    bot = await startLocalBot(configFor({}, dataDir), { logger });
    const after = await client().say('Jane');
    assert.deepEqual(after.sent.map(sentText), [t('intake.lastName.ask', { firstName: 'Jane' })]);
  });

  it('refuses a group Megan does not own by name and each unsupported kind, with the reason', async () => {
    const megansChat = client();
    for (const text of ['add external', 'sam@fabrikam.example', 'Sam', 'Fisher', 'ok', 'skip']) await megansChat.say(text);
    const laptop = await megansChat.say('Laptop');
    assert.deepEqual(laptop.sent.map(sentText), [
      t('intake.group.foundOne', { group: 'Laptop Pilot' }),
      t('intake.group.refused.security-group', { group: 'Laptop Pilot' }),
      t('intake.group.ask'),
    ]);
    const board = await megansChat.say('Board');
    assert.deepEqual(board.sent.map(sentText).slice(1), [t('intake.group.refused.synced-from-on-premises', { group: 'Board Communications' }), t('intake.group.ask')]);
  });

  const malformed: readonly [string, RequestInit & { path?: string }, number][] = [
    ['a body that is not JSON', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' }, 400],
    ['a JSON array', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' }, 400],
    ['an activity without a type', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channelId":"msteams","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"}}' }, 400],
    ['an activity without a serviceUrl', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","channelId":"msteams","conversation":{"id":"c"}}' }, 400],
    ['an activity without a conversation', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","channelId":"msteams","serviceUrl":"http://127.0.0.1:1"}' }, 400],
    ['a body that is not declared as JSON', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }, 415],
    ['a GET on the messaging endpoint', { method: 'GET' }, 405],
    ['an unknown path', { method: 'POST', path: '/api/other', headers: { 'content-type': 'application/json' }, body: '{}' }, 404],
  ];
  for (const [what, init, status] of malformed) {
    it(`answers ${what} with ${status}, and keeps serving`, async () => {
      assert.ok(bot);
      const response = await fetch(`${bot.url}${init.path ?? '/api/messages'}`, init);
      assert.equal(response.status, status);
      const health = await fetch(`${bot.url}/healthz`);
      assert.equal(health.status, 200);
    });
  }

  it('answers an oversized body with 413', async () => {
    assert.ok(bot);
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
    });
    assert.equal(response.status, 413);
  });

  it('when the directory refuses (403), the user is told what it means with a reference, the error is logged once with its code, and the bot keeps working', async () => {
    assert.ok(bot?.simulator);
    bot.simulator.setFaults({ forbid: ['GET /organization'] });
    const megansChat = client();
    await megansChat.say('add external');
    const failed = await megansChat.say('jane.doe@partner.example');
    const errors = logger.records.filter((record) => record.level === 'error');
    assert.equal(errors.length, 1);
    const correlationId = String(errors[0]?.fields['correlationId']);
    assert.equal(errors[0]?.fields['code'], 'permission-denied');
    assert.deepEqual(failed.sent.map(sentText), [`${t('error.permission-denied')} ${t('bot.errorReference', { correlationId })}`]);
    bot.simulator.setFaults({});
    const again = await megansChat.say('add external');
    assert.deepEqual(again.sent.map(sentText), [t('intake.intro'), t('intake.email.ask')]);
  });
});

describe('the bot against a simulated tenant started on its own', () => {
  let simulator: RunningSimulator;
  let connector: RecordingConnector;
  let bot: RunningBot | undefined;
  let dataDir: string;

  beforeEach(async () => {
    simulator = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), port: 0 });
    connector = new RecordingConnector();
    await connector.start();
    dataDir = mkdtempSync(join(tmpdir(), 'bot-data-'));
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await connector.stop();
    await simulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with a Microsoft app id, refuses an activity that carries no Bot Framework token (401) and never answers it', async () => {
    const config = configFor(
      {
        GRAPH_BASE_URL: simulator.graphBaseUrl,
        EXCHANGE_BASE_URL: simulator.exchangeBaseUrl,
        AZURE_TENANT_ID: simulator.tenantId,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: simulator.tenantId,
        HOST: '127.0.0.1',
      },
      dataDir,
    );
    bot = await startBot(config, { logger: new MemoryLogger() });
    const chat = new BotClient(bot.url, connector, megan, simulator.tenantId);
    const refused = await chat.say('add external');
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.sent, []);
  });

  it('uses GRAPH_BASE_URL, EXCHANGE_BASE_URL and AZURE_TENANT_ID and embeds no simulator of its own', async () => {
    const config = configFor(
      { GRAPH_BASE_URL: simulator.graphBaseUrl, EXCHANGE_BASE_URL: simulator.exchangeBaseUrl, AZURE_TENANT_ID: simulator.tenantId },
      dataDir,
    );
    const local = await startLocalBot(config, { logger: new MemoryLogger() });
    bot = local;
    assert.equal(local.simulator, undefined);
    const chat = new BotClient(bot.url, connector, megan, simulator.tenantId);
    await chat.say('add external');
    const reply = await chat.say('pradeep@fabrikam.example');
    assert.match(sentText(reply.sent[0] ?? {}), /^I know pradeep@fabrikam\.example: it already belongs to the guest user "Pradeep Gupta \(Fabrikam\)"/);
    assert.ok(simulator.requestLog().length > 0, 'the bot asked the external simulator');
  });
});

describe('the production composition root with no directory configured', () => {
  it('refuses to start and never starts a simulated tenant: only a local run (npm start) does that', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bot-data-'));
    try {
      await assert.rejects(startBot(configFor({}, dataDir), { logger: new MemoryLogger() }), /no Microsoft 365 directory is configured.*npm start/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
