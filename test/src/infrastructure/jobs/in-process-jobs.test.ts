import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { InProcessJobs } from '../../../../src/infrastructure/jobs/in-process-jobs';
import { MemoryLogger } from '../../support/test-logger';

describe('InProcessJobs', () => {
  it('runs a job after the caller has moved on', async () => {
    const jobs = new InProcessJobs(new MemoryLogger());
    const order: string[] = [];
    jobs.run('later', async () => void order.push('job'));
    order.push('caller');
    await jobs.drain();
    assert.deepEqual(order, ['caller', 'job']);
  });

  it('a failing job is logged with its label and does not reject anything', async () => {
    const logger = new MemoryLogger();
    const jobs = new InProcessJobs(logger);
    jobs.run('provision R-1', async () => {
      throw new Error('Exchange is down');
    });
    await jobs.drain();
    assert.deepEqual(logger.records.map((l) => [l.level, l.fields.job, l.fields.error]), [['error', 'provision R-1', 'Exchange is down']]);
  });

  it('drain waits for jobs that jobs start', async () => {
    const jobs = new InProcessJobs(new MemoryLogger());
    let done = false;
    jobs.run('outer', async () => {
      jobs.run('inner', async () => {
        await new Promise((r) => setImmediate(r));
        done = true;
      });
    });
    await jobs.drain();
    assert.equal(done, true);
  });
});

describe('InProcessJobs.drainWithin (graceful shutdown)', () => {
  afterEach(() => sinon.restore());

  it('waits for the work under way and reports nothing unfinished', async () => {
    const jobs = new InProcessJobs(new MemoryLogger());
    let done = false;
    jobs.run('short', async () => {
      await new Promise((r) => setImmediate(r));
      done = true;
    });
    assert.deepEqual(await jobs.drainWithin(60_000), { unfinished: 0 });
    assert.equal(done, true);
  });

  it('stops waiting after the time bound, with what is still running, and never rejects', async () => {
    const clock = sinon.useFakeTimers();
    const jobs = new InProcessJobs(new MemoryLogger());
    jobs.run('hangs', () => new Promise<void>(() => undefined));
    jobs.run('quick', async () => undefined);
    let outcome: { unfinished: number } | undefined;
    void jobs.drainWithin(5_000).then((result) => (outcome = result));
    await clock.tickAsync(4_999);
    assert.equal(outcome, undefined, 'still waiting before the bound');
    await clock.tickAsync(1);
    assert.deepEqual(outcome, { unfinished: 1 });
  });
});
