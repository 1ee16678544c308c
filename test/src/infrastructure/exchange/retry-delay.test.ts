import { strict as assert } from 'node:assert';
import { parseRetryAfterMs, retryDelayMs } from '../../../../src/infrastructure/exchange/retry-delay';

const policy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 10_000 };
const now = Date.parse('2026-11-22T10:00:00Z');

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds', () => assert.equal(retryDelayMs(1, '2', policy, () => 0.5, now), 2000));
  it('honours Retry-After as an HTTP date', () => assert.equal(retryDelayMs(1, 'Sun, 22 Nov 2026 10:00:07 GMT', policy, () => 0.5, now), 7000));
  it('caps a long Retry-After', () => assert.equal(retryDelayMs(1, '3600', policy, () => 0.5, now), 10_000));
  it('backs off exponentially with jitter between half and all of the step', () => {
    assert.equal(retryDelayMs(1, null, policy, () => 0, now), 500);
    assert.equal(retryDelayMs(1, null, policy, () => 1, now), 1000);
    assert.equal(retryDelayMs(3, null, policy, () => 0, now), 2000);
    assert.equal(retryDelayMs(3, null, policy, () => 1, now), 4000);
    assert.equal(retryDelayMs(10, null, policy, () => 1, now), 10_000);
  });
  it('ignores a Retry-After it cannot read', () => assert.equal(parseRetryAfterMs('soon', now), undefined));
});
