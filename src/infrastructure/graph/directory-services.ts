import type { Client } from '@microsoft/microsoft-graph-client';
import type { Clock } from '../../app/ports/clock';
import type { Logger } from '../../app/ports/logger';
import type { ExternalSendersGateway } from '../../app/allow-external-senders';
import type { ExchangeRecipients, GuestAccess } from '../../app/ports/provisioning-gateway';
import type { DirectoryConfig } from '../../config/directory-config';
import { ExchangeAdminClient } from '../exchange/exchange-admin-client';
import { ExchangeExternalSenders } from '../exchange/exchange-external-senders';
import { ExchangeRecipientsAdapter } from '../exchange/exchange-recipients-adapter';
import type { RetryPolicy } from '../exchange/retry-delay';
import { createTokenCredential } from '../identity/token-credential-factory';
import { tracedFetch } from '../telemetry/traced-fetch';
import { createGraphClient } from './graph-client-factory';
import { GraphDirectory } from './graph-directory';
import { GraphGuestAccess } from './graph-guest-access';

export interface DirectoryServices {
  readonly directory: GraphDirectory;
  readonly exchangeRecipients: ExchangeRecipients;
  readonly guestAccess: GuestAccess;
  /** For the AllowExternalSenders use case (src/app/allow-external-senders.ts). */
  readonly externalSenders: ExternalSendersGateway;
  readonly graphClient: Client;
  readonly exchangeClient: ExchangeAdminClient;
}

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
  const exchangeClient = new ExchangeAdminClient({
    baseUrl: config.exchangeBaseUrl,
    tenantId: config.tenantId,
    concurrency: config.exchangeConcurrency,
    logger: deps.logger.child({ component: 'exchange' }),
    fetch: tracedFetch('Exchange Online'),
    ...(credential !== undefined ? { credential } : {}),
    ...(deps.exchangeRetry !== undefined ? { retry: deps.exchangeRetry } : {}),
    ...(deps.sleep !== undefined ? { sleep: deps.sleep } : {}),
    ...(deps.random !== undefined ? { random: deps.random } : {}),
  });
  const directory = new GraphDirectory({
    graph: graphClient,
    exchange: exchangeClient,
    approversGroupId: config.approversGroupId,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'directory' }),
  });
  const exchangeRecipients = new ExchangeRecipientsAdapter(exchangeClient);
  return {
    directory,
    exchangeRecipients,
    externalSenders: new ExchangeExternalSenders(exchangeRecipients, deps.logger.child({ component: 'external-senders' })),
    guestAccess: new GraphGuestAccess({ graph: graphClient, graphBaseUrl: config.graphBaseUrl, directory }),
    graphClient,
    exchangeClient,
  };
}
