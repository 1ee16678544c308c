import type { ApprovalTimerPolicy } from '../../src/domain/approval-timers';

/** The default policy (docs/approvals.md): 8 working hours, every 8, three reminders, escalation after 24, expiry after 10 working days, in UTC. */
export const sampleTimerPolicy: ApprovalTimerPolicy = {
  remindAfterHours: 8,
  remindEveryHours: 8,
  maxReminders: 3,
  escalateAfterHours: 24,
  expireAfterDays: 10,
  time: { counting: 'working-hours', week: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }, timeZone: 'UTC' },
};
