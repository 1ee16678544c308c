import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { ConditionalStorage } from './conditional-storage';
import { KeyedMutex } from '../../app/keyed-mutex';
import { safeKeyName } from './safe-key-name';
import { StorageConflictError } from './storage-conflict-error';

/** What one file holds: the original key (to detect a hash collision), the eTag and the item. */
interface StoredFile {
  readonly key: string;
  readonly eTag: string;
  readonly item: Record<string, unknown>;
}

/**
 * Locks are per file and shared by every FileStorage of this process, so two instances over the
 * same folder cannot interleave a compare-and-write either.
 */
const fileLocks = new KeyedMutex();

export interface FileStorageOptions {
  /** The folder that holds one JSON file per key; created when missing. */
  readonly directory: string;
  /**
   * Flush every write to disk (fsync) before it counts. Default true. False for data a power cut
   * may take back to its previous state (dialog state): writes stay atomic (temporary file and
   * rename), so a reader never sees half an item, but no turn waits for the disk.
   */
  readonly syncToDisk?: boolean;
}

/**
 * botbuilder Storage on the local file system, one JSON file per key (file names from
 * safeKeyName). For a single bot process: writes to one key are serialised within the process;
 * several processes must not share the folder (use Azure Blob storage for that).
 *
 * Every write goes to a temporary file in the same folder, is flushed to disk (unless
 * `syncToDisk` is false), then renamed over the old file, so a reader or a crash sees the old item
 * or the new one, never half of one.
 */
export class FileStorage implements ConditionalStorage {
  private readonly directory: string;
  private readonly syncToDisk: boolean;
  private ready: Promise<void> | undefined;

  constructor(options: FileStorageOptions) {
    this.directory = resolve(options.directory);
    this.syncToDisk = options.syncToDisk ?? true;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const stored = await this.load(key);
      if (stored !== undefined) found[key] = { ...stored.item, eTag: stored.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.ensureDirectory();
    for (const [key, change] of Object.entries(changes)) {
      const { eTag: expected, ...item } = asItem(key, change);
      const path = this.pathOf(key);
      await fileLocks.run(path, async () => {
        if (typeof expected === 'string' && expected !== '' && expected !== '*') {
          const current = await this.load(key);
          if (current === undefined || current.eTag !== expected) throw new StorageConflictError(key);
        }
        const temporary = await this.writeTemporary({ key, eTag: randomUUID(), item });
        await rename(temporary, path);
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const path = this.pathOf(key);
      await fileLocks.run(path, async () => {
        await unlink(path).catch(ignoreMissing);
      });
    }
  }

  async createIfAbsent(key: string, change: StoreItem): Promise<boolean> {
    await this.ensureDirectory();
    const { eTag: _ignored, ...item } = asItem(key, change);
    const path = this.pathOf(key);
    return fileLocks.run(path, async () => {
      const temporary = await this.writeTemporary({ key, eTag: randomUUID(), item });
      try {
        // link() fails when the target exists: an atomic "create only", even across processes.
        await link(temporary, path);
        return true;
      } catch (error) {
        if (isErrorCode(error, 'EEXIST')) return false;
        throw error;
      } finally {
        await unlink(temporary).catch(ignoreMissing);
      }
    });
  }

  private pathOf(key: string): string {
    return join(this.directory, `${safeKeyName(key)}.json`);
  }

  private async load(key: string): Promise<StoredFile | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(key), 'utf8');
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return undefined;
      throw error;
    }
    const stored = JSON.parse(text) as StoredFile;
    // Two keys with the same shortened name would be a SHA-256 collision; never serve the wrong one.
    return stored.key === key ? stored : undefined;
  }

  private async writeTemporary(content: StoredFile): Promise<string> {
    const temporary = join(this.directory, `.${randomUUID()}.tmp`);
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(JSON.stringify(content), 'utf8');
      if (this.syncToDisk) await handle.sync();
    } finally {
      await handle.close();
    }
    return temporary;
  }

  private ensureDirectory(): Promise<void> {
    this.ready ??= mkdir(this.directory, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }
}

function asItem(key: string, value: unknown): StoreItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`The item for "${key}" must be a JSON object.`);
  }
  return value as StoreItem;
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function ignoreMissing(error: unknown): void {
  if (!isErrorCode(error, 'ENOENT')) throw error;
}
