import { randomUUID } from 'node:crypto';
import {
  contactType,
  directoryObjectFilter,
  directoryObjectProperties,
  directoryObjectToGraph,
  groupType,
  organizationProperties,
  organizationToGraph,
  parseSelect,
  project,
  userType,
  type EntityType,
} from './graph-entities';
import { matchesFilter, ODataQueryError, parseFilter, validateFilter, type FilterSchema } from './odata-filter';
import { stableGuid } from './seeded-random';
import type { DirectoryRecord, GroupRecord, SimulatedDirectory, UserRecord } from './simulated-directory';

/** One Graph request, after the /v1.0 prefix (e.g. path "/groups/{id}/members"). */
export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface GraphResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/** A routed request: its operation name (for forbid and the request log) and how to answer it. */
export interface GraphRoute {
  readonly operation: string;
  readonly run: () => GraphResponse;
}

const jsonContentType = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const addressPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const defaultPageSize = 100;
const maxPageSize = 999;
const maxBatchRequests = 20;
const supportedQueryOptions = new Set(['$select', '$filter', '$top', '$skiptoken', '$search', '$count', '$orderby', '$expand']);

/** Graph's texts for the refusals the bot must handle (shared/reference/microsoft-365-apis.md A2, A4). */
export const GraphMessages = {
  mailEnabledWrite: 'Cannot Update a mail-enabled security groups and or distribution list.',
  alreadyMember: "One or more added object references already exist for the following modified properties: 'members'.",
  guestsNotAllowed:
    'Guests users are not allowed to join this Unified Group due to policy setting. paramName: Members, paramValue: , objectType: Microsoft.Online.DirectoryServices.Group',
  onPremisesWrite:
    'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
  // Not confirmed from Microsoft: branch on the code (Request_BadRequest), not on this text.
  dynamicWrite: 'Members cannot be added to or removed from a group with dynamic membership.',
  referencedObjectMissing: "The source resource object or one of the objects being referenced don't exist.",
  contactInUnifiedGroup: "Unsupported referenced-object resource identifier for link property 'members'.",
  searchNeedsHeader: "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
  methodNotAllowed: 'Specified HTTP method is not allowed for the request uri.',
  invitationsDisabled: 'Guest invitations not allowed for your company. Contact your company administrator for more details.',
  insufficientPrivileges: 'Insufficient privileges to complete the operation.',
} as const;

/** Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}. */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
  extraHeaders: Record<string, string> = {},
): GraphResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, 'client-request-id': headers['client-request-id'] ?? requestId, ...extraHeaders },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': requestId,
          'client-request-id': headers['client-request-id'] ?? requestId,
        },
      },
    },
  };
}

/** 429 as Microsoft's throttling guidance shows it (innerError carries code, date, message, request-id, status). */
export function graphThrottled(retryAfterSeconds: number, headers: Readonly<Record<string, string>> = {}): GraphResponse {
  const requestId = randomUUID();
  return {
    status: 429,
    headers: { 'content-type': 'application/json', 'request-id': requestId, 'client-request-id': headers['client-request-id'] ?? requestId, 'retry-after': String(retryAfterSeconds) },
    body: {
      error: {
        code: 'TooManyRequests',
        innerError: { code: '429', date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), message: 'Please retry after', 'request-id': requestId, status: '429' },
        message: 'Please retry again later.',
      },
    },
  };
}

function ok(status: number, body: unknown, requestHeaders: Readonly<Record<string, string>>): GraphResponse {
  const requestId = randomUUID();
  const headers: Record<string, string> = { 'request-id': requestId, 'client-request-id': requestHeaders['client-request-id'] ?? requestId };
  if (body !== undefined) headers['content-type'] = jsonContentType;
  return body === undefined ? { status, headers } : { status, headers, body };
}

function notFound(id: string, headers: Readonly<Record<string, string>>): GraphResponse {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, headers);
}

type Handler = (req: GraphRequest, params: readonly string[]) => GraphResponse;

interface RouteEntry {
  readonly method: string;
  readonly template: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
}

