import { AllowExternalSenders, type ExternalSendersGateway } from './allow-external-senders';
import { AuditTrail } from './audit-trail';
import { DecideRequest } from './decide-request';
import { KeepInformed } from './keep-informed';
import type { AuditLog } from './ports/audit-log';
import type { BackgroundJobs } from './ports/background-jobs';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { Notifier } from './ports/notifier';
import type { RequestStore } from './ports/request-store';
import { ProvisioningRunner, type Provisioner } from './provisioning-runner';
import { RequestRouting } from './request-routing';
import { ResumeDirectoryWaits } from './resume-directory-waits';
import type { DirectoryWaitPolicy } from '../domain/directory-wait';
import { RetryProvisioning } from './retry-provisioning';
import { PendingApprovalTimers } from './pending-approval-timers';
import type { RequestIntake } from './request-intake';
import { ResubmitRequest } from './resubmit-request';
import type { ApprovalTimerPolicy } from '../domain/approval-timers';
import type { ApproverChecks } from './authorise-approver';

export interface ApprovalWorkflowDependencies {
  readonly store: RequestStore;
  readonly directory: ApproverChecks;
  readonly notifier: Notifier;
  readonly provisioner: Provisioner;
  readonly externalSenders: ExternalSendersGateway;
  readonly auditLog: AuditLog;
  readonly jobs: BackgroundJobs;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waiting for the directory to catch up (default 15 s doubling, up to 15 minutes). */
  readonly directoryWait?: DirectoryWaitPolicy;
  /** Reminders, escalation and expiry of requests nobody decides (and the escalation group, for the audit log). */
  readonly approvalTimers: { readonly policy: ApprovalTimerPolicy; readonly escalationGroupId?: string };
  /** Submits the same details again when a requester asks again for an expired request. */
  readonly intake: Pick<RequestIntake, 'submit'>;
}

/** The use cases of the approval feature, wired to each other once. */
export interface ApprovalWorkflow {
  readonly routing: RequestRouting;
  readonly decide: DecideRequest;
  readonly retry: RetryProvisioning;
  readonly allowExternalSenders: AllowExternalSenders;
  readonly runner: ProvisioningRunner;
  /** Resumes the requests whose wait for the directory is due (start-up, periodic check). */
  readonly directoryWaits: ResumeDirectoryWaits;
  /** Reminds, escalates and expires the requests nobody decides (a sweep of their due times). */
  readonly timers: PendingApprovalTimers;
  /** Ask again: an expired request's details, submitted once more by its requester. */
  readonly resubmit: ResubmitRequest;
}

export function createApprovalWorkflow(deps: ApprovalWorkflowDependencies): ApprovalWorkflow {
  const { store, directory, clock, jobs } = deps;
  const logger = deps.logger.child({ component: 'approvals' });
  const audit = new AuditTrail(deps.auditLog, clock, logger);
  const informed = new KeepInformed({ store, notifier: deps.notifier, clock, logger });
  const runner = new ProvisioningRunner({
    store,
    provisioner: deps.provisioner,
    informed,
    audit,
    clock,
    logger,
    ...(deps.directoryWait !== undefined ? { directoryWait: deps.directoryWait } : {}),
  });
  return {
    runner,
    directoryWaits: new ResumeDirectoryWaits({ store, runner, jobs, clock, logger }),
    resubmit: new ResubmitRequest({ store, intake: deps.intake, audit, clock }),
    timers: new PendingApprovalTimers({
      store,
      notifier: deps.notifier,
      informed,
      audit,
      policy: deps.approvalTimers.policy,
      ...(deps.approvalTimers.escalationGroupId !== undefined ? { escalationGroupId: deps.approvalTimers.escalationGroupId } : {}),
      clock,
      logger: logger.child({ component: 'timers' }),
    }),
    routing: new RequestRouting({ store, informed, runner, jobs, audit }),
    decide: new DecideRequest({ store, directory, clock, audit }),
    retry: new RetryProvisioning({ store, directory, runner, jobs, audit }),
    allowExternalSenders: new AllowExternalSenders({ store, directory, gateway: deps.externalSenders, informed, clock, audit, logger }),
  };
}
