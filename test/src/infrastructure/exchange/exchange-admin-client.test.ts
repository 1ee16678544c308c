import { strict as assert } from 'node:assert';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { ExchangeAdminClient } from '../../../../src/infrastructure/exchange/exchange-admin-client';
import { isExchangeCommandError } from '../../../../src/infrastructure/exchange/exchange-command-error';
import { ScriptedHttpServer, type ScriptedResponse } from '../../support/scripted-http-server';
import { MemoryLogger } from '../../support/test-logger';
import { sample, SimulatedTenantWorld } from '../../support/simulated-tenant-world';

const tenantId = '11111111-2222-3333-4444-555555555555';

class FakeCredential implements TokenCredential {
  readonly scopes: string[] = [];
  getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return Promise.resolve({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

describe('ExchangeAdminClient (protocol details, scripted loopback server)', () => {
  let server: ScriptedHttpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  function client(options: { credential?: TokenCredential; waits?: number[] } = {}): ExchangeAdminClient {
    if (server === undefined) throw new Error('no server');
    return new ExchangeAdminClient({
      baseUrl: `${server.baseUrl}/adminapi/beta`,
      tenantId,
      concurrency: 1,
      logger: new MemoryLogger(),
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5000 },
      sleep: (ms) => {
        options.waits?.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
      ...(options.credential !== undefined ? { credential: options.credential } : {}),
    });
  }

  it('posts the cmdlet to {base}/{tenant}/InvokeCommand with the app-only anchor, JSON format and a token', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 200, body: JSON.stringify({ value: [{ Name: 'x' }] }) }));
    const credential = new FakeCredential();
    const result = await client({ credential }).invoke('Get-Recipient', { Identity: "o'brien@partner.example" });
    assert.deepEqual(result.value, [{ Name: 'x' }]);
    const request = server.requests[0];
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, `/adminapi/beta/${tenantId}/InvokeCommand`);
    assert.equal(request.headers['x-anchormailbox'], `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${tenantId}`);
    assert.equal(request.headers['x-responseformat'], 'json');
    assert.equal(request.headers['authorization'], 'Bearer test-token');
    assert.deepEqual(credential.scopes, ['https://outlook.office365.com/.default']);
    assert.deepEqual(JSON.parse(request.body), { CmdletInput: { CmdletName: 'Get-Recipient', Parameters: { Identity: "o'brien@partner.example" } } });
  });

  it('sends no Authorization header without a credential', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 200, body: '{"value":[]}' }));
    await client().invoke('Get-Recipient', { Identity: 'a@b.example' });
    assert.equal(server.requests[0]?.headers['authorization'], undefined);
  });

  it('follows @odata.nextLink by re-posting the same body, and collects warnings', async () => {
    server = await ScriptedHttpServer.start((_req, i) =>
      i === 0
        ? { status: 200, body: JSON.stringify({ value: [{ n: 1 }], '@odata.nextLink': `${server?.baseUrl}/adminapi/beta/${tenantId}/InvokeCommand?page=2`, '@adminapi.warnings': ['careful'] }) }
        : { status: 200, body: JSON.stringify({ value: [{ n: 2 }] }) },
    );
    const result = await client().invoke('Get-DistributionGroupMember', { Identity: 'dl@contoso.example' });
    assert.deepEqual(result.value, [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(result.warnings, ['careful']);
    assert.equal(server.requests[1]?.url, `/adminapi/beta/${tenantId}/InvokeCommand?page=2`);
    assert.equal(server.requests[1]?.body, server.requests[0]?.body);
  });

  it('retries 429 after Retry-After, 503 and 504 with growing backoff, then succeeds', async () => {
    const script: ScriptedResponse[] = [
      { status: 429, headers: { 'Retry-After': '2' }, body: 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again' },
      { status: 503, body: '' },
      { status: 504, body: '' },
      { status: 200, body: '{"value":[]}' },
    ];
    server = await ScriptedHttpServer.start((_req, i) => script[i] ?? { status: 500 });
    const waits: number[] = [];
    await client({ waits }).invoke('Get-Recipient', { Identity: 'a@b.example' });
    assert.deepEqual(waits, [2000, 150, 300]);
    assert.equal(server.requests.length, 4);
  });

  it('gives up after the last retry with a throttled error that keeps the plain-text body', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 429, body: 'You have reached the maximum number of concurrent requests per tenant.' }));
    const waits: number[] = [];
    const error = await client({ waits }).invoke('Get-Recipient', { Identity: 'a@b.example' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isExchangeCommandError(error));
    assert.equal(error.code, 'throttled');
    assert.match(error.details.serviceMessage, /maximum number of concurrent requests/);
    assert.equal(server.requests.length, 4);
    assert.equal(waits.length, 3);
  });

  it('does not retry a cmdlet error and reports its exception type', async () => {
    server = await ScriptedHttpServer.start(() => ({
      status: 400,
      body: JSON.stringify({ error: { code: 'BadRequest', message: 'x', details: [{ message: 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException|Id|already a member' }] } }),
    }));
    const error = await client().invoke('Add-DistributionGroupMember', { Identity: 'g', Member: 'm' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isExchangeCommandError(error));
    assert.equal(error.exceptionType, 'MemberAlreadyExistsException');
    assert.equal(server.requests.length, 1);
  });

  it('retries a request that does not answer in time, then reports the service unavailable', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 200, body: '{"value":[]}', delayMs: 300 }));
    const waits: number[] = [];
    const slow = new ExchangeAdminClient({
      baseUrl: `${server.baseUrl}/adminapi/beta`,
      tenantId,
      concurrency: 1,
      logger: new MemoryLogger(),
      retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 10 },
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      requestTimeoutMs: 50,
    });
    await assert.rejects(slow.invoke('Get-Recipient', { Identity: 'a@b.example' }), (e: unknown) => (e as { code?: string }).code === 'service-unavailable');
    assert.equal(waits.length, 1);
  });

  it('reports a 200 answer that is not JSON as an unexpected response', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 200, body: '<Objs Version="1.1.0.1"></Objs>' }));
    await assert.rejects(client().invoke('Get-Recipient', {}), (e: unknown) => (e as { code?: string }).code === 'unexpected-response');
  });
});

describe('ExchangeAdminClient against the simulated tenant', () => {
  let world: SimulatedTenantWorld | undefined;
  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });

  async function arrivals(concurrency: number): Promise<number[]> {
    world = await SimulatedTenantWorld.start({ manualTime: false, exchangeConcurrency: concurrency, faults: { latencyMs: 60 } });
    const client = world.services.exchangeClient;
    await Promise.all([1, 2, 3, 4].map(() => client.invoke('Get-DistributionGroup', { Identity: sample.salesPartnersDl })));
    return world.log().filter((r) => r.cmdlet === 'Get-DistributionGroup').map((r) => r.time);
  }

  it('with EXCHANGE_CONCURRENCY=1, sends one command at a time for the tenant', async () => {
    const times = await arrivals(1);
    assert.equal(times.length, 4);
    for (let i = 1; i < times.length; i += 1) {
      const gap = (times[i] ?? 0) - (times[i - 1] ?? 0);
      assert.ok(gap >= 55, `command ${i + 1} started ${gap} ms after the previous one, before it could have finished`);
    }
  });

  it('with EXCHANGE_CONCURRENCY=2, sends two at a time', async () => {
    const times = await arrivals(2);
    assert.equal(times.length, 4);
    assert.ok((times[1] ?? 0) - (times[0] ?? 0) < 40, 'the first two commands should start together');
    assert.ok((times[2] ?? 0) - (times[0] ?? 0) >= 55, 'the third waits for a free slot');
  });
});
