import { randomUUID } from 'node:crypto';
import type { AccessRequest, RequestStatus } from '../../domain/access-request';
import { isFinal } from '../../domain/request-lifecycle';
import type { Logger } from '../../app/ports/logger';
import type { RequestStore, SaveResult, StoredRequest } from '../../app/ports/request-store';
import type { ConditionalStorage } from './conditional-storage';
import { isStorageConflict } from './storage-conflict-error';

/** One request as stored: `version` is the eTag callers see; `revision` orders index updates. */
interface RequestRecord {
  readonly request: AccessRequest;
  readonly version: string;
  readonly revision: number;
}

/** What the index knows of a request: its status as of `revision`, a hint the record confirms. */
interface IndexEntry {
  readonly status: RequestStatus;
  readonly createdAt: string;
  readonly revision: number;
}

interface RequestIndex {
  readonly entries: Readonly<Record<string, IndexEntry>>;
}

export const requestStoreKeys = {
  index: 'access-requests/index',
  record: (id: string): string => `access-requests/${id}`,
} as const;

export interface StorageRequestStoreOptions {
  readonly storage: ConditionalStorage;
  readonly logger: Logger;
  /** How often a contended index update is tried before giving up (default 40). */
  readonly maxIndexAttempts?: number;
}

/** Records read per storage call when listing. */
const readBatchSize = 50;

/**
 * RequestStore on any ConditionalStorage (local files or Azure Blob storage).
 *
 * Each request is one item, `access-requests/<id>`, holding the request, a random `version`
 * (the eTag callers get) and a `revision` counter. Writes are compare-and-set on the storage
 * eTag, after checking the caller's version, so the first of two racing writers wins.
 *
 * listByStatus must not list blobs, so one index item, `access-requests/index`, maps every id to
 * {status, createdAt, revision}. The record is the truth, the index a hint:
 * - create claims the id in the index first (a compare-and-set, retried when another writer got
 *   there first; the very first index is made with createIfAbsent), then creates the record. A
 *   taken id is a conflict. A crash in between leaves an id without record, which is skipped.
 * - update writes the record, then moves the index entry forward (compare-and-set with retries,
 *   applied only when its revision is newer, so late updates never move it back). If that fails
 *   the update still stands: the hint just lags behind the record.
 * - listByStatus reads the records of every entry that is not final (completed, rejected,
 *   cancelled, expired) or whose status was asked for, and filters on the records' real status.
 *   A lagging hint is always an earlier status, and a final status never changes, so no request
 *   is missed. The cost is one read per open request (and per final one of an asked-for status).
 */
export class StorageRequestStore implements RequestStore {
  private readonly storage: ConditionalStorage;
  private readonly logger: Logger;
  private readonly maxIndexAttempts: number;

  constructor(options: StorageRequestStoreOptions) {
    this.storage = options.storage;
    this.logger = options.logger;
    this.maxIndexAttempts = options.maxIndexAttempts ?? 40;
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    const record = await this.readRecord(id);
    return record === undefined ? undefined : { request: record.record.request, eTag: record.record.version };
  }

  async create(request: AccessRequest): Promise<SaveResult> {
    const entry: IndexEntry = { status: request.status, createdAt: request.createdAt, revision: 1 };
    const claimed = await this.changeIndex((entries) => {
      if (entries[request.id] !== undefined) return 'taken';
      return { ...entries, [request.id]: entry };
    });
    if (!claimed) return { kind: 'conflict' };
    const record: RequestRecord = { request, version: randomUUID(), revision: 1 };
    const created = await this.storage.createIfAbsent(requestStoreKeys.record(request.id), { ...record });
    if (!created) return { kind: 'conflict' };
    return { kind: 'saved', eTag: record.version };
  }

  async update(request: AccessRequest, expectedETag: string): Promise<SaveResult> {
    const current = await this.readRecord(request.id);
    if (current === undefined || current.record.version !== expectedETag) return { kind: 'conflict' };
    const next: RequestRecord = { request, version: randomUUID(), revision: current.record.revision + 1 };
    try {
      await this.storage.write({ [requestStoreKeys.record(request.id)]: { ...next, eTag: current.storageETag } });
    } catch (error) {
      if (isStorageConflict(error)) return { kind: 'conflict' };
      throw error;
    }
    await this.moveIndexEntry(request, next.revision);
    return { kind: 'saved', eTag: next.version };
  }

