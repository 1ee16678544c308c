import { CardVerbs } from '../../cards/card-verbs';
import { submitThroughIntake } from '../../test/support/intake-journey';
import { type BenchWorld, groups, people, timed } from '../support/bench-world';
import { type Figure, ms } from '../support/figures';
import { inParallel, percentile, waitUntil } from '../support/statistics';

export interface InvokeLatencyOptions {
  readonly requests: number;
  /** Latency of every Graph and Exchange call while the invokes are measured. */
  readonly backendLatencyMs: number;
  readonly fastLatencyMs: number;
}

/**
 * Card invokes with a slow backend (every Graph and Exchange call takes `backendLatencyMs`): for
 * each pending request, the cards refresh for an approver, the requester and someone who is
 * neither (Teams refreshes a card for each viewer), an approver presses Approve, and the cards
 * refresh again. All requests at once, as a busy approvals channel would.
 */
export async function invokeLatency(world: BenchWorld, options: InvokeLatencyOptions): Promise<Figure[]> {
  world.backend({ latencyMs: options.fastLatencyMs });
  const ids = await inParallel(Array.from({ length: options.requests }, (_, i) => i), 5, (i) =>
    submitThroughIntake(world.botChat(people.megan), { email: `invoke${i}.${Date.now().toString(36)}@partner.example`, first: 'Invoke', last: `Person ${i}` }, groups.distribution),
  );
  world.backend({ latencyMs: options.backendLatencyMs });
  const approve: number[] = [];
  const refresh: number[] = [];
  await inParallel(ids, ids.length, async (requestId) => {
    const viewers = [world.botChat(people.adele, 'approvals'), world.botChat(people.megan, 'approvals'), world.botChat(people.diego, 'approvals')];
    for (const viewer of viewers) refresh.push((await timed(() => viewer.press(CardVerbs.refresh, { requestId }))).ms);
    const decided = await timed(() => world.botChat(people.alex, 'approvals').press(CardVerbs.approve, { requestId }));
    if (decided.status !== 200) throw new Error(`Approve answered ${decided.status}`);
    approve.push(decided.ms);
    for (const viewer of viewers.slice(0, 2)) refresh.push((await timed(() => viewer.press(CardVerbs.refresh, { requestId }))).ms);
  });
  // Let the approved requests finish at a normal pace before the next measurement.
  world.backend({ latencyMs: options.fastLatencyMs });
  for (const id of ids) {
    await waitUntil(`${id} to finish`, async () => {
      const s = await world.status(id);
      return s === 'completed' || s === 'failed' ? s : undefined;
    }, 60_000, 50);
  }
  const backend = `every Graph and Exchange call ${ms(options.backendLatencyMs)}`;
  return [
    {
      name: `Approve invoke, p99 of ${approve.length} (p50 ${ms(percentile(approve, 50))})`,
      measured: ms(percentile(approve, 99)),
      baseline: backend,
      goal: '≤ 100 ms',
      value: percentile(approve, 99),
      limit: 100,
    },
    {
      name: `Card refresh invoke, p99 of ${refresh.length} (p50 ${ms(percentile(refresh, 50))})`,
      measured: ms(percentile(refresh, 99)),
      baseline: backend,
      goal: '≤ 100 ms',
      value: percentile(refresh, 99),
      limit: 100,
    },
  ];
}
