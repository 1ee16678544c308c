import type { ContactRecord, DirectoryRecord, GroupRecord, UserRecord } from './simulated-directory';
import type { FilterSchema } from './odata-filter';
import { ODataQueryError } from './odata-filter';
import type { TenantInfo } from './tenant-data';

type Entity = Record<string, unknown>;

/** How one Graph entity type is shown: all properties, the ones returned without $select, and filter support. */
export interface EntityType<R> {
  readonly typeName: string;
  readonly odataType: string;
  readonly toGraph: (record: R) => Entity;
  readonly defaultProperties: readonly string[];
  readonly allProperties: readonly string[];
  readonly filter: FilterSchema;
}

const userProperties = [
  'id',
  'accountEnabled',
  'businessPhones',
  'createdDateTime',
  'creationType',
  'displayName',
  'externalUserState',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'mobilePhone',
  'officeLocation',
  'otherMails',
  'preferredLanguage',
  'proxyAddresses',
  'surname',
  'userPrincipalName',
  'userType',
] as const;

export const userType: EntityType<UserRecord> = {
  typeName: 'microsoft.graph.user',
  odataType: '#microsoft.graph.user',
  toGraph: (u) => ({
    id: u.id,
    accountEnabled: true,
    businessPhones: [],
    createdDateTime: u.createdDateTime,
    creationType: u.creationType,
    displayName: u.displayName,
    externalUserState: u.externalUserState,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mailNickname: u.userPrincipalName.split('@')[0]!,
    mobilePhone: null,
    officeLocation: null,
    otherMails: [...u.otherMails],
    preferredLanguage: null,
    proxyAddresses: [...u.proxyAddresses],
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    userType: u.userType,
  }),
  // Graph v1.0 returns this set when there is no $select; userType, otherMails, proxyAddresses... need $select.
  defaultProperties: [
    'businessPhones',
    'displayName',
    'givenName',
    'jobTitle',
    'mail',
    'mobilePhone',
    'officeLocation',
    'preferredLanguage',
    'surname',
    'userPrincipalName',
    'id',
  ],
  allProperties: userProperties,
  filter: {
    resource: 'User',
    typeName: 'microsoft.graph.user',
    knownProperties: new Set(userProperties),
    filterable: {
      id: { type: 'string', operators: ['eq'] },
      displayName: { type: 'string', operators: ['eq', 'startswith'] },
      givenName: { type: 'string', operators: ['eq', 'startswith'] },
      surname: { type: 'string', operators: ['eq', 'startswith'] },
      mail: { type: 'string', operators: ['eq', 'startswith'] },
      mailNickname: { type: 'string', operators: ['eq', 'startswith'] },
      userPrincipalName: { type: 'string', operators: ['eq', 'startswith'] },
      userType: { type: 'string', operators: ['eq'] },
      accountEnabled: { type: 'boolean', operators: ['eq'] },
      otherMails: { type: 'collection', operators: ['any', 'startswith'] },
      proxyAddresses: { type: 'collection', operators: ['any', 'startswith'] },
    },
  },
};

const groupProperties = [
  'id',
  'classification',
  'createdDateTime',
  'deletedDateTime',
  'description',
  'displayName',
  'groupTypes',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesSyncEnabled',
  'proxyAddresses',
  'resourceProvisioningOptions',
  'securityEnabled',
  'visibility',
] as const;

export const groupType: EntityType<GroupRecord> = {
  typeName: 'microsoft.graph.group',
  odataType: '#microsoft.graph.group',
  toGraph: (g) => ({
    id: g.id,
    classification: null,
    createdDateTime: g.createdDateTime,
    deletedDateTime: null,
    description: g.description,
    displayName: g.displayName,
    groupTypes: [...g.groupTypes],
    mail: g.mail,
    mailEnabled: g.mailEnabled,
    mailNickname: g.mailNickname,
    membershipRule: g.membershipRule,
    membershipRuleProcessingState: g.membershipRule === null ? null : 'On',
    onPremisesSyncEnabled: g.onPremisesSyncEnabled,
    proxyAddresses: [...g.proxyAddresses],
    resourceProvisioningOptions: [],
    securityEnabled: g.securityEnabled,
    visibility: g.visibility,
  }),
  defaultProperties: groupProperties,
  allProperties: groupProperties,
  filter: {
    resource: 'Group',
    typeName: 'microsoft.graph.group',
    knownProperties: new Set(groupProperties),
    filterable: {
      id: { type: 'string', operators: ['eq'] },
      displayName: { type: 'string', operators: ['eq', 'startswith'] },
      mail: { type: 'string', operators: ['eq', 'startswith'] },
      mailNickname: { type: 'string', operators: ['eq', 'startswith'] },
      mailEnabled: { type: 'boolean', operators: ['eq'] },
      securityEnabled: { type: 'boolean', operators: ['eq'] },
      onPremisesSyncEnabled: { type: 'boolean', operators: ['eq'] },
      groupTypes: { type: 'collection', operators: ['any'] },
      proxyAddresses: { type: 'collection', operators: ['any', 'startswith'] },
    },
  },
};

