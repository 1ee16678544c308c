import type { Client } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../../app/ports/clock';
import type { Directory, GroupMailSettings, GuestPolicy } from '../../app/ports/directory';
import type { Logger } from '../../app/ports/logger';
import type { GroupProperties } from '../../domain/group-kind';
import type { ExistingRecipient, RecipientKind } from '../../domain/recipient';
import { sameAddress } from '../../domain/email-address';
import type { ExchangeOnline } from '../exchange/exchange-online';
import { graphFailure, isGraphStatus } from './graph-request-error';
import { graphQuery, graphSegment, odataString } from './odata-literal';
import { ShortLivedCache } from '../cache/short-lived-cache';

export interface GraphDirectoryOptions {
  readonly graph: Client;
  /** Exchange Online, for what Graph does not show: distribution group owners and settings, every kind of recipient. */
  readonly exchange: ExchangeOnline;
  readonly approversGroupId: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long group properties, a user's address and owned groups are reused between calls (default 30 s). */
  readonly cacheTtlMs?: number;
  /** How long the verified domains are reused (default 10 min). */
  readonly domainsTtlMs?: number;
}

/** Graph's group settings templates (shared/reference/microsoft-365-apis.md A4). */
const tenantGuestTemplateId = '62375ab9-6b52-47ed-826b-58e47e0e304b';
const groupGuestTemplateId = '08d542b9-071f-4e16-94b0-74abb372e3d9';
const groupSelect = 'id,displayName,mail,groupTypes,mailEnabled,securityEnabled,onPremisesSyncEnabled,membershipRule';
const userODataType = '#microsoft.graph.user';
const maxPages = 100;

interface GraphUser {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userPrincipalName?: string | null;
  readonly userType?: string | null;
  readonly otherMails?: readonly string[] | null;
  readonly proxyAddresses?: readonly string[] | null;
  readonly mailNickname?: string | null;
}

interface GraphContact {
  readonly id: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly proxyAddresses?: readonly string[] | null;
}

interface GraphDirectoryObject {
  readonly id: string;
  readonly mail?: string | null;
  readonly proxyAddresses?: readonly string[] | null;
}

interface Page<T> {
  readonly value?: readonly T[];
  readonly '@odata.nextLink'?: string;
}

interface GroupSetting {
  readonly templateId?: string | null;
  readonly displayName?: string | null;
  readonly values?: ReadonlyArray<{ readonly name?: string; readonly value?: string }>;
}

/**
 * The Directory port over Microsoft Graph and, for what Graph does not show (distribution group
 * owners and mail settings, every kind of recipient), the Exchange Online adapter. Independent
 * reads run in parallel; every filter value goes through odataString.
 */
export class GraphDirectory implements Directory {
  private readonly graph: Client;
  private readonly exchange: ExchangeOnline;
  private readonly groups: ShortLivedCache<GroupProperties | undefined>;
  private readonly domains: ShortLivedCache<readonly string[]>;
  private readonly addresses: ShortLivedCache<string | undefined>;
  private readonly owned: ShortLivedCache<GroupProperties[]>;

  constructor(private readonly options: GraphDirectoryOptions) {
    this.graph = options.graph;
    this.exchange = options.exchange;
    const now = (): number => options.clock.now().getTime();
    this.groups = new ShortLivedCache(options.cacheTtlMs ?? 30_000, now);
    this.domains = new ShortLivedCache(options.domainsTtlMs ?? 600_000, now);
    this.addresses = new ShortLivedCache(options.cacheTtlMs ?? 30_000, now);
    this.owned = new ShortLivedCache(options.cacheTtlMs ?? 30_000, now);
  }

  verifiedDomains(): Promise<readonly string[]> {
    return this.domains.get('domains', async () => {
      const org = await this.get<Page<{ verifiedDomains?: ReadonlyArray<{ name?: string }> }>>(
        `/organization${graphQuery({ $select: 'verifiedDomains' })}`,
        'list verified domains',
      );
      return (org.value ?? []).flatMap((o) => o.verifiedDomains ?? []).flatMap((d) => (d.name ? [d.name.toLowerCase()] : []));
    });
  }

