import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardVerbs } from '../../cards/card-verbs';
import { startSimulator, type RunningSimulator } from '../../simulator/simulator-server';
import { sample, sampleTenant } from '../simulator/simulator-fixture';
import { BotClient } from '../support/bot-client';
import { freePort } from '../support/free-port';
import { type Envelope, IngestionStandIn } from '../support/ingestion-stand-in';
import { RecordingConnector } from '../support/recording-connector';
import { EntryPointProcess } from './support/entry-point-process';

const guardScript = join(__dirname, '..', 'support', 'loopback-guard.js');
const person = { email: 'jane.doe@partner.example', first: 'Janice', last: 'Doerr', company: 'Partnerfirm Ltd', reason: 'Tender documents for the Harbour project' };

function properties(envelope: Envelope): Record<string, string> {
  return envelope.data?.baseData?.properties ?? {};
}

function baseData(envelope: Envelope): Record<string, unknown> {
  return envelope.data?.baseData ?? {};
}

/**
 * The bot as App Service runs it, with APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a loopback
 * stand-in for the ingestion endpoint, in a process where nothing can leave loopback: a whole
 * request (intake, confirm, approve, provisioning), one turn with throttled Exchange answers, then
 * SIGTERM (which flushes telemetry).
 */
describe('telemetry: OpenTelemetry to Azure Monitor with a loopback ingestion endpoint', function () {
  this.timeout(120_000);
  let ingestion: IngestionStandIn;
  let simulator: RunningSimulator;
  let connector: RecordingConnector;
  let bot: EntryPointProcess | undefined;
  let workDir: string;
  let simulatorLog: ReturnType<RunningSimulator['requestLog']>;
  let requestId: string;

  before(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'bot-telemetry-'));
    ingestion = await IngestionStandIn.start(join(workDir, 'ingestion-certificate.pem'));
    simulator = await startSimulator({ tenant: sampleTenant() });
    connector = new RecordingConnector();
    await connector.start();
    const port = await freePort();
    bot = EntryPointProcess.start(
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(workDir, 'data'),
        TMPDIR: workDir,
        LOG_LEVEL: 'info',
        AZURE_TENANT_ID: simulator.tenantId,
        GRAPH_BASE_URL: simulator.graphBaseUrl,
        EXCHANGE_BASE_URL: simulator.exchangeBaseUrl,
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=0f3b0a4c-2d1e-4f5a-9b8c-7d6e5f4a3b2c;IngestionEndpoint=${ingestion.url}`,
        // The SDK's own usage reports to Microsoft, which also probe the cloud metadata address.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        NODE_EXTRA_CA_CERTS: ingestion.certificateFile,
        APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL: 'WARN',
        LOOPBACK_GUARD_LOG: join(workDir, 'refused.txt'),
      },
      ['--require', guardScript],
    );
    await bot.waitForLine('bot listening');
    const url = `http://127.0.0.1:${port}`;
    const megan = new BotClient(url, connector, { aadObjectId: sample.megan, name: 'Megan Bowen' }, simulator.tenantId, `a:personal-${sample.megan}`);
    const alex = new BotClient(url, connector, { aadObjectId: sample.alex, name: 'Alex Wilber' }, simulator.tenantId, '19:approvals@thread.tacv2', 'channel');

    await alex.say('approvals here');
    await megan.say('add external');
    // One turn meets Exchange throttling: every Get-Recipient is answered 429 with Retry-After 0.
    simulator.setFaults({ errorRate: 1, errorKinds: ['throttle'], retryAfterSeconds: 0, errorOperations: ['Get-Recipient'] });
    await megan.say(person.email);
    simulator.setFaults({});
    await megan.say('add external');
    await megan.say(person.email);
    await megan.say(person.first);
    await megan.say(person.last);
    await megan.say('ok');
    await megan.say(person.company);
    await megan.say('Sales Partners');
    const summary = await megan.say(person.reason);
    const draftId = JSON.stringify(summary.sent).match(/"draftId":"([^"]+)"/)?.[1];
    assert.ok(draftId, 'a confirmation card');
    const confirmed = await megan.press(CardVerbs.confirm, { draftId });
    requestId = /R-[0-9A-Z]{6}/.exec(JSON.stringify(confirmed.sent))?.[0] ?? '';
    assert.ok(requestId, 'a request id');
    await alex.press(CardVerbs.approve, { requestId });
    await connector.waitFor(() => JSON.stringify(connector.calls).includes('is now in Sales Partners'), 30_000);

    bot.child.kill('SIGTERM');
    assert.equal(await bot.exited, 0, bot.output);
    simulatorLog = simulator.requestLog();
  });

  after(async () => {
    await bot?.kill();
    await simulator?.stop();
    await connector?.stop();
    await ingestion?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('sends to the configured ingestion endpoint, and tries to reach nothing else outside loopback but the cloud metadata address', () => {
    assert.ok(ingestion.envelopes.length > 0, `${ingestion.paths.join(',')}\n${bot?.output ?? ''}`);
    assert.ok(ingestion.paths.every((path) => path === 'POST /v2.1/track'), ingestion.paths.join(', '));
    const refusedFile = join(workDir, 'refused.txt');
    const refused = existsSync(refusedFile) ? [...new Set(readFileSync(refusedFile, 'utf8').trim().split('\n'))] : [];
    // The distro's Azure VM resource detector asks the instance metadata service once at start-up.
    assert.deepEqual(refused.filter((target) => target !== '169.254.169.254:80'), []);
  });

  it('records every turn as a request, named by what it was, with its HTTP status and ids only', () => {
    const requests = ingestion.of('Request');
    const names = requests.map((envelope) => String(baseData(envelope)['name']));
    for (const expected of ['message', 'invoke adaptiveCard/action intake.confirm', 'invoke adaptiveCard/action approval.approve']) {
      assert.ok(names.includes(expected), `a request named "${expected}" among ${names.join(', ')}`);
    }
    assert.equal(names.filter((name) => name === 'message').length, 11, 'one per message sent');
    for (const envelope of requests) {
      assert.equal(baseData(envelope)['responseCode'], '200');
      assert.ok(properties(envelope)['bot.correlation_id'], 'the reference users are shown');
      assert.equal(properties(envelope)['bot.tenant.id'], simulator.tenantId);
    }
    const approve = requests.find((envelope) => baseData(envelope)['name'] === 'invoke adaptiveCard/action approval.approve');
    assert.equal(approve?.tags?.['ai.user.authUserId'], sample.alex, 'the Entra object id of the person who pressed, as the authenticated user');
  });

  it('records each Graph and Exchange call the tenant answered as a dependency of its turn, without ids or queries in its name', () => {
    const dependencies = ingestion.of('RemoteDependency').filter((envelope) => ['Microsoft Graph', 'Exchange Online'].includes(properties(envelope)['bot.service'] ?? ''));
    const answered = simulatorLog.filter((entry) => entry.batchRequestId === undefined);
    const graphCalls = answered.filter((entry) => entry.cmdlet === undefined).length;
    const exchangeCalls = answered.filter((entry) => entry.cmdlet !== undefined).length;
    assert.ok(graphCalls > 5 && exchangeCalls > 5, `${graphCalls} Graph and ${exchangeCalls} Exchange calls`);
    assert.equal(dependencies.filter((envelope) => properties(envelope)['bot.service'] === 'Microsoft Graph').length, graphCalls);
    assert.equal(dependencies.filter((envelope) => properties(envelope)['bot.service'] === 'Exchange Online').length, exchangeCalls);
    const cmdlets = (list: string[]): string[] => [...list].sort();
    assert.deepEqual(
      cmdlets(dependencies.map((envelope) => properties(envelope)['bot.exchange.cmdlet'] ?? '').filter((cmdlet) => cmdlet !== '')),
      cmdlets(answered.flatMap((entry) => (entry.cmdlet ? [entry.cmdlet] : []))),
    );
    const operationIds = new Set(ingestion.of('Request').map((envelope) => envelope.tags?.['ai.operation.id']));
    const inTurns = dependencies.filter((envelope) => operationIds.has(envelope.tags?.['ai.operation.id']));
    assert.ok(inTurns.length > dependencies.length / 2, 'the calls of a turn carry its operation id');
    for (const envelope of dependencies) {
      assert.doesNotMatch(String(baseData(envelope)['data'] ?? ''), /\?|[0-9a-f]{8}-[0-9a-f]{4}-|@/i, 'no query, object id or address in the URL');
    }
  });

  it('records the throttling answers: status 429, bot.throttled and the Retry-After Exchange gave', () => {
    const throttled = ingestion.of('RemoteDependency').filter((envelope) => properties(envelope)['bot.throttled'] === 'true');
    assert.ok(throttled.length >= 2, `${throttled.length} throttled calls`);
    for (const envelope of throttled) {
      assert.equal(baseData(envelope)['resultCode'], '429');
      assert.equal(baseData(envelope)['success'], false);
      assert.equal(properties(envelope)['bot.exchange.cmdlet'], 'Get-Recipient');
      assert.equal(properties(envelope)['bot.retry_after'], '0');
    }
  });

  it('records the request\'s life as custom events named after the audit actions, with its id', () => {
    const events = ingestion.of('Event').filter((envelope) => properties(envelope)['requestId'] === requestId);
    const names = events.map((envelope) => String(baseData(envelope)['name']));
    for (const expected of ['request.submit', 'request.approve', 'provisioning.start', 'provisioning.create-mail-contact', 'provisioning.add-distribution-group-member', 'provisioning.complete']) {
      assert.ok(names.includes(expected), `${expected} among ${names.join(', ')}`);
    }
    const approve = events.find((envelope) => baseData(envelope)['name'] === 'request.approve');
    assert.equal(properties(approve ?? ({} as Envelope))['outcome'], 'succeeded');
    assert.equal(properties(approve ?? ({} as Envelope))['actorId'], sample.alex);
  });

  it('carries no personal data beyond ids: no address, name, company or reason anywhere', () => {
    const everything = JSON.stringify(ingestion.envelopes);
    for (const value of [person.email, person.first, person.last, person.company, person.reason, 'Megan Bowen', 'Alex Wilber', 'Sales Partners', 'sales-partners@contoso.com']) {
      assert.ok(!everything.includes(value), `"${value}" was sent: ${JSON.stringify(ingestion.envelopes.filter((envelope) => JSON.stringify(envelope).includes(value)).slice(0, 2))}`);
    }
  });
});

describe('telemetry off (no connection string)', () => {
  it('loads nothing and sends nothing: the service starts without the Azure Monitor distro', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'bot-telemetry-off-'));
    const simulator = await startSimulator({ tenant: sampleTenant() });
    const bot = EntryPointProcess.start(
      {
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        DATA_DIR: workDir,
        LOG_LEVEL: 'info',
        AZURE_TENANT_ID: simulator.tenantId,
        GRAPH_BASE_URL: simulator.graphBaseUrl,
        EXCHANGE_BASE_URL: simulator.exchangeBaseUrl,
        LOOPBACK_GUARD_LOG: join(workDir, 'refused.txt'),
        NODE_DEBUG: 'module',
      },
      ['--require', guardScript],
    );
    try {
      await bot.waitForLine('bot listening');
      assert.equal(bot.lines('telemetry on: Azure Monitor (Application Insights)').length, 0);
      assert.doesNotMatch(bot.output, /@azure[\\/]monitor-opentelemetry/, 'the distro was never loaded');
      assert.equal(existsSync(join(workDir, 'refused.txt')), false, 'nothing tried to leave loopback');
    } finally {
      await bot.kill();
      await simulator.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
