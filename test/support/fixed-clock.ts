import type { Clock } from '../../src/app/ports/clock';

/** A clock that says what the test tells it. */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
