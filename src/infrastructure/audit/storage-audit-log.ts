import type { AuditEntry, AuditLog } from '../../app/ports/audit-log';
import type { ConditionalStorage } from '../storage/conditional-storage';

export const auditKeys = {
  /** The n-th entry (0-based) of a request's trail. */
  entry: (requestId: string, sequence: number): string => `audit/${encodeURIComponent(requestId)}/${String(sequence).padStart(6, '0')}`,
} as const;

/** Entries read per storage call when listing. */
const readBatchSize = 20;

/** Requests whose next free number this process remembers (the oldest is forgotten first). */
const maxHints = 1000;

/**
 * An audit trail in any ConditionalStorage (local files or Azure Blob storage), one item per
 * entry, `audit/<requestId>/<sequence>`.
 *
 * Append-only by construction: an entry is written with createIfAbsent into the first free
 * sequence number, and nothing ever overwrites or deletes it. Two concurrent appends that try the
 * same number are told apart by the storage (exactly one creates it); the other moves on to the
 * next number, so no entry is lost and the numbers have no gaps. Listing reads 0, 1, 2... until
 * the first missing number, without listing blobs.
 *
 * A hint per request remembers the next free number in this process, so appending does not
 * re-probe the whole trail; the hint only ever points at a number whose predecessors are taken.
 */
export class StorageAuditLog implements AuditLog {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly storage: ConditionalStorage) {}

  async append(entry: AuditEntry): Promise<void> {
    let sequence = this.nextFree.get(entry.requestId) ?? 0;
    while (!(await this.storage.createIfAbsent(auditKeys.entry(entry.requestId, sequence), { entry: { ...entry } }))) {
      sequence += 1;
    }
    const hint = this.nextFree.get(entry.requestId) ?? 0;
    this.nextFree.delete(entry.requestId);
    this.nextFree.set(entry.requestId, Math.max(hint, sequence + 1));
    if (this.nextFree.size > maxHints) {
      const oldest = this.nextFree.keys().next();
      if (oldest.done !== true) this.nextFree.delete(oldest.value);
    }
  }

  async list(requestId: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (let start = 0; ; start += readBatchSize) {
      const keys = Array.from({ length: readBatchSize }, (_, offset) => auditKeys.entry(requestId, start + offset));
      const items = await this.storage.read(keys);
      for (const key of keys) {
        const item: unknown = items[key];
        if (item === undefined) return entries;
        const entry = (item as { entry?: unknown }).entry;
        if (typeof entry !== 'object' || entry === null) throw new Error(`The stored item "${key}" is not an audit entry.`);
        entries.push(entry as AuditEntry);
      }
    }
  }
}
