import type { AccessRequest } from '../domain/access-request';
import type { AuditTrail } from './audit-trail';
import type { KeepInformed } from './keep-informed';
import type { BackgroundJobs } from './ports/background-jobs';
import type { RequestStore } from './ports/request-store';
import type { ProvisioningRunner } from './provisioning-runner';

export interface RequestRoutingDeps {
  readonly store: RequestStore;
  readonly informed: KeepInformed;
  readonly runner: Pick<ProvisioningRunner, 'run'>;
  readonly jobs: BackgroundJobs;
  readonly audit: AuditTrail;
}

/** Moves requests along after the events that concern them: submitted, decided, approvals conversation set, start-up. */
export class RequestRouting {
  constructor(private readonly deps: RequestRoutingDeps) {}

  /** A new request: post its approval card, or tell the requester it waits until approvers register a conversation. */
  async submitted(request: AccessRequest): Promise<void> {
    await this.deps.audit.byPerson(request.requester, {
      requestId: request.id,
      action: 'request.submit',
      outcome: 'succeeded',
      objectIds: { groupId: request.group.id },
      details: { email: request.person.email, path: request.assessment.path },
    });
    const { publication } = await this.deps.informed.approvalCard(request);
    if (publication.kind === 'no-approvals-conversation') await this.deps.informed.requester(request, 'waiting-for-approvers');
  }

  /** Approvers registered a conversation: post every pending request that has no card yet. Returns how many. */
  async publishWaiting(): Promise<number> {
    const waiting = (await this.deps.store.listByStatus(['pending-approval'])).filter((r) => !r.approvalMessage);
    for (const request of waiting) await this.deps.informed.approvalCard(request);
    return waiting.length;
  }

  /** Runs in the background after a decision was stored (the invoke has been answered already). */
  async decided(request: AccessRequest): Promise<void> {
    if (request.status === 'approved') {
      await this.deps.informed.requester(request, 'approved');
      await this.deps.runner.run(request.id);
      return;
    }
    const { request: current } = await this.deps.informed.approvalCard(request);
    if (current.status === 'rejected') await this.deps.informed.requester(current, 'rejected');
  }

  /** On start-up: resume provisioning that a crash or restart interrupted, and start approved requests that never started. */
  async resumeInterrupted(): Promise<number> {
    const interrupted = await this.deps.store.listByStatus(['approved', 'provisioning']);
    for (const request of interrupted) this.deps.jobs.run(`resume ${request.id}`, () => this.deps.runner.run(request.id));
    return interrupted.length;
  }
}
