import type { AccessRequest } from '../../../src/domain/access-request';
import type { RequestStore, SaveResult, StoredRequest } from '../../../src/app/ports/request-store';

/** A RequestStore fake with real compare-and-set semantics (eTags are version counters). */
export class InMemoryRequestStore implements RequestStore {
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
    if (this.records.get(request.id)?.eTag !== expectedETag) return { kind: 'conflict' };
    return this.put(request);
  }

  async listByStatus(statuses: readonly AccessRequest['status'][]): Promise<AccessRequest[]> {
    return [...this.records.values()]
      .map((r) => r.request)
      .filter((r) => statuses.includes(r.status))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private put(request: AccessRequest): SaveResult {
    const eTag = `v${++this.version}`;
    this.records.set(request.id, { request, eTag });
    return { kind: 'saved', eTag };
  }
}
