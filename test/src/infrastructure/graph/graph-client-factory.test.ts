import { strict as assert } from 'node:assert';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { createGraphClient } from '../../../../src/infrastructure/graph/graph-client-factory';
import { ScriptedHttpServer, type ScriptedResponse } from '../../support/scripted-http-server';

class FakeCredential implements TokenCredential {
  readonly scopes: string[] = [];
  getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return Promise.resolve({ token: 'graph-token', expiresOnTimestamp: Date.now() + 3_600_000 });
  }
}

describe('createGraphClient (middleware wiring, scripted loopback server)', () => {
  let server: ScriptedHttpServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('targets {base}/v1.0 and sends no token without a credential', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"id":"g1"}' }));
    const client = createGraphClient({ baseUrl: `${server.baseUrl}/v1.0` });
    assert.deepEqual(await client.api('/groups/g1').get(), { id: 'g1' });
    assert.equal(server.requests[0]?.url, '/v1.0/groups/g1');
    assert.equal(server.requests[0]?.headers['authorization'], undefined);
  });

  it('never sends a token over plain http, even with a credential configured', async () => {
    server = await ScriptedHttpServer.start(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' }));
    const credential = new FakeCredential();
    await createGraphClient({ baseUrl: `${server.baseUrl}/v1.0`, credential }).api('/organization').get();
    assert.equal(server.requests[0]?.headers['authorization'], undefined);
    assert.deepEqual(credential.scopes, []);
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    const times: number[] = [];
    server = await ScriptedHttpServer.start((_req, i): ScriptedResponse => {
      times.push(Date.now());
      return i === 0
        ? { status: 429, headers: { 'Retry-After': '1', 'Content-Type': 'application/json' }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' }
        : { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' };
    });
    const result: unknown = await createGraphClient({ baseUrl: `${server.baseUrl}/v1.0` }).api('/organization').get();
    assert.deepEqual(result, { ok: true });
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[1]?.headers['retry-attempt'], '1');
    const [first, second] = times;
    assert.ok(first !== undefined && second !== undefined && second - first >= 950, `retried after ${String((second ?? 0) - (first ?? 0))} ms`);
  });
});
