import { strict as assert } from 'node:assert';
import { DecideRequest, type ActingUser } from '../../../src/app/decide-request';
import { InMemoryRequestStore } from '../support/in-memory-request-store';
import { ManualClock } from '../support/manual-clock';
import { MemoryAuditLog } from '../support/memory-audit-log';
import { MemoryLogger } from '../support/test-logger';
import { AuditTrail } from '../../../src/app/audit-trail';
import { sampleRequest } from '../support/sample-request';

const adele: ActingUser = { aadObjectId: 'approver-1', name: 'Adele Vance', tenantId: 'tenant-1' };
const alex: ActingUser = { aadObjectId: 'approver-2', name: 'Alex Wilber', tenantId: 'tenant-1' };
const megan: ActingUser = { aadObjectId: 'requester-1', name: 'Megan Bowen', tenantId: 'tenant-1' };
const lee: ActingUser = { aadObjectId: 'user-4', name: 'Lee Gu', tenantId: 'tenant-1' };
const approvers = new Set(['approver-1', 'approver-2', 'requester-1']);

async function setup() {
  const store = new InMemoryRequestStore();
  await store.create(sampleRequest());
  const clock = new ManualClock();
  const auditLog = new MemoryAuditLog();
  const decide = new DecideRequest({
    store,
    directory: { isApprover: async (id) => approvers.has(id) },
    clock,
    audit: new AuditTrail(auditLog, clock, new MemoryLogger()),
  });
  return { store, decide, auditLog };
}

describe('DecideRequest', () => {
  it('an approver approves: the stored request says approved by whom and when', async () => {
    const { store, decide, auditLog } = await setup();
    const result = await decide.execute({ requestId: 'R-7K3F9Q', actor: adele, outcome: 'approved' });
    assert.equal(result.kind, 'decided');
    assert.deepEqual(auditLog.entries, [
      {
        at: '2026-11-22T10:00:00.000Z',
        who: { kind: 'person', aadObjectId: 'approver-1', name: 'Adele Vance' },
        requestId: 'R-7K3F9Q',
        action: 'request.approve',
        outcome: 'succeeded',
        objectIds: { groupId: 'group-1' },
      },
    ]);
    const stored = await store.get('R-7K3F9Q');
    assert.equal(stored?.request.status, 'approved');
    assert.deepEqual(stored?.request.decision, {
      outcome: 'approved',
      by: { aadObjectId: 'approver-1', name: 'Adele Vance' },
      at: '2026-11-22T10:00:00.000Z',
    });
  });

  it('a rejection needs a reason, and keeps it', async () => {
    const { store, decide } = await setup();
    const blank = await decide.execute({ requestId: 'R-7K3F9Q', actor: adele, outcome: 'rejected', reason: '   ' });
    assert.equal(blank.kind, 'reason-required');
    assert.equal((await store.get('R-7K3F9Q'))?.request.status, 'pending-approval');
    const result = await decide.execute({ requestId: 'R-7K3F9Q', actor: adele, outcome: 'rejected', reason: ' Use the portal ' });
    assert.equal(result.kind, 'decided');
    assert.equal((await store.get('R-7K3F9Q'))?.request.decision?.reason, 'Use the portal');
  });

  it('refuses a non-approver, the requester themselves and another tenant, and changes nothing', async () => {
    const { store, decide, auditLog } = await setup();
    const cases: [ActingUser, string][] = [
      [lee, 'not-approver'],
      [megan, 'own-request'],
      [{ ...adele, tenantId: 'tenant-2' }, 'other-tenant'],
    ];
    for (const [actor, reason] of cases) {
      const result = await decide.execute({ requestId: 'R-7K3F9Q', actor, outcome: 'approved' });
      assert.equal(result.kind, 'denied');
      assert.equal(result.kind === 'denied' && result.reason, reason);
    }
    assert.equal((await store.get('R-7K3F9Q'))?.request.status, 'pending-approval');
    assert.deepEqual(
      auditLog.entries.map((e) => [e.who.kind === 'person' && e.who.name, e.outcome, e.details?.reason]),
      [
        ['Lee Gu', 'refused', 'not-approver'],
        ['Megan Bowen', 'refused', 'own-request'],
        ['Adele Vance', 'refused', 'other-tenant'],
      ],
      'refused attempts are in the audit trail too',
    );
  });

  it('a double click gets the first decision back, not a second one', async () => {
    const { decide } = await setup();
    await decide.execute({ requestId: 'R-7K3F9Q', actor: adele, outcome: 'approved' });
    const second = await decide.execute({ requestId: 'R-7K3F9Q', actor: adele, outcome: 'approved' });
    assert.equal(second.kind, 'not-pending');
    assert.equal(second.kind === 'not-pending' && second.request.decision?.by.name, 'Adele Vance');
  });

  it('two approvers at once: exactly one decision wins and both see it', async () => {
    const { store, decide } = await setup();
    const [a, b] = await Promise.all([
      decide.execute({ requestId: 'R-7K3F9Q', actor: adele, outcome: 'approved' }),
      decide.execute({ requestId: 'R-7K3F9Q', actor: alex, outcome: 'rejected', reason: 'No' }),
    ]);
    const kinds = [a.kind, b.kind].sort();
    assert.deepEqual(kinds, ['decided', 'not-pending']);
    const stored = await store.get('R-7K3F9Q');
    const winner = a.kind === 'decided' ? 'Adele Vance' : 'Alex Wilber';
    assert.equal(stored?.request.decision?.by.name, winner);
  });

  it('an unknown request id is not found', async () => {
    const { decide } = await setup();
    assert.deepEqual(await decide.execute({ requestId: 'R-NOPE00', actor: adele, outcome: 'approved' }), { kind: 'not-found' });
  });
});
