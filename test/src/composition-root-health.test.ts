import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningBot, startBot } from '../../src/composition-root';
import { configFromEnv } from '../../src/config/load-config';
import { type RunningSimulator, startSimulator } from '../../simulator/simulator-server';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { ManualClock } from './support/manual-clock';
import { MemoryLogger } from './support/test-logger';

describe('GET /livez and /readyz of the running bot: the process, and storage and directory reachability', function () {
  this.timeout(20000);
  let sim: RunningSimulator;
  let simStopped: boolean;
  let bot: RunningBot | undefined;
  let dataDir: string;
  let clock: ManualClock;
  let logger: MemoryLogger;

  beforeEach(async () => {
    sim = await startSimulator({ tenant: loadTenantFile(sampleTenantPath()), port: 0 });
    simStopped = false;
    dataDir = mkdtempSync(join(tmpdir(), 'bot-healthz-'));
    clock = new ManualClock();
    logger = new MemoryLogger();
    const config = configFromEnv(
      { PORT: '0', DATA_DIR: dataDir, GRAPH_BASE_URL: sim.graphBaseUrl, EXCHANGE_BASE_URL: sim.exchangeBaseUrl, AZURE_TENANT_ID: sim.tenantId },
      dataDir,
    );
    if (!config.ok) throw new Error(config.errors.join('\n'));
    bot = await startBot(config.value, { logger, clock });
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    if (!simStopped) await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function healthz(method = 'GET', path = '/readyz'): Promise<{ status: number; text: string; cacheControl: string | null }> {
    assert.ok(bot);
    const response = await fetch(`${bot.url}${path}`, { method });
    return { status: response.status, text: await response.text(), cacheControl: response.headers.get('cache-control') };
  }

  function organizationReads(): number {
    return sim.requestLog().filter((request) => request.operation === 'GET /organization').length;
  }

  it('when Graph is gone (the tenant stops answering): /livez 200, /readyz 503 with the directory failing', async () => {
    await sim.stop();
    simStopped = true;
    const live = await healthz('GET', '/livez');
    assert.equal(live.status, 200, 'the platform keeps this instance: restarting it would not bring Graph back');
    assert.deepEqual(JSON.parse(live.text), { status: 'ok' });
    const ready = await healthz();
    assert.equal(ready.status, 503);
    assert.deepEqual(JSON.parse(ready.text), { status: 'degraded', checks: { storage: 'ok', directory: 'failing' } });
    assert.equal((await healthz('GET', '/healthz')).status, 503, '/healthz, kept for monitors set up before /readyz, answers the same');
  });

  it('/livez answers without reading the store or the directory', async () => {
    sim.setFaults({ forbid: ['GET /organization'] });
    assert.equal((await healthz('GET', '/livez')).status, 200);
    assert.equal((await healthz('HEAD', '/livez')).status, 200);
    assert.equal(organizationReads(), 0);
  });

  it('answers 200 with both checks ok, and is not cached by proxies', async () => {
    const answer = await healthz();
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.text), { status: 'ok', checks: { storage: 'ok', directory: 'ok' } });
    assert.equal(answer.cacheControl, 'no-store');
  });

  it('when Graph refuses GET /organization: 503 degraded, directory failing, no error text in the answer, logged once', async () => {
    sim.setFaults({ forbid: ['GET /organization'] });
    const answer = await healthz();
    assert.equal(answer.status, 503);
    assert.deepEqual(JSON.parse(answer.text), { status: 'degraded', checks: { storage: 'ok', directory: 'failing' } });
    assert.ok(!/Insufficient|privileges|Forbidden|403|Authorization/i.test(answer.text), answer.text);
    clock.advance(60_000);
    assert.equal((await healthz()).status, 503);
    const warnings = logger.records.filter((record) => record.msg === 'health check failing');
    assert.equal(warnings.length, 1, 'a check that keeps failing is logged once');
    assert.equal(warnings[0]?.fields['check'], 'directory');
    assert.equal(warnings[0]?.fields['code'], 'permission-denied');
  });

  it('HEAD answers the same status without a body', async () => {
    sim.setFaults({ forbid: ['GET /organization'] });
    const answer = await healthz('HEAD');
    assert.equal(answer.status, 503);
    assert.equal(answer.text, '');
  });

  it('reuses its answer for a few seconds: polling does not reach Graph every time', async () => {
    await healthz();
    await healthz();
    await Promise.all([healthz(), healthz(), healthz()]);
    assert.equal(organizationReads(), 1);
    sim.setFaults({ forbid: ['GET /organization'] });
    assert.equal((await healthz()).status, 200, 'the cached answer is still served');
    clock.advance(10_000);
    assert.equal((await healthz()).status, 503, 'after the cache time the directory is read again');
    assert.equal(organizationReads(), 2);
    sim.setFaults({});
    clock.advance(10_000);
    assert.equal((await healthz()).status, 200, 'and it recovers');
  });

  it('when the store cannot be written: 503 with storage failing', async () => {
    rmSync(join(dataDir, 'state'), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'state'), 'not a folder');
    const answer = await healthz();
    assert.equal(answer.status, 503);
    assert.deepEqual(JSON.parse(answer.text), { status: 'degraded', checks: { storage: 'failing', directory: 'ok' } });
    assert.ok(!answer.text.includes(dataDir), 'no paths in the answer');
  });
});
