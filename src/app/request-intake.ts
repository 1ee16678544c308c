import type { AccessRequest, Actor } from '../domain/access-request';
import type { Assessment } from '../domain/assessment';
import type { ExternalPerson } from '../domain/external-person';
import type { ExistingRecipient } from '../domain/recipient';
import type { GroupSummary } from '../domain/group-summary';
import type { UnsupportedGroupReason } from '../domain/group-kind';
import type { ProvisioningRefusal } from '../domain/provisioning-plan';

export type AddressCheck =
  | { readonly kind: 'ok'; readonly email: string; readonly existingRecipient?: ExistingRecipient }
  | { readonly kind: 'malformed' }
  /** The address is in one of the tenant's verified domains: an internal person, not an external one. */
  | { readonly kind: 'internal'; readonly domain: string }
  /** The address belongs to an internal user or a group: it cannot be added as an external person. */
  | { readonly kind: 'taken'; readonly existingRecipient: ExistingRecipient };

export type GroupCheck =
  | { readonly kind: 'ok'; readonly group: GroupSummary; readonly assessment: Assessment }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-owner'; readonly group: GroupSummary }
  | { readonly kind: 'unsupported'; readonly group: GroupSummary; readonly reason: UnsupportedGroupReason }
  | { readonly kind: 'guests-not-allowed'; readonly group: GroupSummary; readonly scope: 'tenant' | 'group' }
  /**
   * The address belongs to a recipient this group's path cannot use: a mail contact or mail user
   * where a guest is needed (a guest would clash with it on proxyAddresses), or an internal one.
   */
  | {
      readonly kind: 'recipient-conflict';
      readonly group: GroupSummary;
      readonly existingRecipient: ExistingRecipient;
      readonly reason: ProvisioningRefusal;
    };

export interface Draft {
  readonly tenantId: string;
  readonly requester: Actor;
  readonly person: ExternalPerson;
  readonly groupId: string;
  readonly reason: string;
}

export type SubmitResult =
  | { readonly kind: 'submitted'; readonly request: AccessRequest }
  /** Something changed since the confirmation card was shown (group gone, ownership lost...). */
  | { readonly kind: 'invalid'; readonly check: Exclude<GroupCheck, { kind: 'ok' }> | Exclude<AddressCheck, { kind: 'ok' }> };

/**
 * What the intake dialog needs from the application: checks that the dialog turns into
 * prompts and messages, and the final submission that stores a pending request.
 */
export interface RequestIntake {
  checkAddress(email: string): Promise<AddressCheck>;
  /** Groups the requester owns whose name starts with `query` (at most 15, for a typeahead or a choice list). */
  searchGroups(requesterId: string, query: string): Promise<GroupSummary[]>;
  checkGroup(requesterId: string, groupId: string, email: string): Promise<GroupCheck>;
  /** Re-validates the whole draft, then stores it as pending approval with a new short id. */
  submit(draft: Draft): Promise<SubmitResult>;
}
