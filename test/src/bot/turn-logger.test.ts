import { strict as assert } from 'node:assert';
import { TestAdapter, TurnContext } from 'botbuilder';
import { turnCorrelationId, turnLogger } from '../../../src/bot/turn-logger';
import { MemoryLogger } from '../support/test-logger';

function newTurn(): TurnContext {
  return new TurnContext(new TestAdapter(), { type: 'message', text: 'hi', channelId: 'msteams', conversation: { id: 'c', isGroup: false, name: '', conversationType: 'personal' } });
}

describe('turn correlation ids', () => {
  it('one id per turn, whoever asks first; a new turn gets a new id', () => {
    let n = 0;
    const ids = (): string => `id-${(n += 1)}`;
    const turn = newTurn();
    assert.equal(turnCorrelationId(turn, ids), 'id-1');
    assert.equal(turnCorrelationId(turn, ids), 'id-1');
    assert.equal(turnCorrelationId(newTurn(), ids), 'id-2');
  });

  it('the turn logger is a child bound to the turn id, so every component logging in the turn writes the same id', () => {
    const logger = new MemoryLogger();
    const turn = newTurn();
    turnLogger(turn, logger.child({ component: 'card-actions' })).warn('one');
    turnLogger(turn, logger.child({ component: 'turn' })).error('two');
    const [first, second] = logger.records;
    assert.equal(first?.fields['correlationId'], turnCorrelationId(turn));
    assert.equal(second?.fields['correlationId'], turnCorrelationId(turn));
  });
});
