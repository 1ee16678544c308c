import { join, resolve } from 'node:path';
import { ManagedIdentityCredential } from '@azure/identity';
import type { Storage } from 'botbuilder';
import type { Logger } from '../../app/ports/logger';
import type { StorageConfig } from '../../config/storage-config';
import { AzureBlobStorage } from './azure-blob-storage';
import type { ConditionalStorage } from './conditional-storage';
import { FileStorage } from './file-storage';
import { WriteBehindStorage } from './write-behind-storage';

/** The folder under DATA_DIR that holds the file store. */
export const fileStorageFolder = 'state';

export interface CreateStorageOptions {
  /**
   * 'durable' (the default): every write is on disk before it counts (requests, audit, drafts,
   * conversation references). 'dialog-state': the local file store skips the flush to disk, so a
   * turn never waits for it; writes stay atomic (Azure Blob storage is durable either way).
   */
  readonly durability?: 'durable' | 'dialog-state';
}

/**
 * The configured store. Nothing is contacted yet: the blob container is created on first use,
 * and a managed identity asks for its token on first use.
 */
export function createStorage(config: StorageConfig, options: CreateStorageOptions = {}): ConditionalStorage {
  if (config.kind === 'file') {
    return new FileStorage({ directory: join(resolve(config.dataDir), fileStorageFolder), syncToDisk: options.durability !== 'dialog-state' });
  }
  const connection = config.connection;
  if (connection.kind === 'connection-string') {
    return new AzureBlobStorage({ connectionString: connection.connectionString, containerName: config.containerName });
  }
  const credential =
    connection.clientId === undefined ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: connection.clientId });
  return new AzureBlobStorage({ containerUrl: `${connection.accountUrl}/${config.containerName}`, credential });
}

/** Where dialog state is kept; `flush` waits until every change is stored (shutdown). */
export interface DialogStateStorage extends Storage {
  flush(): Promise<void>;
}

/**
 * Dialog state, written at the end of every turn. On the local file store (one bot process): kept
 * in memory and written to the folder behind the turn, without waiting for the disk. On Azure Blob
 * storage (any number of instances): written through, so the next turn finds it on any instance.
 */
export function createDialogStateStorage(config: StorageConfig, logger: Logger): DialogStateStorage {
  if (config.kind === 'file') {
    return new WriteBehindStorage({ backing: createStorage(config, { durability: 'dialog-state' }), logger });
  }
  return writtenThrough(createStorage(config));
}

/** Dialog state written straight to `storage` (nothing to flush). */
export function writtenThrough(storage: Storage): DialogStateStorage {
  return {
    read: (keys) => storage.read(keys),
    write: (changes) => storage.write(changes),
    delete: (keys) => storage.delete(keys),
    flush: () => Promise.resolve(),
  };
}