  async findRecipient(email: string): Promise<ExistingRecipient | undefined> {
    const address = email.trim().toLowerCase();
    const [users, contacts, inExchange] = await Promise.all([
      this.usersWithAddress(address),
      this.contactsWithAddress(address),
      this.exchange.findRecipient(address),
    ]);
    const exchangeIdentity = inExchange?.identity ?? address;
    const exchangeName = inExchange?.displayName ?? '';
    const user = users[0];
    if (user !== undefined) {
      // A member user whose address Exchange knows as an external mail user is reusable as such.
      const kind: RecipientKind =
        (user.userType ?? '').toLowerCase() === 'guest' ? 'guest' : inExchange?.kind === 'mail-user' ? 'mail-user' : 'member-user';
      return recipient(kind, user.id, exchangeIdentity, user.displayName ?? exchangeName, address);
    }
    const contact = contacts[0];
    if (contact !== undefined) return recipient('mail-contact', contact.id, exchangeIdentity, contact.displayName ?? exchangeName, address);
    if (inExchange !== undefined) return recipient(inExchange.kind, inExchange.id, exchangeIdentity, exchangeName, address);
    return undefined;
  }

  getGroup(groupId: string): Promise<GroupProperties | undefined> {
    return this.groups.get(groupId, async () => {
      try {
        const group = await this.get<GroupProperties & { mail?: string | null }>(
          `/groups/${graphSegment(groupId)}${graphQuery({ $select: groupSelect })}`,
          'get group',
        );
        return normaliseGroup(group);
      } catch (error) {
        if (isGraphStatus(error, 404)) return undefined;
        throw error;
      }
    });
  }

  /**
   * Two calls at once, never one per candidate: Graph's owned groups of the user (paged) and one
   * Exchange Get-DistributionGroup -ManagedBy for the distribution groups; filtered here.
   */
  async searchOwnedGroups(userId: string, query: string, top: number): Promise<GroupProperties[]> {
    const prefix = query.trim().toLowerCase();
    const [inGraph, inExchange] = await Promise.all([this.ownedInGraph(userId), this.managedInExchange(userId)]);
    const byId = new Map<string, GroupProperties>();
    for (const group of [...inGraph, ...inExchange]) if (!byId.has(group.id.toLowerCase())) byId.set(group.id.toLowerCase(), group);
    return [...byId.values()]
      .filter((g) => g.displayName.toLowerCase().startsWith(prefix))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' }))
      .slice(0, top);
  }

  /** Microsoft 365 and security groups: Graph owners. Distribution and mail-enabled security groups: Exchange ManagedBy. */
  async isGroupOwner(groupId: string, userId: string): Promise<boolean> {
    const group = await this.getGroup(groupId);
    if (group === undefined) return false;
    const exchangeManaged = group.mailEnabled && !group.groupTypes.some((t) => t.toLowerCase() === 'unified');
    if (exchangeManaged) return (await this.managedInExchange(userId)).some((g) => sameId(g.id, groupId));
    const owners = await this.getAll<GraphDirectoryObject>(
      `/groups/${graphSegment(group.id)}/owners${graphQuery({ $select: 'id', $top: 999 })}`,
      'list group owners',
    );
    return owners.some((o) => sameId(o.id, userId));
  }

  async isApprover(userId: string): Promise<boolean> {
    try {
      const result = await this.post<{ value?: readonly string[] }>(
        `/users/${graphSegment(userId)}/checkMemberGroups`,
        { groupIds: [this.options.approversGroupId] },
        'check approvers group membership',
      );
      return (result.value ?? []).some((id) => sameId(id, this.options.approversGroupId));
    } catch (error) {
      if (isGraphStatus(error, 404)) return false;
      throw error;
    }
  }

