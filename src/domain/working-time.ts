/**
 * Counting time the way an organisation does: in plain hours, or in working hours only (the
 * working days and hours of the tenant), always in the tenant's time zone, so daylight saving
 * changes and weekends fall where people expect them. Pure functions over instants (milliseconds
 * since the epoch); time zones come from the runtime's time zone database (Intl).
 */

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** When people work: some weekdays, from `startMinute` to `endMinute` (minutes after local midnight, start before end). */
export interface WorkingWeek {
  readonly days: readonly Weekday[];
  readonly startMinute: number;
  readonly endMinute: number;
}

/** How time is counted for a policy: plain hours, or working hours of `week`; both in `timeZone`. */
export interface TimeRules {
  readonly counting: 'working-hours' | 'hours';
  readonly week: WorkingWeek;
  /** An IANA time zone name ("Europe/Amsterdam", "UTC"). */
  readonly timeZone: string;
}

export const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** A local calendar date in some time zone. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localDateTime(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The local date of an instant in the zone. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = localDateTime(instant, timeZone);
  return { year, month, day };
}

/** The weekday of a local date. */
export function weekdayOf(date: LocalDate): Weekday {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as Weekday;
}

/** The local date `days` after `date` (negative goes back). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/**
 * The instant a wall-clock time of a local date happens in the zone. A time that happens twice
 * (the clock goes back) is the first one; a time that never happens (the clock jumps forward) is
 * moved forward by the jump, as clocks do (02:30 on the morning summer time starts is 03:30).
 */
export function instantOf(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const before = wall - offsetAt(wall - dayMs, timeZone);
  const after = wall - offsetAt(wall + dayMs, timeZone);
  const valid = [before, after].filter((candidate) => candidate + offsetAt(candidate, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // In the gap: the offset from before the jump lands as far after the jump as the wall time is into it.
  return before;
}

/** Whether `instant` falls inside working hours. */
export function isWorkingTime(instant: number, week: WorkingWeek, timeZone: string): boolean {
  const date = localDateOf(instant, timeZone);
  if (!week.days.includes(weekdayOf(date))) return false;
  return instant >= instantOf(date, week.startMinute, timeZone) && instant < instantOf(date, week.endMinute, timeZone);
}

/** Days looked at before giving up (a working week with no working time cannot count any). */
const maxDaysScanned = 3_660;

/**
 * The instant `ms` of working time after `start`: only the working hours of working days count,
 * in the zone's local time. The answer always falls inside working hours (or at the end of one).
 */
export function addWorkingTime(start: number, ms: number, week: WorkingWeek, timeZone: string): number {
  if (ms <= 0) return start;
  if (week.days.length === 0 || week.endMinute <= week.startMinute) throw new Error('A working week needs at least one working day with working hours');
  let remaining = ms;
  let date = localDateOf(start, timeZone);
  let from = start;
  for (let scanned = 0; scanned < maxDaysScanned; scanned++) {
    if (week.days.includes(weekdayOf(date))) {
      const opens = instantOf(date, week.startMinute, timeZone);
      const closes = instantOf(date, week.endMinute, timeZone);
      const begin = Math.max(from, opens);
      if (begin < closes) {
        if (remaining <= closes - begin) return begin + remaining;
        remaining -= closes - begin;
      }
    }
    date = addLocalDays(date, 1);
    from = instantOf(date, 0, timeZone);
  }
  throw new Error('Working time could not be counted within ten years');
}

/** The working time of one working day, in ms. */
export function workingDayMs(week: WorkingWeek): number {
  return (week.endMinute - week.startMinute) * 60_000;
}

/** The instant `hours` after `start`: real hours, or working hours. */
export function addHours(start: number, hours: number, rules: TimeRules): number {
  if (rules.counting === 'hours') return start + Math.round(hours * hourMs);
  return addWorkingTime(start, Math.round(hours * hourMs), rules.week, rules.timeZone);
}

/**
 * The instant `days` after `start`. In plain hours, a day is a calendar day of the zone: the same
 * wall-clock time `days` dates later (23 or 25 real hours across a daylight saving change), plus any
 * fraction of a day as real time. In working hours, a day is one working day's worth of working
 * time (eight hours for 09:00–17:00), so ten days are two working weeks.
 */
export function addDays(start: number, days: number, rules: TimeRules): number {
  if (rules.counting === 'working-hours') return addWorkingTime(start, Math.round(days * workingDayMs(rules.week)), rules.week, rules.timeZone);
  const whole = Math.floor(days);
  const local = localDateTime(start, rules.timeZone);
  const date = addLocalDays(local, whole);
  const wallMinute = local.hour * 60 + local.minute;
  const sameWallTime = instantOf(date, wallMinute, rules.timeZone) + local.second * 1000 + (start % 1000);
  return sameWallTime + Math.round((days - whole) * dayMs);
}
