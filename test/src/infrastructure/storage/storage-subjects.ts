import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureBlobStorage } from '../../../../src/infrastructure/storage/azure-blob-storage';
import type { ConditionalStorage } from '../../../../src/infrastructure/storage/conditional-storage';
import { FileStorage } from '../../../../src/infrastructure/storage/file-storage';
import { startAzurite, type RunningAzurite } from './azurite';

/** One store the contract suite runs against. */
export interface StorageSubject {
  readonly name: string;
  /** Once per suite (starts Azurite for the blob store). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A new, empty store: its own folder or container. */
  fresh(): Promise<ConditionalStorage>;
  /** Another instance over the same data as `storage` (a restarted process, or a second bot instance). */
  reopen(storage: ConditionalStorage): ConditionalStorage;
}

export function fileSubject(): StorageSubject {
  const folders: string[] = [];
  const folderOf = new Map<ConditionalStorage, string>();
  return {
    name: 'FileStorage (local folder)',
    start: () => Promise.resolve(),
    stop: async () => {
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    },
    fresh: async () => {
      const folder = await mkdtemp(join(tmpdir(), 'file-storage-'));
      folders.push(folder);
      const storage = new FileStorage({ directory: folder });
      folderOf.set(storage, folder);
      return storage;
    },
    reopen: (storage) => {
      const folder = folderOf.get(storage);
      if (folder === undefined) throw new Error('reopen() needs a store made by fresh()');
      const again = new FileStorage({ directory: folder });
      folderOf.set(again, folder);
      return again;
    },
  };
}

export function blobSubject(): StorageSubject {
  let azurite: RunningAzurite | undefined;
  let containers = 0;
  const containerOf = new Map<ConditionalStorage, string>();
  const running = (): RunningAzurite => {
    if (azurite === undefined) throw new Error('Azurite is not running');
    return azurite;
  };
  return {
    name: 'AzureBlobStorage (botbuilder BlobsStorage on Azurite)',
    start: async () => {
      azurite = await startAzurite();
    },
    stop: async () => {
      await azurite?.stop();
      azurite = undefined;
    },
    fresh: () => {
      containers += 1;
      const containerName = `contract-${containers}`;
      const storage = new AzureBlobStorage({ connectionString: running().connectionString, containerName });
      containerOf.set(storage, containerName);
      return Promise.resolve(storage);
    },
    reopen: (storage) => {
      const containerName = containerOf.get(storage);
      if (containerName === undefined) throw new Error('reopen() needs a store made by fresh()');
      const again = new AzureBlobStorage({ connectionString: running().connectionString, containerName });
      containerOf.set(again, containerName);
      return again;
    },
  };
}
