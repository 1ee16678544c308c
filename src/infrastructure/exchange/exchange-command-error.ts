import { AppError, ErrorCodes, type ErrorCode } from '../../app/app-error';
import type { CmdletParameters } from './exchange-admin-client';
import { ExchangeRoles, rolesForCall } from './exchange-roles';

/** What an InvokeCommand error answer says, in the parts the bot branches on. */
export interface ExchangeErrorDetails {
  readonly status: number;
  readonly cmdlet: string;
  /** The opaque first segment of details[].message, e.g. "Ex6F9304" (logs only). */
  readonly errorId?: string;
  /** Short exception type name, e.g. ManagementObjectNotFoundException (namespace removed). */
  readonly exceptionType?: string;
  /** The service's own text (for logs; never shown to users, never branched on). */
  readonly serviceMessage: string;
  /** Throttled: worth trying again after a wait. */
  readonly retryable: boolean;
}

/** Exception types of Exchange Online that the bot recognises, by their short names. */
export const ExchangeExceptionTypes = {
  notFound: 'ManagementObjectNotFoundException',
  memberAlreadyExists: 'MemberAlreadyExistsException',
  proxyAddressExists: 'ProxyAddressExistsException',
  objectAlreadyExists: 'ADObjectAlreadyExistsException',
  groupManagerRequired: 'OperationRequiresGroupManagerException',
} as const;

/** An InvokeCommand call that failed, with the exception type parsed from the error body. */
export class ExchangeCommandError extends AppError {
  readonly details: ExchangeErrorDetails;
  constructor(code: ErrorCode, details: ExchangeErrorDetails, options?: { cause?: unknown; rolesToGrant?: readonly string[] }) {
    const type = details.exceptionType ? ` ${details.exceptionType}` : '';
    super(code, `Exchange ${details.cmdlet} failed (${details.status}${type}): ${details.serviceMessage}`, options);
    this.details = details;
  }

  get exceptionType(): string | undefined {
    return this.details.exceptionType;
  }
}

export function isExchangeCommandError(error: unknown): error is ExchangeCommandError {
  return error instanceof ExchangeCommandError;
}

/** True for an Exchange answer that the object asked for does not exist (404, or the not-found exception). */
export function isExchangeNotFound(error: unknown): boolean {
  return isExchangeCommandError(error) && error.code === ErrorCodes.notFound;
}

/** Statuses that mean "busy, try again later" (ExoHelper and the reference, B2/B4). */
const throttlingStatuses: ReadonlySet<number> = new Set([408, 429, 503, 504]);
/** Exchange's plain-text throttling answer, seen under several statuses. */
const concurrentRequestsText = /^\s*"?You have reached the maximum number of concurrent requests per tenant/i;
/** A dotted .NET type name ending in Exception, e.g. Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException. */
const dotNetExceptionType = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+Exception$/;

/**
 * Reads a non-2xx InvokeCommand answer (shared/reference/microsoft-365-apis.md B2). The status
 * decides first: 403 (empty or undecodable body) and a 401 carrying Exchange's own JSON error are a
 * missing Exchange role, with the roles the call needs; 404 is not-found whatever the body says;
 * 408/429/503/504 and the "maximum number of concurrent requests" text under any status are
 * throttling. Otherwise the exception type in details[].message (`<id>|<type>|<text>`) decides.
 * innererror.type is the service's own wrapper (…ODataServiceException) and is never read as the
 * cmdlet's exception.
 */
export function parseExchangeError(status: number, cmdlet: string, bodyText: string, parameters: CmdletParameters = {}): ExchangeCommandError {
  const error = errorObjectOf(bodyText);
  const detail = error === undefined ? undefined : detailOf(error);
  const serviceMessage = (detail?.text ?? fallbackMessage(error) ?? bodyText).trim();
  const throttled = throttlingStatuses.has(status) || concurrentRequestsText.test(bodyText) || concurrentRequestsText.test(serviceMessage);
  const details: ExchangeErrorDetails = {
    status,
    cmdlet,
    ...(detail?.errorId !== undefined ? { errorId: detail.errorId } : {}),
    ...(detail?.exceptionType !== undefined ? { exceptionType: detail.exceptionType } : {}),
    serviceMessage: serviceMessage === '' ? `HTTP ${status}` : serviceMessage.slice(0, 2000),
    retryable: throttled,
  };
  const missingRole = status === 403 || (status === 401 && error !== undefined);
  if (missingRole) return new ExchangeCommandError(ErrorCodes.permissionDenied, details, { rolesToGrant: rolesForCall(cmdlet, parameters) });
  if (status === 401) return new ExchangeCommandError(ErrorCodes.authenticationFailed, details);
  if (throttled) return new ExchangeCommandError(ErrorCodes.throttled, details);
  if (status === 404) return new ExchangeCommandError(ErrorCodes.notFound, details);
  switch (details.exceptionType) {
    case ExchangeExceptionTypes.notFound:
      return new ExchangeCommandError(ErrorCodes.notFound, details);
    case ExchangeExceptionTypes.proxyAddressExists:
      return new ExchangeCommandError(ErrorCodes.proxyAddressConflict, details);
    case ExchangeExceptionTypes.groupManagerRequired:
      return new ExchangeCommandError(ErrorCodes.permissionDenied, details, { rolesToGrant: [ExchangeRoles.securityGroupCreationAndMembership] });
    default:
      break;
  }
  return new ExchangeCommandError(status >= 500 ? ErrorCodes.serviceUnavailable : ErrorCodes.requestRejected, details);
}

/** `error` of a JSON error body, or undefined for empty, plain-text or other bodies. */
function errorObjectOf(bodyText: string): Record<string, unknown> | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText) as unknown;
  } catch {
    return undefined;
  }
  return isRecord(body) && isRecord(body['error']) ? body['error'] : undefined;
}

/** details[].message (details as an array or an object) split into id, exception type and text. */
function detailOf(error: Record<string, unknown>): { errorId?: string; exceptionType?: string; text: string } | undefined {
  const raw = error['details'];
  const detail = Array.isArray(raw) ? raw.find((d) => isRecord(d) && typeof d['message'] === 'string') : raw;
  if (!isRecord(detail) || typeof detail['message'] !== 'string') return undefined;
  const message = detail['message'];
  const parts = message.split('|');
  // The type is a segment near the start (the second in every published answer); never search the free text.
  const typeIndex = parts.slice(0, 2).findIndex((part) => dotNetExceptionType.test(part.trim()));
  if (typeIndex >= 0) {
    const errorId = parts.slice(0, typeIndex).join('|').trim();
    return {
      ...(errorId !== '' ? { errorId } : {}),
      exceptionType: parts[typeIndex]!.trim().split('.').pop()!,
      text: parts.slice(typeIndex + 1).join('|'),
    };
  }
  // "<id>|<empty type>|<text>" (seen in 2025: "||The operation couldn't be performed…").
  if (parts.length >= 3 && /^[A-Za-z0-9]*$/.test(parts[0]!.trim()) && parts[1]!.trim() === '') {
    const errorId = parts[0]!.trim();
    return { ...(errorId !== '' ? { errorId } : {}), text: parts.slice(2).join('|') };
  }
  return { text: message };
}

function fallbackMessage(error: Record<string, unknown> | undefined): string | undefined {
  if (error === undefined) return undefined;
  const inner = isRecord(error['innererror']) ? error['innererror'] : undefined;
  const internal = inner !== undefined && isRecord(inner['internalException']) ? inner['internalException'] : undefined;
  if (internal !== undefined && typeof internal['message'] === 'string') return internal['message'];
  return typeof error['message'] === 'string' ? error['message'] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
