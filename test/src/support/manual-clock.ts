import type { Clock } from '../../../src/app/ports/clock';

/** A clock that stands still unless a test moves it. */
export class ManualClock implements Clock {
  constructor(private ms: number = Date.parse('2026-11-22T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  epochMs(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
