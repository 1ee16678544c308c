/**
 * The harmless reads `npm run doctor` makes, as ports: adapters in src/infrastructure/doctor talk
 * to Graph, Exchange and the store. A failure is thrown as an AppError whose stable code the
 * checks branch on (never on message text).
 */

/** Reads in the Microsoft 365 tenant (Graph and the Exchange admin endpoint). */
export interface TenantProbe {
  /** GET /organization?$select=displayName,verifiedDomains. */
  organization(): Promise<{ readonly displayName?: string; readonly verifiedDomains: readonly string[] }>;
  /** GET /groups/{id}: undefined when there is no such group (404). */
  group(groupId: string): Promise<{ readonly displayName: string } | undefined>;
  /** GET /groups/{id}/transitiveMembers?$top=1: whether anyone is in the group (also through nested groups). */
  groupHasMembers(groupId: string): Promise<boolean>;
  /** GET /users?$top=1: how many users came back (0 or 1). */
  someUsers(): Promise<number>;
  /** Exchange Get-Recipient -Identity <address>: 'not-found' is ManagementObjectNotFoundException. */
  recipient(address: string): Promise<'found' | 'not-found'>;
  /**
   * Exchange Get-ManagementRoleAssignment -RoleAssignee <the bot's service principal>: the roles it
   * holds, and those of the roles the bot needs that it lacks.
   */
  exchangeRoles(roleAssignee: string): Promise<{ readonly held: readonly string[]; readonly missing: readonly string[] }>;
}

/** The configured store: writes, reads back and deletes one probe item. */
export interface StorageProbe {
  /** Resolves with what was read back; the item is deleted afterwards. */
  roundTrip(key: string, value: string): Promise<string | undefined>;
}

/** Whether an approver has registered the conversation approval cards are posted in. */
export interface ApprovalsProbe {
  /** The registered conversation's id, or undefined when none is registered. */
  approvalsConversation(): Promise<string | undefined>;
}
