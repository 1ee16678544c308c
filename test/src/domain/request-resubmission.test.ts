import { strict as assert } from 'node:assert';
import { claimResubmission, recordResubmission, releaseResubmission } from '../../../src/domain/request-resubmission';
import { sampleRequest } from '../support/sample-request';

describe('asking again for an expired request', () => {
  const expired = sampleRequest({ status: 'expired' });
  const at = '2026-11-20T10:00:00.000Z';

  it('an expired request is claimed once; a second tap within two minutes finds it in progress', () => {
    const claim = claimResubmission(expired, at);
    assert.ok(claim.kind === 'ok');
    assert.deepEqual(claim.request.resubmission, { claimedAt: at });
    assert.deepEqual(claimResubmission(claim.request, '2026-11-20T10:01:00.000Z'), { kind: 'in-progress' });
    assert.equal(claimResubmission(claim.request, '2026-11-20T10:02:01.000Z').kind, 'ok', 'a claim left by a crash ends');
  });

  it('once the new request is stored, every later tap names it', () => {
    const claim = claimResubmission(expired, at);
    assert.ok(claim.kind === 'ok');
    const done = recordResubmission(claim.request, 'R-NEW001');
    assert.deepEqual(claimResubmission(done, '2026-11-25T10:00:00.000Z'), { kind: 'already', requestId: 'R-NEW001' });
    assert.equal(releaseResubmission(done), done, 'a finished resubmission is never released');
  });

  it('a refused attempt releases the claim', () => {
    const claim = claimResubmission(expired, at);
    assert.ok(claim.kind === 'ok');
    assert.equal(releaseResubmission(claim.request).resubmission, undefined);
  });

  it('only expired requests can be asked again', () => {
    assert.deepEqual(claimResubmission(sampleRequest(), at), { kind: 'not-expired', status: 'pending-approval' });
    assert.deepEqual(claimResubmission(sampleRequest({ status: 'rejected' }), at), { kind: 'not-expired', status: 'rejected' });
  });
});
