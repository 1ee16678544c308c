import type { AccessRequest, JournalEntry } from '../domain/access-request';
import { JournalObjectKeys, readJournal, remainingSteps } from '../domain/provisioning-journal';
import { planProvisioning, type ProvisioningRefusal, type ProvisioningStep, type ProvisioningStepName } from '../domain/provisioning-plan';
import type { ExistingRecipient } from '../domain/recipient';
import { classifyGroup } from '../domain/group-classification';
import type { GroupProperties, UnsupportedGroupReason } from '../domain/group-kind';
import { AppError, ErrorCodes, isAppError, rolesToGrantOf, type ErrorCode } from './app-error';
import type { Clock } from './ports/clock';
import type { Directory, GuestPolicy } from './ports/directory';
import type { Logger } from './ports/logger';
import type { ExchangeRecipients, GuestAccess } from './ports/provisioning-gateway';
import type { ProvisionOutcome as RunnerOutcome, Provisioner } from './provisioning-runner';

export interface ProvisionRequestOptions {
  readonly directory: Directory;
  readonly exchange: ExchangeRecipients;
  readonly guests: GuestAccess;
  readonly clock: Clock;
  readonly logger: Logger;
  /** HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS. */
  readonly hideNewContactsFromAddressLists: boolean;
}

export interface ProvisionCallbacks {
  /** Called after every step, before the next one starts: persist it (the journal is how a run resumes). */
  readonly onJournal: (entry: JournalEntry) => Promise<void>;
}

export type ProvisionOutcome =
  | {
      readonly kind: 'completed';
      /** Entra object id of the contact or guest that is now a member (when known). */
      readonly recipientId?: string;
      /** Exchange identity of the contact or guest (mail-contact path). */
      readonly recipientIdentity?: string;
      /** The person already was a member: nothing was written. */
      readonly alreadyMember: boolean;
    }
  /** The directory's current state forbids it (guests no longer allowed, address taken meanwhile, group changed...). */
  | {
      readonly kind: 'refused';
      readonly reason: ProvisioningRefusal | UnsupportedGroupReason | 'group-kind-changed';
      readonly errorCode: ErrorCode;
    }
  /**
   * A step cannot see an object created a moment ago (directory replication): nothing failed;
   * run again later (the ProvisioningRunner stores a due time) to resume from the journal.
   */
  | { readonly kind: 'waiting'; readonly step: ProvisioningStepName }
  /** A step failed; run again later to resume from the journal. */
  | {
      readonly kind: 'failed';
      readonly step: ProvisioningStepName | 'read-directory';
      readonly errorCode: ErrorCode;
      /** Refused for a missing Exchange role: the role(s) to grant. */
      readonly rolesToGrant?: readonly string[];
    };

const refusalCodes: Readonly<Record<ProvisioningRefusal, ErrorCode>> = {
  'guests-not-allowed': ErrorCodes.guestsNotAllowed,
  'address-belongs-to-mail-contact': ErrorCodes.proxyAddressConflict,
  'address-belongs-to-mail-user': ErrorCodes.proxyAddressConflict,
  'address-belongs-to-internal-recipient': ErrorCodes.recipientConflict,
};

interface RunState {
  recipientId?: string;
  recipientIdentity?: string;
  /** A recipient was created in this run or an earlier one: later steps may not see it yet. */
  createdRecipient: boolean;
  alreadyMember: boolean;
}

/**
 * Provisions an approved request: re-reads the directory, plans the steps, skips those the
 * journal says are done, and runs the rest, journaling each outcome before the next starts.
 * Round trips: 1 parallel read (recipient look-up, the group, and the guest policy on the guest path), then
 * one write per remaining step (2 for a fresh address, 3 with hidden contacts, 1 to reuse).
 */
/** The step name a refusal is reported under where only "failed with a step" can be said. */
export const planStep = 'plan';

export class ProvisionRequest implements Provisioner {
  constructor(private readonly options: ProvisionRequestOptions) {}

