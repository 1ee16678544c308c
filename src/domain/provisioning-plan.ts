import type { ProvisioningPath } from './group-kind';
import type { ExistingRecipient, RecipientKind } from './recipient';

/** What the directory says right before provisioning (re-read, never taken from the request as submitted). */
export interface ProvisioningFacts {
  readonly path: ProvisioningPath;
  /** The recipient that already owns the address, if any. */
  readonly existingRecipient?: ExistingRecipient;
  /** The existing recipient is already a direct member of the group. */
  readonly alreadyMember: boolean;
  /** Guest path: the tenant and the group allow guests. */
  readonly guestsAllowed?: boolean;
  /** HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS: a new mail contact is hidden from the address lists. */
  readonly hideNewContactsFromAddressLists: boolean;
}

/**
 * One idempotent provisioning step. `kind` is also the step name in the request's journal.
 * - use-existing-recipient: no write; records which recipient is reused (for the audit trail).
 * - create-mail-contact: Exchange New-MailContact.
 * - hide-mail-contact: Exchange Set-MailContact -HiddenFromAddressListsEnabled $true.
 * - add-distribution-group-member: Exchange Add-DistributionGroupMember.
 * - invite-guest: Graph POST /invitations.
 * - add-group-member: Graph POST /groups/{id}/members/$ref.
 */
export type ProvisioningStep =
  | { readonly kind: 'use-existing-recipient'; readonly recipient: ExistingRecipient }
  | { readonly kind: 'create-mail-contact' }
  | { readonly kind: 'hide-mail-contact' }
  | { readonly kind: 'add-distribution-group-member' }
  | { readonly kind: 'invite-guest' }
  | { readonly kind: 'add-group-member' };

export type ProvisioningStepName = ProvisioningStep['kind'];

/** Why the planner will not provision. */
export type ProvisioningRefusal =
  /** The tenant or the group does not allow guests. */
  | 'guests-not-allowed'
  /** Guest path: a mail contact already has the address; inviting would clash on proxyAddresses. */
  | 'address-belongs-to-mail-contact'
  /** Guest path: a (non-guest) mail user already has the address. */
  | 'address-belongs-to-mail-user'
  /** An internal user, a group or another internal recipient owns the address. */
  | 'address-belongs-to-internal-recipient';

export type ProvisioningPlan =
  | { readonly kind: 'steps'; readonly steps: readonly ProvisioningStep[] }
  | { readonly kind: 'refused'; readonly reason: ProvisioningRefusal };

/** Recipient kinds that can be added to a distribution or mail-enabled security group as they are. */
const reusableForMailContactPath: readonly RecipientKind[] = ['mail-contact', 'guest', 'mail-user'];

/**
 * The ordered steps that put the external person into the group, or a refusal.
 * Distribution and mail-enabled security groups: reuse a mail contact, guest or mail user that
 * already has the address, else create a mail contact (then hide it if configured); then add it
 * with Add-DistributionGroupMember. Microsoft 365 groups: reuse an existing guest, else invite
 * one; then add it as a member. Never creates a contact for an address a guest has, or invites an
 * address a contact has. An existing member needs no write: only the reuse is recorded.
 */
export function planProvisioning(facts: ProvisioningFacts): ProvisioningPlan {
  const existing = facts.existingRecipient;
  if (facts.path === 'mail-contact') {
    if (existing === undefined) {
      const steps: ProvisioningStep[] = [{ kind: 'create-mail-contact' }];
      if (facts.hideNewContactsFromAddressLists) steps.push({ kind: 'hide-mail-contact' });
      steps.push({ kind: 'add-distribution-group-member' });
      return { kind: 'steps', steps };
    }
    if (!reusableForMailContactPath.includes(existing.kind)) return refused('address-belongs-to-internal-recipient');
    return withExisting(existing, facts.alreadyMember, 'add-distribution-group-member');
  }
  if (facts.guestsAllowed === false) return refused('guests-not-allowed');
  if (existing === undefined) return { kind: 'steps', steps: [{ kind: 'invite-guest' }, { kind: 'add-group-member' }] };
  switch (existing.kind) {
    case 'guest':
      return withExisting(existing, facts.alreadyMember, 'add-group-member');
    case 'mail-contact':
      return refused('address-belongs-to-mail-contact');
    case 'mail-user':
      return refused('address-belongs-to-mail-user');
    case 'member-user':
    case 'group':
    case 'other':
      return refused('address-belongs-to-internal-recipient');
  }
}

function withExisting(
  recipient: ExistingRecipient,
  alreadyMember: boolean,
  addStep: 'add-distribution-group-member' | 'add-group-member',
): ProvisioningPlan {
  const steps: ProvisioningStep[] = [{ kind: 'use-existing-recipient', recipient }];
  if (!alreadyMember) steps.push({ kind: addStep });
  return { kind: 'steps', steps };
}

function refused(reason: ProvisioningRefusal): ProvisioningPlan {
  return { kind: 'refused', reason };
}
