import type { TargetGroup } from '../../domain/access-request';

/**
 * The writes that provisioning needs, split by back end. Every method is idempotent from the
 * caller's point of view: "already a member" and "already allowed" are results, not errors.
 * Failures throw AppError with a stable code (proxy-address-conflict, not-found, throttled...).
 */

export interface NewMailContact {
  readonly email: string;
  readonly displayName: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface CreatedRecipient {
  /** Entra object id (Exchange ExternalDirectoryObjectId / Graph id) when the service returned it. */
  readonly id?: string;
  /** Exchange identity usable as -Member: the Guid New-MailContact returned (documented and unique). */
  readonly identity: string;
}

/** A group as Exchange is asked about it: its Entra object id, and its primary SMTP address as the documented fallback. */
export type GroupIdentity = Pick<TargetGroup, 'id' | 'mail'>;

export type MembershipChange = 'added' | 'already-member';

/** Exchange Online recipients and distribution groups (Graph cannot write either). */
export interface ExchangeRecipients {
  /** New-MailContact. Throws proxy-address-conflict when another recipient has the address. */
  createMailContact(contact: NewMailContact): Promise<CreatedRecipient>;
  /** Set-MailContact -HiddenFromAddressListsEnabled $true. */
  hideMailContact(identity: string): Promise<void>;
  /** Add-DistributionGroupMember (distribution and mail-enabled security groups). */
  addDistributionGroupMember(group: GroupIdentity, memberIdentity: string): Promise<MembershipChange>;
}

export interface Invitation {
  readonly email: string;
  readonly displayName: string;
}

export interface InvitedGuest {
  readonly userId: string;
  /** The link the guest redeems (sent by Microsoft when the invitation message is on). */
  readonly redeemUrl?: string;
}

/** Guests and Microsoft 365 group membership through Graph. */
export interface GuestAccess {
  /** POST /invitations. Throws invitation-blocked when policy refuses it. */
  invite(invitation: Invitation): Promise<InvitedGuest>;
  /** POST /groups/{id}/members/$ref. Throws not-found while the new guest is not replicated yet. */
  addGroupMember(groupId: string, userId: string): Promise<MembershipChange>;
}
