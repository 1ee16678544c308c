import type { Actor } from '../../domain/access-request';

/** Who did it: a person (from the Teams activity, never from card data) or the bot itself. */
export type AuditActor = ({ readonly kind: 'person' } & Actor) | { readonly kind: 'bot' };

/**
 * One thing that happened to a request, for admins reading the trail later. Entries are
 * immutable once appended.
 */
export interface AuditEntry {
  /** ISO 8601, from the injected clock. */
  readonly at: string;
  readonly who: AuditActor;
  /** What happened, a stable dotted name: "request.submitted", "request.approved", "provisioning.add-member"... */
  readonly action: string;
  readonly outcome: 'succeeded' | 'failed' | 'refused';
  readonly requestId: string;
  /** Directory objects involved: groupId, contactId, guestUserId... */
  readonly objectIds?: Readonly<Record<string, string>>;
  /** Stable error code (src/app/app-error.ts) when the outcome is failed or refused. */
  readonly errorCode?: string;
  /** Short non-secret facts worth keeping (a rejection reason, a correlation id). */
  readonly details?: Readonly<Record<string, string>>;
}

/** An append-only audit trail, kept in the configured storage. */
export interface AuditLog {
  /** Stores the entry; concurrent appends never lose one. */
  append(entry: AuditEntry): Promise<void>;
  /** The request's entries in the order they were appended. */
  list(requestId: string): Promise<AuditEntry[]>;
}
