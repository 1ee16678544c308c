import type { AccessRequest, JournalEntry } from '../domain/access-request';
import { complete, fail, recordStep, startProvisioning } from '../domain/request-lifecycle';
import { ErrorCodes, isAppError } from './app-error';
import type { AuditTrail } from './audit-trail';
import type { KeepInformed } from './keep-informed';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { RequestStore } from './ports/request-store';
import { updateRequest } from './update-request';

export type ProvisionOutcome =
  | { readonly kind: 'completed' }
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
}

/**
 * Provisions approved requests in the background: claims the request (approved or failed ->
 * provisioning, a compare-and-set), journals every step on the stored request, then records the
 * outcome, updates the approval card for everyone and tells the requester. A request already in
 * `provisioning` (a run interrupted by a crash or restart) resumes from its journal.
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
    const claimed = await updateRequest(store, requestId, (current) =>
      current.status === 'provisioning' ? { kind: 'ok', request: current } : startProvisioning(current, this.now()),
    );
    if (claimed.kind !== 'updated') {
      logger.info('provisioning not started', { requestId, outcome: claimed.kind });
      return;
    }
    await audit.byBot({ requestId, action: 'provisioning.start', outcome: 'succeeded', details: { attempt: String(claimed.request.journal.length === 0 ? 'first' : 'resume') } });
    await informed.approvalCard(claimed.request);

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
    const finished = await updateRequest(store, requestId, (current) =>
      outcome.kind === 'completed'
        ? complete(current, at)
        : fail(current, { step: outcome.step, errorCode: outcome.errorCode, at, ...(outcome.rolesToGrant ? { rolesToGrant: outcome.rolesToGrant } : {}) }),
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
      ...(outcome.kind === 'failed'
        ? { errorCode: outcome.errorCode, details: { step: outcome.step, ...(outcome.rolesToGrant ? { rolesToGrant: outcome.rolesToGrant.join(', ') } : {}) } }
        : {}),
    });
    const { request } = await informed.approvalCard(finished.request);
    await informed.requester(request, outcome.kind === 'completed' ? 'completed' : 'failed');
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