/**
 * Microsoft Graph v1.0 over the simulated directory: the reads and writes the bot uses, with
 * Graph's JSON shapes, paging, $select/$filter/$search and refusals.
 */
export class GraphApi {
  private readonly routes: RouteEntry[] = [];

  constructor(
    private readonly directory: SimulatedDirectory,
    /** e.g. http://127.0.0.1:4000/v1.0 (used in @odata.context and @odata.nextLink). */
    private readonly baseUrl: string,
  ) {
    this.add('GET', '/organization', (req) => this.getOrganization(req));
    this.add('GET', '/users', (req) => this.list(req, 'users', userType, this.directory.users()));
    this.add('GET', '/users/{id}', (req, [id]) => this.getUser(req, id!));
    this.add('GET', '/users/{id}/memberOf', (req, [id]) => this.memberOf(req, id!, false));
    this.add('GET', '/users/{id}/transitiveMemberOf', (req, [id]) => this.memberOf(req, id!, true));
    this.add('GET', '/users/{id}/ownedObjects/microsoft.graph.group', (req, [id]) => this.ownedGroups(req, id!));
    this.add('POST', '/users/{id}/checkMemberGroups', (req, [id]) => this.checkMemberGroups(req, id!, 'user'));
    this.add('POST', '/contacts/{id}/checkMemberGroups', (req, [id]) => this.checkMemberGroups(req, id!, 'contact'));
    this.add('GET', '/directoryObjects/{id}', (req, [id]) => this.getDirectoryObject(req, id!));
    this.add('POST', '/directoryObjects/{id}/checkMemberGroups', (req, [id]) => this.checkMemberGroups(req, id!, 'any'));
    this.add('GET', '/groups', (req) => this.list(req, 'groups', groupType, this.directory.groups()));
    this.add('GET', '/groups/{id}', (req, [id]) => this.getGroup(req, id!));
    this.add('GET', '/groups/{id}/owners', (req, [id]) => this.groupLinks(req, id!, 'owners'));
    this.add('GET', '/groups/{id}/members', (req, [id]) => this.groupLinks(req, id!, 'members'));
    this.add('GET', '/groups/{id}/transitiveMembers', (req, [id]) => this.groupLinks(req, id!, 'transitiveMembers'));
    this.add('POST', '/groups/{id}/members/$ref', (req, [id]) => this.addMember(req, id!));
    this.add('DELETE', '/groups/{id}/members/{id}/$ref', (req, [id, memberId]) => this.removeMember(req, id!, memberId!));
    this.add('GET', '/groups/{id}/settings', (req, [id]) => this.groupSettings(req, id!));
    this.add('GET', '/groupSettings', (req) => this.tenantSettings(req));
    this.add('GET', '/contacts', (req) => this.list(req, 'contacts', contactType, this.directory.contacts()));
    this.add('GET', '/contacts/{id}', (req, [id]) => this.getContact(req, id!));
    this.add('POST', '/invitations', (req) => this.invite(req));
  }

  private add(method: string, template: string, handler: Handler): void {
    this.routes.push({ method, template, segments: template.split('/').filter((s) => s !== ''), handler });
  }

