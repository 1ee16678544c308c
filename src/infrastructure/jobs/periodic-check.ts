import type { Logger } from '../../app/ports/logger';

/**
 * Runs a piece of work every `intervalMs` in this process, one run at a time (a run still going
 * when the next is due is not doubled). Failures are logged, never thrown. The timer does not keep
 * the process alive. Used for "resume the requests whose wait is due" until that moves to a shared
 * sweep of due timers.
 */
export class PeriodicCheck {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly label: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): this {
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref();
    }
    return this;
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running !== undefined) return;
    this.running = Promise.resolve()
      .then(this.work)
      .then(
        () => undefined,
        (error: unknown) => this.logger.error('periodic check failed', { check: this.label, error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}
