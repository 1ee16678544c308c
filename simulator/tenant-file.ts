import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultAppExchangeRoles, knownExchangeRoles } from './exchange-rbac';
import type {
  GroupExchangeSettings,
  TenantContact,
  TenantData,
  TenantDomain,
  TenantGroup,
  TenantInfo,
  TenantUser,
} from './tenant-data';

/** A tenant file that cannot be used; the message names the field (e.g. `groups[3].groupTypes must be an array of strings`). */
export class TenantFileError extends Error {
  override readonly name = 'TenantFileError';
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const addressPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Json = Record<string, unknown>;

/** Reads one object's fields, naming `path.field` in every complaint. */
class FieldReader {
  constructor(
    private readonly path: string,
    private readonly value: Json,
  ) {}

  static of(path: string, value: unknown): FieldReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TenantFileError(`${path} must be an object`);
    }
    return new FieldReader(path, value as Json);
  }

  field(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }

  has(name: string): boolean {
    return this.value[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.value[name];
  }

  string(name: string): string {
    const v = this.value[name];
    if (typeof v !== 'string' || v.trim() === '') throw new TenantFileError(`${this.field(name)} must be a non-empty string`);
    return v;
  }

  optionalString(name: string): string | null {
    const v = this.value[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new TenantFileError(`${this.field(name)} must be a string or null`);
    return v;
  }

  guid(name: string): string {
    const v = this.value[name];
    if (typeof v !== 'string' || !guidPattern.test(v)) throw new TenantFileError(`${this.field(name)} must be a GUID`);
    return v.toLowerCase();
  }

  address(name: string): string {
    const v = this.string(name);
    if (!addressPattern.test(v)) throw new TenantFileError(`${this.field(name)} must be an e-mail address`);
    return v;
  }

  optionalAddress(name: string): string | null {
    const v = this.optionalString(name);
    if (v !== null && !addressPattern.test(v)) throw new TenantFileError(`${this.field(name)} must be an e-mail address or null`);
    return v;
  }

  boolean(name: string): boolean {
    const v = this.value[name];
    if (typeof v !== 'boolean') throw new TenantFileError(`${this.field(name)} must be true or false`);
    return v;
  }

  optionalBoolean(name: string, fallback: boolean): boolean {
    return this.has(name) ? this.boolean(name) : fallback;
  }

  nullableBoolean(name: string): boolean | null {
    const v = this.value[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') throw new TenantFileError(`${this.field(name)} must be true, false or null`);
    return v;
  }

  strings(name: string, fallback?: readonly string[]): string[] {
    const v = this.value[name];
    if (v === undefined && fallback !== undefined) return [...fallback];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
      throw new TenantFileError(`${this.field(name)} must be an array of strings`);
    }
    return v as string[];
  }

  objects(name: string): unknown[] {
    const v = this.value[name];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new TenantFileError(`${this.field(name)} must be an array`);
    return v;
  }
}

function parseDomain(path: string, value: unknown, index: number, all: readonly unknown[]): TenantDomain {
  const firstPlain = all.findIndex((d) => domainName(d) !== undefined && !domainName(d)!.endsWith('.onmicrosoft.com'));
  if (typeof value === 'string') {
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value)) throw new TenantFileError(`${path} must be a domain name`);
    const name = value.toLowerCase();
    return { name, isInitial: name.endsWith('.onmicrosoft.com'), isDefault: index === (firstPlain === -1 ? 0 : firstPlain) };
  }
  const r = FieldReader.of(path, value);
  const name = r.string('name').toLowerCase();
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(name)) throw new TenantFileError(`${r.field('name')} must be a domain name`);
  return {
    name,
    isInitial: r.optionalBoolean('isInitial', name.endsWith('.onmicrosoft.com')),
    isDefault: r.optionalBoolean('isDefault', index === (firstPlain === -1 ? 0 : firstPlain)),
  };
}

function domainName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'object' && value !== null && typeof (value as Json)['name'] === 'string') {
    return ((value as Json)['name'] as string).toLowerCase();
  }
  return undefined;
}

function parseTenantInfo(value: unknown): TenantInfo {
  const r = FieldReader.of('tenant', value);
  const rawDomains = r.raw('verifiedDomains');
  if (!Array.isArray(rawDomains) || rawDomains.length === 0) {
    throw new TenantFileError('tenant.verifiedDomains must be a non-empty array of domain names');
  }
  const verifiedDomains = rawDomains.map((d, i) => parseDomain(`tenant.verifiedDomains[${i}]`, d, i, rawDomains));
  if (!verifiedDomains.some((d) => d.isInitial)) {
    throw new TenantFileError('tenant.verifiedDomains must include the initial domain (<name>.onmicrosoft.com)');
  }
  return {
    id: r.guid('id'),
    displayName: r.has('displayName') ? r.string('displayName') : 'Contoso',
    verifiedDomains,
    guestsAllowed: r.boolean('guestsAllowed'),
    invitationsAllowed: r.optionalBoolean('invitationsAllowed', true),
    exchangeRoles: exchangeRolesOf(r),
  };
}

