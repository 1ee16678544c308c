/**
 * The simulated tenant's directory as described by a tenant file. Property names are Graph's;
 * Exchange-only settings live under `exchange`, with the cmdlet property names.
 */

export interface TenantDomain {
  readonly name: string;
  readonly isDefault: boolean;
  readonly isInitial: boolean;
}

export interface TenantInfo {
  /** The tenant id (a GUID); also the {tenantId} of the Exchange InvokeCommand URL. */
  readonly id: string;
  readonly displayName: string;
  readonly verifiedDomains: readonly TenantDomain[];
  /** The tenant-wide Group.Unified setting AllowToAddGuests. */
  readonly guestsAllowed: boolean;
  /** External collaboration: may guests be invited at all (POST /invitations). Default true. */
  readonly invitationsAllowed: boolean;
  /**
   * The Exchange management roles the bot's app holds (through its role group). A cmdlet or switch
   * outside them is answered 403 with an empty body. Default: the roles the admin guide grants.
   */
  readonly exchangeRoles: readonly string[];
}

export interface TenantUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string | null;
  readonly userType: 'Member' | 'Guest';
  readonly otherMails: readonly string[];
  readonly proxyAddresses: readonly string[];
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly jobTitle: string | null;
  readonly externalUserState: string | null;
  readonly creationType: string | null;
}

export interface GroupExchangeSettings {
  readonly RequireSenderAuthenticationEnabled: boolean;
  /** Object ids (or user principal names / addresses) of the group's managers. */
  readonly ManagedBy: readonly string[];
  readonly RecipientTypeDetails: string;
  readonly HiddenFromAddressListsEnabled: boolean;
  readonly AcceptMessagesOnlyFromSendersOrMembers: readonly string[];
}

export interface TenantGroup {
  readonly id: string;
  readonly displayName: string;
  readonly description: string | null;
  readonly mail: string | null;
  readonly mailNickname: string;
  readonly groupTypes: readonly string[];
  readonly mailEnabled: boolean;
  readonly securityEnabled: boolean;
  readonly onPremisesSyncEnabled: boolean | null;
  readonly membershipRule: string | null;
  readonly visibility: string | null;
  readonly proxyAddresses: readonly string[];
  /** Object ids of owners (Graph owners; for Microsoft 365 groups). */
  readonly owners: readonly string[];
  /** Object ids of members: users, contacts or groups (nested). */
  readonly members: readonly string[];
  /**
   * Microsoft 365 groups: the per-group Group.Unified.Guest setting AllowToAddGuests.
   * Absent means the group has no setting object and follows the tenant.
   */
  readonly allowGuests: boolean | null;
  /** Exchange view; present for mail-enabled groups. */
  readonly exchange: GroupExchangeSettings | null;
}

export interface TenantContact {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly companyName: string | null;
  readonly proxyAddresses: readonly string[];
  readonly onPremisesSyncEnabled: boolean | null;
  readonly exchange: { readonly HiddenFromAddressListsEnabled: boolean; readonly Name: string | null } | null;
}

export interface TenantData {
  readonly tenant: TenantInfo;
  readonly users: readonly TenantUser[];
  readonly groups: readonly TenantGroup[];
  readonly contacts: readonly TenantContact[];
}
