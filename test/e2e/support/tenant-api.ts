/**
 * Reads the simulated tenant's state the way an admin's tools would: over its Graph v1.0 and
 * Exchange InvokeCommand HTTP APIs (no token is needed on loopback). Used at the end of a scenario
 * to check what the bot really changed.
 */
export interface TenantApiOptions {
  /** e.g. http://127.0.0.1:PORT/v1.0 */
  readonly graphBaseUrl: string;
  /** e.g. http://127.0.0.1:PORT/adminapi/beta */
  readonly exchangeBaseUrl: string;
  readonly tenantId: string;
}

/** The few properties the scenarios look at; the APIs return more. */
export interface DirectoryEntry {
  readonly id: string;
  readonly '@odata.type'?: string;
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userType?: string | null;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly companyName?: string | null;
}

export type ExchangeObject = Readonly<Record<string, unknown>>;

export class TenantApi {
  constructor(private readonly options: TenantApiOptions) {}

  /** GET /groups/{id}/members, every page. */
  async groupMembers(groupId: string): Promise<DirectoryEntry[]> {
    return this.graphList(`/groups/${encodeURIComponent(groupId)}/members`);
  }

  /** Users whose mail is `address` (guests included). */
  async usersWithMail(address: string): Promise<DirectoryEntry[]> {
    // userType is not among Graph's default user properties: ask for it.
    return this.graphList(`/users?$filter=${encodeURIComponent(`mail eq '${odataString(address)}'`)}&$select=id,displayName,mail,userType,givenName,surname`);
  }

  /** Organisational contacts whose mail is `address`. */
  async contactsWithMail(address: string): Promise<DirectoryEntry[]> {
    return this.graphList(`/contacts?$filter=${encodeURIComponent(`mail eq '${odataString(address)}'`)}`);
  }

  /** Get-MailContact -Identity address; empty when there is none. */
  async mailContacts(address: string): Promise<ExchangeObject[]> {
    return this.exchange('Get-MailContact', { Identity: address }, true);
  }

  /** Get-DistributionGroupMember -Identity group. */
  async distributionGroupMembers(groupIdentity: string): Promise<ExchangeObject[]> {
    return this.exchange('Get-DistributionGroupMember', { Identity: groupIdentity });
  }

  /** Get-DistributionGroup -Identity group. */
  async distributionGroup(groupIdentity: string): Promise<ExchangeObject | undefined> {
    return (await this.exchange('Get-DistributionGroup', { Identity: groupIdentity }))[0];
  }

  private async graphList(pathAndQuery: string): Promise<DirectoryEntry[]> {
    const out: DirectoryEntry[] = [];
    let url: string | undefined = `${this.options.graphBaseUrl}${pathAndQuery}`;
    while (url !== undefined) {
      const response = await fetch(url, { headers: { accept: 'application/json', ConsistencyLevel: 'eventual' } });
      const body = (await response.json()) as { value?: DirectoryEntry[]; '@odata.nextLink'?: string; error?: { code: string; message: string } };
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.error?.code ?? ''} ${body.error?.message ?? ''}`);
      out.push(...(body.value ?? []));
      url = body['@odata.nextLink'];
    }
    return out;
  }

  private async exchange(cmdlet: string, parameters: Record<string, unknown>, notFoundIsEmpty = false): Promise<ExchangeObject[]> {
    const url = `${this.options.exchangeBaseUrl}/${this.options.tenantId}/InvokeCommand`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
    });
    const text = await response.text();
    if (!response.ok) {
      if (notFoundIsEmpty && response.status === 404) return [];
      if (notFoundIsEmpty && /couldn't be found|ManagementObjectNotFound/i.test(text)) return [];
      throw new Error(`${cmdlet} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    const body = JSON.parse(text) as { value?: ExchangeObject[] };
    return body.value ?? [];
  }
}

/** An OData string literal's content: a single quote is doubled. */
function odataString(value: string): string {
  return value.replace(/'/g, "''");
}
