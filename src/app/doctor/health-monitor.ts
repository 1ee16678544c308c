import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';

export type HealthState = 'ok' | 'failing';

/** What GET /readyz answers: no error text, no names, nothing secret. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly checks: { readonly storage: HealthState; readonly directory: HealthState };
}

/** Cheap reachability probes; a probe that throws or does not answer in time is failing. */
export interface HealthProbes {
  /** The configured store (bot state, requests, audit log). */
  storage(): Promise<void>;
  /** The directory (a Graph read). */
  directory(): Promise<void>;
}

export interface HealthMonitorOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a report is reused, so a load balancer's polling does not hammer Graph (default 10 s). */
  readonly ttlMs?: number;
  /** A probe that has not answered after this long is failing (default 5 s). */
  readonly timeoutMs?: number;
}

/**
 * The health of the bot's dependencies for GET /readyz, cached for a few seconds; concurrent
 * callers share one probe run. A check that starts or stops failing is logged once (with the
 * error, which never reaches the HTTP answer).
 */
export class HealthMonitor {
  private cached: { report: HealthReport; at: number } | undefined;
  private running: Promise<HealthReport> | undefined;
  private readonly last: Record<keyof HealthReport['checks'], HealthState> = { storage: 'ok', directory: 'ok' };

  constructor(
    private readonly probes: HealthProbes,
    private readonly options: HealthMonitorOptions,
  ) {}

  report(): Promise<HealthReport> {
    const now = this.options.clock.now().getTime();
    if (this.cached !== undefined && now - this.cached.at < (this.options.ttlMs ?? 10_000)) return Promise.resolve(this.cached.report);
    if (this.running === undefined) {
      this.running = this.probe().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async probe(): Promise<HealthReport> {
    const [storage, directory] = await Promise.all([this.check('storage', () => this.probes.storage()), this.check('directory', () => this.probes.directory())]);
    const report: HealthReport = { status: storage === 'ok' && directory === 'ok' ? 'ok' : 'degraded', checks: { storage, directory } };
    this.cached = { report, at: this.options.clock.now().getTime() };
    return report;
  }

  private async check(name: keyof HealthReport['checks'], probe: () => Promise<void>): Promise<HealthState> {
    let timer: NodeJS.Timeout | undefined;
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    try {
      await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (this.last[name] === 'failing') this.options.logger.info('health check recovered', { check: name });
      this.last[name] = 'ok';
      return 'ok';
    } catch (error) {
      if (this.last[name] === 'ok') {
        this.options.logger.warn('health check failing', {
          check: name,
          code: typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      this.last[name] = 'failing';
      return 'failing';
    } finally {
      clearTimeout(timer);
    }
  }
}
