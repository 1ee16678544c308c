import assert from 'node:assert/strict';
import type { ConditionalStorage } from '../../../../src/infrastructure/storage/conditional-storage';
import { isStorageConflict } from '../../../../src/infrastructure/storage/storage-conflict-error';
import { StorageRequestStore, requestStoreKeys } from '../../../../src/infrastructure/storage/storage-request-store';
import { StorageAuditLog } from '../../../../src/infrastructure/audit/storage-audit-log';
import type { AuditEntry } from '../../../../src/app/ports/audit-log';
import type { AccessRequest } from '../../../../src/domain/access-request';
import { sampleRequest } from '../../support/sample-request';
import { MemoryLogger } from '../../support/test-logger';
import { blobSubject, fileSubject, type StorageSubject } from './storage-subjects';

/**
 * The storage contract, run against every store the bot can be configured with: the local file
 * store and Azure Blob storage (botbuilder BlobsStorage, on an Azurite started for the suite).
 * The request store and the audit log run on both as well.
 */
for (const subject of [fileSubject(), blobSubject()]) {
  describe(`storage contract: ${subject.name}`, function () {
    this.timeout(30_000);
    before(() => subject.start());
    after(() => subject.stop());

    describe('botbuilder Storage', () => storageContract(subject));
    describe('StorageRequestStore', () => requestStoreContract(subject));
    describe('StorageAuditLog', () => auditLogContract(subject));
  });
}

async function expectConflict(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isStorageConflict(error), `expected a StorageConflictError, got ${String(error)}`);
    return true;
  });
}

async function eTagOf(storage: ConditionalStorage, key: string): Promise<string> {
  const items = await storage.read([key]);
  const eTag: unknown = items[key]?.eTag;
  assert.equal(typeof eTag, 'string', `no eTag for ${key}`);
  return eTag as string;
}

