/**
 * Remembers a promise per key for a short time, so parallel checks of one request (owner,
 * mail settings, classification) share one call instead of asking the service again.
 * A failed promise is forgotten at once.
 */
export class ShortLivedCache<T> {
  private readonly entries = new Map<string, { readonly expires: number; readonly value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.expires > now) return hit.value;
    const value = load();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > 500) {
      for (const [k, entry] of this.entries) if (entry.expires <= now) this.entries.delete(k);
    }
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
