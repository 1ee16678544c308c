import { strict as assert } from 'node:assert';
import type { AccessRequest, Decision, RequestStatus } from '../../../src/domain/access-request';
import {
  cancel,
  complete,
  decide,
  expire,
  fail,
  isFinal,
  recordExternalSenders,
  recordStep,
  startProvisioning,
} from '../../../src/domain/request-lifecycle';
import { sampleRequest } from '../support/sample-request';

const at = '2026-11-02T10:00:00.000Z';
const adele = { aadObjectId: 'approver-1', name: 'Adele Vance' };
const alex = { aadObjectId: 'approver-2', name: 'Alex Wilber' };
const approval: Decision = { outcome: 'approved', by: adele, at };

function ok(result: ReturnType<typeof decide>): AccessRequest {
  assert.equal(result.kind, 'ok', JSON.stringify(result));
  return (result as { request: AccessRequest }).request;
}

describe('request lifecycle', () => {
  it('approving a pending request records who decided and when', () => {
    const approved = ok(decide(sampleRequest(), approval));
    assert.equal(approved.status, 'approved');
    assert.deepEqual(approved.decision, approval);
    assert.equal(approved.updatedAt, at);
  });

  it('rejecting keeps the reason for the requester', () => {
    const rejected = ok(decide(sampleRequest(), { outcome: 'rejected', by: adele, at, reason: 'Use the partner portal' }));
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.decision?.reason, 'Use the partner portal');
  });

  it('a second decision is refused with the first one, whoever makes it', () => {
    const approved = ok(decide(sampleRequest(), approval));
    for (const second of [approval, { outcome: 'rejected' as const, by: alex, at }]) {
      const result = decide(approved, second);
      assert.deepEqual(result, { kind: 'already-decided', decision: approval, status: 'approved' });
    }
  });

  it('a cancelled or expired request cannot be decided, and says its state', () => {
    const cancelled = ok(cancel(sampleRequest(), at));
    assert.deepEqual(decide(cancelled, approval), { kind: 'invalid-state', status: 'cancelled' });
    const expired = ok(expire(sampleRequest(), at));
    assert.deepEqual(decide(expired, approval), { kind: 'invalid-state', status: 'expired' });
  });

  it('runs approved -> provisioning -> completed with the journal kept in order', () => {
    let request = ok(startProvisioning(ok(decide(sampleRequest(), approval)), at));
    assert.equal(request.status, 'provisioning');
    request = ok(recordStep(request, { step: 'create-mail-contact', outcome: 'done', at, objectIds: { contactId: 'c-1' } }));
    request = ok(recordStep(request, { step: 'add-distribution-group-member', outcome: 'done', at }));
    request = ok(complete(request, at));
    assert.equal(request.status, 'completed');
    assert.deepEqual(request.journal.map((e) => e.step), ['create-mail-contact', 'add-distribution-group-member']);
  });

  it('a failure counts attempts and a retry starts provisioning again without losing the journal', () => {
    let request = ok(startProvisioning(ok(decide(sampleRequest(), approval)), at));
    request = ok(recordStep(request, { step: 'create-mail-contact', outcome: 'done', at }));
    request = ok(fail(request, { step: 'add-distribution-group-member', errorCode: 'throttled', at }));
    assert.equal(request.status, 'failed');
    assert.equal(request.failure?.attempts, 1);
    request = ok(startProvisioning(request, at));
    assert.equal(request.failure, undefined);
    assert.equal(request.journal.length, 1);
    request = ok(fail(request, { step: 'add-distribution-group-member', errorCode: 'throttled', at }));
    assert.equal(request.failure?.attempts, 1, 'attempts restart after the failure was cleared by the retry');
  });

  it('provisioning cannot start before approval or after completion', () => {
    assert.deepEqual(startProvisioning(sampleRequest(), at), { kind: 'invalid-state', status: 'pending-approval' });
    const completed = sampleRequest({ status: 'completed', decision: approval });
    assert.deepEqual(startProvisioning(completed, at), { kind: 'invalid-state', status: 'completed' });
  });

  it('external senders are allowed once, on a completed request only', () => {
    const change = { status: 'allowed' as const, by: adele, at };
    assert.deepEqual(recordExternalSenders(sampleRequest(), change), { kind: 'invalid-state', status: 'pending-approval' });
    const completed = sampleRequest({ status: 'completed', decision: approval });
    const allowed = ok(recordExternalSenders(completed, change));
    assert.deepEqual(allowed.externalSenders, change);
    assert.equal(recordExternalSenders(allowed, change).kind, 'invalid-state');
  });

  it('knows which states are final', () => {
    const table: [RequestStatus, boolean][] = [
      ['pending-approval', false],
      ['approved', false],
      ['provisioning', false],
      ['failed', false],
      ['completed', true],
      ['rejected', true],
      ['cancelled', true],
      ['expired', true],
    ];
    for (const [status, final] of table) assert.equal(isFinal(status), final, status);
  });
});
