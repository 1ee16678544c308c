import { strict as assert } from 'node:assert';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientLanguage, inLanguage, startLanguageRelay } from '../../scripts/playground-language-relay';

/** A stand-in bot endpoint on loopback: records what it receives, answers like an invoke. */
async function recordingBot(): Promise<{ endpoint: string; received: Record<string, unknown>[]; stop(): Promise<void> }> {
  const received: Record<string, unknown>[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/api/messages`, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the Playground language relay (a Teams client in another language)', () => {
  it('writes the locale and time zone into the activity and its clientInfo entity, and nothing else', () => {
    const activity = {
      type: 'message',
      text: 'palīdzība',
      locale: 'en-US',
      localTimezone: 'UTC',
      entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', timezone: 'UTC' }, { type: 'mention', text: '<at>bot</at>' }],
    };
    assert.deepEqual(inLanguage(activity, { locale: 'lv-LV', timeZone: 'Europe/Riga' }), {
      type: 'message',
      text: 'palīdzība',
      locale: 'lv-LV',
      localTimezone: 'Europe/Riga',
      entities: [{ type: 'clientInfo', locale: 'lv-LV', country: 'US', timezone: 'Europe/Riga' }, { type: 'mention', text: '<at>bot</at>' }],
    });
    assert.equal(inLanguage(activity, { locale: 'nl-NL' })['localTimezone'], 'UTC', 'without a time zone the client keeps its own');
  });

  it('passes each activity on to the bot in that language and the bot\'s answer back unchanged', async () => {
    const bot = await recordingBot();
    const relay = await startLanguageRelay(bot.endpoint, { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' });
    try {
      assert.match(relay.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
      const answer = await fetch(relay.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'invoke', name: 'adaptiveCard/action', locale: 'en-US', value: { action: { verb: 'approval.approve' } } }),
      });
      assert.equal(answer.status, 200);
      assert.deepEqual(await answer.json(), { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' });
      assert.deepEqual(bot.received, [
        { type: 'invoke', name: 'adaptiveCard/action', locale: 'nl-NL', localTimezone: 'Europe/Amsterdam', value: { action: { verb: 'approval.approve' } }, entities: [] },
      ]);
    } finally {
      await relay.stop();
      await bot.stop();
    }
  });

  it('answers 502 with the reason when the bot cannot be reached, rather than hanging the Playground', async () => {
    const bot = await recordingBot();
    await bot.stop();
    const relay = await startLanguageRelay(bot.endpoint, { locale: 'lv-LV' });
    try {
      const answer = await fetch(relay.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' });
      assert.equal(answer.status, 502);
      assert.match(await answer.text(), /^language relay: /);
    } finally {
      await relay.stop();
    }
  });

  it('npm run playground --language and --time-zone: checked, with what to type instead', () => {
    assert.equal(clientLanguage(undefined, undefined), undefined);
    assert.deepEqual(clientLanguage('lv-lv', 'Europe/Riga'), { locale: 'lv-LV', timeZone: 'Europe/Riga' });
    assert.deepEqual(clientLanguage('nl', undefined), { locale: 'nl' });
    assert.throws(() => clientLanguage('not a language!', undefined), /--language "not a language!" is not a language tag such as nl-NL or lv-LV/);
    assert.throws(() => clientLanguage('lv-LV', 'Mars/Olympus'), /--time-zone "Mars\/Olympus" is not a time zone such as Europe\/Riga/);
    assert.throws(() => clientLanguage(undefined, 'Europe/Riga'), /--time-zone goes with --language/);
  });
});
