import type { TenantData, TenantGroup, TenantUser } from '../../../simulator/tenant-data';

/**
 * Who plays which part in the end-to-end scenarios, looked up in the tenant file by name so that
 * the ids always come from the file the simulator serves (simulator/sample-tenant.json by default).
 */
export const sampleRoles = {
  /** Owns the distribution groups and the Microsoft 365 groups the scenarios use. */
  requesterUpn: 'megan@contoso.com',
  /** Members of this group approve requests (the bot's APPROVERS_GROUP_ID). */
  approversGroupName: 'External Access Approvers',
  /** A distribution group Megan manages that accepts mail from internal senders only. */
  distributionGroupName: 'Sales Partners',
  /** A Microsoft 365 group Megan owns that allows guests. */
  microsoft365GroupName: 'Marketing Campaigns',
} as const;

export interface TenantPerson {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly userPrincipalName: string;
  readonly mail: string;
}

export interface TenantPeople {
  readonly tenantId: string;
  /** The organisation's own domains; an address there is internal. */
  readonly internalDomain: string;
  readonly requester: TenantPerson;
  readonly approver: TenantPerson;
  readonly approversGroup: TenantGroup;
  readonly distributionGroup: TenantGroup;
  readonly microsoft365Group: TenantGroup;
}

export function tenantPeople(tenant: TenantData): TenantPeople {
  const requesterUser = tenant.users.find((u) => u.userPrincipalName.toLowerCase() === sampleRoles.requesterUpn);
  if (!requesterUser) throw new Error(`The tenant file has no user ${sampleRoles.requesterUpn} (the requester of the end-to-end scenarios)`);
  const approversGroup = groupNamed(tenant, sampleRoles.approversGroupName);
  const approverUser = tenant.users.find((u) => approversGroup.members.includes(u.id) && u.id !== requesterUser.id && u.userType === 'Member');
  if (!approverUser) throw new Error(`The group "${sampleRoles.approversGroupName}" has no member user other than the requester`);
  const requester = person(requesterUser);
  const approver = person(approverUser);
  const internalDomain = tenant.tenant.verifiedDomains.find((d) => d.isDefault)?.name ?? tenant.tenant.verifiedDomains[0]?.name;
  if (!internalDomain) throw new Error('The tenant file has no verified domain');
  return {
    tenantId: tenant.tenant.id,
    internalDomain,
    requester,
    approver,
    approversGroup,
    distributionGroup: groupNamed(tenant, sampleRoles.distributionGroupName),
    microsoft365Group: groupNamed(tenant, sampleRoles.microsoft365GroupName),
  };
}

function groupNamed(tenant: TenantData, name: string): TenantGroup {
  const group = tenant.groups.find((g) => g.displayName === name);
  if (!group) throw new Error(`The tenant file has no group named "${name}"`);
  return group;
}

function person(user: TenantUser): TenantPerson {
  return {
    aadObjectId: user.id,
    displayName: user.displayName,
    givenName: user.givenName ?? user.displayName,
    surname: user.surname ?? '',
    userPrincipalName: user.userPrincipalName,
    mail: user.mail ?? user.userPrincipalName,
  };
}
