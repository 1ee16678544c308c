import { strict as assert } from 'node:assert';
import { mayCancel, mayDecide } from '../../../src/domain/approval-policy';
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

  it('only the requester, in the request tenant, may cancel', () => {
    assert.equal(mayCancel({ aadObjectId: 'requester-1', tenantId: 'tenant-1' }, request), true);
    assert.equal(mayCancel({ aadObjectId: 'approver-1', tenantId: 'tenant-1' }, request), false);
    assert.equal(mayCancel({ aadObjectId: 'requester-1', tenantId: 'tenant-2' }, request), false);
  });
});
