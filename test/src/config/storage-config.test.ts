import assert from 'node:assert/strict';
import { storageConfigFromEnv } from '../../../src/config/storage-config';

const connectionString = 'DefaultEndpointsProtocol=https;AccountName=botstate;AccountKey=c2VjcmV0LWtleQ==;EndpointSuffix=core.windows.net';

function errorsOf(env: Record<string, string | undefined>): string[] {
  const result = storageConfigFromEnv(env);
  assert.equal(result.ok, false, 'expected the configuration to be refused');
  return result.ok ? [] : result.errors;
}

describe('storageConfigFromEnv', () => {
  it('with nothing set, keeps state in files under ./data', () => {
    assert.deepEqual(storageConfigFromEnv({}), { ok: true, value: { kind: 'file', dataDir: './data' } });
  });

  it('STORAGE=file honours DATA_DIR', () => {
    assert.deepEqual(storageConfigFromEnv({ STORAGE: 'file', DATA_DIR: '/var/lib/bot' }), {
      ok: true,
      value: { kind: 'file', dataDir: '/var/lib/bot' },
    });
  });

  it('STORAGE=blob with a connection string uses the default container bot-state', () => {
    assert.deepEqual(storageConfigFromEnv({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString }), {
      ok: true,
      value: { kind: 'blob', containerName: 'bot-state', connection: { kind: 'connection-string', connectionString } },
    });
  });

  it('STORAGE=blob with an account URL uses a managed identity, user-assigned when AZURE_STORAGE_CLIENT_ID is set', () => {
    assert.deepEqual(
      storageConfigFromEnv({
        STORAGE: 'Blob',
        AZURE_STORAGE_ACCOUNT_URL: 'https://botstate.blob.core.windows.net/',
        AZURE_STORAGE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        AZURE_STORAGE_CONTAINER: 'external-access',
      }),
      {
        ok: true,
        value: {
          kind: 'blob',
          containerName: 'external-access',
          connection: { kind: 'managed-identity', accountUrl: 'https://botstate.blob.core.windows.net', clientId: '11111111-2222-3333-4444-555555555555' },
        },
      },
    );
    const systemAssigned = storageConfigFromEnv({ STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'https://botstate.blob.core.windows.net' });
    assert.deepEqual(systemAssigned.ok && systemAssigned.value.kind === 'blob' ? systemAssigned.value.connection : undefined, {
      kind: 'managed-identity',
      accountUrl: 'https://botstate.blob.core.windows.net',
    });
  });

  it('returns a frozen value', () => {
    const result = storageConfigFromEnv({});
    assert.ok(result.ok && Object.isFrozen(result.value));
  });

  it('an unknown STORAGE says which values exist', () => {
    assert.deepEqual(errorsOf({ STORAGE: 'cosmos' }), [
      'STORAGE "cosmos" is not supported: set it to file (the default, a local folder) or blob (Azure Blob storage).',
    ]);
  });

  it('STORAGE=blob without an account says both ways to set one', () => {
    const [error] = errorsOf({ STORAGE: 'blob' });
    assert.match(error ?? '', /set AZURE_STORAGE_ACCOUNT_URL .* or AZURE_STORAGE_CONNECTION_STRING/);
  });

  it('reports every problem at once: both account settings and a bad container name', () => {
    const errors = errorsOf({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      AZURE_STORAGE_ACCOUNT_URL: 'https://botstate.blob.core.windows.net',
      AZURE_STORAGE_CONTAINER: 'Bot_State',
    });
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0] ?? '', /AZURE_STORAGE_CONTAINER "Bot_State" is not a valid container name/);
    assert.match(errors[1] ?? '', /Both AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL are set: set only one/);
  });

  it('a malformed connection string is refused without echoing it (it holds the account key)', () => {
    const secretish = 'not-a-connection-string-but-maybe-a-key';
    const errors = errorsOf({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: secretish });
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /AZURE_STORAGE_CONNECTION_STRING is malformed: set it to the storage account connection string/);
    assert.ok(!errors[0]?.includes(secretish));
  });

  it('an account URL must be https (http only on loopback) and carry no SAS token', () => {
    assert.match(errorsOf({ STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'http://botstate.blob.core.windows.net' })[0] ?? '', /must use https/);
    assert.match(
      errorsOf({ STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'https://botstate.blob.core.windows.net?sv=2024&sig=abc' })[0] ?? '',
      /must not carry a query \(such as a SAS token\)/,
    );
    assert.match(errorsOf({ STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'botstate' })[0] ?? '', /is not a URL/);
    assert.equal(storageConfigFromEnv({ STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'http://127.0.0.1:10000/devstoreaccount1' }).ok, true);
  });

  it('a malformed AZURE_STORAGE_CLIENT_ID asks for the managed identity client id', () => {
    assert.match(
      errorsOf({ STORAGE: 'blob', AZURE_STORAGE_ACCOUNT_URL: 'https://botstate.blob.core.windows.net', AZURE_STORAGE_CLIENT_ID: 'my-identity' })[0] ?? '',
      /AZURE_STORAGE_CLIENT_ID "my-identity" is malformed: set it to the client id \(a GUID\) of the user-assigned managed identity/,
    );
  });

  it('blob settings with STORAGE=file are pointed out rather than silently ignored', () => {
    assert.deepEqual(errorsOf({ AZURE_STORAGE_CONNECTION_STRING: connectionString }), [
      'AZURE_STORAGE_CONNECTION_STRING is set but STORAGE is file: set STORAGE=blob to keep state in Azure Blob storage, or remove it.',
    ]);
  });
});
