import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { AuditTrail } from '../../../src/app/audit-trail';
import type { Draft, SubmitResult } from '../../../src/app/request-intake';
import { ResubmitRequest } from '../../../src/app/resubmit-request';
import type { AccessRequest } from '../../../src/domain/access-request';
import { InMemoryRequestStore } from '../support/in-memory-request-store';
import { ManualClock } from '../support/manual-clock';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { sampleRequest } from '../support/sample-request';
import { MemoryLogger } from '../support/test-logger';

const megan = { aadObjectId: 'requester-1', name: 'Megan Bowen', tenantId: 'tenant-1' };
const alex = { aadObjectId: 'approver-2', name: 'Alex Wilber', tenantId: 'tenant-1' };

async function setup(expired: Partial<AccessRequest> = {}) {
  const store = new InMemoryRequestStore();
  await store.create(sampleRequest({ status: 'expired', updatedAt: '2026-11-16T09:00:00.000Z', ...expired }));
  const clock = new ManualClock();
  const auditLog = new MemoryAuditLog();
  let next = 0;
  const submitted: Draft[] = [];
  const answers = {
    submit: async (draft: Draft): Promise<SubmitResult> => {
      submitted.push(draft);
      const request = sampleRequest({ id: `R-NEW00${++next}`, createdAt: clock.now().toISOString() });
      await store.create(request);
      return { kind: 'submitted', request };
    },
  };
  const intake = { submit: sinon.spy((draft: Draft) => answers.submit(draft)) };
  const resubmit = new ResubmitRequest({ store, intake, audit: new AuditTrail(auditLog, clock, new MemoryLogger()), clock });
  return { store, intake, answers, submitted, resubmit, auditLog, clock };
}

describe('ResubmitRequest: Ask again on an expired request', () => {
  afterEach(() => sinon.restore());

  it('submits the same person, group and reason as a new request, once; the expired request points to it', async () => {
    const { resubmit, submitted, store, auditLog } = await setup();
    const result = await resubmit.execute('R-7K3F9Q', megan);
    assert.equal(result.kind, 'resubmitted');
    assert.deepEqual(submitted, [
      {
        tenantId: 'tenant-1',
        requester: { aadObjectId: 'requester-1', name: 'Megan Bowen' },
        person: sampleRequest().person,
        groupId: 'group-1',
        reason: 'Joint project',
      },
    ]);
    assert.equal((await store.get('R-7K3F9Q'))?.request.resubmission?.requestId, 'R-NEW001');
    assert.deepEqual(auditLog.actions('R-7K3F9Q'), ['request.resubmit succeeded']);
    assert.deepEqual(auditLog.entries[0]?.details, { newRequestId: 'R-NEW001' });

    const again = await resubmit.execute('R-7K3F9Q', megan);
    assert.deepEqual(again.kind === 'already' && again.requestId, 'R-NEW001', 'a second tap shows the same new request');
    assert.equal(submitted.length, 1);
  });

  it('two taps at once submit once', async () => {
    const { resubmit, intake } = await setup();
    const results = await Promise.all([resubmit.execute('R-7K3F9Q', megan), resubmit.execute('R-7K3F9Q', megan)]);
    assert.deepEqual(results.map((r) => r.kind).sort(), ['in-progress', 'resubmitted']);
    assert.equal(intake.submit.callCount, 1);
  });

  it('only the requester may ask again; the refusal is audited', async () => {
    const { resubmit, intake, auditLog } = await setup();
    assert.equal((await resubmit.execute('R-7K3F9Q', alex)).kind, 'not-requester');
    assert.equal((await resubmit.execute('R-7K3F9Q', { ...megan, tenantId: 'other-tenant' })).kind, 'not-requester');
    assert.equal(intake.submit.callCount, 0);
    assert.deepEqual(auditLog.actions(), ['request.resubmit refused', 'request.resubmit refused']);
  });

  it('a request that did not expire cannot be asked again', async () => {
    const { resubmit, intake } = await setup({ status: 'pending-approval' });
    const result = await resubmit.execute('R-7K3F9Q', megan);
    assert.equal(result.kind === 'not-expired' && result.previous.status, 'pending-approval');
    assert.equal(intake.submit.callCount, 0);
    assert.equal((await resubmit.execute('R-NOPE01', megan)).kind, 'not-found');
  });

  it('details that no longer pass the checks are refused with the reason; the requester may try again later', async () => {
    const { resubmit, answers, store, auditLog } = await setup();
    answers.submit = async () => ({ kind: 'invalid', check: { kind: 'not-found' } });
    const refused = await resubmit.execute('R-7K3F9Q', megan);
    assert.deepEqual(refused.kind === 'invalid' && refused.check, { kind: 'not-found' });
    assert.equal((await store.get('R-7K3F9Q'))?.request.resubmission, undefined, 'the claim is released');
    assert.deepEqual(auditLog.entries.map((e) => [e.action, e.outcome, e.details?.['reason']]), [['request.resubmit', 'refused', 'not-found']]);
    assert.equal((await resubmit.execute('R-7K3F9Q', megan)).kind, 'invalid', 'tried again, checked again');
  });

  it('when the directory cannot be reached, the claim is released and the error goes to the card action', async () => {
    const { resubmit, answers, store } = await setup();
    answers.submit = async () => {
      throw new Error('Graph unavailable');
    };
    await assert.rejects(resubmit.execute('R-7K3F9Q', megan), /Graph unavailable/);
    assert.equal((await store.get('R-7K3F9Q'))?.request.resubmission, undefined);
  });
});
