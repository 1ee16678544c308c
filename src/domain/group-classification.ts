import type { GroupClassification, GroupProperties, UnsupportedGroupReason, UnsupportedGroupRemedy } from './group-kind';

export const unsupportedGroupRemedies: Readonly<Record<UnsupportedGroupReason, UnsupportedGroupRemedy>> = {
  'security-group': 'entra-admin-center',
  'dynamic-membership': 'membership-rule',
  'synced-from-on-premises': 'on-premises-directory',
};

const unifiedGroupType = 'unified';
const dynamicGroupType = 'dynamicmembership';

/**
 * Decides what kind of group a target is from Graph's properties
 * (shared/reference/microsoft-365-apis.md A3). Refusals are checked first, from the most
 * fundamental: a group mastered on-premises can be changed neither in Graph nor in Exchange
 * Online, whatever its kind; a dynamic group computes its members; a group that is not
 * mail-enabled is not a mail target.
 */
export function classifyGroup(props: GroupProperties): GroupClassification {
  const types = props.groupTypes.map((t) => t.toLowerCase());
  if (props.onPremisesSyncEnabled === true) return unsupported('synced-from-on-premises');
  if (types.includes(dynamicGroupType) || (props.membershipRule ?? '').trim() !== '') {
    return unsupported('dynamic-membership');
  }
  if (types.includes(unifiedGroupType)) return { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' };
  if (!props.mailEnabled) return unsupported('security-group');
  if (props.securityEnabled) return { kind: 'supported', groupKind: 'mail-enabled-security', path: 'mail-contact' };
  return { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' };
}

function unsupported(reason: UnsupportedGroupReason): GroupClassification {
  return { kind: 'unsupported', reason, remedy: unsupportedGroupRemedies[reason] };
}
