import type { AccessRequest } from '../domain/access-request';
import { type ApprovalTimerPolicy, scheduleTimers } from '../domain/approval-timers';
import type { Assessment } from '../domain/assessment';
import { parseEmailAddress } from '../domain/email-address';
import { classifyGroup } from '../domain/group-classification';
import type { GroupProperties } from '../domain/group-kind';
import type { GroupSummary } from '../domain/group-summary';
import { planProvisioning } from '../domain/provisioning-plan';
import type { ExistingRecipient } from '../domain/recipient';
import type { Clock } from './ports/clock';
import type { Directory, GroupMailSettings, GuestPolicy } from './ports/directory';
import type { Logger } from './ports/logger';
import type { RequestStore } from './ports/request-store';
import type { RequestIdGenerator } from './request-id-generator';
import type { AddressCheck, Draft, GroupCheck, RequestIntake, SubmitResult } from './request-intake';

export interface IntakeServiceOptions {
  readonly directory: Directory;
  readonly store: RequestStore;
  readonly clock: Clock;
  readonly newId: RequestIdGenerator;
  readonly logger: Logger;
  /** HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS (only changes the planned steps, not the checks). */
  readonly hideNewContactsFromAddressLists?: boolean;
  /** Reminders, escalation and expiry: their due times are stored with each new request. */
  readonly timerPolicy?: ApprovalTimerPolicy;
}

/** At most this many groups are offered (Adaptive Card typeahead limit). */
export const maxGroupChoices = 15;
const idAttempts = 5;

/**
 * The intake use cases behind the request dialog: every check reads the directory afresh, and
 * submit re-validates the whole draft before storing it as pending approval.
 * Round trips (docs/graph-service.md): checkAddress 1; checkGroup 2 (the group and the address
 * in parallel, then ownership, the kind's settings and membership in parallel, plus one for the
 * Graph owners of a Microsoft 365 group); submit as checkGroup, plus the store write.
 */
export class IntakeService implements RequestIntake {
  constructor(private readonly options: IntakeServiceOptions) {}

  async checkAddress(email: string): Promise<AddressCheck> {
    const parsed = parseEmailAddress(email);
    if (parsed.kind === 'invalid') return { kind: 'malformed' };
    const { directory } = this.options;
    const [domains, existing] = await Promise.all([directory.verifiedDomains(), directory.findRecipient(parsed.address)]);
    if (domains.includes(parsed.domain)) return { kind: 'internal', domain: parsed.domain };
    if (existing !== undefined && isInternal(existing)) return { kind: 'taken', existingRecipient: existing };
    return existing === undefined ? { kind: 'ok', email: parsed.address } : { kind: 'ok', email: parsed.address, existingRecipient: existing };
  }

  async searchGroups(requesterId: string, query: string): Promise<GroupSummary[]> {
    const groups = await this.options.directory.searchOwnedGroups(requesterId, query.trim(), maxGroupChoices);
    return groups.slice(0, maxGroupChoices).map(summarise);
  }

