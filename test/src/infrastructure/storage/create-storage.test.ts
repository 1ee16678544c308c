import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage, fileStorageFolder } from '../../../../src/infrastructure/storage/create-storage';
import { AzureBlobStorage } from '../../../../src/infrastructure/storage/azure-blob-storage';
import { FileStorage } from '../../../../src/infrastructure/storage/file-storage';

describe('createStorage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'create-storage-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('file: a FileStorage in DATA_DIR/state that keeps what is written there', async () => {
    const storage = createStorage({ kind: 'file', dataDir: root });
    assert.ok(storage instanceof FileStorage);
    await storage.write({ conversation: { n: 1 } });
    assert.deepEqual(await readdir(join(root, fileStorageFolder)), ['conversation.json']);
    assert.equal((await createStorage({ kind: 'file', dataDir: root }).read(['conversation'])).conversation.n, 1);
  });

  it('blob: an AzureBlobStorage for a connection string or for an account URL with a managed identity, without contacting Azure yet', () => {
    const withKey = createStorage({
      kind: 'blob',
      containerName: 'bot-state',
      connection: { kind: 'connection-string', connectionString: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net' },
    });
    assert.ok(withKey instanceof AzureBlobStorage);
    const withIdentity = createStorage({
      kind: 'blob',
      containerName: 'bot-state',
      connection: { kind: 'managed-identity', accountUrl: 'https://a.blob.core.windows.net', clientId: '11111111-2222-3333-4444-555555555555' },
    });
    assert.ok(withIdentity instanceof AzureBlobStorage);
  });
});
