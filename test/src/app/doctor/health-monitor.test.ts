import { strict as assert } from 'node:assert';
import { HealthMonitor } from '../../../../src/app/doctor/health-monitor';
import { ManualClock } from '../../support/manual-clock';
import { MemoryLogger } from '../../support/test-logger';

describe('HealthMonitor', () => {
  it('a probe that does not answer in time counts as failing, and the report does not wait for it', async () => {
    const monitor = new HealthMonitor(
      { storage: () => new Promise<void>(() => undefined), directory: async () => undefined },
      { clock: new ManualClock(), logger: new MemoryLogger(), timeoutMs: 20 },
    );
    const started = Date.now();
    assert.deepEqual(await monitor.report(), { status: 'degraded', checks: { storage: 'failing', directory: 'ok' } });
    assert.ok(Date.now() - started < 2000);
  });

  it('logs a failing check once with its error, and its recovery once', async () => {
    let fail = true;
    const clock = new ManualClock();
    const logger = new MemoryLogger();
    const monitor = new HealthMonitor(
      {
        storage: async () => undefined,
        directory: async () => {
          if (fail) throw new Error('graph down');
        },
      },
      { clock, logger, ttlMs: 1000 },
    );
    await monitor.report();
    clock.advance(1000);
    await monitor.report();
    fail = false;
    clock.advance(1000);
    assert.equal((await monitor.report()).status, 'ok');
    assert.deepEqual(
      logger.records.map((record) => [record.level, record.msg, record.fields['check'], record.fields['error']]),
      [
        ['warn', 'health check failing', 'directory', 'graph down'],
        ['info', 'health check recovered', 'directory', undefined],
      ],
    );
  });
});