const contactProperties = [
  'id',
  'addresses',
  'companyName',
  'department',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mailNickname',
  'onPremisesSyncEnabled',
  'phones',
  'proxyAddresses',
  'surname',
] as const;

export const contactType: EntityType<ContactRecord> = {
  typeName: 'microsoft.graph.orgContact',
  odataType: '#microsoft.graph.orgContact',
  toGraph: (c) => ({
    id: c.id,
    addresses: [],
    companyName: c.companyName,
    department: null,
    displayName: c.displayName,
    givenName: c.givenName,
    jobTitle: null,
    mail: c.mail,
    mailNickname: c.alias,
    onPremisesSyncEnabled: c.onPremisesSyncEnabled,
    phones: [],
    proxyAddresses: [...c.proxyAddresses],
    surname: c.surname,
  }),
  defaultProperties: contactProperties,
  allProperties: contactProperties,
  filter: {
    resource: 'Contact',
    typeName: 'microsoft.graph.orgContact',
    knownProperties: new Set(contactProperties),
    filterable: {
      id: { type: 'string', operators: ['eq'] },
      displayName: { type: 'string', operators: ['eq', 'startswith'] },
      givenName: { type: 'string', operators: ['eq', 'startswith'] },
      surname: { type: 'string', operators: ['eq', 'startswith'] },
      mail: { type: 'string', operators: ['eq', 'startswith'] },
      mailNickname: { type: 'string', operators: ['eq', 'startswith'] },
      proxyAddresses: { type: 'collection', operators: ['any', 'startswith'] },
    },
  },
};

/** directoryObject collections (members, owners): any of the three types. */
export const directoryObjectProperties = [...new Set<string>([...userProperties, ...groupProperties, ...contactProperties])];
export const directoryObjectFilter: FilterSchema = {
  resource: 'DirectoryObject',
  typeName: 'microsoft.graph.directoryObject',
  knownProperties: new Set(directoryObjectProperties),
  filterable: { ...contactType.filter.filterable, ...groupType.filter.filterable, ...userType.filter.filterable },
};

/** The Graph JSON of any directory object, with its @odata.type, projected with $select. */
export function directoryObjectToGraph(record: DirectoryRecord, select: readonly string[] | undefined): Entity {
  switch (record.kind) {
    case 'user':
      return { '@odata.type': userType.odataType, ...project(userType.toGraph(record), select ?? userType.defaultProperties) };
    case 'group':
      return { '@odata.type': groupType.odataType, ...project(groupType.toGraph(record), select ?? groupType.defaultProperties) };
    case 'contact':
      return { '@odata.type': contactType.odataType, ...project(contactType.toGraph(record), select ?? contactType.defaultProperties) };
  }
}

/** Keeps the listed properties (matched case-insensitively, written with Graph's casing). */
export function project(entity: Entity, properties: readonly string[]): Entity {
  const out: Entity = {};
  const keys = Object.keys(entity);
  for (const p of properties) {
    const key = keys.find((k) => k.toLowerCase() === p.toLowerCase());
    if (key !== undefined) out[key] = entity[key];
  }
  return out;
}

/** Parses $select; throws 400 BadRequest for a property the type does not have. */
export function parseSelect(value: string | null, known: readonly string[], typeName: string): string[] | undefined {
  if (value === null) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (name === '*') continue;
    if (!known.some((k) => k.toLowerCase() === name.toLowerCase())) {
      throw new ODataQueryError('BadRequest', `Could not find a property named '${name}' on type '${typeName}'.`);
    }
  }
  if (names.includes('*')) return [...known];
  return names.map((n) => known.find((k) => k.toLowerCase() === n.toLowerCase())!);
}

export function organizationToGraph(tenant: TenantInfo): Entity {
  return {
    id: tenant.id,
    displayName: tenant.displayName,
    tenantType: 'AAD',
    countryLetterCode: 'US',
    preferredLanguage: 'en',
    verifiedDomains: tenant.verifiedDomains.map((d) => ({
      capabilities: 'Email, OfficeCommunicationsOnline',
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      name: d.name,
      type: 'Managed',
    })),
  };
}

export const organizationProperties = ['id', 'displayName', 'tenantType', 'countryLetterCode', 'preferredLanguage', 'verifiedDomains'];