  async listByStatus(statuses: readonly RequestStatus[]): Promise<AccessRequest[]> {
    const index = await this.readIndex();
    if (index === undefined) return [];
    const wanted = new Set(statuses);
    const candidates = Object.entries(index.entries)
      .filter(([, entry]) => wanted.has(entry.status) || !isFinal(entry.status))
      .map(([id]) => id);
    const found: AccessRequest[] = [];
    for (let start = 0; start < candidates.length; start += readBatchSize) {
      const keys = candidates.slice(start, start + readBatchSize).map(requestStoreKeys.record);
      const items = await this.storage.read(keys);
      for (const key of keys) {
        const record = toRecord(key, items[key]);
        if (record !== undefined && wanted.has(record.request.status)) found.push(record.request);
      }
    }
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  private async moveIndexEntry(request: AccessRequest, revision: number): Promise<void> {
    try {
      await this.changeIndex((entries) => {
        const existing = entries[request.id];
        if (existing !== undefined && existing.revision >= revision) return 'unchanged';
        return { ...entries, [request.id]: { status: request.status, createdAt: request.createdAt, revision } };
      });
    } catch (error) {
      // The record is saved and is the truth; listByStatus still finds it (see the class comment).
      this.logger.warn('request index not updated; it will lag behind the request', {
        requestId: request.id,
        status: request.status,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * Applies `change` to the index with compare-and-set, retrying on conflicts. Returns false when
   * `change` said the id is taken, true once the index holds the change (or needed none).
   */
  private async changeIndex(
    change: (entries: Readonly<Record<string, IndexEntry>>) => Record<string, IndexEntry> | 'taken' | 'unchanged',
  ): Promise<boolean> {
    for (let attempt = 1; attempt <= this.maxIndexAttempts; attempt += 1) {
      const items = await this.storage.read([requestStoreKeys.index]);
      const stored: unknown = items[requestStoreKeys.index];
      const index = toIndex(stored);
      const outcome = change(index?.entries ?? {});
      if (outcome === 'taken') return false;
      if (outcome === 'unchanged') return true;
      if (index === undefined) {
        if (await this.storage.createIfAbsent(requestStoreKeys.index, { entries: outcome })) return true;
      } else {
        try {
          await this.storage.write({ [requestStoreKeys.index]: { entries: outcome, eTag: eTagOf(stored) } });
          return true;
        } catch (error) {
          if (!isStorageConflict(error)) throw error;
        }
      }
      await pause(attempt);
    }
    throw new Error(`The request index stayed contended after ${this.maxIndexAttempts} attempts.`);
  }

  private async readIndex(): Promise<RequestIndex | undefined> {
    const items = await this.storage.read([requestStoreKeys.index]);
    return toIndex(items[requestStoreKeys.index]);
  }

  private async readRecord(id: string): Promise<{ record: RequestRecord; storageETag: string } | undefined> {
    const key = requestStoreKeys.record(id);
    const items = await this.storage.read([key]);
    const stored: unknown = items[key];
    const record = toRecord(key, stored);
    return record === undefined ? undefined : { record, storageETag: eTagOf(stored) };
  }
}

function toRecord(key: string, stored: unknown): RequestRecord | undefined {
  if (stored === undefined) return undefined;
  const candidate = stored as Partial<RequestRecord>;
  if (typeof candidate.request !== 'object' || typeof candidate.version !== 'string' || typeof candidate.revision !== 'number') {
    throw new Error(`The stored item "${key}" is not an access request record.`);
  }
  return { request: candidate.request, version: candidate.version, revision: candidate.revision };
}

function toIndex(stored: unknown): RequestIndex | undefined {
  if (stored === undefined) return undefined;
  const entries = (stored as { entries?: unknown }).entries;
  if (typeof entries !== 'object' || entries === null) throw new Error(`The stored item "${requestStoreKeys.index}" is not a request index.`);
  return { entries: entries as Record<string, IndexEntry> };
}

function eTagOf(stored: unknown): string {
  const eTag = (stored as { eTag?: unknown }).eTag;
  if (typeof eTag !== 'string' || eTag === '') throw new Error('The storage returned an item without an eTag.');
  return eTag;
}

/** A short random wait that grows with the attempt, so racing writers spread out. */
function pause(attempt: number): Promise<void> {
  const ceiling = Math.min(100, 2 ** Math.min(attempt, 7));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
