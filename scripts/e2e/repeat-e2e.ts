import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Stability check of the end-to-end suite: `npm run test:e2e:repeat -- 10` runs it N times in a row
 * (each run inside the loopback-only namespace, like `npm run test:e2e`) and prints, per test, how
 * many runs passed and how long it took (fastest, median, slowest). The summary is also written to
 * test-output/e2e-repeat/summary.txt, each run's mocha JSON report next to it and its screenshots
 * and logs under run-NN/.
 */

interface MochaTest {
  readonly fullTitle: string;
  readonly duration?: number;
  readonly err?: { readonly message?: string };
}
interface MochaReport {
  readonly stats: { readonly passes: number; readonly failures: number; readonly duration: number };
  readonly passes: readonly MochaTest[];
  readonly failures: readonly MochaTest[];
}

const root = join(__dirname, '..', '..', '..');
const runs = Number(process.argv[2] ?? '10');
/** Anything after the count goes to mocha, e.g. --grep phone. */
const mochaArgs = process.argv.slice(3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run test:e2e:repeat -- [runs, default 10] [mocha options, e.g. --grep phone]');
  process.exit(2);
}
const outDir = join(root, 'test-output', 'e2e-repeat');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const perTest = new Map<string, { passes: number; runs: number; durations: number[]; failures: string[] }>();
const runLines: string[] = [];
for (let run = 1; run <= runs; run += 1) {
  const reportPath = join(outDir, `run-${String(run).padStart(2, '0')}.json`);
  const started = Date.now();
  const result = spawnSync('bash', ['scripts/e2e/run-e2e.sh', ...mochaArgs, '--reporter', 'json', '--reporter-option', `output=${reportPath}`], {
    cwd: root,
    env: { ...process.env, E2E_OUTPUT_DIR: join(outDir, `run-${String(run).padStart(2, '0')}`) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const wallSeconds = (Date.now() - started) / 1000;
  let report: MochaReport;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as MochaReport;
  } catch {
    runLines.push(`run ${run}: no report (exit ${String(result.status)}), ${wallSeconds.toFixed(1)} s`);
    console.log(runLines[runLines.length - 1]);
    continue;
  }
  for (const [list, passed] of [[report.passes, true], [report.failures, false]] as const) {
    for (const test of list) {
      const entry = perTest.get(test.fullTitle) ?? { passes: 0, runs: 0, durations: [], failures: [] };
      entry.runs += 1;
      if (passed) {
        entry.passes += 1;
        entry.durations.push(test.duration ?? 0);
      } else {
        entry.failures.push(`run ${run}: ${(test.err?.message ?? '').split('\n')[0]}`);
      }
      perTest.set(test.fullTitle, entry);
    }
  }
  runLines.push(`run ${run}: ${report.stats.passes} passed, ${report.stats.failures} failed, ${wallSeconds.toFixed(1)} s`);
  console.log(runLines[runLines.length - 1]);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const lines = [`${runs} runs of the end-to-end suite`, ...runLines, ''];
for (const [title, entry] of perTest) {
  const sorted = [...entry.durations].sort((a, b) => a - b);
  const timing = sorted.length > 0 ? `fastest ${seconds(sorted[0]!)}, median ${seconds(sorted[Math.floor(sorted.length / 2)]!)}, slowest ${seconds(sorted[sorted.length - 1]!)}` : 'never passed';
  lines.push(`${entry.passes}/${entry.runs} passed  ${title}  (${timing})`);
  for (const failure of entry.failures) lines.push(`    ${failure}`);
}
const summary = `${lines.join('\n')}\n`;
writeFileSync(join(outDir, 'summary.txt'), summary);
console.log(`\n${summary}`);
const allPassed = [...perTest.values()].every((e) => e.passes === e.runs) && runLines.length === runs && perTest.size > 0;
process.exitCode = allPassed ? 0 : 1;
