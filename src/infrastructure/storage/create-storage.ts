import { join, resolve } from 'node:path';
import { ManagedIdentityCredential } from '@azure/identity';
import type { StorageConfig } from '../../config/storage-config';
import { AzureBlobStorage } from './azure-blob-storage';
import type { ConditionalStorage } from './conditional-storage';
import { FileStorage } from './file-storage';

/** The folder under DATA_DIR that holds the file store. */
export const fileStorageFolder = 'state';

/**
 * The configured store. Nothing is contacted yet: the blob container is created on first use,
 * and a managed identity asks for its token on first use.
 */
export function createStorage(config: StorageConfig): ConditionalStorage {
  if (config.kind === 'file') return new FileStorage({ directory: join(resolve(config.dataDir), fileStorageFolder) });
  const connection = config.connection;
  if (connection.kind === 'connection-string') {
    return new AzureBlobStorage({ connectionString: connection.connectionString, containerName: config.containerName });
  }
  const credential =
    connection.clientId === undefined ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: connection.clientId });
  return new AzureBlobStorage({ containerUrl: `${connection.accountUrl}/${config.containerName}`, credential });
}
