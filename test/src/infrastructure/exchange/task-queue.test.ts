import { strict as assert } from 'node:assert';
import { TaskQueue } from '../../../../src/infrastructure/exchange/task-queue';

describe('TaskQueue', () => {
  async function maxInFlight(concurrency: number): Promise<{ max: number; order: number[] }> {
    const queue = new TaskQueue(concurrency);
    let inFlight = 0;
    let max = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((n) =>
        queue.run(async () => {
          inFlight += 1;
          max = Math.max(max, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(n);
          inFlight -= 1;
        }),
      ),
    );
    return { max, order };
  }

  it('with concurrency 1, runs one task at a time in arrival order', async () => {
    const { max, order } = await maxInFlight(1);
    assert.equal(max, 1);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  it('with concurrency 2, never runs more than two', async () => {
    assert.equal((await maxInFlight(2)).max, 2);
  });

  it('keeps going after a task fails', async () => {
    const queue = new TaskQueue(1);
    await assert.rejects(queue.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await queue.run(() => Promise.resolve(7)), 7);
  });
});
