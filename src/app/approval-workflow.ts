import { AllowExternalSenders, type ExternalSendersGateway } from './allow-external-senders';
import { AuditTrail } from './audit-trail';
import { DecideRequest } from './decide-request';
import { KeepInformed } from './keep-informed';
import type { AuditLog } from './ports/audit-log';
import type { BackgroundJobs } from './ports/background-jobs';
import type { Clock } from './ports/clock';
import type { Directory } from './ports/directory';
import type { Logger } from './ports/logger';
import type { Notifier } from './ports/notifier';
import type { RequestStore } from './ports/request-store';
import { ProvisioningRunner, type Provisioner } from './provisioning-runner';
import { RequestRouting } from './request-routing';
import { ResumeDirectoryWaits } from './resume-directory-waits';
import type { DirectoryWaitPolicy } from '../domain/directory-wait';
import { RetryProvisioning } from './retry-provisioning';

export interface ApprovalWorkflowDependencies {
  readonly store: RequestStore;
  readonly directory: Pick<Directory, 'isApprover'>;
  readonly notifier: Notifier;
  readonly provisioner: Provisioner;
  readonly externalSenders: ExternalSendersGateway;
  readonly auditLog: AuditLog;
  readonly jobs: BackgroundJobs;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waiting for the directory to catch up (default 15 s doubling, up to 15 minutes). */
  readonly directoryWait?: DirectoryWaitPolicy;
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
    routing: new RequestRouting({ store, informed, runner, jobs, audit }),
    decide: new DecideRequest({ store, directory, clock, audit }),
    retry: new RetryProvisioning({ store, directory, runner, jobs, audit }),
    allowExternalSenders: new AllowExternalSenders({ store, directory, gateway: deps.externalSenders, informed, clock, audit, logger }),
  };
}
