import { randomUUID } from 'node:crypto';
import { stableGuid } from './seeded-random';
import { addressesOf, type ContactRecord, type DirectoryRecord, type GroupRecord, type SimulatedDirectory } from './simulated-directory';

/** The answer to one InvokeCommand call. */
export interface ExchangeResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Recipient = Record<string, unknown>;
type Parameters = Readonly<Record<string, unknown>>;

const simulatedServer = 'SIM01EXO001.prod.outlook.com';

/** Exchange's texts for the errors the bot must handle (shared/reference/microsoft-365-apis.md B2, B3). */
export const ExchangeErrors = {
  notFound: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
  proxyAddressExists: 'Microsoft.Exchange.Data.Directory.ProxyAddressExistsException',
  memberAlreadyExists: 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException',
  onPremises: 'Microsoft.Exchange.Configuration.Tasks.TaskInvalidOperationException',
  groupManager: 'Microsoft.Exchange.Management.RecipientTasks.OperationRequiresGroupManagerException',
  nameExists: 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException',
  ambiguous: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException',
  parameterBinding: 'System.Management.Automation.ParameterBindingException',
  commandNotFound: 'System.Management.Automation.CommandNotFoundException',
  invalidFilter: 'Microsoft.Exchange.Configuration.Tasks.InvalidFilterException',
} as const;

