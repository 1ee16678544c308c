import assert from 'node:assert/strict';
import { approvalTimersConfigFromEnv } from '../../../src/config/approval-timers-config';

const escalationGroup = '5f0cfe4e-55b4-4f4b-9dd1-2e0f0e0f5a11';

function errorsOf(env: Record<string, string | undefined>): string[] {
  const result = approvalTimersConfigFromEnv(env);
  assert.equal(result.ok, false, 'expected the configuration to be refused');
  return result.ok ? [] : result.errors;
}

describe('approvalTimersConfigFromEnv', () => {
  it('with nothing set: remind after 8 working hours, every 8, three times, no escalation, expire after 10 working days, 09:00-17:00 Monday to Friday, UTC', () => {
    assert.deepEqual(approvalTimersConfigFromEnv({}), {
      ok: true,
      value: {
        policy: {
          remindAfterHours: 8,
          remindEveryHours: 8,
          maxReminders: 3,
          expireAfterDays: 10,
          time: { counting: 'working-hours', week: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }, timeZone: 'UTC' },
        },
      },
    });
  });

  it('reads every setting, with escalation to a second group', () => {
    const result = approvalTimersConfigFromEnv({
      APPROVAL_REMIND_AFTER_HOURS: '4',
      APPROVAL_REMIND_EVERY_HOURS: '2.5',
      APPROVAL_MAX_REMINDERS: '0',
      APPROVAL_ESCALATE_AFTER_HOURS: '12',
      ESCALATION_APPROVERS_GROUP_ID: escalationGroup.toUpperCase(),
      APPROVAL_EXPIRE_AFTER_DAYS: '5',
      APPROVAL_TIME_COUNTING: 'Hours',
      WORKING_HOURS: '08:30-16:45',
      WORKING_DAYS: 'sun-thu',
      TENANT_TIME_ZONE: 'Europe/Riga',
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        escalationGroupId: escalationGroup,
        policy: {
          remindAfterHours: 4,
          remindEveryHours: 2.5,
          maxReminders: 0,
          escalateAfterHours: 12,
          expireAfterDays: 5,
          time: { counting: 'hours', week: { days: [0, 1, 2, 3, 4], startMinute: 510, endMinute: 1005 }, timeZone: 'Europe/Riga' },
        },
      },
    });
  });

  it('escalates after 24 hours when only the escalation group is set', () => {
    const result = approvalTimersConfigFromEnv({ ESCALATION_APPROVERS_GROUP_ID: escalationGroup });
    assert.ok(result.ok);
    assert.equal(result.value.policy.escalateAfterHours, 24);
  });

  it('takes working days as ranges and lists, each day once', () => {
    const days = (text: string) => {
      const result = approvalTimersConfigFromEnv({ WORKING_DAYS: text });
      assert.ok(result.ok, text);
      return result.value.policy.time.week.days;
    };
    assert.deepEqual(days('mon,tue,thu'), [1, 2, 4]);
    assert.deepEqual(days('Mon-Wed, Fri'), [1, 2, 3, 5]);
    assert.deepEqual(days('fri-mon'), [0, 1, 5, 6]);
    assert.deepEqual(days('mon,mon'), [1]);
  });

  it('short policies for tests: fractions of hours and days', () => {
    const result = approvalTimersConfigFromEnv({ APPROVAL_TIME_COUNTING: 'hours', APPROVAL_REMIND_AFTER_HOURS: '0.005', APPROVAL_REMIND_EVERY_HOURS: '0.005', APPROVAL_EXPIRE_AFTER_DAYS: '0.001' });
    assert.ok(result.ok);
    assert.equal(result.value.policy.remindAfterHours, 0.005);
    assert.equal(result.value.policy.expireAfterDays, 0.001);
  });

  it('lists every problem at once, each naming the key and what to set', () => {
    const errors = errorsOf({
      APPROVAL_REMIND_AFTER_HOURS: '-1',
      APPROVAL_REMIND_EVERY_HOURS: 'often',
      APPROVAL_MAX_REMINDERS: '2.5',
      APPROVAL_ESCALATE_AFTER_HOURS: '24',
      APPROVAL_EXPIRE_AFTER_DAYS: '0',
      APPROVAL_TIME_COUNTING: 'business',
      WORKING_HOURS: '17:00-09:00',
      WORKING_DAYS: 'weekdays',
      TENANT_TIME_ZONE: 'Europe/Atlantis',
    });
    const keys = ['APPROVAL_REMIND_AFTER_HOURS', 'APPROVAL_REMIND_EVERY_HOURS', 'APPROVAL_MAX_REMINDERS', 'APPROVAL_ESCALATE_AFTER_HOURS', 'APPROVAL_EXPIRE_AFTER_DAYS', 'APPROVAL_TIME_COUNTING', 'WORKING_HOURS', 'WORKING_DAYS', 'TENANT_TIME_ZONE'];
    for (const key of keys) assert.ok(errors.some((error) => error.startsWith(`${key} `)), `${key} is reported: ${errors.join('\n')}`);
    assert.ok(errors.some((e) => e.includes('ESCALATION_APPROVERS_GROUP_ID')), 'escalating needs the group');
  });

  it('refuses a malformed escalation group id', () => {
    assert.match(errorsOf({ ESCALATION_APPROVERS_GROUP_ID: 'Escalation approvers' })[0] ?? '', /ESCALATION_APPROVERS_GROUP_ID "Escalation approvers" is malformed/);
  });

  it('refuses reminders or an escalation that could only come after the expiry', () => {
    const errors = errorsOf({ APPROVAL_REMIND_AFTER_HOURS: '16', APPROVAL_EXPIRE_AFTER_DAYS: '2', ESCALATION_APPROVERS_GROUP_ID: escalationGroup, APPROVAL_ESCALATE_AFTER_HOURS: '40' });
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0] ?? '', /APPROVAL_REMIND_AFTER_HOURS \(16\) is not before APPROVAL_EXPIRE_AFTER_DAYS \(2 working days, 16 working hours\)/);
    assert.match(errors[1] ?? '', /APPROVAL_ESCALATE_AFTER_HOURS \(40\) is not before/);
    assert.equal(approvalTimersConfigFromEnv({ APPROVAL_REMIND_AFTER_HOURS: '16', APPROVAL_EXPIRE_AFTER_DAYS: '2', APPROVAL_MAX_REMINDERS: '0' }).ok, true, 'no reminders, no problem');
  });
});
