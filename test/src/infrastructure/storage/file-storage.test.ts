import assert from 'node:assert/strict';
import { mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { createStorage } from '../../../../src/infrastructure/storage/create-storage';
import { FileStorage } from '../../../../src/infrastructure/storage/file-storage';

describe('FileStorage (file system details)', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'file-storage-details-'));
  });
  afterEach(async () => {
    sinon.restore();
    await rm(root, { recursive: true, force: true });
  });

  it('creates its folder on first write, one .json file per key, and leaves no temporary files behind', async () => {
    const storage = new FileStorage({ directory: join(root, 'state') });
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.write({ a: { n: 3 } });
    assert.equal(await storage.createIfAbsent('c', { n: 4 }), true);
    assert.equal(await storage.createIfAbsent('c', { n: 5 }), false);
    assert.deepEqual((await readdir(join(root, 'state'))).sort(), ['a.json', 'b.json', 'c.json']);
  });

  it('flushes every write to disk by default; the dialog-state store writes just as atomically without waiting for the disk', async () => {
    const probe = await open(join(root, 'probe'), 'w');
    const sync = sinon.spy(Object.getPrototypeOf(probe) as { sync(): Promise<void> }, 'sync');
    await probe.close();

    const durable = createStorage({ kind: 'file', dataDir: join(root, 'durable') });
    await durable.write({ request: { n: 1 } });
    assert.equal(await durable.createIfAbsent('audit', { n: 1 }), true);
    assert.equal(sync.callCount, 2, 'requests, audit, drafts: on disk before the write counts');

    const dialogState = createStorage({ kind: 'file', dataDir: join(root, 'dialogs') }, { durability: 'dialog-state' });
    await dialogState.write({ dialog: { step: 1 } });
    await dialogState.write({ dialog: { step: 2 } });
    assert.equal(sync.callCount, 2, 'no flush for dialog state');
    assert.equal((await dialogState.read(['dialog'])).dialog.step, 2);
    assert.deepEqual(await readdir(join(root, 'dialogs', 'state')), ['dialog.json'], 'written through a temporary file and a rename, none left behind');
  });

  it('keeps keys such as "../outside" inside its folder', async () => {
    const storage = new FileStorage({ directory: join(root, 'state') });
    await storage.write({ '../outside': { n: 1 }, '/etc/passwd': { n: 2 } });
    assert.deepEqual(await readdir(root), ['state']);
    assert.equal((await readdir(join(root, 'state'))).length, 2);
  });

  it('ignores a half-written temporary file left by a crash', async () => {
    const storage = new FileStorage({ directory: root });
    await storage.write({ a: { n: 1 } });
    await writeFile(join(root, '.crashed.tmp'), '{"key":"a","eTag":"x","item":{"n":');
    assert.equal((await storage.read(['a'])).a.n, 1);
  });

  it('refuses an item that is not a JSON object, saying which key', async () => {
    const storage = new FileStorage({ directory: root });
    await assert.rejects(storage.write({ broken: 'text' }), /"broken" must be a JSON object/);
  });

  it('writes to one key from two instances in one process are serialised: exactly one of the racers wins', async () => {
    const one = new FileStorage({ directory: root });
    const two = new FileStorage({ directory: root });
    await one.write({ item: { writer: 'start' } });
    const eTag: unknown = (await one.read(['item'])).item.eTag;
    const results = await Promise.allSettled([one.write({ item: { writer: 'one', eTag } }), two.write({ item: { writer: 'two', eTag } })]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });
});
