import { strict as assert } from 'node:assert';
import {
  addDays,
  addHours,
  addWorkingTime,
  hourMs,
  instantOf,
  isKnownTimeZone,
  isWorkingTime,
  type TimeRules,
  type WorkingWeek,
} from '../../../src/domain/working-time';

const officeHours: WorkingWeek = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 };
const sundayToThursday: WorkingWeek = { days: [0, 1, 2, 3, 4], startMinute: 8 * 60, endMinute: 16 * 60 };

function at(iso: string): number {
  return Date.parse(iso);
}

function working(timeZone: string, week: WorkingWeek = officeHours): TimeRules {
  return { counting: 'working-hours', week, timeZone };
}

function plain(timeZone: string): TimeRules {
  return { counting: 'hours', week: officeHours, timeZone };
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

describe('working time', () => {
  describe('a local time in a time zone', () => {
    const cases: [string, string, { year: number; month: number; day: number }, number, string][] = [
      ['a winter day in Amsterdam (UTC+1)', 'Europe/Amsterdam', { year: 2026, month: 1, day: 15 }, 9 * 60, '2026-01-15T08:00:00.000Z'],
      ['a summer day in Amsterdam (UTC+2)', 'Europe/Amsterdam', { year: 2026, month: 7, day: 15 }, 9 * 60, '2026-07-15T07:00:00.000Z'],
      ['a summer day in Riga (UTC+3)', 'Europe/Riga', { year: 2026, month: 7, day: 15 }, 9 * 60, '2026-07-15T06:00:00.000Z'],
      ['half-hour offsets (Kolkata, UTC+5:30)', 'Asia/Kolkata', { year: 2026, month: 3, day: 2 }, 9 * 60, '2026-03-02T03:30:00.000Z'],
      ['a time skipped when summer time starts moves forward by the jump', 'Europe/Amsterdam', { year: 2026, month: 3, day: 29 }, 2 * 60 + 30, '2026-03-29T01:30:00.000Z'],
      ['a time that happens twice when summer time ends is the first one', 'Europe/Amsterdam', { year: 2026, month: 10, day: 25 }, 2 * 60 + 30, '2026-10-25T00:30:00.000Z'],
      ['midnight that does not exist (Santiago starts summer time at 00:00) is 01:00', 'America/Santiago', { year: 2026, month: 9, day: 6 }, 0, '2026-09-06T04:00:00.000Z'],
      ['UTC', 'UTC', { year: 2026, month: 12, day: 3 }, 17 * 60, '2026-12-03T17:00:00.000Z'],
    ];
    for (const [name, zone, date, minute, expected] of cases) {
      it(name, () => assert.equal(iso(instantOf(date, minute, zone)), expected));
    }

    it('knows the IANA time zones and refuses made-up ones', () => {
      assert.equal(isKnownTimeZone('Europe/Riga'), true);
      assert.equal(isKnownTimeZone('Mars/Olympus_Mons'), false);
    });
  });

  describe('whether it is working time', () => {
    const cases: [string, string, string, boolean][] = [
      ['Monday 09:00 in Amsterdam', '2026-11-30T08:00:00.000Z', 'Europe/Amsterdam', true],
      ['Monday 08:59 in Amsterdam', '2026-11-30T07:59:00.000Z', 'Europe/Amsterdam', false],
      ['Friday 16:59 in Amsterdam', '2026-12-04T15:59:00.000Z', 'Europe/Amsterdam', true],
      ['Friday 17:00 in Amsterdam (closing time is not working time)', '2026-12-04T16:00:00.000Z', 'Europe/Amsterdam', false],
      ['Saturday noon in Amsterdam', '2026-12-05T11:00:00.000Z', 'Europe/Amsterdam', false],
      ['Monday 07:30 UTC is 09:30 in Riga, but not yet working time in Amsterdam', '2026-11-30T07:30:00.000Z', 'Europe/Riga', true],
    ];
    for (const [name, instant, zone, expected] of cases) {
      it(name, () => assert.equal(isWorkingTime(at(instant), officeHours, zone), expected));
    }
  });

  describe('adding working time', () => {
    const cases: [string, string, number, string, WorkingWeek, string][] = [
      ['within one working day', '2026-12-01T09:00:00.000Z', 4, 'UTC', officeHours, '2026-12-01T13:00:00.000Z'],
      ['exactly to closing time', '2026-12-01T09:00:00.000Z', 8, 'UTC', officeHours, '2026-12-01T17:00:00.000Z'],
      ['overnight: what is left of the day, then the next morning', '2026-12-01T15:00:00.000Z', 4, 'UTC', officeHours, '2026-12-02T11:00:00.000Z'],
      ['over the weekend: Friday afternoon to Monday', '2026-12-04T16:00:00.000Z', 4, 'UTC', officeHours, '2026-12-07T12:00:00.000Z'],
      ['submitted on Saturday: counting starts on Monday morning', '2026-12-05T10:00:00.000Z', 2, 'UTC', officeHours, '2026-12-07T11:00:00.000Z'],
      ['submitted before opening time: counting starts at opening', '2026-12-01T06:00:00.000Z', 1, 'UTC', officeHours, '2026-12-01T10:00:00.000Z'],
      ['submitted after closing time: counting starts next morning', '2026-12-01T20:00:00.000Z', 1, 'UTC', officeHours, '2026-12-02T10:00:00.000Z'],
      ['three working days span a weekend', '2026-12-03T12:00:00.000Z', 24, 'UTC', officeHours, '2026-12-08T12:00:00.000Z'],
      ['in the local time of Amsterdam (winter, UTC+1)', '2026-12-04T15:00:00.000Z', 2, 'Europe/Amsterdam', officeHours, '2026-12-07T09:00:00.000Z'],
      [
        'across the start of summer time (Amsterdam): the morning after is at 09:00 local, an hour earlier in UTC',
        '2026-03-27T15:00:00.000Z',
        2,
        'Europe/Amsterdam',
        officeHours,
        '2026-03-30T08:00:00.000Z',
      ],
      [
        'across the end of summer time (Amsterdam): Monday 09:00 is an hour later in UTC',
        '2026-10-23T14:00:00.000Z',
        2,
        'Europe/Amsterdam',
        officeHours,
        '2026-10-26T09:00:00.000Z',
      ],
      ['across the start of summer time in New York (8 March)', '2026-03-06T21:30:00.000Z', 1, 'America/New_York', officeHours, '2026-03-09T13:30:00.000Z'],
      ['across the end of summer time in New York (1 November)', '2026-10-30T20:30:00.000Z', 1, 'America/New_York', officeHours, '2026-11-02T14:30:00.000Z'],
      ['across summer time in Riga (29 March, 03:00 to 04:00)', '2026-03-27T14:00:00.000Z', 2, 'Europe/Riga', officeHours, '2026-03-30T07:00:00.000Z'],
      ['a Sunday-to-Thursday week skips Friday and Saturday', '2026-12-03T10:00:00.000Z', 6, 'Asia/Dubai', sundayToThursday, '2026-12-06T08:00:00.000Z'],
      ['half-hour offsets (Kolkata)', '2026-12-04T11:00:00.000Z', 1, 'Asia/Kolkata', officeHours, '2026-12-07T04:00:00.000Z'],
    ];
    for (const [name, start, hours, zone, week, expected] of cases) {
      it(name, () => assert.equal(iso(addWorkingTime(at(start), hours * hourMs, week, zone)), expected));
    }

    it('adding nothing stays where it is, even outside working hours', () => {
      assert.equal(iso(addWorkingTime(at('2026-12-05T10:00:00.000Z'), 0, officeHours, 'UTC')), '2026-12-05T10:00:00.000Z');
    });

    it('a week without working days cannot count time', () => {
      assert.throws(() => addWorkingTime(at('2026-12-05T10:00:00.000Z'), hourMs, { days: [], startMinute: 540, endMinute: 1020 }, 'UTC'));
    });
  });

  describe('adding hours and days by the policy', () => {
    it('plain hours are real hours, through nights and weekends', () => {
      assert.equal(iso(addHours(at('2026-12-04T16:00:00.000Z'), 24, plain('Europe/Amsterdam'))), '2026-12-05T16:00:00.000Z');
    });

    it('plain hours across a daylight saving change are still real hours (the wall clock shows one more)', () => {
      assert.equal(iso(addHours(at('2026-03-28T12:00:00.000Z'), 24, plain('Europe/Amsterdam'))), '2026-03-29T12:00:00.000Z');
    });

    it('fractions of an hour count (short policies for tests)', () => {
      assert.equal(iso(addHours(at('2026-12-04T16:00:00.000Z'), 0.01, plain('UTC'))), '2026-12-04T16:00:36.000Z');
    });

    it('working hours skip the night', () => {
      assert.equal(iso(addHours(at('2026-12-01T16:00:00.000Z'), 2, working('UTC'))), '2026-12-02T10:00:00.000Z');
    });

    it('plain days are calendar days: the same wall-clock time, 23 real hours across the start of summer time', () => {
      const start = at('2026-03-28T09:00:00.000Z'); // 10:00 in Amsterdam
      const end = addDays(start, 1, plain('Europe/Amsterdam'));
      assert.equal(iso(end), '2026-03-29T08:00:00.000Z'); // 10:00 in Amsterdam, summer time
      assert.equal((end - start) / hourMs, 23);
    });

    it('plain days across the end of summer time are 25 real hours', () => {
      const start = at('2026-10-24T08:00:00.000Z'); // 10:00 in Amsterdam
      const end = addDays(start, 1, plain('Europe/Amsterdam'));
      assert.equal(iso(end), '2026-10-25T09:00:00.000Z');
      assert.equal((end - start) / hourMs, 25);
    });

    it('fourteen plain days in UTC are fourteen times 24 hours', () => {
      assert.equal(iso(addDays(at('2026-12-03T10:15:30.250Z'), 14, plain('UTC'))), '2026-12-17T10:15:30.250Z');
    });

    it('a fraction of a plain day is real time', () => {
      assert.equal(iso(addDays(at('2026-12-03T10:00:00.000Z'), 0.5, plain('UTC'))), '2026-12-03T22:00:00.000Z');
    });

    it('working days are working days: ten of them are two working weeks, same time of day', () => {
      assert.equal(iso(addDays(at('2026-12-03T11:00:00.000Z'), 10, working('UTC'))), '2026-12-17T11:00:00.000Z');
    });

    it('working days across the end of the year and a weekend, in Riga', () => {
      // Wednesday 30 December 2026, 10:00 in Riga (UTC+2); two working days later is Friday 1 January (no holidays are known).
      assert.equal(iso(addDays(at('2026-12-30T08:00:00.000Z'), 2, working('Europe/Riga'))), '2027-01-01T08:00:00.000Z');
    });

    it('one working day from Saturday is Monday at closing time', () => {
      assert.equal(iso(addDays(at('2026-12-05T10:00:00.000Z'), 1, working('UTC'))), '2026-12-07T17:00:00.000Z');
    });
  });
});
