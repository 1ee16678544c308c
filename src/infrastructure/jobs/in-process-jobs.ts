import type { Logger } from '../../app/ports/logger';
import type { BackgroundJobs, DrainOutcome } from '../../app/ports/background-jobs';

/**
 * Runs background jobs in this process. A failing job is logged, never thrown; `drain()` waits
 * for every job started so far (tests), or for at most a given time (graceful shutdown).
 */
export class InProcessJobs implements BackgroundJobs {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(label: string, job: () => Promise<void>): void {
    const promise = Promise.resolve()
      .then(job)
      .catch((error: unknown) => {
        this.logger.error('background job failed', { job: label, error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Resolves when no job is running, including jobs started by jobs (tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async drainWithin(timeoutMs: number): Promise<DrainOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    });
    try {
      while (this.running.size > 0) {
        const all = Promise.all([...this.running]).then(() => 'done' as const);
        if ((await Promise.race([all, deadline])) === 'timed-out') break;
      }
    } finally {
      clearTimeout(timer);
    }
    return { unfinished: this.running.size };
  }
}