  async checkGroup(requesterId: string, groupId: string, email: string): Promise<GroupCheck> {
    const { directory } = this.options;
    const parsed = parseEmailAddress(email);
    const address = parsed.kind === 'valid' ? parsed.address : undefined;
    const existingP = address === undefined ? Promise.resolve(undefined) : directory.findRecipient(address);
    const group = await directory.getGroup(groupId);
    if (group === undefined) {
      await existingP.catch(() => undefined);
      return { kind: 'not-found' };
    }
    const summary = summarise(group);
    const classification = summary.classification;
    // Second (and last) round: ownership, the kind's settings and membership, all at once.
    const ownerP = directory.isGroupOwner(groupId, requesterId);
    const guestPath = classification.kind === 'supported' && classification.path === 'guest';
    const settingsP: Promise<GuestPolicy | GroupMailSettings | undefined> =
      classification.kind === 'unsupported' ? Promise.resolve(undefined) : guestPath ? directory.guestPolicy(groupId) : directory.groupMailSettings(groupId);
    const memberP = existingP.then((existing) =>
      existing === undefined || isInternal(existing) || classification.kind === 'unsupported' ? false : directory.isMember(groupId, existing),
    );
    const [owner, settings, existing, alreadyMember] = await Promise.all([ownerP, settingsP, existingP, memberP]);
    if (!owner) return { kind: 'not-owner', group: summary };
    if (classification.kind === 'unsupported') return { kind: 'unsupported', group: summary, reason: classification.reason };

    const policy = settings !== undefined && 'tenantAllowsGuests' in settings ? settings : undefined;
    const mailSettings = settings !== undefined && 'requireSenderAuthentication' in settings ? settings : undefined;
    if (policy !== undefined && !(policy.tenantAllowsGuests && policy.groupAllowsGuests)) {
      return { kind: 'guests-not-allowed', group: summary, scope: policy.tenantAllowsGuests ? 'group' : 'tenant' };
    }
    const plan = planProvisioning({
      path: classification.path,
      ...(existing !== undefined ? { existingRecipient: existing } : {}),
      alreadyMember,
      ...(policy !== undefined ? { guestsAllowed: true } : {}),
      hideNewContactsFromAddressLists: this.options.hideNewContactsFromAddressLists ?? false,
    });
    if (plan.kind === 'refused' && existing !== undefined) {
      return { kind: 'recipient-conflict', group: summary, existingRecipient: existing, reason: plan.reason };
    }
    const assessment: Assessment = {
      groupKind: classification.groupKind,
      path: classification.path,
      ...(existing !== undefined ? { existingRecipient: existing } : {}),
      alreadyMember,
      internalSendersOnly: mailSettings !== undefined && (mailSettings.requireSenderAuthentication || mailSettings.hasAcceptOnlyFromRestrictions),
      ...(policy !== undefined ? { guestsAllowed: true } : {}),
    };
    return { kind: 'ok', group: summary, assessment };
  }

  async submit(draft: Draft): Promise<SubmitResult> {
    const [address, group] = await Promise.all([
      this.checkAddress(draft.person.email),
      this.checkGroup(draft.requester.aadObjectId, draft.groupId, draft.person.email),
    ]);
    if (address.kind !== 'ok') return { kind: 'invalid', check: address };
    if (group.kind !== 'ok') return { kind: 'invalid', check: group };
    const classification = group.group.classification;
    if (classification.kind !== 'supported') return { kind: 'invalid', check: { kind: 'unsupported', group: group.group, reason: classification.reason } };

    const createdAt = this.options.clock.now().toISOString();
    const policy = this.options.timerPolicy;
    const base: Omit<AccessRequest, 'id'> = {
      tenantId: draft.tenantId,
      requester: draft.requester,
      person: { ...draft.person, email: address.email },
      group: {
        id: group.group.id,
        displayName: group.group.displayName,
        ...(group.group.mail !== undefined ? { mail: group.group.mail } : {}),
        kind: classification.groupKind,
      },
      reason: draft.reason,
      assessment: group.assessment,
      status: 'pending-approval',
      createdAt,
      journal: [],
      ...(policy !== undefined ? { timers: scheduleTimers(policy, createdAt) } : {}),
    };
    for (let attempt = 0; attempt < idAttempts; attempt += 1) {
      const request: AccessRequest = { id: this.options.newId(), ...base };
      const saved = await this.options.store.create(request);
      if (saved.kind === 'saved') {
        this.options.logger.info('request submitted', { requestId: request.id, groupId: request.group.id, path: request.assessment.path });
        return { kind: 'submitted', request };
      }
      this.options.logger.warn('request id already taken, drawing another', { requestId: request.id });
    }
    throw new Error(`Could not find a free request id after ${idAttempts} attempts`);
  }
}

function summarise(group: GroupProperties): GroupSummary {
  return {
    id: group.id,
    displayName: group.displayName,
    ...(group.mail ? { mail: group.mail } : {}),
    classification: classifyGroup(group),
  };
}

/** Internal users, groups and other internal recipients cannot be brought in as external people. */
function isInternal(recipient: ExistingRecipient): boolean {
  return recipient.kind === 'member-user' || recipient.kind === 'group' || recipient.kind === 'other';
}
