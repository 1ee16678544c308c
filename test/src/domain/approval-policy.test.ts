import { strict as assert } from 'node:assert';
import { isEscalated, mayCancel, mayDecide } from '../../../src/domain/approval-policy';
import { sampleRequest } from '../support/sample-request';

describe('approval policy', () => {
  const request = sampleRequest();
  const table: [string, { aadObjectId: string; tenantId: string; isApprover: boolean }, string][] = [
    ['an approver of the same tenant may decide', { aadObjectId: 'approver-1', tenantId: 'tenant-1', isApprover: true }, 'allowed'],
    ['tenant ids compare case-insensitively', { aadObjectId: 'approver-1', tenantId: 'TENANT-1', isApprover: true }, 'allowed'],
    ['a user who is not an approver may not', { aadObjectId: 'user-9', tenantId: 'tenant-1', isApprover: false }, 'not-approver'],
    ['an approver may not approve their own request', { aadObjectId: 'requester-1', tenantId: 'tenant-1', isApprover: true }, 'own-request'],
    ['an approver of another tenant may not', { aadObjectId: 'approver-1', tenantId: 'tenant-2', isApprover: true }, 'other-tenant'],
  ];
  for (const [name, actor, expected] of table) {
    it(name, () => {
      const result = mayDecide(actor, request);
      assert.equal(result.kind === 'allowed' ? 'allowed' : result.reason, expected);
    });
  }

  it('escalation approvers may decide a request once it was escalated, not before, and never their own', () => {
    const escalationApprover = { aadObjectId: 'escalation-1', tenantId: 'tenant-1', isApprover: false, isEscalationApprover: true };
    const waiting = sampleRequest({ timers: { counting: 'hours', expireAfterDays: 10, expiresAt: '2026-11-12T09:00:00.000Z', reminders: [], escalateAt: '2026-11-03T09:00:00.000Z' } });
    assert.equal(isEscalated(waiting), false);
    assert.deepEqual(mayDecide(escalationApprover, waiting), { kind: 'denied', reason: 'not-approver' });
    const escalated = sampleRequest({ timers: { ...waiting.timers!, escalatedAt: '2026-11-03T09:00:00.000Z' } });
    assert.equal(isEscalated(escalated), true);
    assert.deepEqual(mayDecide(escalationApprover, escalated), { kind: 'allowed' });
    assert.deepEqual(mayDecide({ ...escalationApprover, aadObjectId: 'requester-1' }, escalated), { kind: 'denied', reason: 'own-request' });
    assert.deepEqual(mayDecide({ ...escalationApprover, isEscalationApprover: false }, escalated), { kind: 'denied', reason: 'not-approver' });
  });

  it('only the requester, in the request tenant, may cancel', () => {
    assert.equal(mayCancel({ aadObjectId: 'requester-1', tenantId: 'tenant-1' }, request), true);
    assert.equal(mayCancel({ aadObjectId: 'approver-1', tenantId: 'tenant-1' }, request), false);
    assert.equal(mayCancel({ aadObjectId: 'requester-1', tenantId: 'tenant-2' }, request), false);
  });
});
