import type { AccessRequest } from '../../../src/domain/access-request';
import type { RequestStore, SaveResult, StoredRequest } from '../../../src/app/ports/request-store';

/** A hand-written RequestStore for tests: compare-and-set on a counter eTag, like the real store. */
export class InMemoryRequestStore implements RequestStore {
  private readonly records = new Map<string, StoredRequest>();
  private version = 0;

  get(id: string): Promise<StoredRequest | undefined> {
    return Promise.resolve(this.records.get(id));
  }

  create(request: AccessRequest): Promise<SaveResult> {
    if (this.records.has(request.id)) return Promise.resolve({ kind: 'conflict' });
    return Promise.resolve(this.put(request));
  }

  update(request: AccessRequest, expectedETag: string): Promise<SaveResult> {
    const current = this.records.get(request.id);
    if (current === undefined || current.eTag !== expectedETag) return Promise.resolve({ kind: 'conflict' });
    return Promise.resolve(this.put(request));
  }

  listByStatus(statuses: readonly AccessRequest['status'][]): Promise<AccessRequest[]> {
    return Promise.resolve(
      [...this.records.values()]
        .map((r) => r.request)
        .filter((r) => statuses.includes(r.status))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    );
  }

  private put(request: AccessRequest): SaveResult {
    this.version += 1;
    const eTag = `"${this.version}"`;
    this.records.set(request.id, { request, eTag });
    return { kind: 'saved', eTag };
  }
}
