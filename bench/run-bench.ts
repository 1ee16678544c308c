/**
 * `npm run bench`: the bot's speed where people wait, as ratios against baselines measured in the
 * same run (the machine is shared and noisy, so absolute numbers alone mean little). Everything runs
 * on 127.0.0.1: the simulated tenant and a recording Bot Framework connector in this process, the
 * real bot and a bare echo bot each in a process of their own. Takes a few minutes.
 *
 *   npm run bench                       # everything, printed as a Markdown table
 *   npm run bench -- --quick            # fewer repetitions (a smoke run)
 *   npm run bench -- --only burst,throttling
 *   npm run bench -- --bot-env EXCHANGE_CONCURRENCY=2
 *
 * See docs/benchmarks.md for what each figure means and the latest results.
 */
import { approveToMember } from './scenarios/approve-to-member';
import { exchangeThrottling } from './scenarios/exchange-throttling';
import { invokeLatency } from './scenarios/invoke-latency';
import { requesterBurst } from './scenarios/requester-burst';
import { turnOverhead } from './scenarios/turn-overhead';
import { processMemory } from './support/bench-processes';
import { BenchWorld, people } from './support/bench-world';
import { type Figure, figureTable, machineLine } from './support/figures';

const scenarioNames = ['turns', 'approve', 'invokes', 'burst', 'throttling'] as const;
type ScenarioName = (typeof scenarioNames)[number];

interface Options {
  readonly quick: boolean;
  readonly only: ReadonlySet<ScenarioName>;
  readonly botEnv: Readonly<Record<string, string>>;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = value('only')?.split(',').map((s) => s.trim()) ?? [...scenarioNames];
  const unknown = only.filter((s) => !(scenarioNames as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`--only takes ${scenarioNames.join(', ')}; not ${unknown.join(', ')}`);
  const botEnv: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] !== '--bot-env') continue;
    const [key, ...rest] = (argv[i + 1] ?? '').split('=');
    if (!key || rest.length === 0) throw new Error('--bot-env takes KEY=VALUE');
    botEnv[key] = rest.join('=');
  }
  return { quick: argv.includes('--quick'), only: new Set(only as ScenarioName[]), botEnv };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const fastLatencyMs = 20;
  const world = new BenchWorld();
  const figures: Figure[] = [];
  const started = Date.now();
  try {
    await world.start(options.botEnv);
    const atStart = processMemory(world.bot.pid);
    await world.botChat(people.alex, 'approvals').say('approvals here');
    const run = async (name: ScenarioName, scenario: () => Promise<Figure[]>): Promise<void> => {
      if (!options.only.has(name)) return;
      process.stderr.write(`bench: ${name}…\n`);
      figures.push(...(await scenario()));
    };
    await run('turns', () => turnOverhead(world, options.quick ? 10 : 40));
    await run('approve', () => approveToMember(world, { runs: options.quick ? 2 : 5, latencyMs: 150, fastLatencyMs }));
    await run('invokes', () => invokeLatency(world, { requests: options.quick ? 4 : 10, backendLatencyMs: 2000, fastLatencyMs }));
    await run('burst', () => requesterBurst(world, { requesters: 200, latencyMs: fastLatencyMs }));
    await run('throttling', () =>
      exchangeThrottling(world, { approvals: options.quick ? 20 : 50, latencyMs: 100, fastLatencyMs, serviceConcurrency: 4, throttleRate: 0.1, retryAfterSeconds: 1 }),
    );
    const settings = Object.entries(options.botEnv).map(([k, v]) => `${k}=${v}`);
    process.stdout.write(
      [
        `Machine: ${machineLine()}.`,
        `Bot settings: ${settings.length > 0 ? settings.join(', ') : 'defaults'}; bot process at start ${atStart ? `${atStart.rssMb.toFixed(0)} MB` : 'n/a'}; run took ${Math.round((Date.now() - started) / 1000)} s.`,
        '',
        figureTable(figures),
        '',
      ].join('\n'),
    );
  } finally {
    await world.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
