import type { Actor } from '../src/domain/access-request';
import type { ConfirmationSubject } from '../cards/confirmation-card';

/** The fields of a request the requester can be asked for, in the order they are asked. */
export const IntakeFields = ['email', 'firstName', 'lastName', 'displayName', 'company', 'group', 'reason'] as const;

export type IntakeField = (typeof IntakeFields)[number];

/**
 * A request the requester has filled in and not yet confirmed. Lives in conversation state under
 * its id; the confirmation card carries only the id.
 */
export interface PendingDraft {
  readonly id: string;
  readonly tenantId: string;
  readonly requester: Actor;
  readonly subject: ConfirmationSubject;
  /** Set once submitted: a second Confirm shows the same outcome instead of submitting twice. */
  readonly submittedRequestId?: string;
  readonly cancelled?: boolean;
  /** ISO 8601; set while Confirm is submitting it, so a second click does not submit it again. */
  readonly submittingSince?: string;
  /** ISO 8601. */
  readonly updatedAt: string;
  /** The storage version this copy was read at (set by PendingDrafts.get). */
  readonly eTag?: string;
}
