import type { ConfigResult } from './config-result';
/**
 * Where the bot keeps its state (conversation state, access requests, the audit log): built from
 * environment-style key/value pairs by a pure function, every problem reported at once with what
 * to set. Only the composition root reads process.env.
 */

export type BlobConnectionConfig =
  /** A storage account connection string (also Azurite's). */
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  /** The account's blob endpoint with a managed identity (user-assigned when clientId is set). */
  | { readonly kind: 'managed-identity'; readonly accountUrl: string; readonly clientId?: string };

export type StorageConfig =
  | { readonly kind: 'file'; readonly dataDir: string }
  | { readonly kind: 'blob'; readonly containerName: string; readonly connection: BlobConnectionConfig };

export type StorageConfigResult = ConfigResult<StorageConfig>;

export const storageConfigDefaults = {
  kind: 'file',
  dataDir: './data',
  containerName: 'bot-state',
} as const;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Reads STORAGE, DATA_DIR, AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT_URL, AZURE_STORAGE_CLIENT_ID and AZURE_STORAGE_CONTAINER. */
export function storageConfigFromEnv(env: Readonly<Record<string, string | undefined>>): StorageConfigResult {
  const errors: string[] = [];
  const value = (key: string): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const kind = (value('STORAGE') ?? storageConfigDefaults.kind).toLowerCase();
  const connectionString = value('AZURE_STORAGE_CONNECTION_STRING');
  const accountUrl = value('AZURE_STORAGE_ACCOUNT_URL');
  const clientId = value('AZURE_STORAGE_CLIENT_ID');

  if (kind === 'file') {
    const blobKeys = ['AZURE_STORAGE_CONNECTION_STRING', 'AZURE_STORAGE_ACCOUNT_URL', 'AZURE_STORAGE_CONTAINER'].filter(
      (key) => value(key) !== undefined,
    );
    if (blobKeys.length > 0) {
      errors.push(
        `${blobKeys.join(' and ')} ${blobKeys.length > 1 ? 'are' : 'is'} set but STORAGE is file: set STORAGE=blob to keep state in Azure Blob storage, or remove ${blobKeys.length > 1 ? 'them' : 'it'}.`,
      );
    }
    const dataDir = value('DATA_DIR') ?? storageConfigDefaults.dataDir;
    if (dataDir.includes('\0')) errors.push('DATA_DIR contains a NUL character: set it to a folder path such as ./data.');
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: Object.freeze({ kind: 'file', dataDir }) };
  }

  if (kind !== 'blob') {
    return { ok: false, errors: [`STORAGE "${value('STORAGE') ?? ''}" is not supported: set it to file (the default, a local folder) or blob (Azure Blob storage).`] };
  }

  const containerName = value('AZURE_STORAGE_CONTAINER') ?? storageConfigDefaults.containerName;
  if (!isValidContainerName(containerName)) {
    errors.push(
      `AZURE_STORAGE_CONTAINER "${containerName}" is not a valid container name: use 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (default ${storageConfigDefaults.containerName}).`,
    );
  }

  let connection: BlobConnectionConfig | undefined;
  if (connectionString !== undefined && accountUrl !== undefined) {
    errors.push(
      'Both AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL are set: set only one (the connection string, or the account URL to use a managed identity).',
    );
  } else if (connectionString !== undefined) {
    if (clientId !== undefined) {
      errors.push('AZURE_STORAGE_CLIENT_ID is set with AZURE_STORAGE_CONNECTION_STRING: a managed identity is used only with AZURE_STORAGE_ACCOUNT_URL; remove one of them.');
    }
    // The connection string holds the account key: never echo it.
    if (!looksLikeConnectionString(connectionString)) {
      errors.push(
        'AZURE_STORAGE_CONNECTION_STRING is malformed: set it to the storage account connection string (Azure portal, storage account, Access keys), "DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net".',
      );
    } else {
      connection = { kind: 'connection-string', connectionString };
    }
  } else if (accountUrl !== undefined) {
    const problem = accountUrlProblem(accountUrl);
    if (problem !== undefined) {
      errors.push(`AZURE_STORAGE_ACCOUNT_URL "${accountUrl}" ${problem}: set it to the account's blob endpoint, such as https://mystorageaccount.blob.core.windows.net.`);
    } else if (clientId !== undefined && !/^[0-9a-fA-F-]{36}$/.test(clientId)) {
      errors.push(`AZURE_STORAGE_CLIENT_ID "${clientId}" is malformed: set it to the client id (a GUID) of the user-assigned managed identity, or remove it to use the system-assigned identity.`);
    } else {
      const url = accountUrl.replace(/\/+$/, '');
      connection = clientId === undefined ? { kind: 'managed-identity', accountUrl: url } : { kind: 'managed-identity', accountUrl: url, clientId };
    }
  } else {
    errors.push(
      'STORAGE is blob but no storage account is configured: set AZURE_STORAGE_ACCOUNT_URL (https://<account>.blob.core.windows.net, with a managed identity; AZURE_STORAGE_CLIENT_ID for a user-assigned one) or AZURE_STORAGE_CONNECTION_STRING.',
    );
  }

  if (errors.length > 0 || connection === undefined) return { ok: false, errors };
  return { ok: true, value: Object.freeze({ kind: 'blob', containerName, connection: Object.freeze(connection) }) };
}

/** Azure's rules: 3-63 characters, lower-case letters, digits and single hyphens, no hyphen at either end. */
function isValidContainerName(name: string): boolean {
  return /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/.test(name);
}

function looksLikeConnectionString(text: string): boolean {
  if (text === 'UseDevelopmentStorage=true' || text === 'UseDevelopmentStorage=true;') return true;
  const pairs = text.split(';').filter((part) => part !== '');
  const keys = new Set(pairs.map((pair) => pair.slice(0, Math.max(0, pair.indexOf('=')))));
  if (pairs.some((pair) => pair.indexOf('=') <= 0)) return false;
  return keys.has('BlobEndpoint') || keys.has('AccountName');
}

function accountUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
    return 'must use https (plain http only for an emulator on 127.0.0.1)';
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return 'must not carry a query (such as a SAS token), a fragment or credentials';
  }
  return undefined;
}
