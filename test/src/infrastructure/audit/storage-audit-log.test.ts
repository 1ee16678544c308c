import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '../../../../src/app/ports/audit-log';
import { StorageAuditLog, auditKeys } from '../../../../src/infrastructure/audit/storage-audit-log';
import { FileStorage } from '../../../../src/infrastructure/storage/file-storage';

const entry = (requestId: string, action: string): AuditEntry => ({
  at: '2026-11-02T10:00:00.000Z',
  who: { kind: 'bot' },
  action,
  outcome: 'succeeded',
  requestId,
});

describe('StorageAuditLog (details)', () => {
  let folder: string;
  let storage: FileStorage;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'audit-log-'));
    storage = new FileStorage({ directory: folder });
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('keeps the trails of request ids that look like paths apart ("a/b" is not "a" then "b")', async () => {
    const log = new StorageAuditLog(storage);
    await log.append(entry('a/b', 'one'));
    await log.append(entry('a', 'two'));
    assert.deepEqual((await log.list('a/b')).map((e) => e.action), ['one']);
    assert.deepEqual((await log.list('a')).map((e) => e.action), ['two']);
  });

  it('never overwrites an entry written by someone else, even when its own memory of the next number is stale', async () => {
    const first = new StorageAuditLog(storage);
    const second = new StorageAuditLog(storage);
    await first.append(entry('R-AAAAAA', 'first.1'));
    await second.append(entry('R-AAAAAA', 'second.1'));
    await first.append(entry('R-AAAAAA', 'first.2'));
    assert.deepEqual((await first.list('R-AAAAAA')).map((e) => e.action), ['first.1', 'second.1', 'first.2']);
    const stored = await storage.read([auditKeys.entry('R-AAAAAA', 1)]);
    assert.equal(stored[auditKeys.entry('R-AAAAAA', 1)]?.entry.action, 'second.1');
  });

  it('lists more entries than one read batch holds, in order', async () => {
    const log = new StorageAuditLog(storage);
    const actions = Array.from({ length: 45 }, (_, n) => `step.${n}`);
    for (const action of actions) await log.append(entry('R-LONG00', action));
    assert.deepEqual((await log.list('R-LONG00')).map((e) => e.action), actions);
  });

  it('refuses to list an item that is not an audit entry, naming it', async () => {
    await storage.write({ [auditKeys.entry('R-BROKEN', 0)]: { something: 'else' } });
    await assert.rejects(new StorageAuditLog(storage).list('R-BROKEN'), /is not an audit entry/);
  });
});
