import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Logger } from '../../app/ports/logger';
import { StorageConflictError } from './storage-conflict-error';

export interface WriteBehindStorageOptions {
  /** Where the items are kept for good (the local file store, without flushing to disk). */
  readonly backing: Storage;
  readonly logger: Logger;
  /** Items kept in memory at most; the least recently used ones that are saved are dropped first (default 2,000). */
  readonly maxEntries?: number;
}

interface Entry {
  /** Undefined: the key has no item (deleted, or never written). */
  item: StoreItem | undefined;
  eTag: string;
  /** Changed in memory and not yet handed to the backing store. */
  dirty: boolean;
}

/**
 * Dialog state for a bot that runs as one process on the local file store: read from memory and
 * written to the file store behind the turn, so no turn waits for the disk. Each turn still writes
 * its state once (the latest state of a key is written; a key is never written twice at once).
 * Conditional writes (eTag) are checked against memory, which is the truth for this process.
 *
 * What a crash can lose: the dialog state of the last turns, not yet on disk; the person then
 * starts the question again. Requests, drafts and everything else stay in the durable store.
 * Not for several bot processes (they would not see each other's memory): those use Azure Blob
 * storage, where dialog state is written through.
 */
export class WriteBehindStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly saving = new Map<string, Promise<void>>();
  private readonly maxEntries: number;

  constructor(private readonly options: WriteBehindStorageOptions) {
    this.maxEntries = options.maxEntries ?? 2000;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const entry = await this.entry(key);
      if (entry.item !== undefined) found[key] = { ...structuredClone(entry.item), eTag: entry.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, change] of Object.entries(changes)) {
      const { eTag: expected, ...item } = change as StoreItem;
      const entry = await this.entry(key);
      if (typeof expected === 'string' && expected !== '' && expected !== '*' && (entry.item === undefined || entry.eTag !== expected)) {
        throw new StorageConflictError(key);
      }
      entry.item = structuredClone(item);
      entry.eTag = randomUUID();
      this.changed(key, entry);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const entry = await this.entry(key);
      entry.item = undefined;
      entry.eTag = randomUUID();
      this.changed(key, entry);
    }
  }

  /** Resolves once every change made so far is in the backing store (shutdown, tests). */
  async flush(): Promise<void> {
    while (this.saving.size > 0) await Promise.all([...this.saving.values()]);
  }

  /** The key's entry, loaded from the backing store the first time (one load per key at a time). */
  private async entry(key: string): Promise<Entry> {
    for (;;) {
      const entry = this.entries.get(key);
      if (entry !== undefined) {
        // Most recently used last, so the oldest entries are the first to go.
        this.entries.delete(key);
        this.entries.set(key, entry);
        return entry;
      }
      let load = this.loading.get(key);
      if (load === undefined) {
        load = this.load(key).finally(() => this.loading.delete(key));
        this.loading.set(key, load);
      }
      await load;
    }
  }

  private async load(key: string): Promise<void> {
    const stored = (await this.options.backing.read([key]))[key];
    const { eTag: _stored, ...item } = stored ?? {};
    this.entries.set(key, { item: stored === undefined ? undefined : (item as StoreItem), eTag: randomUUID(), dirty: false });
    this.evict();
  }

  private changed(key: string, entry: Entry): void {
    entry.dirty = true;
    if (!this.saving.has(key)) {
      const save = this.save(key).finally(() => this.saving.delete(key));
      this.saving.set(key, save);
    }
  }

  /** Writes the key's latest state until what is stored matches memory; a failure is logged and retried with the next change. */
  private async save(key: string): Promise<void> {
    for (;;) {
      const entry = this.entries.get(key);
      if (entry === undefined || !entry.dirty) return;
      entry.dirty = false;
      const item = entry.item;
      try {
        if (item === undefined) await this.options.backing.delete([key]);
        else await this.options.backing.write({ [key]: { ...item, eTag: '*' } });
      } catch (error) {
        entry.dirty = true;
        this.options.logger.warn('dialog state could not be saved; it is kept in memory and saved with the next change', {
          error: error instanceof Error ? error.message : String(error),
        });
        return;
      }
    }
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) return;
      if (!entry.dirty && !this.saving.has(key)) this.entries.delete(key);
    }
  }
}
