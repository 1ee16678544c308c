import { CardVerbs } from '../../cards/card-verbs';
import type { LoggedRequest } from '../../simulator/simulator-server';
import { submitThroughIntake } from '../../test/support/intake-journey';
import { type BenchWorld, groups, people } from '../support/bench-world';
import { type Figure, ms } from '../support/figures';
import { approverCheckOperations, memberAddOperations, sequentialRoundTrips } from '../support/round-trips';
import { median, waitUntil } from '../support/statistics';

export interface ApproveToMemberOptions {
  readonly runs: number;
  /** Latency of every Graph and Exchange call while the approval runs. */
  readonly latencyMs: number;
  /** Latency while the request is filled in (not measured). */
  readonly fastLatencyMs: number;
}

interface Run {
  readonly ms: number;
  readonly rounds: number;
}

/**
 * Approve → the person is a member, on both paths. The request is submitted, an approver's Teams
 * shows the card (Teams refreshes it: a refresh invoke) and reads it for half a second, then
 * presses Approve. Measured from the Approve press to the moment the simulated tenant answered the
 * member-add call. The floor is the sequential round trips of the API calls the request log shows
 * in that time (approver checks left out: they authorise, they do not provision) × the latency.
 */
export async function approveToMember(world: BenchWorld, options: ApproveToMemberOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [label, group] of [
    ['distribution group (mail contact)', groups.distribution],
    ['Microsoft 365 group (guest)', groups.microsoft365],
  ] as const) {
    const runs: Run[] = [];
    for (let i = 0; i < options.runs; i += 1) {
      world.backend({ latencyMs: options.fastLatencyMs });
      const tag = `${group === groups.distribution ? 'dl' : 'guest'}${i}.${Date.now().toString(36)}`;
      const id = await submitThroughIntake(world.botChat(people.megan), { email: `floor.${tag}@partner.example`, first: 'Floor', last: `Person ${tag}` }, group);
      world.backend({ latencyMs: options.latencyMs });
      const approver = world.botChat(people.alex, 'approvals');
      await approver.press(CardVerbs.refresh, { requestId: id });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pressedAt = Date.now();
      const pressed = await approver.press(CardVerbs.approve, { requestId: id });
      if (pressed.status !== 200) throw new Error(`Approve answered ${pressed.status}`);
      const memberAdded = await waitUntil(
        `the member-add call of ${id}`,
        async () => world.simulator.requestLog().find((r) => r.time >= pressedAt && memberAddOperations.has(r.operation) && r.status < 300),
        30_000,
      );
      const status = await waitUntil(`${id} to finish`, async () => {
        const s = await world.status(id);
        return s === 'completed' || s === 'failed' ? s : undefined;
      }, 30_000);
      if (status !== 'completed') throw new Error(`${id} ended ${status}`);
      const window: LoggedRequest[] = world.simulator
        .requestLog()
        .filter((r) => r.time >= pressedAt && r.answered <= memberAdded.answered && !approverCheckOperations.has(r.operation));
      runs.push({ ms: memberAdded.answered - pressedAt, rounds: sequentialRoundTrips(window) });
    }
    const overheads = runs.map((r) => r.ms - r.rounds * options.latencyMs);
    const typical = median(runs.map((r) => r.ms));
    const rounds = [...new Set(runs.map((r) => r.rounds))].sort().join(' or ');
    const overhead = median(overheads);
    figures.push({
      name: `Approve → member, ${label}, median of ${runs.length}`,
      measured: `${ms(typical)}: floor + ${ms(overhead)}`,
      baseline: `floor ${rounds} round trips × ${options.latencyMs} ms`,
      goal: '≤ floor + 50 ms',
      value: overhead,
      limit: 50,
    });
  }
  return figures;
}