function exchangeRolesOf(r: FieldReader): string[] {
  if (!r.has('exchangeRoles')) return [...defaultAppExchangeRoles];
  const roles = r.strings('exchangeRoles');
  roles.forEach((role, i) => {
    if (!knownExchangeRoles.includes(role)) {
      throw new TenantFileError(`${r.field('exchangeRoles')}[${i}] "${role}" is not an Exchange role the simulator knows (${knownExchangeRoles.join(', ')})`);
    }
  });
  return roles;
}

function parseUser(path: string, value: unknown): TenantUser {
  const r = FieldReader.of(path, value);
  const userType = r.has('userType') ? r.string('userType') : 'Member';
  if (userType !== 'Member' && userType !== 'Guest') throw new TenantFileError(`${r.field('userType')} must be "Member" or "Guest"`);
  const mail = r.optionalAddress('mail');
  const userPrincipalName = r.string('userPrincipalName');
  if (!userPrincipalName.includes('@')) throw new TenantFileError(`${r.field('userPrincipalName')} must look like name@domain`);
  return {
    id: r.guid('id'),
    displayName: r.string('displayName'),
    userPrincipalName,
    mail,
    userType,
    otherMails: r.strings('otherMails', []),
    proxyAddresses: r.strings('proxyAddresses', mail === null ? [] : [`SMTP:${mail}`]),
    givenName: r.optionalString('givenName'),
    surname: r.optionalString('surname'),
    jobTitle: r.optionalString('jobTitle'),
    externalUserState: r.has('externalUserState') ? r.optionalString('externalUserState') : userType === 'Guest' ? 'Accepted' : null,
    creationType: r.has('creationType') ? r.optionalString('creationType') : userType === 'Guest' ? 'Invitation' : null,
  };
}

function defaultRecipientTypeDetails(groupTypes: readonly string[], securityEnabled: boolean): string {
  if (groupTypes.includes('Unified')) return 'GroupMailbox';
  return securityEnabled ? 'MailUniversalSecurityGroup' : 'MailUniversalDistributionGroup';
}

function parseGroupExchange(path: string, value: unknown, groupTypes: readonly string[], securityEnabled: boolean): GroupExchangeSettings {
  const r = FieldReader.of(path, value ?? {});
  return {
    RequireSenderAuthenticationEnabled: r.optionalBoolean('RequireSenderAuthenticationEnabled', true),
    ManagedBy: r.strings('ManagedBy', []),
    RecipientTypeDetails: r.has('RecipientTypeDetails')
      ? r.string('RecipientTypeDetails')
      : defaultRecipientTypeDetails(groupTypes, securityEnabled),
    HiddenFromAddressListsEnabled: r.optionalBoolean('HiddenFromAddressListsEnabled', false),
    AcceptMessagesOnlyFromSendersOrMembers: r.strings('AcceptMessagesOnlyFromSendersOrMembers', []),
  };
}

function parseGroup(path: string, value: unknown): TenantGroup {
  const r = FieldReader.of(path, value);
  const groupTypes = r.strings('groupTypes');
  const mailEnabled = r.boolean('mailEnabled');
  const securityEnabled = r.boolean('securityEnabled');
  const mail = r.optionalAddress('mail');
  if (mailEnabled && mail === null) throw new TenantFileError(`${r.field('mail')} is required when mailEnabled is true`);
  const membershipRule = r.optionalString('membershipRule');
  if (groupTypes.includes('DynamicMembership') && (membershipRule === null || membershipRule.trim() === '')) {
    throw new TenantFileError(`${r.field('membershipRule')} is required when groupTypes contains "DynamicMembership"`);
  }
  const displayName = r.string('displayName');
  const defaultNickname = mail === null ? displayName.replace(/[^A-Za-z0-9]/g, '') : mail.split('@')[0]!;
  const allowGuests = r.nullableBoolean('allowGuests');
  if (allowGuests !== null && !groupTypes.includes('Unified')) {
    throw new TenantFileError(`${r.field('allowGuests')} applies only to Microsoft 365 groups (groupTypes containing "Unified")`);
  }
  return {
    id: r.guid('id'),
    displayName,
    description: r.optionalString('description'),
    mail,
    mailNickname: r.has('mailNickname') ? r.string('mailNickname') : defaultNickname,
    groupTypes,
    mailEnabled,
    securityEnabled,
    onPremisesSyncEnabled: r.nullableBoolean('onPremisesSyncEnabled'),
    membershipRule,
    visibility: r.has('visibility') ? r.optionalString('visibility') : groupTypes.includes('Unified') ? 'Private' : null,
    proxyAddresses: r.strings('proxyAddresses', mail === null ? [] : [`SMTP:${mail}`]),
    owners: r.strings('owners', []),
    members: r.strings('members', []),
    allowGuests,
    exchange: mailEnabled ? parseGroupExchange(r.field('exchange'), r.raw('exchange'), groupTypes, securityEnabled) : null,
  };
}

