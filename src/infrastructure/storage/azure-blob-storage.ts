import type { StoreItem, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { ContainerClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import type { ConditionalStorage } from './conditional-storage';
import { safeKeyName } from './safe-key-name';
import { StorageConflictError } from './storage-conflict-error';

export type AzureBlobStorageOptions =
  | { readonly connectionString: string; readonly containerName: string }
  /** `containerUrl` is https://<account>.blob.core.windows.net/<container>. */
  | { readonly containerUrl: string; readonly credential: TokenCredential | StorageSharedKeyCredential };

/**
 * botbuilder Storage on Azure Blob storage: botbuilder-azure-blobs' BlobsStorage does the reads,
 * writes and deletes; this adapter adds what the bot relies on and BlobsStorage lacks:
 *
 * - keys go through safeKeyName, so keys that BlobsStorage would merge ("a/b" and "a//b", keys
 *   over 1024 characters) stay distinct;
 * - an eTag conflict becomes a StorageConflictError (see isBlobsStorageConflict for exactly what
 *   is matched);
 * - createIfAbsent, an upload with `If-None-Match: *`, which BlobsStorage cannot express.
 */
export class AzureBlobStorage implements ConditionalStorage {
  private readonly blobs: BlobsStorage;
  private readonly container: ContainerClient;
  private ready: Promise<unknown> | undefined;

  constructor(options: AzureBlobStorageOptions) {
    if ('connectionString' in options) {
      this.blobs = new BlobsStorage(options.connectionString, options.containerName);
      this.container = new ContainerClient(options.connectionString, options.containerName);
    } else {
      this.blobs = new BlobsStorage('', '', undefined, options.containerUrl, options.credential);
      this.container = new ContainerClient(options.containerUrl, options.credential);
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    const names = keys.map(safeKeyName);
    const found: StoreItems = await this.blobs.read(names);
    const items: StoreItems = {};
    keys.forEach((key, index) => {
      const name = names[index];
      if (name !== undefined && found[name] !== undefined) items[key] = found[name];
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, change]) => {
        const item = asItem(key, change);
        try {
          await this.blobs.write({ [safeKeyName(key)]: item });
        } catch (error) {
          if (isConditional(item) && isBlobsStorageConflict(error)) throw new StorageConflictError(key, { cause: error });
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.blobs.delete(keys.map(safeKeyName));
  }

  async createIfAbsent(key: string, change: StoreItem): Promise<boolean> {
    const { eTag: _ignored, ...item } = asItem(key, change);
    await this.ensureContainer();
    const body = JSON.stringify(item);
    try {
      await this.container.getBlockBlobClient(safeKeyName(key)).upload(body, Buffer.byteLength(body, 'utf8'), {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      return true;
    } catch (error) {
      // 409 BlobAlreadyExists is what the service answers; 412 is the generic "condition not met".
      if (statusCodeOf(error) === 409 || statusCodeOf(error) === 412) return false;
      throw error;
    }
  }

  private ensureContainer(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/**
 * Whether an error thrown by BlobsStorage.write for a conditional write is its eTag conflict.
 *
 * botbuilder-azure-blobs 4.23 catches the service's 412 (Precondition Failed) and throws
 * `new Error('Storage: error writing "<key>" due to eTag conflict.')`, which has no status code;
 * every other failure (HTTP errors, network errors) is rethrown as the Azure SDK's RestError, and
 * bad input as a ZodError. So no message text is matched: a conflict is an error whose prototype
 * is exactly Error.prototype (not a RestError, ZodError or any other subclass). A RestError with
 * status 412, which a future BlobsStorage might let through, is a conflict too. The storage
 * contract suite (conflict and racing-writer tests) fails if this ever stops holding.
 */
export function isBlobsStorageConflict(error: unknown): boolean {
  if (statusCodeOf(error) === 412) return true;
  return error instanceof Error && Object.getPrototypeOf(error) === Error.prototype;
}

function isConditional(item: StoreItem): boolean {
  const eTag: unknown = item.eTag;
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*';
}

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

function asItem(key: string, value: unknown): StoreItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`The item for "${key}" must be a JSON object.`);
  }
  return value as StoreItem;
}
