import type { ExternalPerson } from './external-person';
import type { Assessment } from './assessment';
import type { DirectoryWait } from './directory-wait';
import type { SupportedGroupKind } from './group-kind';

export type RequestStatus =
  | 'pending-approval'
  | 'approved'
  | 'provisioning'
  /** Provisioning paused: the directory has not caught up with an object just created (resumes by itself). */
  | 'waiting-for-directory'
  | 'completed'
  | 'failed'
  | 'rejected'
  | 'cancelled'
  | 'expired';

/** A person as the bot knows them from Teams and Entra (never taken from card data). */
export interface Actor {
  readonly aadObjectId: string;
  readonly name: string;
}

export interface TargetGroup {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  readonly kind: SupportedGroupKind;
}

export interface Decision {
  readonly outcome: 'approved' | 'rejected';
  readonly by: Actor;
  /** ISO 8601. */
  readonly at: string;
  readonly reason?: string;
}

/** One provisioning step's recorded outcome; lets an interrupted run resume without repeating work. */
export interface JournalEntry {
  readonly step: string;
  readonly outcome: 'done' | 'reused' | 'failed';
  /** ISO 8601. */
  readonly at: string;
  /** Object ids the step created or reused (e.g. contactId, guestUserId). */
  readonly objectIds?: Readonly<Record<string, string>>;
  /** Stable error code when outcome is failed. */
  readonly errorCode?: string;
  /**
   * The directory already was in the state the step wanted (already a member, the contact
   * already existed): nothing was written. Absent means false.
   */
  readonly alreadyDone?: boolean;
}

/**
 * A request to add an external person to a group. Lives only on the server, in a durable store;
 * cards carry its id. Every transition is a compare-and-set on the stored record.
 */
export interface AccessRequest {
  /** Short, human-readable id, e.g. "R-7K3F9Q". */
  readonly id: string;
  readonly tenantId: string;
  readonly requester: Actor;
  readonly person: ExternalPerson;
  readonly group: TargetGroup;
  readonly reason: string;
  readonly assessment: Assessment;
  readonly status: RequestStatus;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly decision?: Decision;
  readonly journal: readonly JournalEntry[];
  /** Set when provisioning failed: where it stopped, for the approvers' Retry. */
  readonly failure?: ProvisioningFailure;
  /** Set while (and after) provisioning waits for the directory to catch up: which step, how often, until when. */
  readonly directoryWait?: DirectoryWait;
  /** "Allow external senders" on the group: a separate action with its own approval. */
  readonly externalSenders?: ExternalSendersChange;
  /** Where the approval card was posted, so it can be updated for everyone (opaque to the domain). */
  readonly approvalMessage?: { readonly conversationKey: string; readonly activityId: string };
  /** Notifications that could not be delivered (bot removed, conversation gone): recorded, never lost. */
  readonly undelivered?: readonly UndeliveredNotice[];
  /** ISO 8601 of the last change. */
  readonly updatedAt?: string;
  /** When reminders, escalation and expiry are due while the request waits for a decision (approval-timers.ts). */
  readonly timers?: ApprovalTimers;
}

/**
 * The due times of a pending request, stored with it, so a sweep in any bot instance finds what is
 * due (it survives restarts), and what was already done (never twice).
 */
export interface ApprovalTimers {
  /** How the policy counted time when they were set: 'working-hours' or plain 'hours'. */
  readonly counting: 'working-hours' | 'hours';
  /** The policy's days until expiry, for "nobody decided in D days". */
  readonly expireAfterDays: number;
  /** ISO 8601: the request expires if nobody decides before. */
  readonly expiresAt: string;
  /** ISO 8601 of the next reminder; absent when no more are due. */
  readonly nextReminderAt?: string;
  /** The reminders sent so far, oldest first. */
  readonly reminders: readonly SentReminder[];
  /** ISO 8601: the escalation approvers get the request then; absent without escalation. */
  readonly escalateAt?: string;
  /** ISO 8601: when the request went to the escalation approvers. */
  readonly escalatedAt?: string;
}

export interface SentReminder {
  /** 1 for the first reminder. */
  readonly number: number;
  /** ISO 8601. */
  readonly at: string;
}

export interface ProvisioningFailure {
  readonly step: string;
  readonly errorCode: string;
  /** A refusal for a missing Exchange role: the role(s) an admin has to grant to the bot. */
  readonly rolesToGrant?: readonly string[];
  /** ISO 8601. */
  readonly at: string;
  readonly attempts: number;
}

export interface ExternalSendersChange {
  readonly status: 'allowed' | 'failed';
  readonly by: Actor;
  /** ISO 8601. */
  readonly at: string;
  readonly errorCode?: string;
  /** A refusal for a missing Exchange role: the role(s) an admin has to grant to the bot. */
  readonly rolesToGrant?: readonly string[];
}

export interface UndeliveredNotice {
  readonly notice: string;
  readonly recipient: 'requester' | 'approvers';
  /** ISO 8601. */
  readonly at: string;
  readonly reason: string;
}
