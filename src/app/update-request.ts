import type { AccessRequest } from '../domain/access-request';
import type { Transition } from '../domain/request-lifecycle';
import type { RequestStore, StoredRequest } from './ports/request-store';

export type UpdateOutcome =
  | { readonly kind: 'updated'; readonly request: AccessRequest; readonly eTag: string; readonly previous: AccessRequest }
  | { readonly kind: 'not-found' }
  | Exclude<Transition, { kind: 'ok' }>;

const maxAttempts = 8;

/**
 * Applies a transition to the stored request with compare-and-set. On a conflict (someone else
 * wrote first) it reloads and applies the transition again to the newer version, so the
 * transition itself decides whether it still applies: the first decision wins, never both.
 */
export async function updateRequest(
  store: RequestStore,
  id: string,
  transition: (current: AccessRequest) => Transition,
): Promise<UpdateOutcome> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored: StoredRequest | undefined = await store.get(id);
    if (!stored) return { kind: 'not-found' };
    const next = transition(stored.request);
    if (next.kind !== 'ok') return next;
    const saved = await store.update(next.request, stored.eTag);
    if (saved.kind === 'saved') return { kind: 'updated', request: next.request, eTag: saved.eTag, previous: stored.request };
  }
  throw new Error(`Request ${id} kept changing under ${maxAttempts} attempts to update it`);
}
