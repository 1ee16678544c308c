import type { AccessRequest } from '../../domain/access-request';

/** A stored request with the eTag of the version read. */
export interface StoredRequest {
  readonly request: AccessRequest;
  readonly eTag: string;
}

export type SaveResult =
  | { readonly kind: 'saved'; readonly eTag: string }
  /** Someone else changed (or created) the record since it was read: reload and decide again. */
  | { readonly kind: 'conflict' };

/**
 * Durable store of access requests. Every write is a compare-and-set: `create` fails with a
 * conflict if the id exists, `update` fails with a conflict if the stored eTag differs.
 */
export interface RequestStore {
  get(id: string): Promise<StoredRequest | undefined>;
  create(request: AccessRequest): Promise<SaveResult>;
  update(request: AccessRequest, expectedETag: string): Promise<SaveResult>;
  /** Requests in the given states, oldest first. */
  listByStatus(statuses: readonly AccessRequest['status'][]): Promise<AccessRequest[]>;
}
