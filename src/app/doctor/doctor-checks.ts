import type { MessageKey } from '../../i18n/message-catalogue';
import { AppError, ErrorCodes, isAppError, rolesToGrantOf } from '../app-error';
import type { ApprovalsProbe, StorageProbe, TenantProbe } from './doctor-probes';
import { type CheckResult, type DoctorMessage, message } from './doctor-result';

/** Where the store is, to name it and to give the fix that fits it. */
export type StorageTarget =
  | { readonly kind: 'file'; readonly folder: string }
  | { readonly kind: 'blob-connection-string'; readonly container: string }
  | { readonly kind: 'blob-managed-identity'; readonly accountUrl: string; readonly container: string; readonly clientId?: string };

/** What the checks look at, from the validated configuration. */
export interface DoctorTarget {
  readonly graphBaseUrl: string;
  readonly exchangeBaseUrl: string;
  readonly approversGroupId: string;
  /** The directory identity's client id, filled into fix commands (a placeholder when unknown). */
  readonly clientId?: string;
  /** How Exchange knows the bot's identity, to read its role assignments (undefined: unknown). */
  readonly exchangeRoleAssignee?: string;
  readonly storage: StorageTarget;
}

export interface DoctorProbes {
  readonly tenant: TenantProbe;
  readonly storage: StorageProbe;
  readonly approvals: ApprovalsProbe;
}

export interface DoctorCheckOptions {
  /** A fresh random token: names the storage probe item and the made-up Exchange address. */
  readonly probeId: string;
  /** A check whose read has not answered after this long fails as unreachable (default 60 s). */
  readonly timeoutMs?: number;
}

/** One check: it never throws, every failure becomes a red result with its fix. */
export type DoctorCheck = () => Promise<CheckResult>;

/** A made-up address no tenant has: Get-Recipient must answer "not found" for it. */
export function probeAddress(probeId: string): string {
  return `doctor-probe-${probeId}@doctor.invalid`;
}

/** Every check, in the order they are shown. */
export function doctorChecks(target: DoctorTarget, probes: DoctorProbes, options: DoctorCheckOptions): readonly DoctorCheck[] {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const within = <T>(work: Promise<T>): Promise<T> => withTimeout(work, timeoutMs);
  const clientId = target.clientId ?? '<client id of the bot directory identity>';

  const tenant: DoctorCheck = async () => {
    const title = message('doctor.tenant.title');
    try {
      const organization = await within(probes.tenant.organization());
      if (organization.verifiedDomains.length === 0) {
        return failed(title, message('doctor.tenant.noDomains'), message('doctor.fix.graphPermission', { permission: 'Organization.Read.All' }));
      }
      return passed(title, message('doctor.tenant.ok', { domains: organization.verifiedDomains.join(', ') }));
    } catch (error) {
      return graphFailure(title, error, 'Organization.Read.All', target);
    }
  };

  const approvers: DoctorCheck = async () => {
    const groupId = target.approversGroupId;
    const title = message('doctor.approvers.title', { groupId });
    try {
      const group = await within(probes.tenant.group(groupId));
      if (group === undefined) return failed(title, message('doctor.approvers.missing', { groupId }), message('doctor.fix.approversGroup'));
      if (!(await within(probes.tenant.groupHasMembers(groupId)))) {
        return failed(title, message('doctor.approvers.empty', { name: group.displayName }), message('doctor.fix.approversMembers', { groupId }));
      }
      return passed(title, message('doctor.approvers.ok', { name: group.displayName }));
    } catch (error) {
      if (isAppError(error) && error.code === ErrorCodes.notFound) {
        return failed(title, message('doctor.approvers.missing', { groupId }), message('doctor.fix.approversGroup'));
      }
      return graphFailure(title, error, 'Group.Read.All', target);
    }
  };

  const users: DoctorCheck = async () => {
    const title = message('doctor.users.title');
    try {
      const count = await within(probes.tenant.someUsers());
      if (count === 0) return failed(title, message('doctor.users.none'), message('doctor.fix.tenantId'));
      return passed(title, message('doctor.users.ok'));
    } catch (error) {
      return graphFailure(title, error, 'User.Read.All', target);
    }
  };

  const exchange: DoctorCheck = async () => {
    const title = message('doctor.exchange.title');
    try {
      await within(probes.tenant.recipient(probeAddress(options.probeId)));
      return passed(title, message('doctor.exchange.ok'));
    } catch (error) {
      const code = isAppError(error) ? error.code : undefined;
      if (code === ErrorCodes.authenticationFailed) {
        return failed(title, message('doctor.exchange.unauthorised'), message('doctor.fix.exchangeManageAsApp', { clientId }));
      }
      if (code === ErrorCodes.permissionDenied) {
        return failed(title, message('doctor.exchange.forbidden', { roles: quotedRoles(rolesToGrantOf(error)) }), message('doctor.fix.exchangeRoleGroup', { clientId }));
      }
      if (code === ErrorCodes.serviceUnavailable || code === ErrorCodes.throttled) {
        return failed(title, message('doctor.exchange.unreachable', { url: target.exchangeBaseUrl }), message('doctor.fix.exchangeUrl', { url: target.exchangeBaseUrl }));
      }
      return failed(title, failureSummary('doctor.exchange.failed', error), message('doctor.fix.exchangeUrl', { url: target.exchangeBaseUrl }));
    }
  };

  const exchangeRoles: DoctorCheck = async () => {
    const title = message('doctor.exchangeRoles.title');
    const assignee = target.exchangeRoleAssignee;
    if (assignee === undefined) return failed(title, message('doctor.exchangeRoles.noAssignee'), message('doctor.fix.exchangeServicePrincipal'));
    try {
      const { held, missing } = await within(probes.tenant.exchangeRoles(assignee));
      if (missing.length === 0) return passed(title, message('doctor.exchangeRoles.ok', { roles: quotedRoles(held) }));
      return failed(
        title,
        message('doctor.exchangeRoles.missing', { roles: quotedRoles(missing) }),
        message('doctor.fix.exchangeAddRoles', { commands: missing.map((role) => `New-ManagementRoleAssignment -SecurityGroup "External Access bot roles" -Role "${role}"`).join('; ') }),
      );
    } catch (error) {
      const code = isAppError(error) ? error.code : undefined;
      if (code === ErrorCodes.permissionDenied) return failed(title, message('doctor.exchangeRoles.unreadable'), message('doctor.fix.exchangeViewOnlyConfiguration'));
      if (code === ErrorCodes.notFound) return failed(title, message('doctor.exchangeRoles.unknownAssignee', { assignee }), message('doctor.fix.exchangeServicePrincipal'));
      return failed(title, failureSummary('doctor.exchange.failed', error), message('doctor.fix.exchangeUrl', { url: target.exchangeBaseUrl }));
    }
  };

  const storage: DoctorCheck = async () => {
    const title = message('doctor.storage.title', { location: storageLocation(target.storage) });
    const value = `doctor ${options.probeId}`;
    try {
      const readBack = await within(probes.storage.roundTrip(`doctor/probe-${options.probeId}`, value));
      if (readBack !== value) return failed(title, message('doctor.storage.mismatch'), storageFix(target.storage));
      return passed(title, message('doctor.storage.ok'));
    } catch (error) {
      return failed(title, failureSummary('doctor.storage.failed', error), storageFix(target.storage));
    }
  };

  const approvals: DoctorCheck = async () => {
    const title = message('doctor.approvals.title');
    try {
      const conversation = await within(probes.approvals.approvalsConversation());
      if (conversation === undefined) return failed(title, message('doctor.approvals.missing'), message('doctor.fix.approvalsHere'));
      return passed(title, message('doctor.approvals.ok', { conversation: shorten(conversation) }));
    } catch (error) {
      return failed(title, failureSummary('doctor.approvals.unreadable', error), message('doctor.fix.storageFirst'));
    }
  };

  return [tenant, approvers, users, exchange, exchangeRoles, storage, approvals];
}

