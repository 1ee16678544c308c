import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import { AppError, ErrorCodes, type ErrorCode } from '../../app/app-error';

/** A Graph call that failed: the HTTP status and Graph's error code, for branching (never the message). */
export class GraphRequestError extends AppError {
  constructor(
    code: ErrorCode,
    readonly status: number,
    readonly graphCode: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Turns whatever the Graph client threw into an AppError with a stable code. */
export function graphFailure(error: unknown, operation: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode;
    const graphCode = error.code ?? undefined;
    const text = `Graph ${operation} failed (${status}${graphCode ? ` ${graphCode}` : ''}): ${error.message}`;
    return new GraphRequestError(codeFor(status), status, graphCode, text, { cause: error });
  }
  if (error instanceof GraphClientError) {
    // Raised before any HTTP answer: most often the credential could not produce a token.
    return new AppError(ErrorCodes.authenticationFailed, `Graph ${operation}: ${error.message}`, { cause: error });
  }
  return new AppError(ErrorCodes.serviceUnavailable, `Graph ${operation}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

export function isGraphStatus(error: unknown, status: number): error is GraphRequestError {
  return error instanceof GraphRequestError && error.status === status;
}

function codeFor(status: number): ErrorCode {
  if (status === 401) return ErrorCodes.authenticationFailed;
  if (status === 403) return ErrorCodes.permissionDenied;
  if (status === 404) return ErrorCodes.notFound;
  if (status === 429) return ErrorCodes.throttled;
  if (status >= 500 || status === 0 || status === -1) return ErrorCodes.serviceUnavailable;
  return ErrorCodes.requestRejected;
}
