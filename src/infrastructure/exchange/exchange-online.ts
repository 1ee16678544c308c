import { AppError, ErrorCodes } from '../../app/app-error';
import type { ExternalSendersGateway } from '../../app/allow-external-senders';
import type { Clock } from '../../app/ports/clock';
import type { GroupMailSettings } from '../../app/ports/directory';
import type { Logger } from '../../app/ports/logger';
import type { CreatedRecipient, ExchangeRecipients, GroupIdentity, MembershipChange, NewMailContact } from '../../app/ports/provisioning-gateway';
import type { TargetGroup } from '../../domain/access-request';
import type { GroupProperties } from '../../domain/group-kind';
import type { RecipientKind } from '../../domain/recipient';
import { ShortLivedCache } from '../cache/short-lived-cache';
import type { CmdletParameters, ExchangeAdminClient, ExchangeObject, ExchangeResult } from './exchange-admin-client';
import { ExchangeCommandError, ExchangeExceptionTypes, isExchangeCommandError, isExchangeNotFound } from './exchange-command-error';
import { requiredExchangeRoles } from './exchange-roles';
import { mailContactAlias, mailContactName } from './mail-contact-names';

/** A recipient as Exchange knows it (Get-Recipient). */
export interface ExchangeRecipient {
  readonly kind: RecipientKind;
  /** ExternalDirectoryObjectId: the Entra object id, when Exchange has one. */
  readonly id?: string;
  /** A documented -Identity / -Member form: the Exchange GUID, else the primary SMTP address. */
  readonly identity: string;
  readonly displayName: string;
}

export interface ExchangeOnlineOptions {
  readonly client: ExchangeAdminClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Who the app is to Exchange, for Get-ManagementRoleAssignment -RoleAssignee (its client id):
   * lets a refusal name exactly the missing role. Without it a refusal names every role the call needs.
   */
  readonly roleAssignee?: string;
  /** How long group settings and a user's managed groups are reused (default 30 s). */
  readonly cacheTtlMs?: number;
}

/** A -Identity value to try, then (on not-found) a documented form to try once more. */
interface IdentityForms {
  readonly parameter: 'Identity' | 'ManagedBy';
  readonly first: string;
  /** The documented form (primary SMTP address, UPN), or a way to find it. */
  readonly documented: () => Promise<string | undefined>;
}

/**
 * The one adapter for Exchange Online: every cmdlet the bot runs, through one call helper that
 * (1) falls back from an Entra object id to a documented identity once when Exchange says not
 * found, logging which form worked, and (2) turns a refusal for a missing role into the exact
 * role(s) to grant. The distribution-group path writes here; Graph cannot.
 * Groups are named by their Entra object id (ExternalDirectoryObjectId), with their primary SMTP
 * address as the documented fallback; the app is never a group manager, so membership and sender
 * changes pass -BypassSecurityGroupManagerCheck.
 */
export class ExchangeOnline implements ExchangeRecipients, ExternalSendersGateway {
  private readonly settings: ShortLivedCache<GroupMailSettings>;
  private readonly managed: ShortLivedCache<GroupProperties[]>;

  constructor(private readonly options: ExchangeOnlineOptions) {
    const now = (): number => options.clock.now().getTime();
    this.settings = new ShortLivedCache(options.cacheTtlMs ?? 30_000, now);
    this.managed = new ShortLivedCache(options.cacheTtlMs ?? 30_000, now);
  }

  // --- reads ---------------------------------------------------------------------------------

