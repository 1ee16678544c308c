import type { TenantContact, TenantData, TenantGroup, TenantInfo, TenantUser } from './tenant-data';
import { stableGuid } from './seeded-random';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface UserRecord extends Mutable<Omit<TenantUser, 'otherMails' | 'proxyAddresses'>> {
  readonly kind: 'user';
  otherMails: string[];
  proxyAddresses: string[];
  /** Epoch ms; objects from the tenant file are -Infinity (always replicated). */
  readonly createdAt: number;
  readonly createdDateTime: string;
}

export interface GroupRecord extends Mutable<Omit<TenantGroup, 'owners' | 'members' | 'exchange'>> {
  readonly kind: 'group';
  owners: string[];
  members: string[];
  exchange: {
    RequireSenderAuthenticationEnabled: boolean;
    ManagedBy: string[];
    RecipientTypeDetails: string;
    HiddenFromAddressListsEnabled: boolean;
    AcceptMessagesOnlyFromSendersOrMembers: string[];
  } | null;
  readonly createdAt: number;
  readonly createdDateTime: string;
}

export interface ContactRecord extends Mutable<Omit<TenantContact, 'proxyAddresses' | 'exchange'>> {
  readonly kind: 'contact';
  proxyAddresses: string[];
  /** Exchange Name (unique) and Alias. */
  name: string;
  alias: string;
  hiddenFromAddressLists: boolean;
  readonly createdAt: number;
  readonly createdDateTime: string;
}

export type DirectoryRecord = UserRecord | GroupRecord | ContactRecord;

const fileObjectCreated = '2024-03-01T09:00:00Z';

/**
 * The one directory behind both views (Graph and Exchange). Objects created at run time stay
 * invisible to reads until the replication delay has passed; writes that enforce uniqueness see
 * everything, as the directory itself does.
 */
export class SimulatedDirectory {
  readonly tenant: TenantInfo;
  private readonly records = new Map<string, DirectoryRecord>();

  constructor(
    data: TenantData,
    private readonly now: () => number,
    private readonly replicationDelayMs: () => number,
  ) {
    this.tenant = data.tenant;
    for (const u of data.users) {
      this.records.set(u.id, {
        ...u,
        kind: 'user',
        otherMails: [...u.otherMails],
        proxyAddresses: [...u.proxyAddresses],
        createdAt: Number.NEGATIVE_INFINITY,
        createdDateTime: fileObjectCreated,
      });
    }
    for (const g of data.groups) {
      this.records.set(g.id, {
        ...g,
        kind: 'group',
        owners: [...g.owners],
        members: [...g.members],
        proxyAddresses: [...g.proxyAddresses],
        groupTypes: [...g.groupTypes],
        exchange:
          g.exchange === null
            ? null
            : {
                ...g.exchange,
                ManagedBy: g.exchange.ManagedBy.map((m) => this.userKeyToId(data, m)),
                AcceptMessagesOnlyFromSendersOrMembers: [...g.exchange.AcceptMessagesOnlyFromSendersOrMembers],
              },
        createdAt: Number.NEGATIVE_INFINITY,
        createdDateTime: fileObjectCreated,
      });
    }
    for (const c of data.contacts) {
      const name = c.exchange?.Name ?? c.displayName;
      this.records.set(c.id, {
        ...c,
        kind: 'contact',
        proxyAddresses: [...c.proxyAddresses],
        name,
        alias: aliasFrom(name),
        hiddenFromAddressLists: c.exchange?.HiddenFromAddressListsEnabled ?? false,
        createdAt: Number.NEGATIVE_INFINITY,
        createdDateTime: fileObjectCreated,
      });
    }
  }

  private userKeyToId(data: TenantData, key: string): string {
    const k = key.toLowerCase();
    const user = data.users.find((u) => u.id === k || u.userPrincipalName.toLowerCase() === k || u.mail?.toLowerCase() === k);
    return user?.id ?? k;
  }

  /** True once the object has replicated (always true for tenant-file objects). */
  isVisible(record: DirectoryRecord): boolean {
    return this.now() - record.createdAt >= this.replicationDelayMs();
  }

  /** Any object by id, replicated or not. */
  find(id: string): DirectoryRecord | undefined {
    return this.records.get(id.toLowerCase());
  }

  /** A replicated object by id. */
  get(id: string): DirectoryRecord | undefined {
    const r = this.find(id);
    return r !== undefined && this.isVisible(r) ? r : undefined;
  }

  user(idOrUpn: string): UserRecord | undefined {
    const key = idOrUpn.toLowerCase();
    const byId = this.get(key);
    if (byId?.kind === 'user') return byId;
    return this.users().find((u) => u.userPrincipalName.toLowerCase() === key);
  }

  group(id: string): GroupRecord | undefined {
    const r = this.get(id);
    return r?.kind === 'group' ? r : undefined;
  }

  contact(id: string): ContactRecord | undefined {
    const r = this.get(id);
    return r?.kind === 'contact' ? r : undefined;
  }

  users(): UserRecord[] {
    return this.visible().filter((r): r is UserRecord => r.kind === 'user');
  }

  groups(): GroupRecord[] {
    return this.visible().filter((r): r is GroupRecord => r.kind === 'group');
  }