/** Runs the checks one after another (a preflight should not burst requests at the tenant). */
export async function runDoctorChecks(checks: readonly DoctorCheck[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await check());
  return results;
}

/** The configuration check: green, or red with every problem listed. */
export function configurationResult(problems: readonly string[]): CheckResult {
  const title = message('doctor.configuration.title');
  if (problems.length === 0) return passed(title, message('doctor.configuration.ok'));
  return { title, passed: false, summary: message('doctor.configuration.invalid', { count: problems.length }), details: problems, fix: message('doctor.fix.configuration') };
}

function passed(title: DoctorMessage, summary: DoctorMessage): CheckResult {
  return { title, passed: true, summary };
}

function failed(title: DoctorMessage, summary: DoctorMessage, fix: DoctorMessage): CheckResult {
  return { title, passed: false, summary, fix };
}

/** A Graph read that failed: the fix depends on the stable error code. */
function graphFailure(title: DoctorMessage, error: unknown, permission: string, target: DoctorTarget): CheckResult {
  const code = isAppError(error) ? error.code : undefined;
  switch (code) {
    case ErrorCodes.permissionDenied:
      return failed(title, message('doctor.graph.forbidden', { permission }), message('doctor.fix.graphPermission', { permission }));
    case ErrorCodes.authenticationFailed:
      return failed(title, message('doctor.graph.noToken'), message('doctor.fix.credential'));
    case ErrorCodes.serviceUnavailable:
    case ErrorCodes.throttled:
      return failed(title, message('doctor.graph.unreachable', { url: target.graphBaseUrl }), message('doctor.fix.graphUrl', { url: target.graphBaseUrl }));
    default:
      return failed(title, failureSummary('doctor.graph.failed', error), message('doctor.fix.graphUrl', { url: target.graphBaseUrl }));
  }
}

/** "what failed (code)": the stable code of an AppError, else the error's class name. Never a secret. */
function failureSummary(key: MessageKey, error: unknown): DoctorMessage {
  const reason = isAppError(error) ? error.code : error instanceof Error ? error.name : typeof error;
  return message(key, { reason });
}

function storageLocation(storage: StorageTarget): string {
  switch (storage.kind) {
    case 'file':
      return storage.folder;
    case 'blob-connection-string':
      return `Azure Blob container ${storage.container}`;
    case 'blob-managed-identity':
      return `${storage.accountUrl}/${storage.container}`;
  }
}

function storageFix(storage: StorageTarget): DoctorMessage {
  switch (storage.kind) {
    case 'file':
      return message('doctor.fix.fileStorage', { folder: storage.folder });
    case 'blob-connection-string':
      return message('doctor.fix.blobConnectionString', { container: storage.container });
    case 'blob-managed-identity':
      return message('doctor.fix.blobManagedIdentity', { accountUrl: storage.accountUrl, identity: storage.clientId ?? '<principal id of the web app identity>' });
  }
}

function quotedRoles(roles: readonly string[]): string {
  return roles.map((role) => `"${role}"`).join(', ');
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
}

class DoctorTimeout extends Error {}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DoctorTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof DoctorTimeout) throw new AppError(ErrorCodes.serviceUnavailable, error.message);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
