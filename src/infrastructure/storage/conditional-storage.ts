import type { Storage, StoreItem } from 'botbuilder';

/**
 * botbuilder's Storage contract (read, write, delete; `eTag` for optimistic concurrency), with
 * the two guarantees the request store and the audit log build on:
 *
 * - `write` of an item whose `eTag` is set (and not "*") succeeds only if the stored item still
 *   has that eTag; otherwise, or when the item no longer exists, it throws StorageConflictError.
 *   An item without eTag, or with `eTag: "*"`, overwrites. A write of several keys is not atomic.
 * - `createIfAbsent` writes an item only when nothing is stored under its key, atomically.
 *
 * Items are plain JSON objects; `read` returns each found item with its current `eTag`.
 */
export interface ConditionalStorage extends Storage {
  /** Stores the item unless the key is taken; true when it was stored, false when the key was taken. */
  createIfAbsent(key: string, item: StoreItem): Promise<boolean>;
}