  async run(request: AccessRequest, callbacks: ProvisionCallbacks): Promise<ProvisionOutcome> {
    const log = this.options.logger.child({ requestId: request.id, groupId: request.group.id });
    const path = request.assessment.path;
    let existing: ExistingRecipient | undefined;
    let policy: GuestPolicy | undefined;
    let group: GroupProperties | undefined;
    try {
      [existing, policy, group] = await Promise.all([
        this.options.directory.findRecipient(request.person.email),
        path === 'guest' ? this.options.directory.guestPolicy(request.group.id) : Promise.resolve(undefined),
        this.options.directory.getGroup(request.group.id),
      ]);
    } catch (error) {
      const code = codeOf(error);
      log.warn('provisioning could not read the directory', { errorCode: code, error: messageOf(error) });
      return { kind: 'failed', step: 'read-directory', errorCode: code };
    }
    if (group === undefined) {
      log.warn('the group no longer exists');
      return { kind: 'failed', step: 'read-directory', errorCode: ErrorCodes.notFound };
    }
    // The group may have changed since approval (now synced, dynamic, or another kind).
    const classification = classifyGroup(group);
    if (classification.kind === 'unsupported' || classification.path !== path) {
      const reason = classification.kind === 'unsupported' ? classification.reason : 'group-kind-changed';
      log.info('provisioning refused: the group changed', { reason });
      return { kind: 'refused', reason, errorCode: ErrorCodes.groupNotWritable };
    }

    const progress = readJournal(request.journal);
    // A recipient an earlier run created may not be visible yet: the journal is the truth then.
    const known = progress.recipientId !== undefined || progress.recipientIdentity !== undefined;
    const plan = planProvisioning({
      path,
      ...(existing !== undefined && !known ? { existingRecipient: existing } : {}),
      alreadyMember: false,
      ...(policy !== undefined ? { guestsAllowed: policy.tenantAllowsGuests && policy.groupAllowsGuests } : {}),
      hideNewContactsFromAddressLists: this.options.hideNewContactsFromAddressLists,
    });
    if (plan.kind === 'refused') {
      log.info('provisioning refused', { reason: plan.reason });
      return { kind: 'refused', reason: plan.reason, errorCode: refusalCodes[plan.reason] };
    }

    const state: RunState = {
      ...(progress.recipientId !== undefined ? { recipientId: progress.recipientId } : {}),
      ...(progress.recipientIdentity !== undefined ? { recipientIdentity: progress.recipientIdentity } : {}),
      createdRecipient: progress.completed.has('create-mail-contact') || progress.completed.has('invite-guest'),
      alreadyMember: false,
    };
    for (const step of remainingSteps(plan.steps, progress)) {
      let entry: JournalEntry;
      try {
        entry = await this.runStep(step, request, state);
      } catch (error) {
        if (directoryNotCaughtUp(error, state)) {
          log.info('the directory has not caught up with the new recipient yet', { step: step.kind, errorCode: codeOf(error) });
          return { kind: 'waiting', step: step.kind };
        }
        const code = codeOf(error);
        log.warn('provisioning step failed', { step: step.kind, errorCode: code, error: messageOf(error) });
        await callbacks.onJournal({ step: step.kind, outcome: 'failed', at: this.now(), errorCode: code });
        const roles = rolesToGrantOf(error);
        return { kind: 'failed', step: step.kind, errorCode: code, ...(roles.length > 0 ? { rolesToGrant: roles } : {}) };
      }
      await callbacks.onJournal(entry);
      log.info('provisioning step finished', { step: step.kind, outcome: entry.outcome, alreadyDone: entry.alreadyDone === true });
    }
    return {
      kind: 'completed',
      ...(state.recipientId !== undefined ? { recipientId: state.recipientId } : {}),
      ...(state.recipientIdentity !== undefined ? { recipientIdentity: state.recipientIdentity } : {}),
      alreadyMember: state.alreadyMember,
    };
  }

  /**
   * The Provisioner port of the ProvisioningRunner (src/app/provisioning-runner.ts): run() with
   * a refusal reported as a failure of the 'plan' step, with its error code.
   */
  async provision(request: AccessRequest, record: (entry: JournalEntry) => Promise<void>): Promise<RunnerOutcome> {
    const outcome = await this.run(request, { onJournal: record });
    switch (outcome.kind) {
      case 'completed':
        return { kind: 'completed' };
      case 'refused':
        return { kind: 'failed', step: planStep, errorCode: outcome.errorCode };
      case 'waiting':
        return { kind: 'waiting', step: outcome.step };
      case 'failed':
        return {
          kind: 'failed',
          step: outcome.step,
          errorCode: outcome.errorCode,
          ...(outcome.rolesToGrant !== undefined ? { rolesToGrant: outcome.rolesToGrant } : {}),
        };
    }
  }

