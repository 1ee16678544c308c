import type { ExistingRecipient } from './recipient';
import type { ProvisioningPath, SupportedGroupKind } from './group-kind';

/**
 * What the bot found out about a (person, group) pair before anything is written: shown to the
 * requester on the confirmation card and to approvers on the approval card.
 */
export interface Assessment {
  readonly groupKind: SupportedGroupKind;
  readonly path: ProvisioningPath;
  /** The recipient that already owns the address and will be reused, if any. */
  readonly existingRecipient?: ExistingRecipient;
  readonly alreadyMember: boolean;
  /** The group accepts mail only from authenticated (internal) senders: the person will receive but not post. */
  readonly internalSendersOnly: boolean;
  /** Guest path only: false when the tenant or the group does not allow guests. */
  readonly guestsAllowed?: boolean;
}
