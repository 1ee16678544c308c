import { strict as assert } from 'node:assert';
import { provisioningConfigFromEnv } from '../../../src/config/provisioning-config';

describe('provisioningConfigFromEnv', () => {
  it('by default waits 15 s first, doubling up to 5 min, for up to 15 minutes, and looks for due waits every 10 s', () => {
    const result = provisioningConfigFromEnv({});
    assert.ok(result.ok);
    assert.deepEqual(result.value, { directoryWait: { firstDelayMs: 15_000, maxDelayMs: 300_000, limitMs: 900_000 }, waitCheckIntervalMs: 10_000 });
  });

  it('takes shorter waits (fractions too) for tests and demos', () => {
    const result = provisioningConfigFromEnv({ DIRECTORY_WAIT_FIRST_SECONDS: '3', DIRECTORY_WAIT_LIMIT_MINUTES: '2', DIRECTORY_WAIT_CHECK_SECONDS: '1.5' });
    assert.ok(result.ok);
    assert.deepEqual(result.value, { directoryWait: { firstDelayMs: 3000, maxDelayMs: 300_000, limitMs: 120_000 }, waitCheckIntervalMs: 1500 });
  });

  it('names every malformed key with what to set', () => {
    const result = provisioningConfigFromEnv({ DIRECTORY_WAIT_FIRST_SECONDS: 'soon', DIRECTORY_WAIT_LIMIT_MINUTES: '0', DIRECTORY_WAIT_CHECK_SECONDS: '-1' });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [
      'DIRECTORY_WAIT_FIRST_SECONDS "soon" is malformed: set it to a number of seconds from 1 to 600 (default 15).',
      'DIRECTORY_WAIT_LIMIT_MINUTES "0" is malformed: set it to a number of minutes from 1 to 1440 (default 15).',
      'DIRECTORY_WAIT_CHECK_SECONDS "-1" is malformed: set it to a number of seconds from 1 to 300 (default 10).',
    ]);
  });
});