  /** Finds the handler for a request; unknown paths and methods get Graph's answers. */
  route(req: GraphRequest): GraphRoute {
    const segments = req.path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => safeDecode(s));
    const matches = this.routes.filter((r) => matchTemplate(r.segments, segments) !== undefined);
    const entry = matches.find((r) => r.method === req.method.toUpperCase());
    if (entry !== undefined) {
      const params = matchTemplate(entry.segments, segments)!;
      const operation = `${entry.method} /${entry.segments.join('/')}`;
      return { operation, run: () => this.guard(req, operation, () => entry.handler(req, params)) };
    }
    if (matches.length > 0) {
      const template = matches[0]!.segments.join('/');
      return {
        operation: `${req.method.toUpperCase()} /${template}`,
        run: () => graphError(405, 'Request_BadRequest', GraphMessages.methodNotAllowed, req.headers),
      };
    }
    const unknown = segments.find((s, i) => !this.routes.some((r) => r.segments.length > i && (r.segments[i] === s || r.segments[i] === '{id}'))) ?? segments[0] ?? '';
    return {
      operation: `${req.method.toUpperCase()} ${req.path}`,
      run: () => graphError(400, 'BadRequest', `Resource not found for the segment '${unknown}'.`, req.headers),
    };
  }

  /** Refuses query options the simulator does not serve (rather than ignoring them); turns query errors into Graph's 400s. */
  private guard(req: GraphRequest, operation: string, run: () => GraphResponse): GraphResponse {
    try {
      for (const key of req.query.keys()) {
        if (!key.startsWith('$')) continue;
        const option = key.toLowerCase();
        if (option === '$expand' && operation !== 'GET /groups/{id}') {
          throw new ODataQueryError('Request_UnsupportedQuery', `$expand is not supported on '${operation}' by the simulator.`);
        }
        if (!supportedQueryOptions.has(option)) {
          throw new ODataQueryError('BadRequest', `Query option '${key}' is not supported.`);
        }
      }
      return run();
    } catch (error) {
      if (error instanceof ODataQueryError) return graphError(400, error.code, error.message, req.headers);
      throw error;
    }
  }

  private context(fragment: string): string {
    return `${this.baseUrl}/$metadata#${fragment}`;
  }

  private getOrganization(req: GraphRequest): GraphResponse {
    const select = parseSelect(req.query.get('$select'), organizationProperties, 'microsoft.graph.organization');
    const org = organizationToGraph(this.directory.tenant);
    return ok(
      200,
      {
        '@odata.context': this.context(select ? `organization(${select.join(',')})` : 'organization'),
        value: [select ? project(org, select) : org],
      },
      req.headers,
    );
  }

  private getUser(req: GraphRequest, id: string): GraphResponse {
    const select = parseSelect(req.query.get('$select'), userType.allProperties, userType.typeName);
    const user = this.directory.user(id);
    if (user === undefined) return notFound(id, req.headers);
    return ok(
      200,
      {
        '@odata.context': this.context(select ? `users(${select.join(',')})/$entity` : 'users/$entity'),
        ...project(userType.toGraph(user), select ?? userType.defaultProperties),
      },
      req.headers,
    );
  }

  private getGroup(req: GraphRequest, id: string): GraphResponse {
    if (!guidPattern.test(id)) return graphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`, req.headers);
    const select = parseSelect(req.query.get('$select'), groupType.allProperties, groupType.typeName);
    const group = this.directory.group(id);
    if (group === undefined) return notFound(id, req.headers);
    const entity: Record<string, unknown> = {
      '@odata.context': this.context(select ? `groups(${select.join(',')})/$entity` : 'groups/$entity'),
      ...project(groupType.toGraph(group), select ?? groupType.defaultProperties),
    };
    const expand = req.query.get('$expand');
    if (expand !== null) {
      const m = /^\s*(owners|members)\s*(?:\(\s*\$select\s*=\s*([A-Za-z0-9_,\s]+)\))?\s*$/i.exec(expand);
      if (m === null) throw new ODataQueryError('Request_UnsupportedQuery', `$expand supports owners or members, optionally with ($select=...): '${expand}'.`);
      const relation = m[1]!.toLowerCase() === 'owners' ? 'owners' : 'members';
      const innerSelect = m[2] === undefined ? undefined : parseSelect(m[2], directoryObjectProperties, 'microsoft.graph.directoryObject');
      entity[relation] = group[relation]
        .map((r) => this.directory.get(r))
        .filter((r): r is DirectoryRecord => r !== undefined)
        .map((r) => directoryObjectToGraph(r, innerSelect));
    }
    return ok(200, entity, req.headers);
  }

  private getDirectoryObject(req: GraphRequest, id: string): GraphResponse {
    if (!guidPattern.test(id)) return graphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`, req.headers);
    const select = parseSelect(req.query.get('$select'), directoryObjectProperties, 'microsoft.graph.directoryObject');
    const record = this.directory.get(id);
    if (record === undefined) return notFound(id, req.headers);
    return ok(200, { '@odata.context': this.context('directoryObjects/$entity'), ...directoryObjectToGraph(record, select) }, req.headers);
  }

  private getContact(req: GraphRequest, id: string): GraphResponse {
    if (!guidPattern.test(id)) return graphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`, req.headers);
    const select = parseSelect(req.query.get('$select'), contactType.allProperties, contactType.typeName);
    const contact = this.directory.contact(id);
    if (contact === undefined) return notFound(id, req.headers);
    return ok(
      200,
      {
        '@odata.context': this.context(select ? `contacts(${select.join(',')})/$entity` : 'contacts/$entity'),
        ...project(contactType.toGraph(contact), select ?? contactType.defaultProperties),
      },
      req.headers,
    );
  }

  private isAdvanced(req: GraphRequest): boolean {
    return (req.headers['consistencylevel'] ?? '').toLowerCase() === 'eventual';
  }

  /** A collection of one entity type with $filter, $search, $orderby, $select, $top and paging. */
  private list<R>(req: GraphRequest, entitySet: string, type: EntityType<R>, records: readonly R[]): GraphResponse {
    const select = parseSelect(req.query.get('$select'), type.allProperties, type.typeName);
    const advanced = this.isAdvanced(req);
    let items = records.map((r) => type.toGraph(r));
    items = this.applyFilter(req, items, type.filter, advanced);
    const search = req.query.get('$search');
    if (search !== null) {
      if (!advanced) throw new ODataQueryError('Request_UnsupportedQuery', GraphMessages.searchNeedsHeader);
      const predicate = parseSearch(search);
      items = items.filter(predicate);
    }
    const orderBy = req.query.get('$orderby');
    if (orderBy !== null) {
      const m = /^\s*(displayName|mail|userPrincipalName)(\s+(asc|desc))?\s*$/i.exec(orderBy);
      if (m === null) throw new ODataQueryError('Request_UnsupportedQuery', 'Sorting not supported for current query.');
      if (req.query.get('$filter') !== null && !advanced) {
        throw new ODataQueryError('Request_UnsupportedQuery', 'Sorting not supported for current query.');
      }
      const key = Object.keys(items[0] ?? {}).find((k) => k.toLowerCase() === m[1]!.toLowerCase()) ?? m[1]!;
      const desc = (m[3] ?? '').toLowerCase() === 'desc';
      items = [...items].sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? ''), 'en', { sensitivity: 'base' }) * (desc ? -1 : 1));
    }
    const projected = items.map((e) => project(e, select ?? type.defaultProperties));
    return this.page(req, select ? `${entitySet}(${select.join(',')})` : entitySet, projected, advanced);
  }

  private applyFilter<E extends Record<string, unknown>>(req: GraphRequest, items: E[], schema: FilterSchema, advanced: boolean): E[] {
    const filter = req.query.get('$filter');
    if (filter === null) return items;
    const node = parseFilter(filter);
    validateFilter(node, schema, advanced && (req.query.get('$count') ?? '').toLowerCase() === 'true');
    return items.filter((item) => {
      const keys = Object.keys(item);
      return matchesFilter(node, (p) => {
        const key = keys.find((k) => k.toLowerCase() === p.toLowerCase());
        return key === undefined ? undefined : item[key];
      });
    });
  }

  /** Cuts a collection into pages of $top (default 100, at most 999) with an opaque $skiptoken. */
  private page(req: GraphRequest, contextFragment: string, items: readonly unknown[], advanced: boolean): GraphResponse {
    const topText = req.query.get('$top');
    let top = defaultPageSize;
    if (topText !== null) {
      const n = Number(topText);
      if (!Number.isInteger(n) || n < 1 || n > maxPageSize) {
        throw new ODataQueryError('BadRequest', `Invalid page size specified: '${topText}'. Must be between 1 and ${maxPageSize} inclusive.`);
      }
      top = n;
    }
    const token = req.query.get('$skiptoken');
    let offset = 0;
    if (token !== null) {
      const decoded = decodeSkipToken(token);
      if (decoded === undefined) throw new ODataQueryError('BadRequest', `Invalid $skiptoken value '${token}'.`);
      offset = decoded;
    }
    const slice = items.slice(offset, offset + top);
    const body: Record<string, unknown> = { '@odata.context': this.context(contextFragment) };
    if (advanced && (req.query.get('$count') ?? '').toLowerCase() === 'true') body['@odata.count'] = items.length;
    if (offset + top < items.length) {
      const next = new URLSearchParams(req.query);
      next.set('$skiptoken', encodeSkipToken(offset + top));
      body['@odata.nextLink'] = `${this.baseUrl}${req.path}?${next.toString().replace(/%24/g, '$')}`;
    }
    body['value'] = slice;
    return ok(200, body, req.headers);
  }

  private groupOr404(req: GraphRequest, id: string): GroupRecord | GraphResponse {
    if (!guidPattern.test(id)) return graphError(400, 'Request_BadRequest', `Invalid object identifier '${id}'.`, req.headers);
    return this.directory.group(id) ?? notFound(id, req.headers);
  }

  private groupLinks(req: GraphRequest, id: string, relation: 'owners' | 'members' | 'transitiveMembers'): GraphResponse {
    const group = this.groupOr404(req, id);
    if (!('kind' in group)) return group;
    const select = parseSelect(req.query.get('$select'), directoryObjectProperties, 'microsoft.graph.directoryObject');
    const records: DirectoryRecord[] =
      relation === 'transitiveMembers'
        ? this.directory.transitiveMembersOf(group)
        : (relation === 'owners' ? group.owners : group.members)
            .map((m) => this.directory.get(m))
            .filter((r): r is DirectoryRecord => r !== undefined);
    let items = records.map((r) => directoryObjectToGraph(r, select));
    if (req.query.get('$filter') !== null) {
      const advanced = this.isAdvanced(req);
      if (!advanced) throw new ODataQueryError('Request_UnsupportedQuery', `Filter not supported on '${relation}' without the ConsistencyLevel: eventual header.`);
      const full = records.map((r) => ({ ...directoryObjectToGraph(r, directoryObjectProperties) }));
      const kept = new Set(this.applyFilter(req, full, directoryObjectFilter, true).map((e) => e['id']));
      items = items.filter((_, i) => kept.has(records[i]!.id));
    }
    return this.page(req, 'directoryObjects', items, this.isAdvanced(req));
  }

  private memberOf(req: GraphRequest, id: string, transitive: boolean): GraphResponse {
    const user = this.directory.user(id);
    if (user === undefined) return notFound(id, req.headers);
    const select = parseSelect(req.query.get('$select'), directoryObjectProperties, 'microsoft.graph.directoryObject');
    const groups = transitive ? this.directory.transitiveGroupsOf(user.id) : this.directory.directGroupsOf(user.id);
    return this.page(req, 'directoryObjects', groups.map((g) => directoryObjectToGraph(g, select)), this.isAdvanced(req));
  }

  /** The groups a user owns in Graph (Microsoft 365 and security groups; distribution groups have no Graph owners). */
  private ownedGroups(req: GraphRequest, id: string): GraphResponse {
    const user = this.directory.user(id);
    if (user === undefined) return notFound(id, req.headers);
    const select = parseSelect(req.query.get('$select'), groupType.allProperties, groupType.typeName);
    const owned = this.directory.groups().filter((g) => g.owners.includes(user.id));
    const items = owned.map((g) => project(groupType.toGraph(g), select ?? groupType.defaultProperties));
    return this.page(req, select ? `groups(${select.join(',')})` : 'groups', items, this.isAdvanced(req));
  }

  private checkMemberGroups(req: GraphRequest, id: string, kind: 'user' | 'contact' | 'any'): GraphResponse {
    const record = kind === 'user' ? this.directory.user(id) : this.directory.get(id);
    if (record === undefined || (kind === 'contact' && record.kind !== 'contact')) return notFound(id, req.headers);
    const body = req.body as { groupIds?: unknown } | undefined;
    const groupIds = body?.groupIds;
    if (!Array.isArray(groupIds) || groupIds.some((g) => typeof g !== 'string')) {
      return graphError(400, 'Request_BadRequest', "The request body must contain 'groupIds', an array of group ids.", req.headers);
    }
    if (groupIds.length > 20) {
      return graphError(400, 'Request_BadRequest', 'The number of groupIds exceeds the maximum of 20.', req.headers);
    }
    const invalid = (groupIds as string[]).find((g) => !guidPattern.test(g));
    if (invalid !== undefined) return graphError(400, 'Request_BadRequest', `Invalid object identifier '${invalid}'.`, req.headers);
    const memberOf = new Set(this.directory.transitiveGroupsOf(record.id).map((g) => g.id));
    const value = (groupIds as string[]).filter((g) => memberOf.has(g.toLowerCase()));
    return ok(200, { '@odata.context': this.context('Collection(Edm.String)'), value }, req.headers);
  }

  /** Which write refusal applies to a group's member list, if any (order as Graph checks). */
  private memberWriteRefusal(req: GraphRequest, group: GroupRecord): GraphResponse | undefined {
    if (group.onPremisesSyncEnabled === true) return graphError(400, 'Request_BadRequest', GraphMessages.onPremisesWrite, req.headers);
    const unified = group.groupTypes.some((t) => t.toLowerCase() === 'unified');
    if (group.mailEnabled && !unified) return graphError(400, 'Request_BadRequest', GraphMessages.mailEnabledWrite, req.headers);
    if (group.groupTypes.some((t) => t.toLowerCase() === 'dynamicmembership')) {
      return graphError(400, 'Request_BadRequest', GraphMessages.dynamicWrite, req.headers);
    }
    return undefined;
  }

  private addMember(req: GraphRequest, groupId: string): GraphResponse {
    const group = this.groupOr404(req, groupId);
    if (!('kind' in group)) return group;
    const body = req.body as Record<string, unknown> | undefined;
    const ref = body?.['@odata.id'];
    const m = typeof ref === 'string' ? /\/(?:directoryObjects|users|contacts|groups)\/([^/?#]+)\/?$/i.exec(ref) : null;
    if (m === null) {
      return graphError(400, 'BadRequest', "The request body must contain '@odata.id' with the URL of a directory object, e.g. https://graph.microsoft.com/v1.0/directoryObjects/{id}.", req.headers);
    }
    const memberId = safeDecode(m[1]!).toLowerCase();
    const refusal = this.memberWriteRefusal(req, group);
    if (refusal !== undefined) return refusal;
    const member = this.directory.get(memberId);
    if (member === undefined) {
      if (this.directory.find(memberId) !== undefined) {
        return graphError(400, 'Request_BadRequest', GraphMessages.referencedObjectMissing, req.headers);
      }
      return notFound(memberId, req.headers);
    }
    const unified = group.groupTypes.some((t) => t.toLowerCase() === 'unified');
    if (unified && member.kind === 'contact') return graphError(400, 'Request_BadRequest', GraphMessages.contactInUnifiedGroup, req.headers);
    if (group.members.includes(member.id)) return graphError(400, 'Request_BadRequest', GraphMessages.alreadyMember, req.headers);
    if (unified && member.kind === 'user' && member.userType === 'Guest' && !this.guestsAllowedIn(group)) {
      return graphError(403, 'Authorization_RequestDenied', GraphMessages.guestsNotAllowed, req.headers);
    }
    group.members.push(member.id);
    return ok(204, undefined, req.headers);
  }

  private removeMember(req: GraphRequest, groupId: string, memberId: string): GraphResponse {
    const group = this.groupOr404(req, groupId);
    if (!('kind' in group)) return group;
    const refusal = this.memberWriteRefusal(req, group);
    if (refusal !== undefined) return refusal;
    const index = group.members.indexOf(memberId.toLowerCase());
    if (index === -1) return notFound(memberId, req.headers);
    group.members.splice(index, 1);
    return ok(204, undefined, req.headers);
  }

  private guestsAllowedIn(group: GroupRecord): boolean {
    return this.directory.tenant.guestsAllowed && group.allowGuests !== false;
  }

  /** Per-group settings: a Group.Unified.Guest object when the tenant file sets allowGuests. */
  private groupSettings(req: GraphRequest, id: string): GraphResponse {
    const group = this.groupOr404(req, id);
    if (!('kind' in group)) return group;
    const value =
      group.allowGuests === null
        ? []
        : [
            {
              id: stableGuid(`${group.id}/Group.Unified.Guest`),
              displayName: 'Group.Unified.Guest',
              templateId: '08d542b9-071f-4e16-94b0-74abb372e3d9',
              values: [{ name: 'AllowToAddGuests', value: group.allowGuests ? 'true' : 'false' }],
            },
          ];
    return ok(200, { '@odata.context': this.context(`groups('${group.id}')/settings`), value }, req.headers);
  }

  /** Tenant settings: the Group.Unified object with AllowToAddGuests from tenant.guestsAllowed. */
  private tenantSettings(req: GraphRequest): GraphResponse {
    const tenant = this.directory.tenant;
    const allow = tenant.guestsAllowed ? 'true' : 'false';
    return ok(
      200,
      {
        '@odata.context': this.context('groupSettings'),
        value: [
          {
            id: stableGuid(`${tenant.id}/Group.Unified`),
            displayName: 'Group.Unified',
            templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b',
            values: [
              { name: 'EnableMIPLabels', value: 'false' },
              { name: 'CustomBlockedWordsList', value: '' },
              { name: 'EnableMSStandardBlockedWords', value: 'false' },
              { name: 'ClassificationDescriptions', value: '' },
              { name: 'DefaultClassification', value: '' },
              { name: 'PrefixSuffixNamingRequirement', value: '' },
              { name: 'AllowGuestsToBeGroupOwner', value: 'false' },
              { name: 'AllowGuestsToAccessGroups', value: allow },
              { name: 'GuestUsageGuidelinesUrl', value: '' },
              { name: 'GroupCreationAllowedGroupId', value: '' },
              { name: 'AllowToAddGuests', value: allow },
              { name: 'UsageGuidelinesUrl', value: '' },
              { name: 'ClassificationList', value: '' },
              { name: 'EnableGroupCreation', value: 'true' },
            ],
          },
        ],
      },
      req.headers,
    );
  }

  private invite(req: GraphRequest): GraphResponse {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const email = body['invitedUserEmailAddress'];
    if (typeof email !== 'string' || !addressPattern.test(email)) {
      return graphError(400, 'BadRequest', 'The invited user email address is invalid or missing (invitedUserEmailAddress).', req.headers);
    }
    const redirect = body['inviteRedirectUrl'];
    if (typeof redirect !== 'string' || !/^https?:\/\//i.test(redirect)) {
      return graphError(400, 'BadRequest', 'The inviteRedirectUrl property is required and must be an absolute URL.', req.headers);
    }
    const tenant = this.directory.tenant;
    if (!tenant.invitationsAllowed) return graphError(403, 'Authorization_RequestDenied', GraphMessages.invitationsDisabled, req.headers);
    const domain = email.split('@')[1]!.toLowerCase();
    if (tenant.verifiedDomains.some((d) => d.name === domain)) {
      return graphError(400, 'BadRequest', `The invited user's domain '${domain}' is a verified domain of this directory; invite external addresses only.`, req.headers);
    }
    const owner = this.directory.addressOwner(email);
    let guest: UserRecord;
    if (owner?.kind === 'user' && owner.userType === 'Guest') {
      guest = owner;
    } else if (owner?.kind === 'user' || owner?.kind === 'group') {
      return graphError(400, 'BadRequest', `The invited user already exists in the directory as object ${owner.id}.`, req.headers);
    } else {
      const displayName = typeof body['invitedUserDisplayName'] === 'string' && body['invitedUserDisplayName'] !== '' ? (body['invitedUserDisplayName'] as string) : email.split('@')[0]!;
      guest = this.directory.createGuest({ email, displayName });
      // A mail contact already holds the address: the guest is created without the proxy address (A4).
      if (owner?.kind === 'contact') guest.proxyAddresses = [];
    }
    const messageInfo = (body['invitedUserMessageInfo'] ?? {}) as Record<string, unknown>;
    const invitationId = randomUUID();
    return ok(
      201,
      {
        '@odata.context': this.context('invitations/$entity'),
        id: invitationId,
        inviteRedeemUrl: `https://login.microsoftonline.com/redeem?rd=https%3a%2f%2finvitations.microsoft.com%2fredeem%2f%3ftenant%3d${tenant.id}%26user%3d${guest.id}%26ticket%3d${invitationId}`,
        invitedUserDisplayName: guest.displayName,
        invitedUserType: 'Guest',
        invitedUserEmailAddress: email,
        sendInvitationMessage: body['sendInvitationMessage'] === true,
        resetRedemption: false,
        inviteRedirectUrl: redirect,
        status: guest.externalUserState === 'Accepted' ? 'Completed' : 'PendingAcceptance',
        invitedUserMessageInfo: {
          messageLanguage: typeof messageInfo['messageLanguage'] === 'string' ? messageInfo['messageLanguage'] : null,
          customizedMessageBody: typeof messageInfo['customizedMessageBody'] === 'string' ? messageInfo['customizedMessageBody'] : null,
          ccRecipients: Array.isArray(messageInfo['ccRecipients']) ? messageInfo['ccRecipients'] : [{ emailAddress: { name: null, address: null } }],
        },
        invitedUser: { id: guest.id },
      },
      req.headers,
    );
  }
}

