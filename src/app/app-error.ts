/**
 * The bot's error taxonomy: stable codes to branch on, and a user-safe text in the message
 * catalogue under `error.<code>`. The message of an AppError is for logs only.
 */
export const ErrorCodes = {
  /** Graph or Exchange refused for lack of permission (403 Authorization_RequestDenied, RBAC). */
  permissionDenied: 'permission-denied',
  /** Graph or Exchange kept answering 429/503/504 after every retry. */
  throttled: 'throttled',
  /** Graph or Exchange could not be reached or answered 5xx. */
  serviceUnavailable: 'service-unavailable',
  /** The group or user the request names no longer exists. */
  notFound: 'not-found',
  /** The address already belongs to another recipient (Exchange proxy-address conflict). */
  proxyAddressConflict: 'proxy-address-conflict',
  /** The tenant or the group does not allow guests. */
  guestsNotAllowed: 'guests-not-allowed',
  /** The invitation was blocked by the tenant's external-collaboration or cross-tenant policy. */
  invitationBlocked: 'invitation-blocked',
  /** The group is synced from on-premises, dynamic, or otherwise not writable here. */
  groupNotWritable: 'group-not-writable',
  /** The service answered something the bot does not understand. */
  unexpectedResponse: 'unexpected-response',
  /** Configuration is missing or malformed. */
  configuration: 'configuration',
  /** The e-mail address is not a valid address. */
  invalidAddress: 'invalid-address',
  /**
   * The address belongs to a recipient this path cannot use (an internal user or group; a mail
   * contact or mail user where a guest is needed).
   */
  recipientConflict: 'recipient-conflict',
  /** A token for Graph or Exchange could not be obtained (credential wrong, expired or not consented). */
  authenticationFailed: 'authentication-failed',
  /** Graph or Exchange refused the request for another reason (4xx not covered above). */
  requestRejected: 'request-rejected',
  /** An object the bot just created is still not visible after every retry (directory replication). */
  replicationPending: 'replication-pending',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
