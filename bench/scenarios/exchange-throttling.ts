import { CardVerbs } from '../../cards/card-verbs';
import { submitThroughIntake } from '../../test/support/intake-journey';
import { type BenchWorld, groups, people } from '../support/bench-world';
import { type Figure, ms, times } from '../support/figures';
import { memberAddOperations } from '../support/round-trips';
import { inParallel, waitUntil } from '../support/statistics';

export interface ExchangeThrottlingOptions {
  readonly approvals: number;
  readonly latencyMs: number;
  readonly fastLatencyMs: number;
  /** Exchange commands the simulated tenant runs at once; more get 429 with Retry-After. */
  readonly serviceConcurrency: number;
  /** Share of Exchange commands throttled at random (429, Retry-After). */
  readonly throttleRate: number;
  readonly retryAfterSeconds: number;
}

/** The cmdlets the bot runs; the random throttling applies to these. */
const exchangeCmdlets = ['Get-Recipient', 'Get-DistributionGroup', 'New-MailContact', 'Set-MailContact', 'Add-DistributionGroupMember'];

/**
 * Many approvals at once under Exchange throttling: `approvals` distribution-group requests are
 * approved together while Exchange runs at most `serviceConcurrency` commands at once (more are
 * turned away with 429 and Retry-After) and throttles a share of commands at random.
 *
 * The bound the throttle implies: the tenant cannot run the Exchange work faster than
 * ceil(commands / serviceConcurrency) × latency, and no approval finishes before its own chain of
 * calls plus one Retry-After wait when any command was throttled. Measured: Approve presses to
 * the last person being a member.
 */
export async function exchangeThrottling(world: BenchWorld, options: ExchangeThrottlingOptions): Promise<Figure[]> {
  world.backend({ latencyMs: options.fastLatencyMs });
  const tag = Date.now().toString(36);
  const ids = await inParallel(Array.from({ length: options.approvals }, (_, i) => i), 10, (i) =>
    submitThroughIntake(world.botChat(people.megan), { email: `throttle${i}.${tag}@partner.example`, first: 'Throttle', last: `Person ${i}` }, groups.distribution),
  );
  world.backend({
    latencyMs: options.latencyMs,
    exchangeConcurrencyLimit: options.serviceConcurrency,
    errorRate: options.throttleRate,
    errorKinds: ['throttle'],
    errorOperations: exchangeCmdlets,
    retryAfterSeconds: options.retryAfterSeconds,
  });
  const approver = world.botChat(people.alex, 'approvals');
  const startedAt = Date.now();
  await Promise.all(ids.map((requestId) => approver.press(CardVerbs.approve, { requestId })));
  const statuses = await inParallel(ids, ids.length, (id) =>
    waitUntil(`${id} to finish`, async () => {
      const s = await world.status(id);
      return s === 'completed' || s === 'failed' ? s : undefined;
    }, 300_000, 50),
  );
  world.backend({ latencyMs: options.fastLatencyMs });
  const log = world.simulator.requestLog().filter((r) => r.time >= startedAt);
  const memberAdds = log.filter((r) => memberAddOperations.has(r.operation) && r.status < 300);
  const finishedAt = Math.max(...memberAdds.map((r) => r.answered));
  const exchange = log.filter((r) => r.cmdlet !== undefined && r.answered <= finishedAt);
  const done = exchange.filter((r) => r.status < 300).length;
  const throttled = exchange.filter((r) => r.status === 429).length;
  const chain = (done / ids.length) * options.latencyMs;
  const bound = Math.max(Math.ceil(done / options.serviceConcurrency) * options.latencyMs, chain + (throttled > 0 ? options.retryAfterSeconds * 1000 + options.latencyMs : 0));
  const took = finishedAt - startedAt;
  const failed = statuses.filter((s) => s !== 'completed').length;
  return [
    {
      name: `${ids.length} approvals under Exchange throttling${failed > 0 ? ` (${failed} failed)` : ''}`,
      measured: `${ms(took)}, ${times(took / bound)} (${done} commands, ${throttled} answered 429)`,
      baseline: `bound ${ms(bound)} (${options.serviceConcurrency} at once, ${ms(options.latencyMs)} each, ${Math.round(options.throttleRate * 100)}% throttled for ${options.retryAfterSeconds} s)`,
      goal: '≤ 1.5× bound',
      value: took / bound,
      limit: 1.5,
    },
  ];
}
