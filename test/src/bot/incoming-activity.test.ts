import { strict as assert } from 'node:assert';
import { checkIncomingActivity } from '../../../src/bot/incoming-activity';

const valid = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1' },
  from: { id: '29:1' },
  recipient: { id: '28:bot' },
  text: 'hello',
};

describe('checkIncomingActivity', () => {
  it('accepts a Teams message activity as it is', () => {
    assert.deepEqual(checkIncomingActivity(valid), { ok: true, activity: valid });
  });

  const refused: readonly [string, unknown, string][] = [
    ['null', null, 'the body must be a JSON object (a Bot Framework activity)'],
    ['a string', 'message', 'the body must be a JSON object (a Bot Framework activity)'],
    ['an empty type', { ...valid, type: ' ' }, '"type" must be a non-empty string'],
    ['no channelId', { ...valid, channelId: undefined }, '"channelId" must be a non-empty string'],
    ['a serviceUrl that is not a URL', { ...valid, serviceUrl: 'smba' }, '"serviceUrl" must be a URL'],
    ['a file: serviceUrl', { ...valid, serviceUrl: 'file:///etc/passwd' }, '"serviceUrl" must be an http(s) URL'],
    ['a conversation without id', { ...valid, conversation: {} }, '"conversation.id" must be a non-empty string'],
    ['a from without id', { ...valid, from: { name: 'x' } }, '"from.id" must be a non-empty string'],
    ['a text that is not a string', { ...valid, text: 42 }, '"text" must be a string'],
    ['entities that are not a list', { ...valid, entities: {} }, '"entities" must be an array'],
  ];
  for (const [what, body, problem] of refused) {
    it(`refuses ${what}`, () => assert.deepEqual(checkIncomingActivity(body), { ok: false, problem }));
  }
});
