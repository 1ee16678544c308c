import type { Clock } from '../../../src/app/ports/clock';

/** A clock that stands still unless told to move. */
export class FixedClock implements Clock {
  constructor(private current = new Date('2026-11-02T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
