/**
 * The bot's error taxonomy: stable codes to branch on, and a user-safe text in the message
 * catalogue under `error.<code>`. The message of an AppError is for logs only.
 */
export const ErrorCodes = {
  /** Graph or Exchange refused for lack of permission (403 Authorization_RequestDenied, RBAC). */
  permissionDenied: 'permission-denied',
  /** Graph or Exchange kept answering 429/503/504 (Exchange also 408, or its "concurrent requests" text) after every retry. */
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

export interface AppErrorOptions {
  readonly cause?: unknown;
  /**
   * permission-denied from Exchange: the Exchange management roles an admin has to grant to the
   * bot (docs/admin-setup.md, step 2), e.g. ["Security Group Creation and Membership"].
   */
  readonly rolesToGrant?: readonly string[];
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly rolesToGrant?: readonly string[];
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: AppErrorOptions,
  ) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    if (options?.rolesToGrant !== undefined && options.rolesToGrant.length > 0) this.rolesToGrant = [...options.rolesToGrant];
  }
}

/** The Exchange roles to grant that an error carries (empty when it is not a missing-role refusal). */
export function rolesToGrantOf(error: unknown): readonly string[] {
  return isAppError(error) ? (error.rolesToGrant ?? []) : [];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
