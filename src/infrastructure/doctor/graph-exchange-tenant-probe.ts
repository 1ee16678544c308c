import type { Client } from '@microsoft/microsoft-graph-client';
import type { TenantProbe } from '../../app/doctor/doctor-probes';
import { missingRequiredRoles, type ExchangeOnline } from '../exchange/exchange-online';
import { graphFailure, isGraphStatus } from '../graph/graph-request-error';

interface Page<T> {
  readonly value?: readonly T[];
}

/** The doctor's reads over the bot's own Graph client and Exchange adapter (same auth, same retries). */
export class GraphExchangeTenantProbe implements TenantProbe {
  constructor(
    private readonly graph: Client,
    private readonly exchange: ExchangeOnline,
  ) {}

  async organization(): Promise<{ displayName?: string; verifiedDomains: readonly string[] }> {
    const page = await this.get<Page<{ displayName?: string; verifiedDomains?: ReadonlyArray<{ name?: string }> }>>(
      '/organization?$select=displayName,verifiedDomains',
      'read the organization',
    );
    const organization = page.value?.[0];
    const verifiedDomains = (organization?.verifiedDomains ?? []).flatMap((domain) => (domain.name ? [domain.name] : []));
    return organization?.displayName === undefined ? { verifiedDomains } : { displayName: organization.displayName, verifiedDomains };
  }

  async group(groupId: string): Promise<{ displayName: string } | undefined> {
    try {
      const group = await this.get<{ id?: string; displayName?: string }>(`/groups/${encodeURIComponent(groupId)}?$select=id,displayName`, 'read the approvers group');
      return { displayName: group.displayName ?? groupId };
    } catch (error) {
      if (isGraphStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async groupHasMembers(groupId: string): Promise<boolean> {
    const page = await this.get<Page<{ id?: string }>>(`/groups/${encodeURIComponent(groupId)}/transitiveMembers?$select=id&$top=1`, 'list the approvers');
    return (page.value ?? []).length > 0;
  }

  async someUsers(): Promise<number> {
    const page = await this.get<Page<{ id?: string }>>('/users?$select=id&$top=1', 'list users');
    return (page.value ?? []).length;
  }

  async recipient(address: string): Promise<'found' | 'not-found'> {
    return (await this.exchange.findRecipient(address)) === undefined ? 'not-found' : 'found';
  }

  async exchangeRoles(roleAssignee: string): Promise<{ held: readonly string[]; missing: readonly string[] }> {
    const held = await this.exchange.assignedRoles(roleAssignee);
    return { held, missing: missingRequiredRoles(held) };
  }

  private async get<T>(path: string, operation: string): Promise<T> {
    try {
      return (await this.graph.api(path).get()) as T;
    } catch (error) {
      throw graphFailure(error, operation);
    }
  }
}
