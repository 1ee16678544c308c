import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { createStorage } from '../../../../src/infrastructure/storage/create-storage';
import { isStorageConflict } from '../../../../src/infrastructure/storage/storage-conflict-error';
import { WriteBehindStorage } from '../../../../src/infrastructure/storage/write-behind-storage';
import { MemoryLogger } from '../../support/test-logger';

/** A backing store whose writes wait until the test lets them through; records what reached it. */
class GatedStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  reads = 0;
  inFlight = 0;
  maxInFlight = 0;
  failNext = false;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  override async read(keys: string[]): Promise<StoreItems> {
    this.reads += 1;
    return super.read(keys);
  }

  override async write(changes: StoreItems): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await this.gate;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('disk full');
      }
      this.writes.push(structuredClone(changes));
      await super.write(changes);
    } finally {
      this.inFlight -= 1;
    }
  }
}

const key = 'msteams/conversations/a:chat/users/29:megan';

describe('WriteBehindStorage (dialog state on the local file store)', () => {
  let backing: GatedStorage;
  let logger: MemoryLogger;
  let store: WriteBehindStorage;

  beforeEach(() => {
    backing = new GatedStorage();
    logger = new MemoryLogger();
    store = new WriteBehindStorage({ backing, logger });
  });

  it('a turn\'s write is done at once and read back from memory; it reaches the file store behind the turn', async () => {
    backing.hold();
    await store.write({ [key]: { dialogStack: ['intake'], eTag: '*' } });
    const read = await store.read([key]);
    assert.deepEqual(read[key]?.dialogStack, ['intake']);
    assert.equal(backing.writes.length, 0, 'the disk write has not finished, and nobody waited for it');
    backing.release();
    await store.flush();
    assert.deepEqual((await backing.read([key]))[key]?.dialogStack, ['intake']);
  });

  it('writes the latest state of a key, never two writes of one key at once', async () => {
    backing.hold();
    for (const step of [1, 2, 3, 4]) await store.write({ [key]: { step } });
    backing.release();
    await store.flush();
    assert.equal(backing.maxInFlight, 1);
    assert.deepEqual(backing.writes.map((w) => (w[key] as { step: number }).step), [1, 4], 'the first write, then only the latest state');
  });

  it('refuses a write with a stale eTag, as the file store does', async () => {
    await store.write({ [key]: { step: 1 } });
    const first = (await store.read([key]))[key]!;
    await store.write({ [key]: { step: 2, eTag: first.eTag } });
    await assert.rejects(store.write({ [key]: { step: 3, eTag: first.eTag } }), (error: unknown) => isStorageConflict(error));
    assert.equal((await store.read([key]))[key]?.step, 2);
  });

  it('hands out copies: changing what was read or written does not change what is kept', async () => {
    const state = { answers: { email: 'jane@partner.example' } };
    await store.write({ [key]: state });
    state.answers.email = 'changed@partner.example';
    const read = (await store.read([key]))[key] as { answers: { email: string } };
    assert.equal(read.answers.email, 'jane@partner.example');
    read.answers.email = 'changed again';
    assert.equal(((await store.read([key]))[key] as { answers: { email: string } }).answers.email, 'jane@partner.example');
  });

  it('after a restart, the state saved before it is found on disk', async () => {
    const root = await mkdtemp(join(tmpdir(), 'write-behind-'));
    try {
      const files = createStorage({ kind: 'file', dataDir: root }, { durability: 'dialog-state' });
      const before = new WriteBehindStorage({ backing: files, logger });
      await before.write({ [key]: { step: 'last name' } });
      await before.flush();
      const after = new WriteBehindStorage({ backing: createStorage({ kind: 'file', dataDir: root }, { durability: 'dialog-state' }), logger });
      assert.equal((await after.read([key]))[key]?.step, 'last name');
      await after.delete([key]);
      await after.flush();
      assert.deepEqual(await files.read([key]), {});
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('a failed disk write is logged and saved again with the next change; memory stays right meanwhile', async () => {
    backing.failNext = true;
    await store.write({ [key]: { step: 1 } });
    await store.flush();
    assert.ok(logger.records.some((r) => r.level === 'warn' && r.msg.startsWith('dialog state could not be saved')));
    assert.equal((await store.read([key]))[key]?.step, 1);
    await store.write({ [key]: { step: 2 } });
    await store.flush();
    assert.equal((await backing.read([key]))[key]?.step, 2);
  });

  it('keeps at most maxEntries items in memory; an item dropped from memory is read from the file store again', async () => {
    store = new WriteBehindStorage({ backing, logger, maxEntries: 2 });
    for (const n of [1, 2, 3]) await store.write({ [`key-${n}`]: { n } });
    await store.flush();
    await store.read(['key-4']);
    const readsBefore = backing.reads;
    assert.equal((await store.read(['key-1']))['key-1']?.n, 1);
    assert.equal(backing.reads, readsBefore + 1, 'the oldest item came from the file store');
  });
});