  /** Get-Recipient -Identity <address>: any kind of recipient that has the address, or undefined. */
  async findRecipient(address: string): Promise<ExchangeRecipient | undefined> {
    try {
      const found = (await this.run('Get-Recipient', { Identity: address })).value[0];
      return found === undefined ? undefined : toRecipient(found, address);
    } catch (error) {
      if (isExchangeNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Get-DistributionGroup: the sender settings of a distribution or mail-enabled security group. */
  distributionGroup(group: GroupIdentity): Promise<GroupMailSettings> {
    return this.settings.get(group.id, async () => {
      const result = await this.run('Get-DistributionGroup', {}, groupForms(group));
      const dg = result.value[0];
      if (dg === undefined) throw new AppError(ErrorCodes.notFound, `Get-DistributionGroup returned nothing for ${group.id}`);
      const acceptOnly = ['AcceptMessagesOnlyFrom', 'AcceptMessagesOnlyFromDLMembers', 'AcceptMessagesOnlyFromSendersOrMembers'].some(
        (key) => stringList(dg, key).length > 0,
      );
      return {
        requireSenderAuthentication: dg['RequireSenderAuthenticationEnabled'] !== false,
        hasAcceptOnlyFromRestrictions: acceptOnly,
        primarySmtpAddress: text(dg['PrimarySmtpAddress']) ?? group.mail ?? '',
      };
    });
  }

  /**
   * One Get-DistributionGroup -ManagedBy <user> for every distribution and mail-enabled security
   * group the user manages (all pages), as Graph-shaped group properties. The user is named by
   * the Entra object id first, by `address` (a documented form) if Exchange does not find that.
   */
  groupsManagedBy(userId: string, address: () => Promise<string | undefined>): Promise<GroupProperties[]> {
    return this.managed.get(userId.toLowerCase(), async () => {
      try {
        const result = await this.run('Get-DistributionGroup', { ResultSize: 'Unlimited' }, { parameter: 'ManagedBy', first: userId, documented: address });
        return result.value.flatMap((dg) => {
          const group = toGroupProperties(dg);
          return group === undefined ? [] : [group];
        });
      } catch (error) {
        // A user Exchange does not know (no mailbox or mail user) manages no distribution group.
        if (isExchangeNotFound(error)) return [];
        throw error;
      }
    });
  }

  /**
   * The Exchange roles the app holds (Get-ManagementRoleAssignment -RoleAssignee, direct and
   * through role groups). Needs the read-only role View-Only Configuration.
   */
  async assignedRoles(roleAssignee: string): Promise<string[]> {
    const result = await this.options.client.invoke('Get-ManagementRoleAssignment', { RoleAssignee: roleAssignee });
    return [...new Set(result.value.flatMap((assignment) => (text(assignment['Role']) !== undefined ? [text(assignment['Role'])!] : [])))];
  }

  // --- writes --------------------------------------------------------------------------------

  /**
   * New-MailContact with a Name unique on the first try and a clean Alias; the new contact is
   * named afterwards by the Guid Exchange returns (unique even while its address is not
   * replicated everywhere).
   */
  async createMailContact(contact: NewMailContact): Promise<CreatedRecipient> {
    const parameters: Record<string, string> = {
      Name: mailContactName(contact.displayName, contact.email),
      Alias: mailContactAlias(contact.email),
      ExternalEmailAddress: contact.email,
      DisplayName: (contact.displayName.trim() || contact.email).slice(0, 256),
    };
    if (contact.firstName.trim() !== '') parameters['FirstName'] = contact.firstName.trim();
    if (contact.lastName.trim() !== '') parameters['LastName'] = contact.lastName.trim();
    const created = (await this.run('New-MailContact', parameters)).value[0];
    const id = created === undefined ? undefined : text(created['ExternalDirectoryObjectId']);
    const identity = (created === undefined ? undefined : (text(created['Guid']) ?? text(created['PrimarySmtpAddress']))) ?? contact.email;
    return { ...(id !== undefined ? { id } : {}), identity };
  }

  async hideMailContact(identity: string): Promise<void> {
    await this.run('Set-MailContact', { Identity: identity, HiddenFromAddressListsEnabled: true });
  }

  async addDistributionGroupMember(group: GroupIdentity, memberIdentity: string): Promise<MembershipChange> {
    try {
      await this.run('Add-DistributionGroupMember', { Member: memberIdentity, BypassSecurityGroupManagerCheck: true }, groupForms(group));
      return 'added';
    } catch (error) {
      if (isExchangeCommandError(error) && error.exceptionType === ExchangeExceptionTypes.memberAlreadyExists) return 'already-member';
      throw error;
    }
  }

  /** Set-DistributionGroup -RequireSenderAuthenticationEnabled:$false, after reading it (already allowed: nothing written). */
  async allowExternalSenders(group: TargetGroup): Promise<'changed' | 'already-allowed'> {
    if (group.kind === 'microsoft-365') throw new AppError(ErrorCodes.groupNotWritable, 'Microsoft 365 groups are not changed with Set-DistributionGroup');
    this.settings.forget(group.id);
    const current = await this.distributionGroup(group);
    if (!current.requireSenderAuthentication) return 'already-allowed';
    await this.run('Set-DistributionGroup', { RequireSenderAuthenticationEnabled: false, BypassSecurityGroupManagerCheck: true }, groupForms(group));
    this.settings.forget(group.id);
    this.options.logger.info('external senders allowed', { groupId: group.id });
    return 'changed';
  }

  // --- the one call helper -------------------------------------------------------------------

  private async run(cmdlet: string, parameters: CmdletParameters, identity?: IdentityForms): Promise<ExchangeResult> {
    try {
      if (identity === undefined) return await this.options.client.invoke(cmdlet, parameters);
      return await this.withIdentityFallback(cmdlet, parameters, identity);
    } catch (error) {
      throw await this.withExactRoles(error);
    }
  }

  private async withIdentityFallback(cmdlet: string, parameters: CmdletParameters, identity: IdentityForms): Promise<ExchangeResult> {
    const { logger, client } = this.options;
    try {
      return await client.invoke(cmdlet, { ...parameters, [identity.parameter]: identity.first });
    } catch (error) {
      if (!isExchangeNotFound(error)) throw error;
      const documented = await identity.documented();
      if (documented === undefined || documented.toLowerCase() === identity.first.toLowerCase()) throw error;
      const result = await client.invoke(cmdlet, { ...parameters, [identity.parameter]: documented });
      logger.info('exchange identity: the Entra object id was not found, the documented form worked', {
        cmdlet,
        parameter: identity.parameter,
        objectId: identity.first,
        worked: documented,
      });
      return result;
    }
  }

  /** A missing-role refusal names the roles the call needs; with the app's role list at hand, only the missing ones. */
  private async withExactRoles(error: unknown): Promise<unknown> {
    const roleAssignee = this.options.roleAssignee;
    if (!(isExchangeCommandError(error) && error.code === ErrorCodes.permissionDenied) || roleAssignee === undefined) return error;
    const needed = error.rolesToGrant ?? [];
    if (needed.length < 2) return error;
    try {
      const held = new Set((await this.assignedRoles(roleAssignee)).map((r) => r.toLowerCase()));
      const missing = needed.filter((role) => !held.has(role.toLowerCase()));
      if (missing.length === 0 || missing.length === needed.length) return error;
      return new ExchangeCommandError(error.code, error.details, { cause: error.cause, rolesToGrant: missing });
    } catch {
      // The roles could not be read (View-Only Configuration not granted): name every role the call needs.
      return error;
    }
  }
}

/** The required roles the app lacks, from its role list (for the doctor). */
export function missingRequiredRoles(held: readonly string[]): string[] {
  const have = new Set(held.map((r) => r.toLowerCase()));
  return requiredExchangeRoles.filter((role) => !have.has(role.toLowerCase()));
}

function groupForms(group: GroupIdentity): IdentityForms {
  const mail = group.mail ?? undefined;
  return { parameter: 'Identity', first: group.id, documented: () => Promise.resolve(mail === '' ? undefined : mail) };
}

function toRecipient(obj: ExchangeObject, address: string): ExchangeRecipient {
  const id = text(obj['ExternalDirectoryObjectId']);
  return {
    kind: recipientKindOf(text(obj['RecipientTypeDetails'])),
    ...(id !== undefined ? { id } : {}),
    identity: text(obj['Guid']) ?? text(obj['PrimarySmtpAddress']) ?? address,
    displayName: text(obj['DisplayName']) ?? text(obj['Name']) ?? '',
  };
}

export function recipientKindOf(details: string | undefined): RecipientKind {
  const d = (details ?? '').toLowerCase();
  if (d === 'mailcontact') return 'mail-contact';
  if (d === 'guestmailuser') return 'guest';
  if (d === 'mailuser') return 'mail-user';
  if (d.endsWith('mailbox') && d !== 'groupmailbox') return 'member-user';
  if (d.includes('group') || d === 'roomlist') return 'group';
  return 'other';
}

/** A Get-DistributionGroup object as the Graph group properties the classification reads. */
function toGroupProperties(dg: ExchangeObject): GroupProperties | undefined {
  const id = text(dg['ExternalDirectoryObjectId']);
  if (id === undefined) return undefined;
  return {
    id,
    displayName: text(dg['DisplayName']) ?? text(dg['Name']) ?? id,
    mail: text(dg['PrimarySmtpAddress']) ?? null,
    groupTypes: [],
    mailEnabled: true,
    securityEnabled: text(dg['RecipientTypeDetails']) === 'MailUniversalSecurityGroup',
    onPremisesSyncEnabled: dg['IsDirSynced'] === true ? true : null,
    membershipRule: null,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringList(obj: ExchangeObject, key: string): string[] {
  const v = obj[key];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return typeof v === 'string' && v !== '' ? [v] : [];
}
