import type { Client } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../../app/ports/clock';
import type { Logger } from '../../app/ports/logger';
import type { GuestAccess } from '../../app/ports/provisioning-gateway';
import type { DirectoryConfig } from '../../config/directory-config';
import { ExchangeAdminClient } from '../exchange/exchange-admin-client';
import { ExchangeOnline } from '../exchange/exchange-online';
import type { RetryPolicy } from '../exchange/retry-delay';
import { createTokenCredential } from '../identity/token-credential-factory';
import { tracedFetch } from '../telemetry/traced-fetch';
import { createGraphClient } from './graph-client-factory';
import { GraphDirectory } from './graph-directory';
import { GraphGuestAccess } from './graph-guest-access';
import { tenantIdResolver } from './tenant-id-resolver';

export interface DirectoryServices {
  readonly directory: GraphDirectory;
  /**
   * The Exchange Online adapter: the ExchangeRecipients of provisioning and the
   * ExternalSendersGateway of the AllowExternalSenders use case.
   */
  readonly exchange: ExchangeOnline;
  readonly guestAccess: GuestAccess;
  readonly graphClient: Client;
  readonly exchangeClient: ExchangeAdminClient;
  /** The tenant GUID (AZURE_TENANT_ID given as a domain is looked up once); rejects with what to set when it cannot be found. */
  readonly tenantId: () => Promise<string>;
  /** Who the app is to Exchange (Get-ManagementRoleAssignment -RoleAssignee), when known. */
  readonly exchangeRoleAssignee?: string;
  /** The members of another approvers group (the escalation approvers), read as the approvers group is. */
  approversOf(groupId: string): Pick<GraphDirectory, 'isApprover' | 'approverIds'>;
}

/** The name the simulated tenant's Exchange knows the app by (any value works there). */
const simulatedAppName = 'External Access bot';

export interface DirectoryServicesDependencies {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Tests: faster Graph retries (seconds) when the service gives no Retry-After. */
  readonly graphRetryDelaySeconds?: number;
  /** Tests: Exchange retry policy, sleep and randomness. */
  readonly exchangeRetry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Builds the Graph and Exchange adapters from a validated DirectoryConfig (for the composition root). */
export function createDirectoryServices(config: DirectoryConfig, deps: DirectoryServicesDependencies): DirectoryServices {
  const credential = createTokenCredential(config.credential);
  const graphClient = createGraphClient({
    baseUrl: config.graphBaseUrl,
    fetch: tracedFetch('Microsoft Graph'),
    ...(credential !== undefined ? { credential } : {}),
    ...(deps.graphRetryDelaySeconds !== undefined ? { retryDelaySeconds: deps.graphRetryDelaySeconds } : {}),
  });
  const tenantId = tenantIdResolver(config.tenantId, graphClient);
  const exchangeClient = new ExchangeAdminClient({
    baseUrl: config.exchangeBaseUrl,
    tenantId,
    concurrency: config.exchangeConcurrency,
    logger: deps.logger.child({ component: 'exchange' }),
    fetch: tracedFetch('Exchange Online'),
    ...(credential !== undefined ? { credential } : {}),
    ...(deps.exchangeRetry !== undefined ? { retry: deps.exchangeRetry } : {}),
    ...(deps.sleep !== undefined ? { sleep: deps.sleep } : {}),
    ...(deps.random !== undefined ? { random: deps.random } : {}),
  });
  const roleAssignee = config.exchangeServicePrincipal ?? (config.credential.kind === 'none' ? simulatedAppName : undefined);
  const exchange = new ExchangeOnline({
    client: exchangeClient,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'exchange' }),
    ...(roleAssignee !== undefined ? { roleAssignee } : {}),
  });
  const directoryFor = (approversGroupId: string): GraphDirectory =>
    new GraphDirectory({ graph: graphClient, exchange, approversGroupId, clock: deps.clock, logger: deps.logger.child({ component: 'directory' }) });
  const directory = directoryFor(config.approversGroupId);
  return {
    directory,
    exchange,
    guestAccess: new GraphGuestAccess({ graph: graphClient, graphBaseUrl: config.graphBaseUrl, directory }),
    graphClient,
    exchangeClient,
    tenantId,
    approversOf: directoryFor,
    ...(roleAssignee !== undefined ? { exchangeRoleAssignee: roleAssignee } : {}),
  };
}
