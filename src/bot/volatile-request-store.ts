import type { AccessRequest } from '../domain/access-request';
import type { RequestStore, SaveResult, StoredRequest } from '../app/ports/request-store';

/**
 * A RequestStore in memory, with the same compare-and-set rules as the durable one (a counter as
 * eTag). Requests are lost on restart: only a stopgap for local runs until the file-backed store
 * (src/infrastructure/storage) is wired in.
 */
export class VolatileRequestStore implements RequestStore {
  private readonly records = new Map<string, StoredRequest>();
  private version = 0;

  async get(id: string): Promise<StoredRequest | undefined> {
    return this.records.get(id);
  }

  async create(request: AccessRequest): Promise<SaveResult> {
    if (this.records.has(request.id)) return { kind: 'conflict' };
    return this.put(request);
  }

  async update(request: AccessRequest, expectedETag: string): Promise<SaveResult> {
    const current = this.records.get(request.id);
    if (current === undefined || current.eTag !== expectedETag) return { kind: 'conflict' };
    return this.put(request);
  }

  async listByStatus(statuses: readonly AccessRequest['status'][]): Promise<AccessRequest[]> {
    return [...this.records.values()]
      .map((stored) => stored.request)
      .filter((request) => statuses.includes(request.status))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private put(request: AccessRequest): SaveResult {
    this.version += 1;
    const eTag = String(this.version);
    this.records.set(request.id, { request: structuredClone(request), eTag });
    return { kind: 'saved', eTag };
  }
}
