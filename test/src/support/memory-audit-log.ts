import type { AuditEntry, AuditLog } from '../../../src/app/ports/audit-log';

/** An AuditLog fake that keeps entries in order, for tests that check the trail. */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  async append(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async list(requestId: string): Promise<AuditEntry[]> {
    return this.entries.filter((e) => e.requestId === requestId);
  }
  /** "action outcome" lines, the shape most tests compare. */
  actions(requestId?: string): string[] {
    return this.entries.filter((e) => !requestId || e.requestId === requestId).map((e) => `${e.action} ${e.outcome}`);
  }
}
