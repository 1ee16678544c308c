import { AppError, ErrorCodes, type ErrorCode } from '../../app/app-error';

/** What an InvokeCommand error body says, in the parts the bot branches on. */
export interface ExchangeErrorDetails {
  readonly status: number;
  readonly cmdlet: string;
  /** Short exception type name, e.g. ManagementObjectNotFoundException (namespace removed). */
  readonly exceptionType?: string;
  readonly fullyQualifiedErrorId?: string;
  /** The service's own text (for logs; never shown to users, never branched on). */
  readonly serviceMessage: string;
}

/** Exception types of Exchange Online that the bot recognises, by their short names. */
export const ExchangeExceptionTypes = {
  notFound: 'ManagementObjectNotFoundException',
  memberAlreadyExists: 'MemberAlreadyExistsException',
  proxyAddressExists: 'ProxyAddressExistsException',
  objectAlreadyExists: 'ADObjectAlreadyExistsException',
  accessDenied: 'OperationRequiresGroupManagerException',
} as const;

/** An InvokeCommand call that failed, with the exception type parsed from the error body. */
export class ExchangeCommandError extends AppError {
  readonly details: ExchangeErrorDetails;
  constructor(code: ErrorCode, details: ExchangeErrorDetails, options?: { cause?: unknown }) {
    super(code, `Exchange ${details.cmdlet} failed (${details.status}${details.exceptionType ? ` ${details.exceptionType}` : ''}): ${details.serviceMessage}`, options);
    this.details = details;
  }

  get exceptionType(): string | undefined {
    return this.details.exceptionType;
  }
}

export function isExchangeCommandError(error: unknown): error is ExchangeCommandError {
  return error instanceof ExchangeCommandError;
}

/** Parses a non-2xx InvokeCommand response body (JSON with details as array or object, or plain text). */
export function parseExchangeError(status: number, cmdlet: string, bodyText: string): ExchangeCommandError {
  let exceptionType: string | undefined;
  let fullyQualifiedErrorId: string | undefined;
  let serviceMessage = bodyText.trim();
  const body = tryParseJson(bodyText);
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : undefined;
  if (error !== undefined) {
    const detailsRaw = error['details'];
    const detail = Array.isArray(detailsRaw) ? detailsRaw.find(isRecord) : isRecord(detailsRaw) ? detailsRaw : undefined;
    const detailMessage = detail !== undefined && typeof detail['message'] === 'string' ? detail['message'] : undefined;
    const inner = isRecord(error['innererror']) ? error['innererror'] : undefined;
    const internal = inner !== undefined && isRecord(inner['internalException']) ? inner['internalException'] : undefined;
    if (detailMessage !== undefined) {
      const parts = detailMessage.split('|');
      if (parts.length >= 3) {
        exceptionType = parts[0]?.trim();
        fullyQualifiedErrorId = parts[1]?.trim();
        serviceMessage = parts.slice(2).join('|').trim();
      } else {
        serviceMessage = detailMessage;
      }
    } else if (internal !== undefined && typeof internal['message'] === 'string') {
      serviceMessage = internal['message'];
    } else if (typeof error['message'] === 'string') {
      serviceMessage = error['message'];
    }
    if (exceptionType === undefined && inner !== undefined && typeof inner['type'] === 'string') exceptionType = inner['type'];
  }
  const shortType = exceptionType === undefined || exceptionType === '' ? undefined : exceptionType.split('.').pop();
  const details: ExchangeErrorDetails = {
    status,
    cmdlet,
    ...(shortType !== undefined ? { exceptionType: shortType } : {}),
    ...(fullyQualifiedErrorId !== undefined && fullyQualifiedErrorId !== '' ? { fullyQualifiedErrorId } : {}),
    serviceMessage: serviceMessage === '' ? `HTTP ${status}` : serviceMessage.slice(0, 2000),
  };
  return new ExchangeCommandError(errorCodeFor(details), details);
}

function errorCodeFor(details: ExchangeErrorDetails): ErrorCode {
  switch (details.exceptionType) {
    case ExchangeExceptionTypes.notFound:
      return ErrorCodes.notFound;
    case ExchangeExceptionTypes.proxyAddressExists:
      return ErrorCodes.proxyAddressConflict;
    case ExchangeExceptionTypes.accessDenied:
      return ErrorCodes.permissionDenied;
    default:
      break;
  }
  if (details.status === 401) return ErrorCodes.authenticationFailed;
  if (details.status === 403) return ErrorCodes.permissionDenied;
  if (details.status === 429) return ErrorCodes.throttled;
  if (details.status >= 500) return ErrorCodes.serviceUnavailable;
  return ErrorCodes.requestRejected;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
