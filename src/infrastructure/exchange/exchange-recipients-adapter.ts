import type {
  CreatedRecipient,
  ExchangeRecipients,
  MembershipChange,
  NewMailContact,
} from '../../app/ports/provisioning-gateway';
import type { ExchangeAdminClient, ExchangeObject } from './exchange-admin-client';
import { ExchangeExceptionTypes, isExchangeCommandError } from './exchange-command-error';

/** New-MailContact -Name is unique and at most 64 characters. */
const maxNameLength = 64;

/**
 * ExchangeRecipients over the InvokeCommand endpoint. Distribution groups are named by their
 * Entra object id (Exchange accepts ExternalDirectoryObjectId as -Identity). The app is never
 * a group manager, so membership and sender changes pass -BypassSecurityGroupManagerCheck.
 */
export class ExchangeRecipientsAdapter implements ExchangeRecipients {
  constructor(private readonly exchange: ExchangeAdminClient) {}

  async createMailContact(contact: NewMailContact): Promise<CreatedRecipient> {
    const parameters = {
      ExternalEmailAddress: contact.email,
      DisplayName: contact.displayName.slice(0, 256),
      FirstName: contact.firstName,
      LastName: contact.lastName,
    };
    let result;
    try {
      result = await this.exchange.invoke('New-MailContact', { Name: contactName(contact, false), ...parameters });
    } catch (error) {
      // Another object already has this Name (not the address): make the name unique with the address.
      if (!isExchangeCommandError(error) || error.exceptionType !== ExchangeExceptionTypes.objectAlreadyExists) throw error;
      result = await this.exchange.invoke('New-MailContact', { Name: contactName(contact, true), ...parameters });
    }
    const created: ExchangeObject | undefined = result.value[0];
    const id = created === undefined ? undefined : text(created['ExternalDirectoryObjectId']);
    const identity = (created === undefined ? undefined : text(created['PrimarySmtpAddress'])) ?? contact.email;
    return { ...(id !== undefined ? { id } : {}), identity };
  }

  async hideMailContact(identity: string): Promise<void> {
    await this.exchange.invoke('Set-MailContact', { Identity: identity, HiddenFromAddressListsEnabled: true });
  }

  async addDistributionGroupMember(groupId: string, memberIdentity: string): Promise<MembershipChange> {
    try {
      await this.exchange.invoke('Add-DistributionGroupMember', {
        Identity: groupId,
        Member: memberIdentity,
        BypassSecurityGroupManagerCheck: true,
      });
      return 'added';
    } catch (error) {
      if (isExchangeCommandError(error) && error.exceptionType === ExchangeExceptionTypes.memberAlreadyExists) return 'already-member';
      throw error;
    }
  }

  async allowExternalSenders(groupId: string): Promise<'changed' | 'already-allowed'> {
    const current = await this.exchange.invoke('Get-DistributionGroup', { Identity: groupId });
    if (current.value[0]?.['RequireSenderAuthenticationEnabled'] === false) return 'already-allowed';
    await this.exchange.invoke('Set-DistributionGroup', {
      Identity: groupId,
      RequireSenderAuthenticationEnabled: false,
      BypassSecurityGroupManagerCheck: true,
    });
    return 'changed';
  }
}

function contactName(contact: NewMailContact, withAddress: boolean): string {
  const base = contact.displayName.trim() || contact.email;
  if (!withAddress) return base.slice(0, maxNameLength);
  const suffix = ` (${contact.email})`;
  if (suffix.length >= maxNameLength) return contact.email.slice(0, maxNameLength);
  return `${base.slice(0, maxNameLength - suffix.length)}${suffix}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
