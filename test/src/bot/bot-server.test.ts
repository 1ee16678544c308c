import { strict as assert } from 'node:assert';
import type { CloudAdapter } from 'botbuilder';
import { BotServer } from '../../../src/bot/bot-server';
import type { HealthReport } from '../../../src/app/doctor/health-monitor';
import { MemoryLogger } from '../support/test-logger';

const activity = { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c' }, text: 'hi' };

/** An adapter whose every turn waits until the test lets it finish. */
class HeldTurns {
  readonly started: (() => void)[] = [];
  private waiting: (() => void) | undefined;
  readonly adapter = {
    process: async (_request: unknown, response: { status(code: number): void; end(): void }) => {
      await new Promise<void>((resolve) => {
        this.started.push(resolve);
        this.waiting?.();
      });
      response.status(200);
      response.end();
    },
  } as unknown as CloudAdapter;

  /** Resolves once a turn has started. */
  turnStarted(): Promise<void> {
    return this.started.length > 0 ? Promise.resolve() : new Promise((resolve) => (this.waiting = resolve));
  }
}

function serverWith(adapter: CloudAdapter, health?: () => Promise<HealthReport>): BotServer {
  return new BotServer({
    adapter,
    run: async () => undefined,
    logger: new MemoryLogger(),
    requireToken: false,
    ...(health ? { health: { report: health } } : {}),
  });
}

function post(url: string): Promise<Response> {
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}

describe('BotServer: liveness, readiness and a graceful close', () => {
  it('/livez answers 200 without asking the dependencies; /readyz (and /healthz) report them', async () => {
    let asked = 0;
    const server = serverWith(new HeldTurns().adapter, async () => {
      asked += 1;
      return { status: 'degraded', checks: { storage: 'ok', directory: 'failing' } };
    });
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const live = await fetch(`${url}/livez`);
      assert.equal(live.status, 200);
      assert.deepEqual(await live.json(), { status: 'ok' });
      assert.equal(asked, 0, 'liveness never looks at Graph or the store');
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 503);
      assert.deepEqual(await ready.json(), { status: 'degraded', checks: { storage: 'ok', directory: 'failing' } });
      assert.equal((await fetch(`${url}/healthz`)).status, 503, '/healthz is the same as /readyz');
      assert.equal((await fetch(`${url}/livez`, { method: 'POST' })).status, 405);
    } finally {
      await server.close();
    }
  });

  it('a turn under way when the close starts finishes and is answered; the close waits for it', async () => {
    const turns = new HeldTurns();
    const server = serverWith(turns.adapter);
    const { url } = await server.listen(0, '127.0.0.1');
    const answer = post(url);
    await turns.turnStarted();
    let closed: { unfinished: number } | undefined;
    const closing = server.close(60_000).then((result) => (closed = result));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(closed, undefined, 'the close waits for the turn');
    await assert.rejects(fetch(`${url}/livez`), 'no new connections once closing');
    turns.started[0]?.();
    assert.equal((await answer).status, 200);
    await closing;
    assert.deepEqual(closed, { unfinished: 0 });
  });

  it('a turn that outlasts the grace is cut off, and the close says so', async () => {
    const turns = new HeldTurns();
    const server = serverWith(turns.adapter);
    const { url } = await server.listen(0, '127.0.0.1');
    const answer = post(url).then(
      (response) => response.status,
      () => 'cut off',
    );
    await turns.turnStarted();
    assert.deepEqual(await server.close(100), { unfinished: 1 });
    assert.equal(await answer, 'cut off');
  });
});
