import { createHash } from 'node:crypto';

/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A version-4-shaped GUID drawn from the sequence. */
  guid(): string {
    const bytes = Array.from({ length: 16 }, () => Math.floor(this.next() * 256));
    return formatGuid(bytes);
  }
}

function formatGuid(bytes: number[]): string {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A GUID derived from a text, always the same for the same text (ids of derived objects such as settings). */
export function stableGuid(text: string): string {
  const digest = createHash('sha1').update(text).digest();
  return formatGuid([...digest.subarray(0, 16)]);
}
