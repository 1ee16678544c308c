import type { ApprovalTimers } from '../src/domain/access-request';
import { dayMs, hourMs } from '../src/domain/working-time';
import type { Translator } from '../src/i18n/message-catalogue';

/** A length of time as people say it: a count of one unit. */
export interface TimeSpan {
  readonly unit: 'minute' | 'hour' | 'day' | 'workingDay';
  readonly count: number;
}

/** A real duration in the largest unit that fits, rounded down ("2 days", "5 hours", at least "1 minute"). */
export function elapsedSpan(ms: number): TimeSpan {
  if (ms >= dayMs) return { unit: 'day', count: Math.floor(ms / dayMs) };
  if (ms >= hourMs) return { unit: 'hour', count: Math.floor(ms / hourMs) };
  return { unit: 'minute', count: Math.max(1, Math.floor(ms / 60_000)) };
}

/**
 * The period a request had to be decided in, as its policy put it when it was submitted: days, or
 * working days when only working hours count. A fraction of a plain day (a short test policy) is
 * said in hours or minutes.
 */
export function expirySpan(timers: Pick<ApprovalTimers, 'counting' | 'expireAfterDays'>): TimeSpan {
  const days = timers.expireAfterDays;
  if (timers.counting === 'working-hours') return { unit: 'workingDay', count: days };
  return Number.isInteger(days) ? { unit: 'day', count: days } : elapsedSpan(days * dayMs);
}

/** "3 days", "1 working day", "5 hours": on its own, or after a preposition that takes the plain form. */
export function spanText(span: TimeSpan, t: Translator): string {
  return t('time.span', { unit: span.unit, count: span.count });
}

/** "in 3 days" (nobody decided in 3 days): the phrase each language words in its own case. */
export function spanWithinText(span: TimeSpan, t: Translator): string {
  return t('time.spanWithin', { unit: span.unit, count: span.count });
}
