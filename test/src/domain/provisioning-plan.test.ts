import { strict as assert } from 'node:assert';
import { planProvisioning, type ProvisioningFacts, type ProvisioningPlan } from '../../../src/domain/provisioning-plan';
import type { ExistingRecipient, RecipientKind } from '../../../src/domain/recipient';

function recipient(kind: RecipientKind): ExistingRecipient {
  return { kind, id: `id-${kind}`, exchangeIdentity: 'jane@partner.example', displayName: 'Jane', email: 'jane@partner.example' };
}

function facts(overrides: Partial<ProvisioningFacts>): ProvisioningFacts {
  return { path: 'mail-contact', alreadyMember: false, hideNewContactsFromAddressLists: false, ...overrides };
}

describe('planProvisioning', () => {
  const table: ReadonlyArray<[string, Partial<ProvisioningFacts>, ProvisioningPlan]> = [
    [
      'distribution group, fresh address: create the contact, then add it',
      {},
      { kind: 'steps', steps: [{ kind: 'create-mail-contact' }, { kind: 'add-distribution-group-member' }] },
    ],
    [
      'distribution group, fresh address, contacts hidden by config: create, hide, add',
      { hideNewContactsFromAddressLists: true },
      {
        kind: 'steps',
        steps: [{ kind: 'create-mail-contact' }, { kind: 'hide-mail-contact' }, { kind: 'add-distribution-group-member' }],
      },
    ],
    [
      'distribution group, existing contact: reuse it, then add it',
      { existingRecipient: recipient('mail-contact') },
      {
        kind: 'steps',
        steps: [
          { kind: 'use-existing-recipient', recipient: recipient('mail-contact') },
          { kind: 'add-distribution-group-member' },
        ],
      },
    ],
    [
      'distribution group, existing guest: reuse the guest mail user, never a second contact',
      { existingRecipient: recipient('guest'), hideNewContactsFromAddressLists: true },
      {
        kind: 'steps',
        steps: [{ kind: 'use-existing-recipient', recipient: recipient('guest') }, { kind: 'add-distribution-group-member' }],
      },
    ],
    [
      'distribution group, existing mail user: reuse it',
      { existingRecipient: recipient('mail-user') },
      {
        kind: 'steps',
        steps: [{ kind: 'use-existing-recipient', recipient: recipient('mail-user') }, { kind: 'add-distribution-group-member' }],
      },
    ],
    [
      'distribution group, existing member: nothing to write',
      { existingRecipient: recipient('mail-contact'), alreadyMember: true },
      { kind: 'steps', steps: [{ kind: 'use-existing-recipient', recipient: recipient('mail-contact') }] },
    ],
    [
      'distribution group, address of an internal user: refused',
      { existingRecipient: recipient('member-user') },
      { kind: 'refused', reason: 'address-belongs-to-internal-recipient' },
    ],
    [
      'distribution group, address of a group: refused',
      { existingRecipient: recipient('group') },
      { kind: 'refused', reason: 'address-belongs-to-internal-recipient' },
    ],
    [
      'Microsoft 365 group, fresh address: invite, then add',
      { path: 'guest', guestsAllowed: true },
      { kind: 'steps', steps: [{ kind: 'invite-guest' }, { kind: 'add-group-member' }] },
    ],
    [
      'Microsoft 365 group, existing guest: reuse, then add',
      { path: 'guest', guestsAllowed: true, existingRecipient: recipient('guest') },
      { kind: 'steps', steps: [{ kind: 'use-existing-recipient', recipient: recipient('guest') }, { kind: 'add-group-member' }] },
    ],
    [
      'Microsoft 365 group, existing member: nothing to write',
      { path: 'guest', guestsAllowed: true, existingRecipient: recipient('guest'), alreadyMember: true },
      { kind: 'steps', steps: [{ kind: 'use-existing-recipient', recipient: recipient('guest') }] },
    ],
    [
      'Microsoft 365 group, guests not allowed: refused',
      { path: 'guest', guestsAllowed: false },
      { kind: 'refused', reason: 'guests-not-allowed' },
    ],
    [
      'Microsoft 365 group, address of a mail contact: refused, never invite over a contact',
      { path: 'guest', guestsAllowed: true, existingRecipient: recipient('mail-contact') },
      { kind: 'refused', reason: 'address-belongs-to-mail-contact' },
    ],
    [
      'Microsoft 365 group, address of a mail user: refused',
      { path: 'guest', guestsAllowed: true, existingRecipient: recipient('mail-user') },
      { kind: 'refused', reason: 'address-belongs-to-mail-user' },
    ],
    [
      'Microsoft 365 group, address of an internal user: refused',
      { path: 'guest', guestsAllowed: true, existingRecipient: recipient('member-user') },
      { kind: 'refused', reason: 'address-belongs-to-internal-recipient' },
    ],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => assert.deepEqual(planProvisioning(facts(input)), expected));
  }
});
