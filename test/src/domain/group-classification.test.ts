import { strict as assert } from 'node:assert';
import { classifyGroup } from '../../../src/domain/group-classification';
import type { GroupClassification, GroupProperties } from '../../../src/domain/group-kind';

function group(overrides: Partial<GroupProperties>): GroupProperties {
  return { id: 'g1', displayName: 'Group', groupTypes: [], mailEnabled: true, securityEnabled: false, ...overrides };
}

describe('classifyGroup', () => {
  const table: ReadonlyArray<[string, Partial<GroupProperties>, GroupClassification]> = [
    ['a distribution group goes the mail-contact way', {}, { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' }],
    [
      'a mail-enabled security group goes the mail-contact way',
      { securityEnabled: true },
      { kind: 'supported', groupKind: 'mail-enabled-security', path: 'mail-contact' },
    ],
    [
      'a Microsoft 365 group goes the guest way',
      { groupTypes: ['Unified'], securityEnabled: false },
      { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' },
    ],
    [
      'a security-enabled Microsoft 365 group still goes the guest way',
      { groupTypes: ['Unified'], securityEnabled: true },
      { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' },
    ],
    [
      'group types are compared case-insensitively',
      { groupTypes: ['unified'] },
      { kind: 'supported', groupKind: 'microsoft-365', path: 'guest' },
    ],
    [
      'a security group that is not mail-enabled is refused, to be handled in Entra',
      { mailEnabled: false, securityEnabled: true },
      { kind: 'unsupported', reason: 'security-group', remedy: 'entra-admin-center' },
    ],
    [
      'a dynamic Microsoft 365 group is refused, its rule decides',
      { groupTypes: ['Unified', 'DynamicMembership'], membershipRule: '(user.department -eq "Sales")' },
      { kind: 'unsupported', reason: 'dynamic-membership', remedy: 'membership-rule' },
    ],
    [
      'a group with a membership rule but no DynamicMembership type is still dynamic',
      { securityEnabled: true, mailEnabled: false, membershipRule: 'user.city -eq "Riga"' },
      { kind: 'unsupported', reason: 'dynamic-membership', remedy: 'membership-rule' },
    ],
    [
      'an empty membership rule is not dynamic',
      { membershipRule: '  ' },
      { kind: 'supported', groupKind: 'distribution', path: 'mail-contact' },
    ],
    [
      'a distribution group synced from on-premises is refused, to be changed on-premises',
      { onPremisesSyncEnabled: true },
      { kind: 'unsupported', reason: 'synced-from-on-premises', remedy: 'on-premises-directory' },
    ],
    [
      'a synced dynamic group is refused for the sync first',
      { onPremisesSyncEnabled: true, groupTypes: ['DynamicMembership'], membershipRule: 'x' },
      { kind: 'unsupported', reason: 'synced-from-on-premises', remedy: 'on-premises-directory' },
    ],
    [
      'onPremisesSyncEnabled null (cloud group) is not synced',
      { onPremisesSyncEnabled: null, securityEnabled: true },
      { kind: 'supported', groupKind: 'mail-enabled-security', path: 'mail-contact' },
    ],
  ];
  for (const [name, props, expected] of table) {
    it(name, () => assert.deepEqual(classifyGroup(group(props)), expected));
  }
});
