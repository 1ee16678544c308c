/**
 * The Graph properties that decide what kind of group a target is (shared/reference/microsoft-365-apis.md A3).
 * Property names are Graph's.
 */
export interface GroupProperties {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string | null;
  readonly groupTypes: readonly string[];
  readonly mailEnabled: boolean;
  readonly securityEnabled: boolean;
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly membershipRule?: string | null;
}

/** The kinds the bot can add an external person to. */
export type SupportedGroupKind = 'distribution' | 'mail-enabled-security' | 'microsoft-365';

/** Why a group cannot take an external person through this bot. */
export type UnsupportedGroupReason = 'security-group' | 'dynamic-membership' | 'synced-from-on-premises';

/**
 * Where an admin can do what the bot cannot, for each unsupported reason (user text in the
 * catalogue under `error.unsupported-group.<reason>`).
 * - entra-admin-center: security groups grant access, not mail; people are added in Microsoft Entra.
 * - membership-rule: dynamic groups compute their members; an admin changes the rule.
 * - on-premises-directory: groups mastered on-premises change in the on-premises directory.
 */
export type UnsupportedGroupRemedy = 'entra-admin-center' | 'membership-rule' | 'on-premises-directory';

/** How an external person joins a group of a supported kind. */
export type ProvisioningPath = 'mail-contact' | 'guest';

export type GroupClassification =
  | { readonly kind: 'supported'; readonly groupKind: SupportedGroupKind; readonly path: ProvisioningPath }
  | {
      readonly kind: 'unsupported';
      readonly reason: UnsupportedGroupReason;
      /** Where it can be done instead (see group-classification.ts); set by classifyGroup. */
      readonly remedy?: UnsupportedGroupRemedy;
    };
