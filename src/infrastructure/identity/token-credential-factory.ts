import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import type { DirectoryCredentialConfig } from '../../config/directory-config';

/**
 * The @azure/identity credential for the configured kind; undefined when no token is needed
 * (the simulated tenant on loopback). Tokens are cached and refreshed by @azure/identity.
 */
export function createTokenCredential(config: DirectoryCredentialConfig): TokenCredential | undefined {
  switch (config.kind) {
    case 'none':
      return undefined;
    case 'client-secret':
      return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
    case 'client-certificate':
      return new ClientCertificateCredential(config.tenantId, config.clientId, { certificatePath: config.certificatePath });
    case 'managed-identity':
      return config.clientId === undefined ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: config.clientId });
  }
}