function parseContact(path: string, value: unknown): TenantContact {
  const r = FieldReader.of(path, value);
  const mail = r.address('mail');
  let exchange: TenantContact['exchange'] = null;
  if (r.has('exchange')) {
    const x = FieldReader.of(r.field('exchange'), r.raw('exchange'));
    exchange = {
      HiddenFromAddressListsEnabled: x.optionalBoolean('HiddenFromAddressListsEnabled', false),
      Name: x.optionalString('Name'),
    };
  }
  return {
    id: r.guid('id'),
    displayName: r.string('displayName'),
    mail,
    givenName: r.optionalString('givenName'),
    surname: r.optionalString('surname'),
    companyName: r.optionalString('companyName'),
    proxyAddresses: r.strings('proxyAddresses', [`SMTP:${mail}`]),
    onPremisesSyncEnabled: r.nullableBoolean('onPremisesSyncEnabled'),
    exchange,
  };
}

/** Cross-object rules: unique ids and addresses, references that resolve. */
function checkReferences(data: TenantData): void {
  const idOwner = new Map<string, string>();
  const claim = (id: string, field: string): void => {
    const previous = idOwner.get(id);
    if (previous !== undefined) throw new TenantFileError(`${field} duplicates ${previous}`);
    idOwner.set(id, field);
  };
  claim(data.tenant.id, 'tenant.id');
  data.users.forEach((u, i) => claim(u.id, `users[${i}].id`));
  data.groups.forEach((g, i) => claim(g.id, `groups[${i}].id`));
  data.contacts.forEach((c, i) => claim(c.id, `contacts[${i}].id`));

  const addressOwner = new Map<string, string>();
  const claimAddress = (address: string, field: string): void => {
    const key = address.toLowerCase();
    const previous = addressOwner.get(key);
    if (previous !== undefined) throw new TenantFileError(`${field} (${address}) is already used by ${previous}`);
    addressOwner.set(key, field);
  };
  data.users.forEach((u, i) => {
    claimAddress(u.userPrincipalName, `users[${i}].userPrincipalName`);
    if (u.mail !== null && u.mail.toLowerCase() !== u.userPrincipalName.toLowerCase()) claimAddress(u.mail, `users[${i}].mail`);
  });
  data.groups.forEach((g, i) => {
    if (g.mail !== null) claimAddress(g.mail, `groups[${i}].mail`);
  });
  data.contacts.forEach((c, i) => claimAddress(c.mail, `contacts[${i}].mail`));

  const users = new Set(data.users.map((u) => u.id));
  const anyObject = new Set([...users, ...data.groups.map((g) => g.id), ...data.contacts.map((c) => c.id)]);
  const userKeys = new Set(data.users.flatMap((u) => [u.id, u.userPrincipalName.toLowerCase(), ...(u.mail ? [u.mail.toLowerCase()] : [])]));
  data.groups.forEach((g, i) => {
    g.owners.forEach((o, j) => {
      if (!users.has(o.toLowerCase())) throw new TenantFileError(`groups[${i}].owners[${j}] refers to no user: ${o}`);
    });
    g.members.forEach((m, j) => {
      if (!anyObject.has(m.toLowerCase())) throw new TenantFileError(`groups[${i}].members[${j}] refers to no user, contact or group: ${m}`);
      if (m.toLowerCase() === g.id) throw new TenantFileError(`groups[${i}].members[${j}] is the group itself`);
    });
    g.exchange?.ManagedBy.forEach((m, j) => {
      if (!userKeys.has(m.toLowerCase())) throw new TenantFileError(`groups[${i}].exchange.ManagedBy[${j}] refers to no user: ${m}`);
    });
  });
}

/**
 * Validates a parsed tenant file and fills in defaults. Throws a TenantFileError naming the first
 * malformed field. Fields the simulator does not know are ignored.
 */
export function parseTenant(json: unknown): TenantData {
  const root = FieldReader.of('', json);
  if (!root.has('tenant')) throw new TenantFileError('tenant is required');
  const data: TenantData = {
    tenant: parseTenantInfo(root.raw('tenant')),
    users: root.objects('users').map((u, i) => parseUser(`users[${i}]`, u)),
    groups: root.objects('groups').map((g, i) => parseGroup(`groups[${i}]`, g)),
    contacts: root.objects('contacts').map((c, i) => parseContact(`contacts[${i}]`, c)),
  };
  const lower = (ids: readonly string[]): string[] => ids.map((id) => id.toLowerCase());
  const normalised: TenantData = {
    ...data,
    groups: data.groups.map((g) => ({ ...g, owners: lower(g.owners), members: lower(g.members) })),
  };
  checkReferences(normalised);
  return normalised;
}

/** Reads and validates a tenant file; the error message starts with the file path. */
export function loadTenantFile(path: string): TenantData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TenantFileError(`${path}: cannot read the tenant file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TenantFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseTenant(json);
  } catch (error) {
    if (error instanceof TenantFileError) throw new TenantFileError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The sample tenant shipped with the project (simulator/sample-tenant.json), found from source or from dist/. */
export function sampleTenantPath(): string {
  const candidates = [resolve(__dirname, 'sample-tenant.json'), resolve(__dirname, '../../simulator/sample-tenant.json')];
  const found = candidates.find((p) => existsSync(p));
  return found ?? candidates[candidates.length - 1]!;
}
