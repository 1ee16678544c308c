import { isDirectoryWaitDue } from '../domain/directory-wait';
import type { BackgroundJobs } from './ports/background-jobs';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { RequestStore } from './ports/request-store';
import type { ProvisioningRunner } from './provisioning-runner';

export interface ResumeDirectoryWaitsDeps {
  readonly store: RequestStore;
  readonly runner: Pick<ProvisioningRunner, 'run'>;
  readonly jobs: BackgroundJobs;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Finds the requests whose wait for the directory is due and resumes their provisioning. The due
 * time is stored on each request, so nothing is lost across a restart: this runs at start-up and
 * from a periodic check (or a sweep of due timers). Resuming is a compare-and-set in the runner,
 * so two callers never provision one request twice.
 */
export class ResumeDirectoryWaits {
  constructor(private readonly deps: ResumeDirectoryWaitsDeps) {}

  /** Starts every due wait in the background; returns how many. */
  async resumeDue(): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    const waiting = await this.deps.store.listByStatus(['waiting-for-directory']);
    const due = waiting.filter((request) => request.directoryWait !== undefined && isDirectoryWaitDue(request.directoryWait, now));
    for (const request of due) {
      this.deps.logger.info('resuming provisioning after a directory wait', { requestId: request.id, attempt: request.directoryWait?.attempt });
      this.deps.jobs.run(`resume ${request.id} after a directory wait`, () => this.deps.runner.run(request.id));
    }
    return due.length;
  }
}
