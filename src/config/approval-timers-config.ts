import type { ApprovalTimerPolicy } from '../domain/approval-timers';
import { isKnownTimeZone, type Weekday, type WorkingWeek } from '../domain/working-time';
import type { ConfigResult } from './config-result';

/**
 * When nobody decides a request (docs/approvals.md, "When nobody decides"): reminders, escalation
 * and expiry, counted in plain or working hours in the tenant's time zone. Built from
 * environment-style key/value pairs by a pure function, every problem reported at once.
 */
export interface ApprovalTimersConfig {
  readonly policy: ApprovalTimerPolicy;
  /** ESCALATION_APPROVERS_GROUP_ID: the Entra group that gets requests nobody decided in time; absent: no escalation. */
  readonly escalationGroupId?: string;
}

export const approvalTimersDefaults = {
  remindAfterHours: 8,
  remindEveryHours: 8,
  maxReminders: 3,
  /** Used when ESCALATION_APPROVERS_GROUP_ID is set and APPROVAL_ESCALATE_AFTER_HOURS is not. */
  escalateAfterHours: 24,
  expireAfterDays: 10,
  counting: 'working-hours',
  workingHours: '09:00-17:00',
  workingDays: 'mon-fri',
  timeZone: 'UTC',
} as const;

const weekdayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "09:00-17:00": minutes after midnight, start before end. */
function parseWorkingHours(text: string): { startMinute: number; endMinute: number } | undefined {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [start, end] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
  if (Number(match[2]) > 59 || Number(match[4]) > 59 || end > 24 * 60 || start >= end) return undefined;
  return { startMinute: start, endMinute: end };
}

/** "mon-fri", "sun-thu", "mon,tue,thu", "mon-wed,fri": weekdays, each once. */
function parseWorkingDays(text: string): Weekday[] | undefined {
  const days = new Set<Weekday>();
  for (const part of text.toLowerCase().split(',').map((p) => p.trim())) {
    const [from, to] = part.split('-').map((p) => p.trim());
    const first = weekdayNames.indexOf(from as (typeof weekdayNames)[number]);
    const last = to === undefined ? first : weekdayNames.indexOf(to as (typeof weekdayNames)[number]);
    if (first < 0 || last < 0 || part.split('-').length > 2) return undefined;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day as Weekday);
      if (day === last) break;
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}

/**
 * Reads APPROVAL_REMIND_AFTER_HOURS, APPROVAL_REMIND_EVERY_HOURS, APPROVAL_MAX_REMINDERS,
 * APPROVAL_ESCALATE_AFTER_HOURS, ESCALATION_APPROVERS_GROUP_ID, APPROVAL_EXPIRE_AFTER_DAYS,
 * APPROVAL_TIME_COUNTING, WORKING_HOURS, WORKING_DAYS and TENANT_TIME_ZONE.
 */
