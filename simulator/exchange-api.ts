import { stableGuid } from './seeded-random';
import { CmdletError, cmdletFailure, type ExchangeFailure } from './exchange-errors';
import { rolesAllow } from './exchange-rbac';
import { parseOpathFilter } from './opath-filter';
import { addressesOf, isValidAlias, type ContactRecord, type DirectoryRecord, type GroupRecord, type SimulatedDirectory } from './simulated-directory';

/** The answer to one InvokeCommand call. */
export interface ExchangeResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Recipient = Record<string, unknown>;
type Parameters = Readonly<Record<string, unknown>>;

const simulatedServer = 'SIM01EXO001.prod.outlook.com';

interface CmdletDefinition {
  readonly parameters: readonly string[];
  readonly mandatory: readonly string[];
  readonly run: (p: Parameters) => { value: Recipient[]; warnings?: string[]; pageable?: boolean };
}

export interface ExchangeApiOptions {
  /** The Exchange roles the calling app holds (tenant file: tenant.exchangeRoles). */
  readonly appRoles: () => readonly string[];
  /** Whether an Entra object id works as -Identity / -Member (it does in practice; a fault knob turns it off). */
  readonly acceptsEntraObjectIds: () => boolean;
}

/** The 403 Exchange answers for a cmdlet or switch outside the caller's roles: an empty body. */
export function forbiddenAnswer(): ExchangeResponse {
  return { status: 403, headers: { 'content-length': '0' }, body: undefined };
}

/**
 * The Exchange Online admin endpoint (POST /adminapi/beta/{tenantId}/InvokeCommand) over the same
 * directory as Graph: recipients are the directory's mail-enabled objects.
 */
export class ExchangeApi {
  private readonly cmdlets: Readonly<Record<string, CmdletDefinition>>;

  constructor(
    private readonly directory: SimulatedDirectory,
    /** e.g. http://127.0.0.1:4000/adminapi/beta */
    private readonly baseUrl: string,
    private readonly options: ExchangeApiOptions,
  ) {
    this.cmdlets = {
      'Get-Recipient': {
        parameters: ['Identity', 'Filter', 'RecipientTypeDetails', 'ResultSize'],
        mandatory: [],
        run: (p) => ({ value: this.getRecipient(p), pageable: true }),
      },
      'Get-MailContact': {
        parameters: ['Identity', 'ResultSize', 'Filter'],
        mandatory: [],
        run: (p) => ({ value: this.getMailContact(p), pageable: true }),
      },
      'New-MailContact': {
        parameters: ['Name', 'ExternalEmailAddress', 'DisplayName', 'FirstName', 'LastName', 'Alias', 'Initials'],
        mandatory: ['Name', 'ExternalEmailAddress'],
        run: (p) => ({ value: [this.newMailContact(p)] }),
      },
      'Set-MailContact': {
        parameters: ['Identity', 'HiddenFromAddressListsEnabled', 'DisplayName'],
        mandatory: ['Identity'],
        run: (p) => this.setMailContact(p),
      },
      'Get-DistributionGroup': {
        parameters: ['Identity', 'ManagedBy', 'ResultSize', 'RecipientTypeDetails'],
        mandatory: [],
        run: (p) => ({ value: this.getDistributionGroup(p), pageable: true }),
      },
      'Add-DistributionGroupMember': {
        parameters: ['Identity', 'Member', 'BypassSecurityGroupManagerCheck'],
        mandatory: ['Identity', 'Member'],
        run: (p) => ({ value: this.addDistributionGroupMember(p) }),
      },
      'Get-DistributionGroupMember': {
        parameters: ['Identity', 'ResultSize'],
        mandatory: ['Identity'],
        run: (p) => ({ value: this.getDistributionGroupMember(p), pageable: true }),
      },
      'Set-DistributionGroup': {
        parameters: ['Identity', 'RequireSenderAuthenticationEnabled', 'BypassSecurityGroupManagerCheck'],
        mandatory: ['Identity'],
        run: (p) => this.setDistributionGroup(p),
      },
      'Get-ManagementRoleAssignment': {
        parameters: ['RoleAssignee', 'Role', 'ResultSize'],
        mandatory: [],
        run: (p) => ({ value: this.getManagementRoleAssignment(p), pageable: true }),
      },
    };
  }