  /** GET /groups/{approvers}/transitiveMembers, every page; users only (nested groups are expanded by Graph). */
  async approverIds(): Promise<readonly string[]> {
    const members = await this.getAll<GraphDirectoryObject & { readonly '@odata.type'?: string }>(
      `/groups/${graphSegment(this.options.approversGroupId)}/transitiveMembers${graphQuery({ $select: 'id', $top: 999 })}`,
      'list the approvers group members',
    );
    return members.filter((m) => (m['@odata.type'] ?? userODataType).toLowerCase() === userODataType).map((m) => m.id.toLowerCase());
  }

  async isMember(groupId: string, member: ExistingRecipient): Promise<boolean> {
    const members = await this.getAll<GraphDirectoryObject>(
      `/groups/${graphSegment(groupId)}/members${graphQuery({ $select: 'id,mail,proxyAddresses', $top: 999 })}`,
      'list group members',
    );
    return members.some(
      (m) =>
        (member.id !== undefined && sameId(m.id, member.id)) ||
        (member.email !== '' &&
          (sameAddress(m.mail, member.email) || (m.proxyAddresses ?? []).some((p) => sameAddress(stripSmtp(p), member.email)))),
    );
  }

  async guestPolicy(groupId: string): Promise<GuestPolicy> {
    const [tenantSettings, groupSettings] = await Promise.all([
      this.get<Page<GroupSetting>>('/groupSettings', 'read tenant group settings'),
      this.get<Page<GroupSetting>>(`/groups/${graphSegment(groupId)}/settings`, 'read group settings').catch((error: unknown) => {
        if (isGraphStatus(error, 404)) return { value: [] };
        throw error;
      }),
    ]);
    const tenant = (tenantSettings.value ?? []).find((s) => sameId(s.templateId ?? '', tenantGuestTemplateId) || s.displayName === 'Group.Unified');
    const group = (groupSettings.value ?? []).find((s) => sameId(s.templateId ?? '', groupGuestTemplateId) || s.displayName === 'Group.Unified.Guest');
    return {
      tenantAllowsGuests: settingIsNotFalse(tenant, 'AllowToAddGuests') && settingIsNotFalse(tenant, 'AllowGuestsToAccessGroups'),
      groupAllowsGuests: settingIsNotFalse(group, 'AllowToAddGuests'),
    };
  }

  /** Get-DistributionGroup, naming the group by its object id and, if Exchange does not find it so, by its address. */
  async groupMailSettings(groupId: string): Promise<GroupMailSettings> {
    const group = await this.getGroup(groupId);
    return this.exchange.distributionGroup({ id: groupId, ...(group?.mail ? { mail: group.mail } : {}) });
  }

  // --- ownership -------------------------------------------------------------------------

  /** The user's owned groups in Graph (GET /users/{id}/ownedObjects/microsoft.graph.group, every page), reused while the user types. */
  private ownedInGraph(userId: string): Promise<GroupProperties[]> {
    return this.owned.get(userId.toLowerCase(), async () => {
      try {
        const owned = await this.getAll<GroupProperties>(
          `/users/${graphSegment(userId)}/ownedObjects/microsoft.graph.group${graphQuery({ $select: groupSelect, $top: 100 })}`,
          'list owned groups',
        );
        return owned.map(normaliseGroup);
      } catch (error) {
        if (isGraphStatus(error, 404)) return [];
        throw error;
      }
    });
  }

  /** The distribution groups the user manages, by one Exchange call (the UPN or address as the documented fallback). */
  private managedInExchange(userId: string): Promise<GroupProperties[]> {
    return this.exchange.groupsManagedBy(userId, () => this.userAddress(userId));
  }

