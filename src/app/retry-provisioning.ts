import type { AccessRequest } from '../domain/access-request';
import type { DecisionRefusal } from '../domain/approval-policy';
import type { AuditTrail } from './audit-trail';
import { actorOf, loadForApprover, type ActingUser, type ApproverChecks } from './authorise-approver';
import type { BackgroundJobs } from './ports/background-jobs';
import type { RequestStore } from './ports/request-store';
import type { ProvisioningRunner } from './provisioning-runner';

export type RetryResult =
  | { readonly kind: 'retrying'; readonly request: AccessRequest }
  | { readonly kind: 'denied'; readonly reason: DecisionRefusal; readonly request: AccessRequest }
  /** Only a failed request can be retried (someone may have retried it already). */
  | { readonly kind: 'not-failed'; readonly request: AccessRequest }
  | { readonly kind: 'not-found' };

export interface RetryProvisioningDeps {
  readonly store: RequestStore;
  readonly directory: ApproverChecks;
  readonly runner: Pick<ProvisioningRunner, 'run'>;
  readonly jobs: BackgroundJobs;
  readonly audit: AuditTrail;
}

const retryAction = 'provisioning.retry';

/** An approver retries a failed provisioning; it resumes after the steps already done. */
export class RetryProvisioning {
  constructor(private readonly deps: RetryProvisioningDeps) {}

  async execute(requestId: string, actor: ActingUser): Promise<RetryResult> {
    const access = await loadForApprover(this.deps, requestId, actor, retryAction);
    if (access.kind !== 'allowed') return access;
    if (access.request.status !== 'failed') return { kind: 'not-failed', request: access.request };
    await this.deps.audit.byPerson(actorOf(actor), { requestId, action: retryAction, outcome: 'succeeded' });
    this.deps.jobs.run(`provision ${requestId}`, () => this.deps.runner.run(requestId));
    return { kind: 'retrying', request: access.request };
  }
}