  /** The cmdlet name of a request body, for fault decisions and the request log. */
  static cmdletName(body: unknown): string | undefined {
    const input = (body as { CmdletInput?: { CmdletName?: unknown } } | undefined)?.CmdletInput;
    return typeof input?.CmdletName === 'string' ? input.CmdletName : undefined;
  }

  /** True when the {tenantId} of the URL names this tenant (its GUID or one of its domains). */
  knowsTenant(tenantInPath: string): boolean {
    const t = tenantInPath.toLowerCase();
    return t === this.directory.tenant.id || this.directory.tenant.verifiedDomains.some((d) => d.name === t);
  }

  invoke(tenantInPath: string, body: unknown, query: URLSearchParams, headers: Readonly<Record<string, string>>): ExchangeResponse {
    const input = (body as { CmdletInput?: { CmdletName?: unknown; Parameters?: unknown } } | undefined)?.CmdletInput;
    const name = input?.CmdletName;
    if (typeof name !== 'string') {
      return this.error('parameterBinding', 'The request body must be {"CmdletInput":{"CmdletName":"...","Parameters":{...}}}.');
    }
    const rawParameters = input?.Parameters ?? {};
    if (typeof rawParameters !== 'object' || rawParameters === null || Array.isArray(rawParameters)) {
      return this.error('parameterBinding', 'Parameters must be a JSON object.');
    }
    // A cmdlet (or switch) outside the app's roles, or unknown to the service, is refused before anything else.
    const cmdlet = Object.entries(this.cmdlets).find(([n]) => n.toLowerCase() === name.toLowerCase());
    if (cmdlet === undefined || !rolesAllow(name, rawParameters as Parameters, this.options.appRoles())) return forbiddenAnswer();
    const [, definition] = cmdlet;
    const parameters: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rawParameters as Record<string, unknown>)) {
      const known = definition.parameters.find((p) => p.toLowerCase() === key.toLowerCase());
      if (known === undefined) return this.error('parameterBinding', `A parameter cannot be found that matches parameter name '${key}'.`);
      parameters[known] = value;
    }
    const missing = definition.mandatory.filter((m) => parameters[m] === undefined || parameters[m] === null || parameters[m] === '');
    if (missing.length > 0) {
      return this.error('parameterBinding', `Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`);
    }
    try {
      const result = definition.run(parameters);
      let value = result.value;
      const select = query.get('$select');
      if (select !== null) {
        const names = select.split(',').map((s) => s.trim()).filter((s) => s !== '');
        value = value.map((v) => Object.fromEntries(names.flatMap((n) => {
          const key = Object.keys(v).find((k) => k.toLowerCase() === n.toLowerCase());
          return key === undefined ? [] : [[key, v[key]]];
        })));
      }
      const out: Record<string, unknown> = { '@odata.context': `${this.baseUrl}/${tenantInPath}/$metadata#Collection(Exchange.GenericHashTable)` };
      if (result.pageable) {
        const pageSize = preferredPageSize(headers['prefer']);
        const offset = Number(/^\d+$/.test(query.get('$skiptoken') ?? '') ? query.get('$skiptoken') : 0);
        if (offset + pageSize < value.length) {
          out['@odata.nextLink'] = `${this.baseUrl}/${tenantInPath}/InvokeCommand?$skiptoken=${offset + pageSize}`;
        }
        value = value.slice(offset, offset + pageSize);
      }
      if (result.warnings && result.warnings.length > 0) out['@adminapi.warnings'] = result.warnings;
      out['value'] = value;
      return { status: 200, headers: { 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' }, body: out };
    } catch (error) {
      if (error instanceof CmdletError) return this.error(error.failure, error.message);
      throw error;
    }
  }

  private error(failure: ExchangeFailure, text: string): ExchangeResponse {
    const { status, body } = cmdletFailure(failure, text);
    return { status, headers: { 'content-type': 'application/json;odata.metadata=minimal;charset=utf-8' }, body };
  }

  // ---- recipients -------------------------------------------------------------------------

  /** The Exchange view of a directory object; undefined for objects that are not mail-enabled. */
  toRecipient(r: DirectoryRecord): Recipient | undefined {
    const base = (name: string, alias: string, primary: string, type: string, details: string): Recipient => ({
      Identity: name,
      Id: name,
      Name: name,
      Alias: alias,
      DisplayName: r.displayName,
      PrimarySmtpAddress: primary,
      EmailAddresses: emailAddresses(r, primary),
      RecipientType: type,
      RecipientTypeDetails: details,
      ExternalDirectoryObjectId: r.id,
      Guid: stableGuid(`exchange/${r.id}`),
      IsDirSynced: r.kind === 'user' ? false : r.onPremisesSyncEnabled === true,
      WhenCreatedUTC: r.createdDateTime,
    });
    switch (r.kind) {
      case 'user': {
        if (r.mail === null) return undefined;
        const local = r.userPrincipalName.split('@')[0]!;
        if (r.userType === 'Guest') {
          const hasProxy = r.proxyAddresses.length > 0;
          return {
            ...base(local, local.replace(/#/g, ''), hasProxy ? r.mail : r.userPrincipalName, 'MailUser', 'GuestMailUser'),
            ExternalEmailAddress: `SMTP:${r.mail}`,
            HiddenFromAddressListsEnabled: true,
          };
        }
        return { ...base(local, local, r.mail, 'UserMailbox', 'UserMailbox'), HiddenFromAddressListsEnabled: false };
      }
      case 'contact':
        return {
          ...base(r.name, r.alias, r.mail, 'MailContact', 'MailContact'),
          ExternalEmailAddress: `SMTP:${r.mail}`,
          FirstName: r.givenName ?? '',
          LastName: r.surname ?? '',
          HiddenFromAddressListsEnabled: r.hiddenFromAddressLists,
        };
      case 'group': {
        if (r.exchange === null || r.mail === null) return undefined;
        const unified = r.exchange.RecipientTypeDetails === 'GroupMailbox';
        const type = r.exchange.RecipientTypeDetails === 'MailUniversalSecurityGroup' ? 'MailUniversalSecurityGroup' : 'MailUniversalDistributionGroup';
        return {
          ...base(unified ? r.mailNickname : r.displayName, r.mailNickname, r.mail, type, r.exchange.RecipientTypeDetails),
          HiddenFromAddressListsEnabled: r.exchange.HiddenFromAddressListsEnabled,
        };
      }
    }
  }

  /** Replicated recipients, in directory order. */
  private recipients(): { record: DirectoryRecord; recipient: Recipient }[] {
    return this.directory.visible().flatMap((record) => {
      const recipient = this.toRecipient(record);
      return recipient === undefined ? [] : [{ record, recipient }];
    });
  }

  /**
   * Resolves an -Identity / -Member value: name, alias, display name, any address, Exchange GUID,
   * and (undocumented, but it works in practice) the Entra object id.
   */
  private resolve(
    identity: unknown,
    notFound: (id: string) => string,
    accept: (r: DirectoryRecord) => boolean = () => true,
    parameter = 'Identity',
  ): { record: DirectoryRecord; recipient: Recipient } {
    if (typeof identity !== 'string' || identity.trim() === '') {
      throw new CmdletError('parameterBinding', `Cannot bind argument to parameter '${parameter}' because it is an empty string.`);
    }
    const key = identity.trim().toLowerCase().replace(/^smtp:/, '');
    const matches = this.recipients().filter(({ record, recipient }) => {
      if (!accept(record)) return false;
      const candidates = [
        recipient['Name'],
        recipient['Alias'],
        recipient['DisplayName'],
        ...(this.options.acceptsEntraObjectIds() ? [recipient['ExternalDirectoryObjectId']] : []),
        recipient['Guid'],
        ...addressesOf(record),
        ...(recipient['EmailAddresses'] as string[]).map((a) => a.replace(/^smtp:/i, '')),
      ];
      return candidates.some((c) => typeof c === 'string' && c.toLowerCase() === key);
    });
    if (matches.length === 0) throw new CmdletError('notFound', notFound(identity));
    if (matches.length > 1) {
      throw new CmdletError('ambiguous', `The operation couldn't be performed because '${identity}' matches multiple entries.`);
    }
    return matches[0]!;
  }

  private objectNotFound(identity: string): string {
    return `The operation couldn't be performed because object '${identity}' couldn't be found on '${simulatedServer}'.`;
  }

  private memberNotFound(identity: string): string {
    return `Couldn't find object "${identity}". Please make sure that it was spelled correctly or specify a different object.`;
  }

  private resultSize(p: Parameters): number {
    const size = p['ResultSize'];
    if (size === undefined || size === null) return 1000;
    if (typeof size === 'string' && size.toLowerCase() === 'unlimited') return Number.POSITIVE_INFINITY;
    const n = typeof size === 'number' ? size : Number(size);
    if (!Number.isInteger(n) || n < 1) {
      throw new CmdletError('parameterBinding', `Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value "${String(size)}" to type "Microsoft.Exchange.Data.Unlimited\`1[System.UInt32]".`);
    }
    return n;
  }

  private getRecipient(p: Parameters): Recipient[] {
    if (p['Identity'] !== undefined) return [this.resolve(p['Identity'], (id) => this.objectNotFound(id)).recipient];
    let list = this.recipients().map((x) => x.recipient);
    if (p['Filter'] !== undefined) {
      if (typeof p['Filter'] !== 'string') throw new CmdletError('invalidFilter', 'The Filter parameter must be a string.');
      const predicate = parseOpathFilter(p['Filter']);
      list = list.filter(predicate);
    }
    const typeFilter = p['RecipientTypeDetails'];
    if (typeFilter !== undefined) {
      const wanted = (Array.isArray(typeFilter) ? typeFilter : String(typeFilter).split(',')).map((t) => String(t).trim().toLowerCase());
      list = list.filter((r) => wanted.includes(String(r['RecipientTypeDetails']).toLowerCase()));
    }
    return list.slice(0, this.resultSize(p));
  }

  private getMailContact(p: Parameters): Recipient[] {
    const isContact = (r: DirectoryRecord): boolean => r.kind === 'contact';
    if (p['Identity'] !== undefined) return [this.resolve(p['Identity'], (id) => this.objectNotFound(id), isContact).recipient];
    let list = this.recipients().filter((x) => isContact(x.record)).map((x) => x.recipient);
    if (typeof p['Filter'] === 'string') list = list.filter(parseOpathFilter(p['Filter']));
    return list.slice(0, this.resultSize(p));
  }

  private newMailContact(p: Parameters): Recipient {
    const name = stringParameter(p, 'Name');
    if (name.length > 64) throw new CmdletError('parameterBinding', `Cannot validate argument on parameter 'Name'. The length of the argument is too long. Shorten the length of the argument to less than or equal to "64" and then try the command again.`);
    const external = stringParameter(p, 'ExternalEmailAddress').replace(/^smtp:/i, '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(external)) {
      throw new CmdletError('parameterBinding', `Cannot process argument transformation on parameter 'ExternalEmailAddress'. "${external}" is not a valid SMTP address.`);
    }
    const owner = this.directory.addressOwner(external);
    if (owner !== undefined) {
      const ownerName = (this.toRecipient(owner)?.['Name'] as string | undefined) ?? owner.displayName;
      throw new CmdletError(
        'proxyAddressExists',
        `The proxy address "SMTP:${external}" is already being used by the proxy addresses or LegacyExchangeDN of "${ownerName}". Please choose another proxy address.`,
      );
    }
    const nameTaken = this.directory.all().some((r) => {
      const recipient = this.toRecipient(r);
      return recipient !== undefined && String(recipient['Name']).toLowerCase() === name.toLowerCase();
    });
    if (nameTaken) throw new CmdletError('nameExists', `The name "${name}" is already being used. Please try another name.`);
    const displayName = optionalStringParameter(p, 'DisplayName') ?? name;
    const alias = optionalStringParameter(p, 'Alias');
    if (alias !== undefined && !isValidAlias(alias)) {
      throw new CmdletError('invalidAlias', `The alias "${alias}" contains characters that aren't valid or is longer than 64 characters.`);
    }
    const contact = this.directory.createContact({
      name,
      displayName,
      email: external,
      ...(alias !== undefined ? { alias } : {}),
      givenName: optionalStringParameter(p, 'FirstName') ?? null,
      surname: optionalStringParameter(p, 'LastName') ?? null,
    });
    return this.toRecipient(contact)!;
  }

  private setMailContact(p: Parameters): { value: Recipient[]; warnings?: string[] } {
    const { record } = this.resolve(p['Identity'], (id) => this.objectNotFound(id), (r) => r.kind === 'contact');
    const contact = record as ContactRecord;
    let changed = false;
    if (p['HiddenFromAddressListsEnabled'] !== undefined) {
      const hidden = booleanParameter(p, 'HiddenFromAddressListsEnabled');
      changed = changed || contact.hiddenFromAddressLists !== hidden;
      contact.hiddenFromAddressLists = hidden;
    }
    const displayName = optionalStringParameter(p, 'DisplayName');
    if (displayName !== undefined) {
      changed = changed || contact.displayName !== displayName;
      contact.displayName = displayName;
    }
    return { value: [], ...(changed ? {} : { warnings: [`The command completed successfully but no settings of '${contact.name}' have been modified.`] }) };
  }

  private isDistributionGroup(r: DirectoryRecord): r is GroupRecord {
    return r.kind === 'group' && r.exchange !== null && r.exchange.RecipientTypeDetails !== 'GroupMailbox';
  }

  private distributionGroupView(group: GroupRecord, recipient: Recipient): Recipient {
    const exchange = group.exchange!;
    return {
      ...recipient,
      GroupType: exchange.RecipientTypeDetails === 'MailUniversalSecurityGroup' ? 'Universal, SecurityEnabled' : 'Universal',
      // Exchange Online shows ManagedBy as GUIDs unless -IncludeManagedByWithDisplayNames is passed.
      ManagedBy: [...exchange.ManagedBy],
      RequireSenderAuthenticationEnabled: exchange.RequireSenderAuthenticationEnabled,
      AcceptMessagesOnlyFromSendersOrMembers: [...exchange.AcceptMessagesOnlyFromSendersOrMembers],
      AcceptMessagesOnlyFrom: [],
      AcceptMessagesOnlyFromDLMembers: [],
      MemberJoinRestriction: 'Closed',
      MemberDepartRestriction: 'Closed',
    };
  }

  private getDistributionGroup(p: Parameters): Recipient[] {
    if (p['Identity'] !== undefined) {
      const { record, recipient } = this.resolve(p['Identity'], (id) => this.objectNotFound(id), (r) => this.isDistributionGroup(r));
      return [this.distributionGroupView(record as GroupRecord, recipient)];
    }
    let list = this.recipients().filter((x) => this.isDistributionGroup(x.record));
    if (p['ManagedBy'] !== undefined) {
      // -ManagedBy filters by an owner, named by any value that identifies the recipient.
      const { record: manager } = this.resolve(p['ManagedBy'], (id) => this.memberNotFound(id), () => true, 'ManagedBy');
      list = list.filter((x) => (x.record as GroupRecord).exchange!.ManagedBy.includes(manager.id));
    }
    const typeFilter = p['RecipientTypeDetails'];
    if (typeFilter !== undefined) {
      const wanted = (Array.isArray(typeFilter) ? typeFilter : String(typeFilter).split(',')).map((t) => String(t).trim().toLowerCase());
      list = list.filter((x) => wanted.includes(String(x.recipient['RecipientTypeDetails']).toLowerCase()));
    }
    return list.slice(0, this.resultSize(p)).map((x) => this.distributionGroupView(x.record as GroupRecord, x.recipient));
  }

  /**
   * The app's role assignments, as assignments of its role group (a GUESS at the output: the bot
   * reads only `Role`). Any -RoleAssignee names the one app the simulated tenant knows.
   */
  private getManagementRoleAssignment(p: Parameters): Recipient[] {
    const roleGroup = 'External Access bot';
    const wanted = optionalStringParameter(p, 'Role');
    return this.options
      .appRoles()
      .filter((role) => wanted === undefined || role.toLowerCase() === wanted.toLowerCase())
      .map((role) => ({
        Name: `${role.replace(/\s+/g, '')}-${roleGroup.replace(/\s+/g, '')}`,
        Identity: `${role.replace(/\s+/g, '')}-${roleGroup.replace(/\s+/g, '')}`,
        Role: role,
        RoleAssignee: roleGroup,
        RoleAssigneeName: roleGroup,
        RoleAssigneeType: 'RoleGroup',
        AssignmentMethod: 'RoleGroup',
        Enabled: true,
        RecipientWriteScope: 'Organization',
        CustomRecipientWriteScope: null,
      }))
      .slice(0, this.resultSize(p));
  }

  /** Write checks shared by Add-DistributionGroupMember and Set-DistributionGroup. */
  private writableGroup(p: Parameters, action: string, property: string): { group: GroupRecord; recipient: Recipient } {
    const { record, recipient } = this.resolve(p['Identity'], (id) => this.objectNotFound(id), (r) => this.isDistributionGroup(r));
    const group = record as GroupRecord;
    if (group.onPremisesSyncEnabled === true) {
      throw new CmdletError(
        'onPremises',
        `The action '${action}', '${property}', can't be performed on the object '${String(recipient['Name'])}' because the object is being synchronized from your on-premises organization. This action should be performed on the object in your on-premises organization.`,
      );
    }
    // The calling app is never in ManagedBy: Exchange requires -BypassSecurityGroupManagerCheck.
    if (p['BypassSecurityGroupManagerCheck'] === undefined || !booleanParameter(p, 'BypassSecurityGroupManagerCheck')) {
      throw new CmdletError(
        'groupManager',
        `You don't have sufficient permissions. This operation can only be performed by a manager of the group.`,
      );
    }
    return { group, recipient };
  }

  private addDistributionGroupMember(p: Parameters): Recipient[] {
    const { group, recipient: groupView } = this.writableGroup(p, 'Add-DistributionGroupMember', 'Members');
    const { record: member } = this.resolve(p['Member'], (id) => this.memberNotFound(id), () => true, 'Member');
    if (group.members.includes(member.id)) {
      throw new CmdletError(
        'memberAlreadyExists',
        `The recipient "${String(p['Member'])}" is already a member of the group "${String(groupView['Name'])}".`,
      );
    }
    group.members.push(member.id);
    return [];
  }

  private getDistributionGroupMember(p: Parameters): Recipient[] {
    const { record } = this.resolve(p['Identity'], (id) => this.objectNotFound(id), (r) => this.isDistributionGroup(r));
    const group = record as GroupRecord;
    return group.members
      .map((id) => this.directory.get(id))
      .filter((r): r is DirectoryRecord => r !== undefined)
      .map((r) => this.toRecipient(r))
      .filter((r): r is Recipient => r !== undefined)
      .slice(0, this.resultSize(p));
  }

  private setDistributionGroup(p: Parameters): { value: Recipient[]; warnings?: string[] } {
    const { group, recipient } = this.writableGroup(p, 'Set-DistributionGroup', 'RequireSenderAuthenticationEnabled');
    if (p['RequireSenderAuthenticationEnabled'] === undefined) {
      return { value: [], warnings: [`The command completed successfully but no settings of '${String(recipient['Name'])}' have been modified.`] };
    }
    const required = booleanParameter(p, 'RequireSenderAuthenticationEnabled');
    const changed = group.exchange!.RequireSenderAuthenticationEnabled !== required;
    group.exchange!.RequireSenderAuthenticationEnabled = required;
    return { value: [], ...(changed ? {} : { warnings: [`The command completed successfully but no settings of '${String(recipient['Name'])}' have been modified.`] }) };
  }
}

function emailAddresses(r: DirectoryRecord, primary: string): string[] {
  const others = r.proxyAddresses.map((a) => a.replace(/^smtp:/i, '')).filter((a) => a.toLowerCase() !== primary.toLowerCase());
  const list = [`SMTP:${primary}`, ...others.map((a) => `smtp:${a}`)];
  if (r.kind === 'user' && r.userType === 'Guest' && r.userPrincipalName.toLowerCase() !== primary.toLowerCase()) {
    list.push(`smtp:${r.userPrincipalName}`);
  }
  return [...new Set(list)];
}

function stringParameter(p: Parameters, name: string): string {
  const v = p[name];
  if (typeof v !== 'string' || v.trim() === '') throw new CmdletError('parameterBinding', `Cannot bind argument to parameter '${name}' because it is an empty string.`);
  return v.trim();
}

function optionalStringParameter(p: Parameters, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new CmdletError('parameterBinding', `Cannot process argument transformation on parameter '${name}'. A string is required.`);
  return v;
}

function booleanParameter(p: Parameters, name: string): boolean {
  const v = p[name];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|\$true)$/i.test(v)) return true;
  if (typeof v === 'string' && /^(false|\$false)$/i.test(v)) return false;
  throw new CmdletError(
    'parameterBinding',
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${String(v)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
  );
}

function preferredPageSize(prefer: string | undefined): number {
  const m = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? '');
  const n = m === null ? 1000 : Number(m[1]);
  return n >= 1 ? n : 1000;
}
