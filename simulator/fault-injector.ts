import type { FaultSettings } from './fault-settings';
import { SeededRandom } from './seeded-random';

export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'forbid' }
  | { readonly kind: 'throttle' | 'unavailable'; readonly retryAfterSeconds: number };

/** Decides, per operation, whether to answer with an injected fault; seeded so runs repeat. */
export class FaultInjector {
  private random: SeededRandom;
  private settings: FaultSettings;

  constructor(
    private readonly seed: number,
    settings: FaultSettings,
    private readonly baseLatencyMs: number,
  ) {
    this.random = new SeededRandom(seed);
    this.settings = settings;
  }

  set(settings: FaultSettings): void {
    this.settings = settings;
  }

  /** Back to the seed's first draw (used on reset). */
  restart(): void {
    this.random = new SeededRandom(this.seed);
  }

  current(): FaultSettings {
    return this.settings;
  }

  latencyMs(): number {
    return this.settings.latencyMs ?? this.baseLatencyMs;
  }

  /** Exchange commands allowed to run at once, or undefined for no limit. */
  exchangeConcurrencyLimit(): number | undefined {
    return this.settings.exchangeConcurrencyLimit;
  }

  retryAfterSeconds(): number {
    return this.settings.retryAfterSeconds ?? 1;
  }

  replicationDelayMs(): number {
    return this.settings.replicationDelayMs ?? 0;
  }

  /** Draws for one operation; an operation in `forbid` is always refused without a draw. */
  decide(operation: string): FaultDecision {
    if (this.settings.forbid?.some((f) => f.toLowerCase() === operation.toLowerCase())) return { kind: 'forbid' };
    const rate = this.settings.errorRate ?? 0;
    if (rate <= 0) return { kind: 'none' };
    const only = this.settings.errorOperations;
    if (only !== undefined && !only.some((o) => o.toLowerCase() === operation.toLowerCase())) return { kind: 'none' };
    if (this.random.next() >= rate) return { kind: 'none' };
    const kinds = this.settings.errorKinds && this.settings.errorKinds.length > 0 ? this.settings.errorKinds : (['throttle', 'unavailable'] as const);
    const kind = kinds[Math.floor(this.random.next() * kinds.length)] ?? 'throttle';
    return { kind, retryAfterSeconds: this.retryAfterSeconds() };
  }
}
