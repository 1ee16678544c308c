import type { AddressCheck, Draft, GroupCheck, RequestIntake, SubmitResult } from '../../src/app/request-intake';
import type { AccessRequest } from '../../src/domain/access-request';
import type { GroupSummary } from '../../src/domain/group-summary';
import type { ExistingRecipient } from '../../src/domain/recipient';
import type { Clock } from '../../src/app/ports/clock';

export interface FakeGroup {
  readonly summary: GroupSummary;
  readonly owners: readonly string[];
  /** Addresses already in the group. */
  readonly memberEmails?: readonly string[];
  readonly internalSendersOnly?: boolean;
  /** Microsoft 365 groups: where guests are refused, if anywhere. */
  readonly guestsRefusedBy?: 'tenant' | 'group';
}

export interface FakeTenant {
  readonly tenantId: string;
  readonly verifiedDomains: readonly string[];
  readonly recipients: readonly ExistingRecipient[];
  readonly groups: readonly FakeGroup[];
}

/**
 * A hand-written RequestIntake over an in-memory tenant, for dialog and router tests. It follows
 * the contract of src/app/request-intake.ts; the real IntakeService is tested against the simulator.
 */
export class FakeRequestIntake implements RequestIntake {
  readonly submitted: AccessRequest[] = [];
  private groups: FakeGroup[];

  constructor(
    private readonly tenant: FakeTenant,
    private readonly clock: Clock,
  ) {
    this.groups = [...tenant.groups];
  }

  /** Simulates a change in the directory after the card was shown (e.g. ownership removed). */
  replaceGroup(group: FakeGroup): void {
    this.groups = this.groups.map((existing) => (existing.summary.id === group.summary.id ? group : existing));
  }

  async checkAddress(email: string): Promise<AddressCheck> {
    const address = email.trim().toLowerCase();
    const at = address.lastIndexOf('@');
    if (at <= 0 || at === address.length - 1) return { kind: 'malformed' };
    const domain = address.slice(at + 1);
    if (this.tenant.verifiedDomains.includes(domain)) return { kind: 'internal', domain };
    const existing = this.tenant.recipients.find((recipient) => recipient.email === address);
    if (existing && (existing.kind === 'member-user' || existing.kind === 'group')) return { kind: 'taken', existingRecipient: existing };
    return existing ? { kind: 'ok', email: address, existingRecipient: existing } : { kind: 'ok', email: address };
  }

  async searchGroups(requesterId: string, query: string): Promise<GroupSummary[]> {
    const prefix = query.toLowerCase();
    return this.groups
      .filter((group) => group.owners.includes(requesterId) && group.summary.displayName.toLowerCase().startsWith(prefix))
      .map((group) => group.summary)
      .slice(0, 15);
  }

  async checkGroup(requesterId: string, groupId: string, email: string): Promise<GroupCheck> {
    const found = this.groups.find((group) => group.summary.id === groupId);
    if (!found) return { kind: 'not-found' };
    const { summary } = found;
    if (!found.owners.includes(requesterId)) return { kind: 'not-owner', group: summary };
    if (summary.classification.kind === 'unsupported') return { kind: 'unsupported', group: summary, reason: summary.classification.reason };
    if (found.guestsRefusedBy) return { kind: 'guests-not-allowed', group: summary, scope: found.guestsRefusedBy };
    const address = email.toLowerCase();
    const existingRecipient = this.tenant.recipients.find((recipient) => recipient.email === address);
    const { groupKind, path } = summary.classification;
    if (path === 'guest' && (existingRecipient?.kind === 'mail-contact' || existingRecipient?.kind === 'mail-user')) {
      const reason = existingRecipient.kind === 'mail-contact' ? 'address-belongs-to-mail-contact' : 'address-belongs-to-mail-user';
      return { kind: 'recipient-conflict', group: summary, existingRecipient, reason };
    }
    return {
      kind: 'ok',
      group: summary,
      assessment: {
        groupKind,
        path,
        ...(existingRecipient ? { existingRecipient } : {}),
        alreadyMember: found.memberEmails?.includes(address) ?? false,
        internalSendersOnly: found.internalSendersOnly ?? false,
        ...(path === 'guest' ? { guestsAllowed: true } : {}),
      },
    };
  }

  async submit(draft: Draft): Promise<SubmitResult> {
    const address = await this.checkAddress(draft.person.email);
    if (address.kind !== 'ok') return { kind: 'invalid', check: address };
    const group = await this.checkGroup(draft.requester.aadObjectId, draft.groupId, draft.person.email);
    if (group.kind !== 'ok') return { kind: 'invalid', check: group };
    const { classification } = group.group;
    if (classification.kind !== 'supported') throw new Error('unreachable: an ok check has a supported group');
    const request: AccessRequest = {
      id: `R-${String(this.submitted.length + 1).padStart(6, '0')}`,
      tenantId: draft.tenantId,
      requester: draft.requester,
      person: draft.person,
      group: {
        id: group.group.id,
        displayName: group.group.displayName,
        kind: classification.groupKind,
        ...(group.group.mail ? { mail: group.group.mail } : {}),
      },
      reason: draft.reason,
      assessment: group.assessment,
      status: 'pending-approval',
      createdAt: this.clock.now().toISOString(),
      journal: [],
    };
    this.submitted.push(request);
    return { kind: 'submitted', request };
  }
}
