import type { AccessRequest, JournalEntry } from '../domain/access-request';
import { defaultDirectoryWaitPolicy, nextDirectoryWait, type DirectoryWaitPolicy } from '../domain/directory-wait';
import { complete, fail, recordStep, resumeAfterWait, startProvisioning, waitForDirectory, type Transition } from '../domain/request-lifecycle';
import { ErrorCodes, isAppError } from './app-error';
import type { AuditTrail } from './audit-trail';
import type { KeepInformed } from './keep-informed';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { RequestStore } from './ports/request-store';
import { updateRequest } from './update-request';

export type ProvisionOutcome =
  | { readonly kind: 'completed' }
  /** The directory has not caught up with an object just created: try again later, nothing failed. */
  | { readonly kind: 'waiting'; readonly step: string }
  | { readonly kind: 'failed'; readonly step: string; readonly errorCode: string; readonly rolesToGrant?: readonly string[] };

/** The step recorded when the provisioner threw instead of naming the failing step. */
export const unknownStep = 'unknown';

/**
 * Runs a request's provisioning plan, resuming after the steps its journal already records.
 * Expected failures (refusals, throttling past retries...) come back as `failed` with the step;
 * it throws only for bugs and infrastructure faults it could not classify.
 */
export interface Provisioner {
  provision(request: AccessRequest, record: (entry: JournalEntry) => Promise<void>): Promise<ProvisionOutcome>;
}

export interface ProvisioningRunnerDeps {
  readonly store: RequestStore;
  readonly provisioner: Provisioner;
  readonly informed: KeepInformed;
  readonly audit: AuditTrail;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long and how often to wait for the directory to catch up (default: 15 s doubling, up to 15 min). */
  readonly directoryWait?: DirectoryWaitPolicy;
}

/**
 * Provisions approved requests in the background: claims the request (approved or failed ->
 * provisioning, a compare-and-set), journals every step on the stored request, then records the
 * outcome, updates the approval card for everyone and tells the requester. A request already in
 * `provisioning` (a run interrupted by a crash or restart) resumes from its journal; one in
 * `waiting-for-directory` resumes once its wait is due (ResumeDirectoryWaits finds those).
 */
export class ProvisioningRunner {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: ProvisioningRunnerDeps) {}

  /** Runs (or resumes) provisioning for one request; does nothing if it is not approved, failed or provisioning. */
  async run(requestId: string): Promise<void> {
    if (this.inFlight.has(requestId)) return;
    this.inFlight.add(requestId);
    try {
      await this.runClaimed(requestId);
    } finally {
      this.inFlight.delete(requestId);
    }
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private async runClaimed(requestId: string): Promise<void> {
    const { store, provisioner, informed, logger, audit } = this.deps;
    const claimed = await updateRequest(store, requestId, (current) => this.claim(current));
    if (claimed.kind !== 'updated') {
      logger.info('provisioning not started', { requestId, outcome: claimed.kind });
      return;
    }
    const attempt = claimed.previous.status === 'waiting-for-directory' ? 'after-directory-wait' : claimed.request.journal.length === 0 ? 'first' : 'resume';
    await audit.byBot({ requestId, action: 'provisioning.start', outcome: 'succeeded', details: { attempt } });
    // After a wait the card keeps saying it waits until there is news (done, another wait, a failure).
    if (attempt !== 'after-directory-wait') await informed.approvalCard(claimed.request);

    let outcome: ProvisionOutcome;
    try {
      outcome = await provisioner.provision(claimed.request, async (entry) => {
        const saved = await updateRequest(store, requestId, (current) => recordStep(current, entry));
        await audit.byBot({
          requestId,
          action: `provisioning.${entry.step}`,
          outcome: entry.outcome === 'failed' ? 'failed' : 'succeeded',
          ...(entry.objectIds ? { objectIds: entry.objectIds } : {}),
          ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
        });
        if (saved.kind === 'updated') await informed.approvalCard(saved.request);
      });
    } catch (error) {
      logger.error('provisioning crashed', { requestId, error: describeError(error) });
      outcome = { kind: 'failed', step: unknownStep, errorCode: isAppError(error) ? error.code : ErrorCodes.unexpectedResponse };
    }

    const at = this.now();
    if (outcome.kind === 'waiting') {
      const paused = await this.waitOrGiveUp(requestId, outcome.step, at);
      if (paused) return;
      outcome = { kind: 'failed', step: outcome.step, errorCode: ErrorCodes.replicationPending };
    }
    const ending = outcome;
    const finished = await updateRequest(store, requestId, (current) =>
      ending.kind === 'completed'
        ? complete(current, at)
        : fail(current, { step: ending.step, errorCode: ending.errorCode, at, ...(ending.rolesToGrant ? { rolesToGrant: ending.rolesToGrant } : {}) }),
    );
    if (finished.kind !== 'updated') {
      logger.warn('provisioning outcome not recorded', { requestId, outcome: finished.kind });
      return;
    }
    logger.info('provisioning finished', { requestId, outcome: outcome.kind });
    await audit.byBot({
      requestId,
      action: outcome.kind === 'completed' ? 'provisioning.complete' : 'provisioning.fail',
      outcome: outcome.kind === 'completed' ? 'succeeded' : 'failed',
      objectIds: { groupId: finished.request.group.id },
      ...(ending.kind === 'failed'
        ? { errorCode: ending.errorCode, details: { step: ending.step, ...(ending.rolesToGrant ? { rolesToGrant: ending.rolesToGrant.join(', ') } : {}) } }
        : {}),
    });
    const { request } = await informed.approvalCard(finished.request);
    await informed.requester(request, ending.kind === 'completed' ? 'completed' : 'failed');
  }

  /** Approved or failed requests start; an interrupted run goes on; a wait goes on once it is due. */
  private claim(current: AccessRequest): Transition {
    const at = this.now();
    if (current.status === 'provisioning') return { kind: 'ok', request: current };
    if (current.status === 'waiting-for-directory') return resumeAfterWait(current, at);
    return startProvisioning(current, at);
  }

  /**
   * Pauses the request in waiting-for-directory with its next due time, updates the card and,
   * on the first wait, tells the requester it takes a little longer (never "failed"). Returns
   * false when the wait limit has passed: the caller fails the step with replication-pending.
   */
  private async waitOrGiveUp(requestId: string, step: string, at: string): Promise<boolean> {
    const { store, informed, logger, audit } = this.deps;
    const policy = this.deps.directoryWait ?? defaultDirectoryWaitPolicy;
    let gaveUp = false;
    const paused = await updateRequest(store, requestId, (current) => {
      const next = nextDirectoryWait(current.directoryWait, step, at, policy);
      if (next.kind === 'give-up') {
        gaveUp = true;
        return { kind: 'invalid-state', status: current.status };
      }
      return waitForDirectory(current, next.wait, at);
    });
    if (gaveUp) {
      logger.warn('the directory did not catch up in time', { requestId, step });
      return false;
    }
    if (paused.kind !== 'updated') {
      logger.warn('provisioning wait not recorded', { requestId, outcome: paused.kind });
      return true;
    }
    const wait = paused.request.directoryWait!;
    logger.info('provisioning waits for the directory', { requestId, step, attempt: wait.attempt, dueAt: wait.dueAt, until: wait.until });
    await audit.byBot({
      requestId,
      action: 'provisioning.wait',
      outcome: 'succeeded',
      details: { step, attempt: String(wait.attempt), dueAt: wait.dueAt },
    });
    const { request } = await informed.approvalCard(paused.request);
    if (wait.attempt === 1) await informed.requester(request, 'waiting-for-directory');
    return true;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
