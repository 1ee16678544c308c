import assert from 'node:assert/strict';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { StorageSharedKeyCredential } from '@azure/storage-blob';
import { AzureBlobStorage, isBlobsStorageConflict } from '../../../../src/infrastructure/storage/azure-blob-storage';
import { safeKeyName } from '../../../../src/infrastructure/storage/safe-key-name';
import { startAzurite, type RunningAzurite } from './azurite';

describe('AzureBlobStorage (on Azurite)', function () {
  this.timeout(30_000);
  let azurite: RunningAzurite;
  before(async () => {
    azurite = await startAzurite();
  });
  after(() => azurite.stop());

  it('BlobsStorage still reports a stale eTag as a plain Error without status code, which is what isBlobsStorageConflict matches', async () => {
    const blobs = new BlobsStorage(azurite.connectionString, 'shape-check');
    await blobs.write({ item: { value: 1 } });
    const stale: unknown = (await blobs.read(['item'])).item.eTag;
    await blobs.write({ item: { value: 2 } });
    const error = await blobs.write({ item: { value: 3, eTag: stale } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof Error, 'BlobsStorage accepted a stale eTag');
    assert.equal(Object.getPrototypeOf(error), Error.prototype, `now a ${error.constructor.name}: revisit isBlobsStorageConflict`);
    assert.equal((error as { statusCode?: unknown }).statusCode, undefined);
    assert.equal(isBlobsStorageConflict(error), true);
  });

  it('a service error (wrong account key: 403) is not taken for a conflict and reaches the caller', async () => {
    const wrongKey = Buffer.alloc(64, 7).toString('base64');
    const storage = new AzureBlobStorage({
      connectionString: azurite.connectionString.replace(azurite.accountKey, wrongKey),
      containerName: 'wrong-key',
    });
    const error = await storage.write({ item: { value: 1, eTag: '"0x1"' } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.equal((error as { statusCode?: unknown }).statusCode, 403);
    assert.equal(isBlobsStorageConflict(error), false);
  });

  it('works with a container URL and a credential object (the managed-identity path uses this constructor)', async () => {
    const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    const storage = new AzureBlobStorage({ containerUrl: `${azurite.accountUrl}/by-url`, credential });
    await storage.write({ 'conversation/1': { topic: 'x' } });
    assert.equal(await storage.createIfAbsent('claim', { by: 'url' }), true);
    const items = await storage.read(['conversation/1', 'claim']);
    assert.equal(items['conversation/1'].topic, 'x');
    assert.equal(items.claim.by, 'url');
  });

  it('stores each key under its safe name, readable by plain BlobsStorage (nothing else is added to the blob)', async () => {
    const storage = new AzureBlobStorage({ connectionString: azurite.connectionString, containerName: 'names' });
    await storage.write({ 'Team/Conversation:1': { topic: 'groups' } });
    const plain = new BlobsStorage(azurite.connectionString, 'names');
    const items = await plain.read([safeKeyName('Team/Conversation:1')]);
    assert.equal(items[safeKeyName('Team/Conversation:1')]?.topic, 'groups');
  });
});