function storageContract(subject: StorageSubject): void {
  let storage: ConditionalStorage;
  beforeEach(async () => {
    storage = await subject.fresh();
  });

  it('reads back what was written, with an eTag, and leaves unknown keys out', async () => {
    await storage.write({ conversation: { topic: 'groups', count: 2 } });
    const items = await storage.read(['conversation', 'nobody']);
    assert.deepEqual(Object.keys(items), ['conversation']);
    assert.equal(items.conversation.topic, 'groups');
    assert.equal(items.conversation.count, 2);
    assert.equal(typeof items.conversation.eTag, 'string');
    assert.notEqual(items.conversation.eTag, '');
  });

  it('a write with the current eTag replaces the item and gives it a new eTag', async () => {
    await storage.write({ item: { value: 1 } });
    const first = await eTagOf(storage, 'item');
    await storage.write({ item: { value: 2, eTag: first } });
    const items = await storage.read(['item']);
    assert.equal(items.item.value, 2);
    assert.notEqual(items.item.eTag, first);
  });

  it('a write with a stale eTag is refused as a conflict and the newer item stays', async () => {
    await storage.write({ item: { value: 1 } });
    const stale = await eTagOf(storage, 'item');
    await storage.write({ item: { value: 2, eTag: stale } });
    await expectConflict(storage.write({ item: { value: 3, eTag: stale } }));
    assert.equal((await storage.read(['item'])).item.value, 2);
  });

  it('a write with an eTag to an item deleted meanwhile is a conflict', async () => {
    await storage.write({ item: { value: 1 } });
    const eTag = await eTagOf(storage, 'item');
    await storage.delete(['item']);
    await expectConflict(storage.write({ item: { value: 2, eTag } }));
    assert.deepEqual(await storage.read(['item']), {});
  });

  it('eTag "*" and a missing eTag both overwrite whatever is stored', async () => {
    await storage.write({ item: { value: 1 } });
    await storage.write({ item: { value: 2, eTag: '*' } });
    assert.equal((await storage.read(['item'])).item.value, 2);
    await storage.write({ item: { value: 3 } });
    assert.equal((await storage.read(['item'])).item.value, 3);
    await storage.write({ fresh: { value: 4, eTag: '*' } });
    assert.equal((await storage.read(['fresh'])).fresh.value, 4);
  });

  it('delete removes items, and deleting a missing key is not an error', async () => {
    await storage.write({ one: { n: 1 }, two: { n: 2 } });
    await storage.delete(['one', 'never-written']);
    const items = await storage.read(['one', 'two']);
    assert.deepEqual(Object.keys(items), ['two']);
  });

  it('of ten writers racing with the same eTag exactly one wins, and its item is the one stored', async () => {
    await storage.write({ contested: { writer: -1 } });
    const eTag = await eTagOf(storage, 'contested');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, writer) => storage.write({ contested: { writer, eTag } })),
    );
    const winners = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer] : []));
    assert.equal(winners.length, 1, `winners: ${JSON.stringify(winners)}`);
    for (const result of results) {
      if (result.status === 'rejected') assert.ok(isStorageConflict(result.reason), String(result.reason));
    }
    assert.equal((await storage.read(['contested'])).contested.writer, winners[0]);
  });

  it('keeps keys apart that differ by case, slashes, dots, escapes, non-ASCII letters or only after 1,000 characters', async () => {
    const keys = [
      'a/b',
      'a//b',
      'a/b/',
      'A/B',
      '..',
      '.',
      'CON',
      'x%2Fy',
      'x/y',
      'Jānis Bērziņš ✓',
      'msteams/conversations/19:abc@thread.tacv2;messageid=1/users/29:1xyz',
      `${'k'.repeat(1500)}1`,
      `${'k'.repeat(1500)}2`,
    ];
    await storage.write(Object.fromEntries(keys.map((key, index) => [key, { index }])));
    const items = await subject.reopen(storage).read(keys);
    for (const [index, key] of keys.entries()) {
      assert.equal(items[key]?.index, index, `key ${JSON.stringify(key.slice(0, 40))}`);
    }
  });

  it('stores a large-ish item (about 1 MB, with non-ASCII text) intact', async () => {
    const rows = Array.from({ length: 8000 }, (_, n) => ({ n, name: `Jānis Bērziņš ${n}`, note: 'ā'.repeat(50) }));
    await storage.write({ big: { rows } });
    const items = await storage.read(['big']);
    assert.deepEqual(items.big.rows, rows);
    assert.ok(Buffer.byteLength(JSON.stringify(rows)) > 1_000_000);
  });

  it('createIfAbsent stores a new item once and never overwrites an existing one', async () => {
    assert.equal(await storage.createIfAbsent('claim', { owner: 'first' }), true);
    assert.equal(await storage.createIfAbsent('claim', { owner: 'second' }), false);
    const items = await storage.read(['claim']);
    assert.equal(items.claim.owner, 'first');
    assert.equal(typeof items.claim.eTag, 'string');
  });

  it('of ten createIfAbsent calls racing on one key exactly one creates it', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, (_, owner) => storage.createIfAbsent('claim', { owner })));
    assert.equal(created.filter(Boolean).length, 1);
    assert.equal((await storage.read(['claim'])).claim.owner, created.indexOf(true));
  });

  it('survives a restart: a new instance over the same data reads the items and honours their eTags', async () => {
    await storage.write({ state: { step: 3 } });
    const eTag = await eTagOf(storage, 'state');
    const restarted = subject.reopen(storage);
    assert.equal((await restarted.read(['state'])).state.step, 3);
    await restarted.write({ state: { step: 4, eTag } });
    await expectConflict(storage.write({ state: { step: 5, eTag } }));
    assert.equal((await storage.read(['state'])).state.step, 4);
  });
}