export function approvalTimersConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ConfigResult<ApprovalTimersConfig> {
  const errors: string[] = [];
  const value = (key: string): string | undefined => {
    const text = env[key]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const defaults = approvalTimersDefaults;
  const positive = (key: string, text: string | undefined, fallback: number, unit: string): number => {
    if (text === undefined) return fallback;
    const number = Number(text);
    if (/^\d*\.?\d+$/.test(text) && number > 0 && number <= 100_000) return number;
    errors.push(`${key} "${text}" is not a positive number of ${unit}: set it to, for example, ${fallback} (the default; decimals such as 0.5 are allowed).`);
    return fallback;
  };

  const remindAfterHours = positive('APPROVAL_REMIND_AFTER_HOURS', value('APPROVAL_REMIND_AFTER_HOURS'), defaults.remindAfterHours, 'hours');
  const remindEveryHours = positive('APPROVAL_REMIND_EVERY_HOURS', value('APPROVAL_REMIND_EVERY_HOURS'), defaults.remindEveryHours, 'hours');
  const maxRemindersText = value('APPROVAL_MAX_REMINDERS');
  let maxReminders: number = defaults.maxReminders;
  if (maxRemindersText !== undefined) {
    maxReminders = Number(maxRemindersText);
    if (!/^\d+$/.test(maxRemindersText) || maxReminders > 50) {
      errors.push(`APPROVAL_MAX_REMINDERS "${maxRemindersText}" is not a whole number from 0 to 50: set it to how many reminders approvers get at most (default ${defaults.maxReminders}; 0 sends none).`);
      maxReminders = defaults.maxReminders;
    }
  }
  const expireAfterDays = positive('APPROVAL_EXPIRE_AFTER_DAYS', value('APPROVAL_EXPIRE_AFTER_DAYS'), defaults.expireAfterDays, 'days');

  const escalationGroupId = value('ESCALATION_APPROVERS_GROUP_ID');
  if (escalationGroupId !== undefined && !guid.test(escalationGroupId)) {
    errors.push(`ESCALATION_APPROVERS_GROUP_ID "${escalationGroupId}" is malformed: set it to the object id (a GUID) of the Entra group that gets requests nobody decided in time.`);
  }
  const escalateText = value('APPROVAL_ESCALATE_AFTER_HOURS');
  if (escalateText !== undefined && escalationGroupId === undefined) {
    errors.push('APPROVAL_ESCALATE_AFTER_HOURS is set but ESCALATION_APPROVERS_GROUP_ID is not: set the group whose members get the escalated requests, or remove APPROVAL_ESCALATE_AFTER_HOURS.');
  }
  const escalateAfterHours = escalationGroupId !== undefined ? positive('APPROVAL_ESCALATE_AFTER_HOURS', value('APPROVAL_ESCALATE_AFTER_HOURS'), defaults.escalateAfterHours, 'hours') : undefined;

  const countingText = (value('APPROVAL_TIME_COUNTING') ?? defaults.counting).toLowerCase();
  if (countingText !== 'working-hours' && countingText !== 'hours') {
    errors.push(`APPROVAL_TIME_COUNTING "${value('APPROVAL_TIME_COUNTING') ?? ''}" is not known: set it to working-hours (only WORKING_HOURS on WORKING_DAYS count, the default) or hours (every hour counts).`);
  }
  const counting = countingText === 'hours' ? 'hours' : 'working-hours';

  const hoursText = value('WORKING_HOURS') ?? defaults.workingHours;
  const hours = parseWorkingHours(hoursText);
  if (hours === undefined) errors.push(`WORKING_HOURS "${hoursText}" is not a time range: set it like 09:00-17:00 (24-hour clock, start before end, in TENANT_TIME_ZONE).`);
  const daysText = value('WORKING_DAYS') ?? defaults.workingDays;
  const days = parseWorkingDays(daysText);
  if (days === undefined) errors.push(`WORKING_DAYS "${daysText}" is not a list of weekdays: set it like mon-fri, sun-thu or mon,tue,thu (sun mon tue wed thu fri sat).`);
  const timeZone = value('TENANT_TIME_ZONE') ?? defaults.timeZone;
  if (!isKnownTimeZone(timeZone)) errors.push(`TENANT_TIME_ZONE "${timeZone}" is not a known time zone: set it to an IANA name such as Europe/Amsterdam, Europe/Riga or UTC (the default).`);

  const week: WorkingWeek = { days: days ?? [1, 2, 3, 4, 5], startMinute: hours?.startMinute ?? 540, endMinute: hours?.endMinute ?? 1020 };
  // Times that can never come are most likely a mistake: say so rather than silently never reminding.
  const expiryHours = expireAfterDays * (counting === 'hours' ? 24 : (week.endMinute - week.startMinute) / 60);
  const expiryText = `APPROVAL_EXPIRE_AFTER_DAYS (${expireAfterDays} ${counting === 'hours' ? 'days' : 'working days'}, ${expiryHours} ${counting === 'hours' ? 'hours' : 'working hours'})`;
  if (maxReminders > 0 && remindAfterHours >= expiryHours) {
    errors.push(`APPROVAL_REMIND_AFTER_HOURS (${remindAfterHours}) is not before ${expiryText}: no reminder would ever be sent. Lower it, or set APPROVAL_MAX_REMINDERS=0.`);
  }
  if (escalateAfterHours !== undefined && escalateAfterHours >= expiryHours) {
    errors.push(`APPROVAL_ESCALATE_AFTER_HOURS (${escalateAfterHours}) is not before ${expiryText}: the request would expire before it is escalated. Lower it.`);
  }

  if (errors.length > 0) return { ok: false, errors };
  const policy: ApprovalTimerPolicy = {
    remindAfterHours,
    remindEveryHours,
    maxReminders,
    ...(escalateAfterHours !== undefined ? { escalateAfterHours } : {}),
    expireAfterDays,
    time: { counting, week, timeZone },
  };
  return {
    ok: true,
    value: Object.freeze({ policy: Object.freeze(policy), ...(escalationGroupId !== undefined ? { escalationGroupId: escalationGroupId.toLowerCase() } : {}) }),
  };
}