/** A cmdlet failure: becomes the documented error body, details[0].message "<ExceptionType>|<FullyQualifiedErrorId>|<text>". */
export class CmdletError extends Error {
  constructor(
    readonly exceptionType: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface CmdletDefinition {
  /** The PowerShell task class name used in the FullyQualifiedErrorId. */
  readonly task: string;
  readonly parameters: readonly string[];
  readonly mandatory: readonly string[];
  readonly run: (p: Parameters) => { value: Recipient[]; warnings?: string[]; pageable?: boolean };
}

function shortName(exceptionType: string): string {
  return exceptionType.split('.').pop()!;
}

/** The Exchange error body for a cmdlet failure. */
export function exchangeErrorBody(exceptionType: string, task: string, text: string, status: number): unknown {
  const fqid = `[Server=${simulatedServer.split('.')[0]},RequestId=${randomUUID()},TimeStamp=${new Date().toUTCString()}] [FailureCategory=Cmdlet-${shortName(exceptionType)}] ${randomUUID().slice(0, 8).toUpperCase()},${task}`;
  return {
    error: {
      code: status === 403 ? 'Forbidden' : 'BadRequest',
      message: text,
      details: [{ code: 'Context', target: '', message: `${exceptionType}|${fqid}|${text}` }],
      innererror: {
        message: text,
        type: exceptionType,
        internalException: { message: text },
      },
    },
  };
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
  ) {
    this.cmdlets = {
      'Get-Recipient': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.GetRecipient',
        parameters: ['Identity', 'Filter', 'RecipientTypeDetails', 'ResultSize'],
        mandatory: [],
        run: (p) => ({ value: this.getRecipient(p), pageable: true }),
      },
      'Get-MailContact': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.GetMailContact',
        parameters: ['Identity', 'ResultSize', 'Filter'],
        mandatory: [],
        run: (p) => ({ value: this.getMailContact(p), pageable: true }),
      },
      'New-MailContact': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.NewMailContact',
        parameters: ['Name', 'ExternalEmailAddress', 'DisplayName', 'FirstName', 'LastName', 'Alias', 'Initials'],
        mandatory: ['Name', 'ExternalEmailAddress'],
        run: (p) => ({ value: [this.newMailContact(p)] }),
      },
      'Set-MailContact': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.SetMailContact',
        parameters: ['Identity', 'HiddenFromAddressListsEnabled', 'DisplayName'],
        mandatory: ['Identity'],
        run: (p) => this.setMailContact(p),
      },
      'Get-DistributionGroup': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.GetDistributionGroup',
        parameters: ['Identity', 'ResultSize', 'RecipientTypeDetails'],
        mandatory: [],
        run: (p) => ({ value: this.getDistributionGroup(p), pageable: true }),
      },
      'Add-DistributionGroupMember': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.AddDistributionGroupMember',
        parameters: ['Identity', 'Member', 'BypassSecurityGroupManagerCheck'],
        mandatory: ['Identity', 'Member'],
        run: (p) => ({ value: this.addDistributionGroupMember(p) }),
      },
      'Get-DistributionGroupMember': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.GetDistributionGroupMember',
        parameters: ['Identity', 'ResultSize'],
        mandatory: ['Identity'],
        run: (p) => ({ value: this.getDistributionGroupMember(p), pageable: true }),
      },
      'Set-DistributionGroup': {
        task: 'Microsoft.Exchange.Management.RecipientTasks.SetDistributionGroup',
        parameters: ['Identity', 'RequireSenderAuthenticationEnabled', 'BypassSecurityGroupManagerCheck'],
        mandatory: ['Identity'],
        run: (p) => this.setDistributionGroup(p),
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
      return this.error(ExchangeErrors.parameterBinding, 'System.Management.Automation', 'The request body must be {"CmdletInput":{"CmdletName":"...","Parameters":{...}}}.', 400);
    }
    const cmdlet = Object.entries(this.cmdlets).find(([n]) => n.toLowerCase() === name.toLowerCase());
    if (cmdlet === undefined) {
      return this.error(
        ExchangeErrors.commandNotFound,
        'CommandNotFoundException',
        `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
        400,
      );
    }
    const [, definition] = cmdlet;
    const rawParameters = input?.Parameters ?? {};
    if (typeof rawParameters !== 'object' || rawParameters === null || Array.isArray(rawParameters)) {
      return this.error(ExchangeErrors.parameterBinding, definition.task, 'Parameters must be a JSON object.', 400);
    }
    const parameters: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rawParameters as Record<string, unknown>)) {
      const known = definition.parameters.find((p) => p.toLowerCase() === key.toLowerCase());
      if (known === undefined) {
        return this.error(ExchangeErrors.parameterBinding, definition.task, `A parameter cannot be found that matches parameter name '${key}'.`, 400);
      }
      parameters[known] = value;
    }
    const missing = definition.mandatory.filter((m) => parameters[m] === undefined || parameters[m] === null || parameters[m] === '');
    if (missing.length > 0) {
      return this.error(
        ExchangeErrors.parameterBinding,
        definition.task,
        `Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`,
        400,
      );
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
      if (error instanceof CmdletError) return this.error(error.exceptionType, definition.task, error.message, error.status);
      throw error;
    }
  }

  private error(exceptionType: string, task: string, text: string, status: number): ExchangeResponse {
    return { status, headers: { 'content-type': 'application/json;charset=utf-8' }, body: exchangeErrorBody(exceptionType, task, text, status) };
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

  /** Resolves an -Identity / -Member value: name, alias, display name, any address, object id or Exchange GUID. */
  private resolve(
    identity: unknown,
    notFound: (id: string) => string,
    accept: (r: DirectoryRecord) => boolean = () => true,
    parameter = 'Identity',
  ): { record: DirectoryRecord; recipient: Recipient } {
    if (typeof identity !== 'string' || identity.trim() === '') {
      throw new CmdletError(ExchangeErrors.parameterBinding, `Cannot bind argument to parameter '${parameter}' because it is an empty string.`);
    }
    const key = identity.trim().toLowerCase().replace(/^smtp:/, '');
    const matches = this.recipients().filter(({ record, recipient }) => {
      if (!accept(record)) return false;
      const candidates = [
        recipient['Name'],
        recipient['Alias'],
        recipient['DisplayName'],
        recipient['ExternalDirectoryObjectId'],
        recipient['Guid'],
        ...addressesOf(record),
        ...(recipient['EmailAddresses'] as string[]).map((a) => a.replace(/^smtp:/i, '')),
      ];
      return candidates.some((c) => typeof c === 'string' && c.toLowerCase() === key);
    });
    if (matches.length === 0) throw new CmdletError(ExchangeErrors.notFound, notFound(identity));
    if (matches.length > 1) {
      throw new CmdletError(ExchangeErrors.ambiguous, `The operation couldn't be performed because '${identity}' matches multiple entries.`);
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
      throw new CmdletError(ExchangeErrors.parameterBinding, `Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value "${String(size)}" to type "Microsoft.Exchange.Data.Unlimited\`1[System.UInt32]".`);
    }
    return n;
  }

  private getRecipient(p: Parameters): Recipient[] {
    if (p['Identity'] !== undefined) return [this.resolve(p['Identity'], (id) => this.objectNotFound(id)).recipient];
    let list = this.recipients().map((x) => x.recipient);
    if (p['Filter'] !== undefined) {
      if (typeof p['Filter'] !== 'string') throw new CmdletError(ExchangeErrors.invalidFilter, 'The Filter parameter must be a string.');
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
    if (name.length > 64) throw new CmdletError(ExchangeErrors.parameterBinding, `Cannot validate argument on parameter 'Name'. The length of the argument is too long. Shorten the length of the argument to less than or equal to "64" and then try the command again.`);
    const external = stringParameter(p, 'ExternalEmailAddress').replace(/^smtp:/i, '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(external)) {
      throw new CmdletError(ExchangeErrors.parameterBinding, `Cannot process argument transformation on parameter 'ExternalEmailAddress'. "${external}" is not a valid SMTP address.`);
    }
    const owner = this.directory.addressOwner(external);
    if (owner !== undefined) {
      const ownerName = (this.toRecipient(owner)?.['Name'] as string | undefined) ?? owner.displayName;
      throw new CmdletError(
        ExchangeErrors.proxyAddressExists,
        `The proxy address "SMTP:${external}" is already being used by the proxy addresses or LegacyExchangeDN of "${ownerName}". Please choose another proxy address.`,
      );
    }
    const nameTaken = this.directory.all().some((r) => {
      const recipient = this.toRecipient(r);
      return recipient !== undefined && String(recipient['Name']).toLowerCase() === name.toLowerCase();
    });
    if (nameTaken) throw new CmdletError(ExchangeErrors.nameExists, `The name "${name}" is already being used. Please try another name.`);
    const displayName = optionalStringParameter(p, 'DisplayName') ?? name;
    const contact = this.directory.createContact({
      name,
      displayName,
      email: external,
      ...(optionalStringParameter(p, 'Alias') !== undefined ? { alias: optionalStringParameter(p, 'Alias')! } : {}),
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
      ManagedBy: exchange.ManagedBy.map((id) => {
        const manager = this.directory.find(id);
        const view = manager === undefined ? undefined : this.toRecipient(manager);
        return (view?.['Name'] as string | undefined) ?? id;
      }),
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
    const typeFilter = p['RecipientTypeDetails'];
    if (typeFilter !== undefined) {
      const wanted = (Array.isArray(typeFilter) ? typeFilter : String(typeFilter).split(',')).map((t) => String(t).trim().toLowerCase());
      list = list.filter((x) => wanted.includes(String(x.recipient['RecipientTypeDetails']).toLowerCase()));
    }
    return list.slice(0, this.resultSize(p)).map((x) => this.distributionGroupView(x.record as GroupRecord, x.recipient));
  }

  /** Write checks shared by Add-DistributionGroupMember and Set-DistributionGroup. */
  private writableGroup(p: Parameters, action: string, property: string): { group: GroupRecord; recipient: Recipient } {
    const { record, recipient } = this.resolve(p['Identity'], (id) => this.objectNotFound(id), (r) => this.isDistributionGroup(r));
    const group = record as GroupRecord;
    if (group.onPremisesSyncEnabled === true) {
      throw new CmdletError(
        ExchangeErrors.onPremises,
        `The action '${action}', '${property}', can't be performed on the object '${String(recipient['Name'])}' because the object is being synchronized from your on-premises organization. This action should be performed on the object in your on-premises organization.`,
      );
    }
    // The calling app is never in ManagedBy: Exchange requires -BypassSecurityGroupManagerCheck.
    if (p['BypassSecurityGroupManagerCheck'] === undefined || !booleanParameter(p, 'BypassSecurityGroupManagerCheck')) {
      throw new CmdletError(
        ExchangeErrors.groupManager,
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
        ExchangeErrors.memberAlreadyExists,
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
  if (typeof v !== 'string' || v.trim() === '') throw new CmdletError(ExchangeErrors.parameterBinding, `Cannot bind argument to parameter '${name}' because it is an empty string.`);
  return v.trim();
}

function optionalStringParameter(p: Parameters, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new CmdletError(ExchangeErrors.parameterBinding, `Cannot process argument transformation on parameter '${name}'. A string is required.`);
  return v;
}

function booleanParameter(p: Parameters, name: string): boolean {
  const v = p[name];
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|\$true)$/i.test(v)) return true;
  if (typeof v === 'string' && /^(false|\$false)$/i.test(v)) return false;
  throw new CmdletError(
    ExchangeErrors.parameterBinding,
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${String(v)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
  );
}

function preferredPageSize(prefer: string | undefined): number {
  const m = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? '');
  const n = m === null ? 1000 : Number(m[1]);
  return n >= 1 ? n : 1000;
}

/**
 * OPATH filters as Get-Recipient -Filter takes them: `Property -eq 'value'`, -ne, -like (with *),
 * -and, -or, -not and parentheses. EmailAddresses compares against every proxy address.
 */
export function parseOpathFilter(filter: string): (r: Recipient) => boolean {
  const tokens = filter.match(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\(|\)|-[A-Za-z]+|[A-Za-z][A-Za-z0-9]*|\S/g) ?? [];
  let i = 0;
  const fail = (): never => {
    throw new CmdletError(
      ExchangeErrors.invalidFilter,
      `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "Invalid filter syntax. For a description of the filter parameter syntax see the command help. "${filter}" at position ${i + 1}."`,
    );
  };
  type Pred = (r: Recipient) => boolean;
  const peek = (): string | undefined => tokens[i];
  const parseOr = (): Pred => {
    let left = parseAnd();
    while (peek()?.toLowerCase() === '-or') {
      i += 1;
      const l = left;
      const right = parseAnd();
      left = (r) => l(r) || right(r);
    }
    return left;
  };
  const parseAnd = (): Pred => {
    let left = parseUnary();
    while (peek()?.toLowerCase() === '-and') {
      i += 1;
      const l = left;
      const right = parseUnary();
      left = (r) => l(r) && right(r);
    }
    return left;
  };
  const parseUnary = (): Pred => {
    if (peek()?.toLowerCase() === '-not') {
      i += 1;
      const inner = parseUnary();
      return (r) => !inner(r);
    }
    if (peek() === '(') {
      i += 1;
      const inner = parseOr();
      if (peek() !== ')') fail();
      i += 1;
      return inner;
    }
    const property = peek();
    if (property === undefined || !/^[A-Za-z]/.test(property)) return fail();
    i += 1;
    const op = peek()?.toLowerCase();
    if (op !== '-eq' && op !== '-ne' && op !== '-like') return fail();
    i += 1;
    const literal = peek();
    if (literal === undefined || !/^['"]/.test(literal)) return fail();
    i += 1;
    const quote = literal[0]!;
    const isAddress = /^(EmailAddresses|ExternalEmailAddress|PrimarySmtpAddress|WindowsEmailAddress)$/i.test(property);
    const normalise = (text: string): string => (isAddress ? text.replace(/^smtp:/i, '') : text).toLowerCase();
    const needle = normalise(literal.slice(1, -1).split(quote + quote).join(quote));
    const pattern =
      op === '-like' ? new RegExp(`^${needle.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`) : undefined;
    const test = (actual: string): boolean => (pattern === undefined ? normalise(actual) === needle : pattern.test(normalise(actual)));
    return (r) => {
      const key = Object.keys(r).find((k) => k.toLowerCase() === property.toLowerCase());
      const actual = key === undefined ? undefined : r[key];
      const values = Array.isArray(actual) ? (actual as unknown[]).map(String) : actual === undefined || actual === null ? [] : [String(actual)];
      const hit = values.some(test);
      return op === '-ne' ? !hit : hit;
    };
  };
  const predicate = parseOr();
  if (i !== tokens.length) fail();
  return predicate;
}
