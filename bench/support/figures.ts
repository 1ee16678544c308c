import { cpus, totalmem, type as osType, release } from 'node:os';

/**
 * One result of `npm run bench`, set against its goal. `value` and `limit` are in the unit the
 * goal constrains (a ratio to a baseline, or milliseconds, or MB), so `value / limit` is how much
 * of the goal is used: at most 1.00 meets it.
 */
export interface Figure {
  readonly name: string;
  /** What was measured, in words with units. */
  readonly measured: string;
  /** The baseline or floor measured in the same run, in words with units. */
  readonly baseline: string;
  readonly goal: string;
  readonly value: number;
  readonly limit: number;
}

export function ofGoal(figure: Figure): number {
  return figure.limit === 0 ? Number.POSITIVE_INFINITY : figure.value / figure.limit;
}

export function ms(value: number): string {
  return value < 20 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function times(value: number): string {
  return `${value.toFixed(2)}×`;
}

/** The results as a Markdown table (what docs/benchmarks.md records). */
export function figureTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const used = ofGoal(f);
    return `| ${f.name} | ${f.measured} | ${f.baseline} | ${f.goal} | ${used.toFixed(2)} | ${used <= 1 ? 'met' : 'missed'} |`;
  });
  return ['| figure | measured | baseline in the same run | goal | of goal | |', '|---|---|---|---|---:|---|', ...rows].join('\n');
}

/** The machine the numbers come from (they mean little without it). */
export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}`;
}