function requestStoreContract(subject: StorageSubject): void {
  let storage: ConditionalStorage;
  let store: StorageRequestStore;
  let logger: MemoryLogger;
  beforeEach(async () => {
    storage = await subject.fresh();
    logger = new MemoryLogger();
    store = new StorageRequestStore({ storage, logger });
  });

  const request = (id: string, overrides: Partial<AccessRequest> = {}): AccessRequest => sampleRequest({ id, ...overrides });

  it('gets back a created request with an eTag; an unknown id is undefined', async () => {
    const saved = await store.create(request('R-AAAAAA'));
    assert.equal(saved.kind, 'saved');
    const stored = await store.get('R-AAAAAA');
    assert.deepEqual(stored?.request, request('R-AAAAAA'));
    assert.equal(saved.kind === 'saved' ? saved.eTag : undefined, stored?.eTag);
    assert.equal(await store.get('R-NOPE00'), undefined);
  });

  it('creating an id that exists is a conflict and leaves the first request untouched', async () => {
    await store.create(request('R-AAAAAA', { reason: 'first' }));
    assert.deepEqual(await store.create(request('R-AAAAAA', { reason: 'second' })), { kind: 'conflict' });
    assert.equal((await store.get('R-AAAAAA'))?.request.reason, 'first');
  });

  it('of five creates racing on one id exactly one is saved', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, n) => store.create(request('R-RACE00', { reason: `writer ${n}` }))),
    );
    const saved = results.flatMap((result, n) => (result.kind === 'saved' ? [n] : []));
    assert.equal(saved.length, 1, JSON.stringify(results));
    assert.equal((await store.get('R-RACE00'))?.request.reason, `writer ${saved[0]}`);
  });

  it('an update with the current eTag saves and hands out a new eTag; the old one is then stale', async () => {
    const created = await store.create(request('R-AAAAAA'));
    assert.equal(created.kind, 'saved');
    const firstETag = created.kind === 'saved' ? created.eTag : '';
    const updated = await store.update(request('R-AAAAAA', { status: 'approved' }), firstETag);
    assert.equal(updated.kind, 'saved');
    assert.notEqual(updated.kind === 'saved' ? updated.eTag : firstETag, firstETag);
    assert.equal((await store.get('R-AAAAAA'))?.request.status, 'approved');
    assert.deepEqual(await store.update(request('R-AAAAAA', { status: 'rejected' }), firstETag), { kind: 'conflict' });
    assert.equal((await store.get('R-AAAAAA'))?.request.status, 'approved');
  });

  it('when two approvers decide at once with the same eTag, exactly one decision is stored', async () => {
    await store.create(request('R-AAAAAA'));
    const read = await store.get('R-AAAAAA');
    assert.ok(read);
    const decisions = ['approved', 'rejected', 'approved', 'rejected'] as const;
    const results = await Promise.all(decisions.map((status) => store.update({ ...read.request, status }, read.eTag)));
    const saved = results.flatMap((result, n) => (result.kind === 'saved' ? [n] : []));
    assert.equal(saved.length, 1, JSON.stringify(results));
    assert.equal((await store.get('R-AAAAAA'))?.request.status, decisions[saved[0] ?? -1]);
  });

  it('updating a request that does not exist is a conflict', async () => {
    assert.deepEqual(await store.update(request('R-GHOST0'), 'any'), { kind: 'conflict' });
  });

  it('lists requests by status, oldest first, following their updates', async () => {
    await store.create(request('R-LATER0', { createdAt: '2026-11-03T09:00:00.000Z' }));
    await store.create(request('R-FIRST0', { createdAt: '2026-11-01T09:00:00.000Z' }));
    await store.create(request('R-MOVING', { createdAt: '2026-11-02T09:00:00.000Z' }));
    const moving = await store.get('R-MOVING');
    assert.ok(moving);
    await store.update({ ...moving.request, status: 'approved' }, moving.eTag);

    const pending = await store.listByStatus(['pending-approval']);
    assert.deepEqual(pending.map((r) => r.id), ['R-FIRST0', 'R-LATER0']);
    const active = await store.listByStatus(['approved', 'provisioning']);
    assert.deepEqual(active.map((r) => r.id), ['R-MOVING']);
    assert.deepEqual(await store.listByStatus(['completed']), []);
  });

  it('lists finished requests when asked for their status', async () => {
    await store.create(request('R-DONE00'));
    const stored = await store.get('R-DONE00');
    assert.ok(stored);
    const approved = await store.update({ ...stored.request, status: 'rejected' }, stored.eTag);
    assert.equal(approved.kind, 'saved');
    assert.deepEqual((await store.listByStatus(['rejected'])).map((r) => r.id), ['R-DONE00']);
    assert.deepEqual(await store.listByStatus(['pending-approval']), []);
  });

  it('loses no request when fifteen are created at once (the shared index is updated with compare-and-set)', async () => {
    const ids = Array.from({ length: 15 }, (_, n) => `R-BULK${String(n).padStart(2, '0')}`);
    const results = await Promise.all(ids.map((id) => store.create(request(id))));
    assert.ok(results.every((result) => result.kind === 'saved'), JSON.stringify(results));
    const listed = await store.listByStatus(['pending-approval']);
    assert.deepEqual(listed.map((r) => r.id).sort(), ids);
  });

  it('two bot instances creating at once over the same storage lose no request', async () => {
    const other = new StorageRequestStore({ storage: subject.reopen(storage), logger });
    const ids = Array.from({ length: 10 }, (_, n) => `R-TWIN${String(n).padStart(2, '0')}`);
    await Promise.all(ids.map((id, n) => (n % 2 === 0 ? store : other).create(request(id))));
    assert.deepEqual((await other.listByStatus(['pending-approval'])).map((r) => r.id).sort(), ids);
  });

  it('when the index lags behind a request (a crash between the two writes), lists it by its real status', async () => {
    await store.create(request('R-LAGGED'));
    const key = requestStoreKeys.record('R-LAGGED');
    const raw = (await storage.read([key]))[key];
    // What a crash after the record write and before the index update leaves behind.
    await storage.write({ [key]: { ...raw, request: { ...raw.request, status: 'provisioning' }, version: 'v2', revision: 2 } });
    assert.deepEqual((await store.listByStatus(['provisioning'])).map((r) => r.id), ['R-LAGGED']);
    assert.deepEqual(await store.listByStatus(['pending-approval']), []);
  });

  it('skips an id claimed in the index whose record was never written (a crash during create)', async () => {
    await store.create(request('R-WHOLE0'));
    const index = (await storage.read([requestStoreKeys.index]))[requestStoreKeys.index];
    await storage.write({
      [requestStoreKeys.index]: {
        ...index,
        entries: { ...index.entries, 'R-HALF00': { status: 'pending-approval', createdAt: '2026-11-01T00:00:00.000Z', revision: 1 } },
      },
    });
    assert.deepEqual((await store.listByStatus(['pending-approval'])).map((r) => r.id), ['R-WHOLE0']);
    assert.equal(await store.get('R-HALF00'), undefined);
  });
}