  private async runStep(step: ProvisioningStep, request: AccessRequest, state: RunState): Promise<JournalEntry> {
    const { exchange, guests } = this.options;
    const email = request.person.email;
    switch (step.kind) {
      case 'use-existing-recipient': {
        state.recipientId = step.recipient.id;
        state.recipientIdentity = step.recipient.exchangeIdentity ?? step.recipient.email;
        return this.entry(step.kind, 'reused', state, true);
      }
      case 'create-mail-contact': {
        try {
          const created = await exchange.createMailContact({
            email,
            displayName: request.person.displayName,
            firstName: request.person.firstName,
            lastName: request.person.lastName,
          });
          state.recipientId = created.id;
          state.recipientIdentity = created.identity;
          state.createdRecipient = true;
          return this.entry(step.kind, 'done', state, false);
        } catch (error) {
          // Whatever refused the create (the address in use by an Exchange or Entra object, a run
          // interrupted after the create could not journal it), the address may have an owner now:
          // look it up again and reuse it if it is a contact, guest or mail user.
          const owner = await this.options.directory.findRecipient(email).catch(() => undefined);
          if (owner === undefined && isAppError(error) && error.code === ErrorCodes.proxyAddressConflict) {
            // The address is taken, but reads do not show its owner yet: wait for the directory.
            throw new AppError(ErrorCodes.replicationPending, 'The address is in use, but its owner is not visible yet', { cause: error });
          }
          if (owner === undefined || !['mail-contact', 'guest', 'mail-user'].includes(owner.kind)) throw error;
          state.recipientId = owner.id;
          state.recipientIdentity = owner.exchangeIdentity ?? owner.email;
          return this.entry(step.kind, 'reused', state, true);
        }
      }
      case 'hide-mail-contact': {
        await exchange.hideMailContact(this.requireIdentity(state, email));
        return this.entry(step.kind, 'done', state, false);
      }
      case 'add-distribution-group-member': {
        const identity = this.requireIdentity(state, email);
        const change = await exchange.addDistributionGroupMember(request.group, identity);
        state.alreadyMember = change === 'already-member';
        return this.entry(step.kind, change === 'added' ? 'done' : 'reused', state, change === 'already-member', request.group.id);
      }
      case 'invite-guest': {
        const invited = await guests.invite({ email, displayName: request.person.displayName });
        state.recipientId = invited.userId;
        state.recipientIdentity = email;
        state.createdRecipient = true;
        return this.entry(step.kind, 'done', state, false);
      }
      case 'add-group-member': {
        const userId = state.recipientId;
        if (userId === undefined) throw new AppError(ErrorCodes.notFound, 'No guest user id to add to the group');
        const change = await guests.addGroupMember(request.group.id, userId);
        state.alreadyMember = change === 'already-member';
        return this.entry(step.kind, change === 'added' ? 'done' : 'reused', state, change === 'already-member', request.group.id);
      }
    }
  }

  private requireIdentity(state: RunState, email: string): string {
    return state.recipientIdentity ?? email;
  }

  private entry(step: ProvisioningStepName, outcome: 'done' | 'reused', state: RunState, alreadyDone: boolean, groupId?: string): JournalEntry {
    const objectIds: Record<string, string> = {};
    if (state.recipientId !== undefined) objectIds[JournalObjectKeys.recipientId] = state.recipientId;
    if (state.recipientIdentity !== undefined) objectIds[JournalObjectKeys.recipientIdentity] = state.recipientIdentity;
    if (groupId !== undefined) objectIds[JournalObjectKeys.groupId] = groupId;
    return { step, outcome, at: this.now(), objectIds, ...(alreadyDone ? { alreadyDone: true } : {}) };
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

/**
 * A step that uses a recipient created in this run or an earlier one meets not-found, or the
 * address is taken by an owner reads do not show yet: directory replication, not a failure.
 */
function directoryNotCaughtUp(error: unknown, state: RunState): boolean {
  if (!isAppError(error)) return false;
  return error.code === ErrorCodes.replicationPending || (error.code === ErrorCodes.notFound && state.createdRecipient);
}

function codeOf(error: unknown): ErrorCode {
  return isAppError(error) ? error.code : ErrorCodes.unexpectedResponse;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