export const batchLimits = { maxRequests: maxBatchRequests } as const;

function matchTemplate(template: readonly string[], segments: readonly string[]): string[] | undefined {
  if (template.length !== segments.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < template.length; i += 1) {
    if (template[i] === '{id}') params.push(segments[i]!);
    else if (template[i]!.toLowerCase() !== segments[i]!.toLowerCase()) return undefined;
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(`RFNwdAIA:${offset}`).toString('base64url');
}

function decodeSkipToken(token: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^RFNwdAIA:(\d+)$/.exec(text);
  return m === null ? undefined : Number(m[1]);
}

/**
 * $search="displayName:fin" (clauses joined with AND/OR): each term matches the start of a word
 * of the property, case-insensitively, as Graph's tokenized search does.
 */
function parseSearch(search: string): (item: Record<string, unknown>) => boolean {
  const clausePattern = /^"([^"]*)"$/;
  const parts = search.trim().split(/\s+(AND|OR)\s+/);
  const clauses: ((item: Record<string, unknown>) => boolean)[] = [];
  const joins: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      joins.push(part);
      return;
    }
    const m = clausePattern.exec(part);
    if (m === null) throw new ODataQueryError('BadRequest', `Syntax error: the $search clause ${part} must be in double quotes, e.g. "displayName:sales".`);
    const inner = m[1]!;
    const colon = inner.indexOf(':');
    const property = colon === -1 ? 'displayName' : inner.slice(0, colon);
    const terms = (colon === -1 ? inner : inner.slice(colon + 1)).toLowerCase().split(/\s+/).filter((t) => t !== '');
    if (!['displayName', 'mail', 'description', 'userPrincipalName', 'givenName', 'surname', 'mailNickname'].some((p) => p.toLowerCase() === property.toLowerCase())) {
      throw new ODataQueryError('Request_UnsupportedQuery', `Unsupported or invalid query search clause specified for property '${property}'.`);
    }
    clauses.push((item) => {
      const key = Object.keys(item).find((k) => k.toLowerCase() === property.toLowerCase());
      const value = key === undefined ? undefined : item[key];
      if (typeof value !== 'string') return false;
      const words = value.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
      return terms.every((t) => words.some((w) => w.startsWith(t)) || value.toLowerCase().startsWith(t));
    });
  });
  return (item) => {
    let result = clauses[0]!(item);
    joins.forEach((join, i) => {
      const next = clauses[i + 1]!(item);
      result = join === 'AND' ? result && next : result || next;
    });
    return result;
  };
}
