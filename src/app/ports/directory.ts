import type { ExistingRecipient } from '../../domain/recipient';
import type { GroupProperties } from '../../domain/group-kind';

/** Exchange-side facts about a mail-enabled group that Graph does not show. */
export interface GroupMailSettings {
  /** RequireSenderAuthenticationEnabled: true means only internal (authenticated) senders. */
  readonly requireSenderAuthentication: boolean;
  /** AcceptMessagesOnlyFrom* restrictions are set (they also block external senders). */
  readonly hasAcceptOnlyFromRestrictions: boolean;
  readonly primarySmtpAddress: string;
}

export interface GuestPolicy {
  readonly tenantAllowsGuests: boolean;
  readonly groupAllowsGuests: boolean;
}

/**
 * Read access to the tenant's directory (Graph and, for what Graph does not show, Exchange).
 * Implemented by the Graph/Exchange adapters in src/infrastructure. Every method is a read.
 */
export interface Directory {
  /** The tenant's verified domains, lower-cased. */
  verifiedDomains(): Promise<readonly string[]>;
  /** The recipient that already owns this address (user, guest, mail contact, any Exchange recipient), if any. */
  findRecipient(email: string): Promise<ExistingRecipient | undefined>;
  getGroup(groupId: string): Promise<GroupProperties | undefined>;
  /**
   * Groups whose display name starts with `query` (case-insensitive) that `userId` owns: Graph
   * owners for Microsoft 365 and security groups, Exchange ManagedBy for distribution groups. At most `top`.
   */
  searchOwnedGroups(userId: string, query: string, top: number): Promise<GroupProperties[]>;
  /** Microsoft 365 groups: Graph owners; distribution groups: Exchange ManagedBy. */
  isGroupOwner(groupId: string, userId: string): Promise<boolean>;
  /** Transitive member of the approvers group (asks the directory now, about this one user). */
  isApprover(userId: string): Promise<boolean>;
  /** The object ids of the users who are transitive members of the approvers group (the whole roster). */
  approverIds(): Promise<readonly string[]>;
  isMember(groupId: string, recipient: ExistingRecipient): Promise<boolean>;
  guestPolicy(groupId: string): Promise<GuestPolicy>;
  /** Exchange settings of a mail-enabled group (distribution or mail-enabled security). */
  groupMailSettings(groupId: string): Promise<GroupMailSettings>;
}