  contacts(): ContactRecord[] {
    return this.visible().filter((r): r is ContactRecord => r.kind === 'contact');
  }

  /** Every replicated object, in creation order. */
  visible(): DirectoryRecord[] {
    return [...this.records.values()].filter((r) => this.isVisible(r));
  }

  /** Every object, replicated or not. */
  all(): DirectoryRecord[] {
    return [...this.records.values()];
  }

  /** The object (replicated or not) that already uses this SMTP address (mail, UPN or proxy addresses). */
  addressOwner(address: string): DirectoryRecord | undefined {
    const a = address.toLowerCase();
    return this.all().find((r) => addressesOf(r).includes(a));
  }

  createGuest(input: { email: string; displayName: string }): UserRecord {
    const id = this.newId();
    const domain = this.tenant.verifiedDomains.find((d) => d.isInitial)?.name ?? this.tenant.verifiedDomains[0]!.name;
    const [local, host] = input.email.split('@') as [string, string];
    const user: UserRecord = {
      kind: 'user',
      id,
      displayName: input.displayName,
      userPrincipalName: `${local}_${host}#EXT#@${domain}`,
      mail: input.email,
      userType: 'Guest',
      otherMails: [input.email],
      proxyAddresses: [`SMTP:${input.email}`],
      givenName: null,
      surname: null,
      jobTitle: null,
      externalUserState: 'PendingAcceptance',
      creationType: 'Invitation',
      createdAt: this.now(),
      createdDateTime: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    this.records.set(id, user);
    return user;
  }

  createContact(input: {
    name: string;
    displayName: string;
    email: string;
    alias?: string;
    givenName: string | null;
    surname: string | null;
  }): ContactRecord {
    const id = this.newId();
    const contact: ContactRecord = {
      kind: 'contact',
      id,
      displayName: input.displayName,
      mail: input.email,
      givenName: input.givenName,
      surname: input.surname,
      companyName: null,
      proxyAddresses: [`SMTP:${input.email}`],
      onPremisesSyncEnabled: null,
      name: input.name,
      alias: input.alias ?? aliasFrom(input.name),
      hiddenFromAddressLists: false,
      createdAt: this.now(),
      createdDateTime: new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    this.records.set(id, contact);
    return contact;
  }

  /** Groups that contain the object directly. */
  directGroupsOf(id: string): GroupRecord[] {
    const key = id.toLowerCase();
    return this.groups().filter((g) => g.members.includes(key));
  }

  /** Groups that contain the object directly or through nested groups. */
  transitiveGroupsOf(id: string): GroupRecord[] {
    const found = new Map<string, GroupRecord>();
    const queue = [id.toLowerCase()];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const g of this.directGroupsOf(current)) {
        if (!found.has(g.id)) {
          found.set(g.id, g);
          queue.push(g.id);
        }
      }
    }
    return [...found.values()];
  }

  /** Members of a group, including members of nested groups (each once). */
  transitiveMembersOf(group: GroupRecord): DirectoryRecord[] {
    const found = new Map<string, DirectoryRecord>();
    const visit = (g: GroupRecord): void => {
      for (const m of g.members) {
        const r = this.get(m);
        if (r === undefined || found.has(r.id)) continue;
        found.set(r.id, r);
        if (r.kind === 'group') visit(r);
      }
    };
    visit(group);
    return [...found.values()];
  }

  private idCounter = 0;

  /** Ids of objects created at run time: derived from the tenant id and a counter, so runs repeat. */
  private newId(): string {
    this.idCounter += 1;
    let id = stableGuid(`${this.tenant.id}/created/${this.idCounter}`);
    while (this.records.has(id)) {
      this.idCounter += 1;
      id = stableGuid(`${this.tenant.id}/created/${this.idCounter}`);
    }
    return id;
  }
}

/** Every SMTP address an object answers to in Exchange (mail, proxy addresses, UPN), lower-cased. */
export function addressesOf(r: DirectoryRecord): string[] {
  const out = new Set<string>();
  const add = (a: string | null | undefined): void => {
    if (a) out.add(a.toLowerCase());
  };
  add(r.mail);
  r.proxyAddresses.forEach((p) => add(p.replace(/^smtp:/i, '')));
  if (r.kind === 'user') add(r.userPrincipalName);
  return [...out];
}

/** Characters an Exchange alias may hold (New-MailContact reference): letters, digits, these signs, and U+00A1–U+00FF. */
const aliasCharacter = /[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u00A1-\u00FF]/;

/** True for a valid -Alias: allowed characters, periods only between other characters, at most 64. */
export function isValidAlias(alias: string): boolean {
  return alias.length <= 64 && alias.split('.').every((part) => part.length > 0 && [...part].every((c) => aliasCharacter.test(c)));
}

/**
 * The alias Exchange derives from a Name when none is given (shared/reference/microsoft-365-apis.md
 * B3): spaces and other ASCII characters an alias cannot hold are dropped, and every character
 * outside U+00A1–U+00FF becomes "?" (so "Łukasz" gives "?ukasz").
 */
export function aliasFrom(name: string): string {
  const alias = [...name]
    .map((c) => (aliasCharacter.test(c) || c === '.' ? c : c.charCodeAt(0) < 0x80 ? '' : '?'))
    .join('')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '')
    .slice(0, 64);
  return alias === '' ? 'contact' : alias;
}
