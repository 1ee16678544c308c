/**
 * Exchange role-based access control as the simulated tenant applies it to the calling app: each
 * cmdlet belongs to a management role, and some switches need a role of their own (Microsoft's
 * role entries; -BypassSecurityGroupManagerCheck needs "Security Group Creation and Membership",
 * per the Add-DistributionGroupMember reference). A call outside the app's roles is answered 403
 * with an empty body, as observed on the real service (shared/reference/microsoft-365-apis.md B2).
 */

/** The roles an app holds when the tenant file does not say: everything the bot's admin guide grants. */
export const defaultAppExchangeRoles: readonly string[] = [
  'Mail Recipient Creation',
  'Mail Recipients',
  'Distribution Groups',
  'Security Group Creation and Membership',
  'View-Only Configuration',
];

/** Every role the simulator knows (a tenant file naming another is refused). */
export const knownExchangeRoles: readonly string[] = [...defaultAppExchangeRoles, 'Role Management', 'View-Only Recipients'];

/** The roles that let a caller run each cmdlet (any one of them is enough). */
const cmdletRoles: Readonly<Record<string, readonly string[]>> = {
  'get-recipient': ['Mail Recipients', 'View-Only Recipients'],
  'get-mailcontact': ['Mail Recipients', 'View-Only Recipients'],
  'set-mailcontact': ['Mail Recipients'],
  'new-mailcontact': ['Mail Recipient Creation'],
  'get-distributiongroup': ['Distribution Groups', 'View-Only Recipients'],
  'get-distributiongroupmember': ['Distribution Groups', 'View-Only Recipients'],
  'add-distributiongroupmember': ['Distribution Groups'],
  'set-distributiongroup': ['Distribution Groups'],
  'get-managementroleassignment': ['View-Only Configuration', 'Role Management'],
};

const parameterRoles: Readonly<Record<string, readonly string[]>> = {
  bypasssecuritygroupmanagercheck: ['Security Group Creation and Membership'],
};

/** True when the app's roles allow the cmdlet and every switch it passes (a switch set to false needs nothing). */
export function rolesAllow(cmdlet: string, parameters: Readonly<Record<string, unknown>>, appRoles: readonly string[]): boolean {
  const holds = (roles: readonly string[] | undefined): boolean => roles === undefined || roles.some((r) => appRoles.includes(r));
  if (!holds(cmdletRoles[cmdlet.toLowerCase()] ?? [])) return false;
  return Object.entries(parameters).every(([name, value]) => value === false || holds(parameterRoles[name.toLowerCase()]));
}