function auditLogContract(subject: StorageSubject): void {
  let storage: ConditionalStorage;
  let log: StorageAuditLog;
  beforeEach(async () => {
    storage = await subject.fresh();
    log = new StorageAuditLog(storage);
  });

  const entry = (requestId: string, action: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    at: '2026-11-02T10:00:00.000Z',
    who: { kind: 'person', aadObjectId: 'approver-1', name: 'Adele Vance' },
    action,
    outcome: 'succeeded',
    requestId,
    ...overrides,
  });

  it('lists a request\'s entries in the order they were appended, with every field kept', async () => {
    await log.append(entry('R-AAAAAA', 'request.submitted', { who: { kind: 'person', aadObjectId: 'requester-1', name: 'Megan Bowen' } }));
    await log.append(entry('R-BBBBBB', 'request.submitted'));
    await log.append(entry('R-AAAAAA', 'request.approved', { details: { reason: 'ok' } }));
    await log.append(
      entry('R-AAAAAA', 'provisioning.create-mail-contact', { who: { kind: 'bot' }, objectIds: { contactId: 'c-1', groupId: 'group-1' } }),
    );
    const listed = await log.list('R-AAAAAA');
    assert.deepEqual(
      listed.map((e) => e.action),
      ['request.submitted', 'request.approved', 'provisioning.create-mail-contact'],
    );
    assert.deepEqual(listed[2], entry('R-AAAAAA', 'provisioning.create-mail-contact', { who: { kind: 'bot' }, objectIds: { contactId: 'c-1', groupId: 'group-1' } }));
    assert.deepEqual(await log.list('R-UNKNOWN'), []);
  });

  it('loses no entry when 25 are appended at once, from two bot instances', async () => {
    const other = new StorageAuditLog(subject.reopen(storage));
    const actions = Array.from({ length: 25 }, (_, n) => `step.${n}`);
    await Promise.all(actions.map((action, n) => (n % 2 === 0 ? log : other).append(entry('R-BUSY00', action))));
    const listed = await new StorageAuditLog(subject.reopen(storage)).list('R-BUSY00');
    assert.deepEqual(listed.map((e) => e.action).sort(), [...actions].sort());
  });

  it('keeps entries after a restart and appends after them', async () => {
    await log.append(entry('R-AAAAAA', 'request.submitted'));
    const restarted = new StorageAuditLog(subject.reopen(storage));
    await restarted.append(entry('R-AAAAAA', 'request.cancelled', { outcome: 'succeeded' }));
    assert.deepEqual((await restarted.list('R-AAAAAA')).map((e) => e.action), ['request.submitted', 'request.cancelled']);
  });
}
