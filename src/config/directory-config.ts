import type { ConfigResult } from './config-result';
/**
 * Configuration of the directory back ends (Microsoft Graph and the Exchange Online admin
 * endpoint): built from environment-style key/value pairs by a pure function, validated once,
 * every problem reported at once with what to set. Only the composition root reads process.env.
 */

export type DirectoryCredentialConfig =
  /** Both back ends are on loopback (the simulated tenant) and no credential is configured: no token is requested. */
  | { readonly kind: 'none' }
  | { readonly kind: 'client-secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: 'client-certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
  /** System-assigned, or user-assigned when clientId is set. */
  | { readonly kind: 'managed-identity'; readonly clientId?: string };

export interface DirectoryConfig {
  /** The Entra tenant (GUID or initial domain); part of every Exchange URL. */
  readonly tenantId: string;
  /** Graph root including the version, without trailing slash, e.g. https://graph.microsoft.com/v1.0. */
  readonly graphBaseUrl: string;
  /** Exchange admin API root without trailing slash, e.g. https://outlook.office365.com/adminapi/beta. */
  readonly exchangeBaseUrl: string;
  readonly credential: DirectoryCredentialConfig;
  /** Entra group whose (transitive) members may approve requests. */
  readonly approversGroupId: string;
  /** New mail contacts are hidden from the address lists (Set-MailContact -HiddenFromAddressListsEnabled). */
  readonly hideMailContactsFromAddressLists: boolean;
  /** How many Exchange commands may run at once for the tenant (Exchange throttles per tenant). */
  readonly exchangeConcurrency: number;
  /**
   * How Exchange knows the bot's identity (Get-ManagementRoleAssignment -RoleAssignee):
   * EXCHANGE_SERVICE_PRINCIPAL, else the credential's client id. Undefined when neither is known.
   */
  readonly exchangeServicePrincipal?: string;
}

export type DirectoryConfigResult = ConfigResult<DirectoryConfig>;

export const directoryConfigDefaults = {
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  exchangeBaseUrl: 'https://outlook.office365.com/adminapi/beta',
  exchangeConcurrency: 1,
  maxExchangeConcurrency: 8,
} as const;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function directoryConfigFromEnv(env: Readonly<Record<string, string | undefined>>): DirectoryConfigResult {
  const errors: string[] = [];
  const value = (key: string): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const tenantId = value('AZURE_TENANT_ID');
  if (tenantId === undefined) {
    errors.push('AZURE_TENANT_ID is not set: set it to your Microsoft Entra tenant id (a GUID, shown in the Entra admin center under Overview).');
  } else if (!/^[A-Za-z0-9.-]+$/.test(tenantId)) {
    errors.push(`AZURE_TENANT_ID "${tenantId}" is malformed: set it to your tenant id (a GUID) or its initial domain (contoso.onmicrosoft.com).`);
  }

  const graph = baseUrl('GRAPH_BASE_URL', value('GRAPH_BASE_URL'), directoryConfigDefaults.graphBaseUrl, '/v1.0', errors);
  const exchange = baseUrl('EXCHANGE_BASE_URL', value('EXCHANGE_BASE_URL'), directoryConfigDefaults.exchangeBaseUrl, '/adminapi/beta', errors);
  const onLoopback = graph !== undefined && exchange !== undefined && graph.loopback && exchange.loopback;

  const credential = credentialFrom(value, tenantId ?? '', onLoopback, errors);

  const approversGroupId = value('APPROVERS_GROUP_ID');
  if (approversGroupId === undefined) {
    errors.push('APPROVERS_GROUP_ID is not set: set it to the object id of the Entra group whose members approve requests.');
  } else if (!/^[A-Za-z0-9-]+$/.test(approversGroupId)) {
    errors.push(`APPROVERS_GROUP_ID "${approversGroupId}" is malformed: set it to a group object id (a GUID).`);
  }

  const hide = booleanFrom('HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS', value('HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS'), false, errors);

  let exchangeConcurrency: number = directoryConfigDefaults.exchangeConcurrency;
  const concurrency = value('EXCHANGE_CONCURRENCY');
  if (concurrency !== undefined) {
    const n = Number(concurrency);
    if (!Number.isInteger(n) || n < 1 || n > directoryConfigDefaults.maxExchangeConcurrency) {
      errors.push(
        `EXCHANGE_CONCURRENCY "${concurrency}" is malformed: set it to a whole number from 1 to ${directoryConfigDefaults.maxExchangeConcurrency} (default 1).`,
      );
    } else {
      exchangeConcurrency = n;
    }
  }

  if (errors.length > 0 || tenantId === undefined || graph === undefined || exchange === undefined || credential === undefined || approversGroupId === undefined) {
    return { ok: false, errors };
  }
  const servicePrincipal = value('EXCHANGE_SERVICE_PRINCIPAL') ?? (credential.kind === 'none' ? undefined : credential.clientId);
  return {
    ok: true,
    value: Object.freeze({
      tenantId,
      graphBaseUrl: graph.url,
      exchangeBaseUrl: exchange.url,
      credential: Object.freeze(credential),
      approversGroupId,
      hideMailContactsFromAddressLists: hide,
      exchangeConcurrency,
      ...(servicePrincipal !== undefined ? { exchangeServicePrincipal: servicePrincipal } : {}),
    }),
  };
}

/** True when the URL points at this machine (the simulated tenant). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return loopbackHosts.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

function baseUrl(
  key: string,
  raw: string | undefined,
  fallback: string,
  defaultPath: string,
  errors: string[],
): { url: string; loopback: boolean } | undefined {
  const text = raw ?? fallback;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    errors.push(`${key} "${text}" is not a URL: set it to an absolute URL such as ${fallback}.`);
    return undefined;
  }
  const loopback = loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    errors.push(`${key} "${text}" must use https (plain http is accepted only for 127.0.0.1 or localhost).`);
    return undefined;
  }
  if (url.search !== '' || url.hash !== '') {
    errors.push(`${key} "${text}" must not have a query or fragment: set it to a base URL such as ${fallback}.`);
    return undefined;
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (path === '') path = defaultPath;
  return { url: `${url.protocol}//${url.host}${path}`, loopback };
}

function credentialFrom(
  value: (key: string) => string | undefined,
  tenantId: string,
  onLoopback: boolean,
  errors: string[],
): DirectoryCredentialConfig | undefined {
  const clientId = value('AZURE_CLIENT_ID');
  const secret = value('AZURE_CLIENT_SECRET');
  const certificatePath = value('AZURE_CLIENT_CERTIFICATE_PATH');
  const managed = booleanFrom('AZURE_USE_MANAGED_IDENTITY', value('AZURE_USE_MANAGED_IDENTITY'), false, errors);

  const chosen = [secret !== undefined, certificatePath !== undefined, managed].filter(Boolean).length;
  if (chosen > 1) {
    errors.push(
      'More than one credential is configured: set only one of AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH or AZURE_USE_MANAGED_IDENTITY=true.',
    );
    return undefined;
  }
  if (managed) return clientId === undefined ? { kind: 'managed-identity' } : { kind: 'managed-identity', clientId };
  if (secret !== undefined || certificatePath !== undefined) {
    if (clientId === undefined) {
      errors.push('AZURE_CLIENT_ID is not set: set it to the application (client) id of the app registration the bot uses for Graph and Exchange.');
      return undefined;
    }
    return secret !== undefined
      ? { kind: 'client-secret', tenantId, clientId, clientSecret: secret }
      : { kind: 'client-certificate', tenantId, clientId, certificatePath: certificatePath ?? '' };
  }
  if (onLoopback) return { kind: 'none' };
  errors.push(
    'No credential for Microsoft Graph and Exchange Online is configured: set AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_USE_MANAGED_IDENTITY=true (or point GRAPH_BASE_URL and EXCHANGE_BASE_URL at the simulated tenant on 127.0.0.1).',
  );
  return undefined;
}

function booleanFrom(key: string, raw: string | undefined, fallback: boolean, errors: string[]): boolean {
  if (raw === undefined) return fallback;
  const v = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  errors.push(`${key} "${raw}" is malformed: set it to true or false.`);
  return fallback;
}
