import type { Clock } from './ports/clock';
import type { Directory } from './ports/directory';
import type { Logger } from './ports/logger';

export interface ApproverRosterOptions {
  /** Where the approvers group is read (its transitive members), and asked about one user when the roster is too old. */
  readonly directory: Pick<Directory, 'approverIds' | 'isApprover'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often the roster is read again (default 30 s). */
  readonly refreshEveryMs?: number;
  /**
   * The longest a roster is trusted (default 60 s): older than this (the directory has failed to
   * answer since), each check asks the directory about that one user instead.
   */
  readonly maxAgeMs?: number;
}

export const approverRosterDefaults = { refreshEveryMs: 30_000, maxAgeMs: 60_000 } as const;

/**
 * Who is an approver, answered from memory: the approvers group's transitive members, read from
 * the directory when the bot starts and again every 30 s in the background. A card press or a card
 * refresh never waits for the directory, so an invoke is answered in the bot's own time.
 *
 * The staleness bound: someone added to or removed from the approvers group is seen within one
 * refresh (30 s) after the directory shows the change. A roster older than 60 s (the directory has
 * not answered for two refreshes) is no longer trusted: each check then asks the directory about
 * that user, as before the roster existed, until a refresh succeeds again.
 */
export class ApproverRoster implements Pick<Directory, 'isApprover'> {
  private readonly refreshEveryMs: number;
  private readonly maxAgeMs: number;
  private members: ReadonlySet<string> | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: ApproverRosterOptions) {
    this.refreshEveryMs = options.refreshEveryMs ?? approverRosterDefaults.refreshEveryMs;
    this.maxAgeMs = options.maxAgeMs ?? approverRosterDefaults.maxAgeMs;
  }

  /** Reads the roster now, then every `refreshEveryMs`, until stop(). Does not wait for the first read. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.refresh().finally(() => this.schedule());
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  async isApprover(userId: string): Promise<boolean> {
    // The first read may still be on its way (a card pressed right after start-up): wait for it.
    if (this.members === undefined && this.reading !== undefined) await this.reading;
    if (this.members !== undefined && this.ageMs() <= this.maxAgeMs) return this.members.has(userId.toLowerCase());
    return this.options.directory.isApprover(userId);
  }

  /** Reads the approvers group again (one read at a time); a failure keeps the last roster and is logged. */
  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<void> {
    try {
      const ids = await this.options.directory.approverIds();
      const first = this.members === undefined;
      this.members = new Set(ids.map((id) => id.toLowerCase()));
      this.readAt = this.options.clock.now().getTime();
      if (first) this.options.logger.info('approvers roster read', { approvers: this.members.size });
    } catch (error) {
      this.options.logger.warn('could not read the approvers group; approver checks ask the directory once the roster is older than its bound', {
        error: error instanceof Error ? error.message : String(error),
        rosterAgeMs: Number.isFinite(this.ageMs()) ? this.ageMs() : null,
        maxAgeMs: this.maxAgeMs,
      });
    }
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.refresh().finally(() => this.schedule());
    }, this.refreshEveryMs);
    this.timer.unref();
  }

  private ageMs(): number {
    return this.options.clock.now().getTime() - this.readAt;
  }
}
