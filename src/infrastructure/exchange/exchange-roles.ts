import type { CmdletParameters } from './exchange-admin-client';

/**
 * The Exchange Online management roles the bot needs, by the names Exchange gives them
 * (Get-ManagementRole). docs/admin-setup.md step 2 puts the four required ones in one role group.
 */
export const ExchangeRoles = {
  mailRecipientCreation: 'Mail Recipient Creation',
  mailRecipients: 'Mail Recipients',
  distributionGroups: 'Distribution Groups',
  securityGroupCreationAndMembership: 'Security Group Creation and Membership',
  /** Optional, read-only: lets the doctor (and a refusal) name exactly which role is missing. */
  viewOnlyConfiguration: 'View-Only Configuration',
} as const;

/** The roles without which provisioning cannot work. */
export const requiredExchangeRoles: readonly string[] = [
  ExchangeRoles.mailRecipientCreation,
  ExchangeRoles.mailRecipients,
  ExchangeRoles.distributionGroups,
  ExchangeRoles.securityGroupCreationAndMembership,
];

/** Which role holds each cmdlet the bot runs (Microsoft's role entries; see docs/graph-service.md). */
const cmdletRoles: Readonly<Record<string, string>> = {
  'Get-Recipient': ExchangeRoles.mailRecipients,
  'Get-MailContact': ExchangeRoles.mailRecipients,
  'Set-MailContact': ExchangeRoles.mailRecipients,
  'New-MailContact': ExchangeRoles.mailRecipientCreation,
  'Get-DistributionGroup': ExchangeRoles.distributionGroups,
  'Add-DistributionGroupMember': ExchangeRoles.distributionGroups,
  'Set-DistributionGroup': ExchangeRoles.distributionGroups,
  'Get-ManagementRoleAssignment': ExchangeRoles.viewOnlyConfiguration,
};

/** Parameters that need a role of their own on top of the cmdlet's. */
const parameterRoles: Readonly<Record<string, string>> = {
  BypassSecurityGroupManagerCheck: ExchangeRoles.securityGroupCreationAndMembership,
};

/** Every role a call needs: the cmdlet's, and those of the switches it passes. */
export function rolesForCall(cmdlet: string, parameters: CmdletParameters = {}): string[] {
  const roles: string[] = [];
  const cmdletRole = Object.entries(cmdletRoles).find(([name]) => name.toLowerCase() === cmdlet.toLowerCase())?.[1];
  if (cmdletRole !== undefined) roles.push(cmdletRole);
  for (const [name, value] of Object.entries(parameters)) {
    const role = Object.entries(parameterRoles).find(([parameter]) => parameter.toLowerCase() === name.toLowerCase())?.[1];
    if (role !== undefined && value !== false && !roles.includes(role)) roles.push(role);
  }
  return roles;
}