  /** The user's primary address (or UPN): a form Exchange documents for naming a recipient. */
  private userAddress(userId: string): Promise<string | undefined> {
    return this.addresses.get(userId.toLowerCase(), async () => {
      try {
        const user = await this.get<GraphUser>(`/users/${graphSegment(userId)}${graphQuery({ $select: 'id,mail,userPrincipalName' })}`, 'get user');
        return user.mail ?? user.userPrincipalName ?? undefined;
      } catch (error) {
        if (isGraphStatus(error, 404)) return undefined;
        throw error;
      }
    });
  }

  // --- recipient look-ups ----------------------------------------------------------------

  private async usersWithAddress(address: string): Promise<GraphUser[]> {
    const lit = odataString(address);
    const smtp = odataString(`smtp:${address}`);
    const filter = `mail eq ${lit} or userPrincipalName eq ${lit} or otherMails/any(m:m eq ${lit}) or proxyAddresses/any(p:p eq ${smtp})`;
    const page = await this.get<Page<GraphUser>>(
      `/users${graphQuery({ $filter: filter, $select: 'id,displayName,mail,userPrincipalName,userType,otherMails,proxyAddresses' })}`,
      'find users by address',
    );
    return (page.value ?? []).filter(
      (u) =>
        sameAddress(u.mail, address) ||
        sameAddress(u.userPrincipalName, address) ||
        (u.otherMails ?? []).some((m) => sameAddress(m, address)) ||
        (u.proxyAddresses ?? []).some((p) => sameAddress(stripSmtp(p), address)),
    );
  }

  private async contactsWithAddress(address: string): Promise<GraphContact[]> {
    const filter = `mail eq ${odataString(address)} or proxyAddresses/any(p:p eq ${odataString(`smtp:${address}`)})`;
    const page = await this.get<Page<GraphContact>>(
      `/contacts${graphQuery({ $filter: filter, $select: 'id,displayName,mail,proxyAddresses' })}`,
      'find contacts by address',
    );
    return (page.value ?? []).filter(
      (c) => sameAddress(c.mail, address) || (c.proxyAddresses ?? []).some((p) => sameAddress(stripSmtp(p), address)),
    );
  }

  // --- Graph plumbing ----------------------------------------------------------------------

  private async get<T>(path: string, operation: string): Promise<T> {
    try {
      return (await this.graph.api(path).get()) as T;
    } catch (error) {
      throw graphFailure(error, operation);
    }
  }

  private async post<T>(path: string, body: unknown, operation: string): Promise<T> {
    try {
      return (await this.graph.api(path).post(body)) as T;
    } catch (error) {
      throw graphFailure(error, operation);
    }
  }

  /** Every item of a paged collection (follows @odata.nextLink). */
  private async getAll<T>(path: string, operation: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next !== undefined && page < maxPages; page += 1) {
      const result: Page<T> = await this.get<Page<T>>(next, operation);
      items.push(...(result.value ?? []));
      next = result['@odata.nextLink'];
    }
    return items;
  }
}

function normaliseGroup(group: GroupProperties): GroupProperties {
  return {
    id: group.id,
    displayName: group.displayName,
    mail: group.mail ?? null,
    groupTypes: group.groupTypes ?? [],
    mailEnabled: group.mailEnabled === true,
    securityEnabled: group.securityEnabled === true,
    onPremisesSyncEnabled: group.onPremisesSyncEnabled ?? null,
    membershipRule: group.membershipRule ?? null,
  };
}

function recipient(kind: RecipientKind, id: string | undefined, exchangeIdentity: string, displayName: string, email: string): ExistingRecipient {
  return { kind, ...(id !== undefined && id !== '' ? { id } : {}), exchangeIdentity, displayName, email };
}

function stripSmtp(proxy: string): string {
  return proxy.replace(/^smtp:/i, '');
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function settingIsNotFalse(setting: GroupSetting | undefined, name: string): boolean {
  const v = setting?.values?.find((x) => x.name === name)?.value;
  return v === undefined || v.toLowerCase() !== 'false';
}
