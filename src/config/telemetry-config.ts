import type { ConfigResult } from './config-result';

/**
 * Telemetry: OpenTelemetry through Azure Monitor (Application Insights) when a connection string is
 * set; off otherwise, and then nothing is loaded and nothing is sent anywhere.
 */
export type TelemetryConfig =
  | { readonly kind: 'off' }
  | {
      readonly kind: 'azure-monitor';
      readonly connectionString: string;
      /**
       * Microsoft Entra authentication for ingestion (Application Insights with local authentication
       * off): a managed identity, user-assigned when clientId is set. Undefined: the connection
       * string's instrumentation key alone.
       */
      readonly managedIdentity?: { readonly clientId?: string };
    };

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Key=value;Key=value` pairs, keys compared without case, as Application Insights writes them. */
function pairs(text: string): Map<string, string> {
  return new Map(
    text
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at < 0 ? part.length : at).trim().toLowerCase(), at < 0 ? '' : part.slice(at + 1).trim()] as const;
      }),
  );
}

/**
 * Reads APPLICATIONINSIGHTS_CONNECTION_STRING (Application Insights, Overview, Connection string)
 * and APPLICATIONINSIGHTS_AUTHENTICATION_STRING (`Authorization=AAD` for the system-assigned
 * managed identity, `Authorization=AAD;ClientId=<guid>` for a user-assigned one), the names App
 * Service and the Azure Monitor agents use. Pure; every problem is reported with what to set.
 */
export function telemetryConfigFromEnv(env: Readonly<Record<string, string | undefined>>): ConfigResult<TelemetryConfig> {
  const value = (key: string): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const connectionString = value('APPLICATIONINSIGHTS_CONNECTION_STRING');
  const authentication = value('APPLICATIONINSIGHTS_AUTHENTICATION_STRING');
  const errors: string[] = [];
  if (connectionString === undefined) {
    if (authentication !== undefined) {
      errors.push('APPLICATIONINSIGHTS_AUTHENTICATION_STRING is set without APPLICATIONINSIGHTS_CONNECTION_STRING: set the connection string of the Application Insights resource too, or remove both.');
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: Object.freeze({ kind: 'off' }) };
  }
  const fields = pairs(connectionString);
  const key = fields.get('instrumentationkey');
  if (key === undefined || !guid.test(key)) {
    errors.push(
      'APPLICATIONINSIGHTS_CONNECTION_STRING has no InstrumentationKey: copy the whole connection string from the Application Insights resource (Overview), "InstrumentationKey=...;IngestionEndpoint=https://...".',
    );
  }
  const endpoint = fields.get('ingestionendpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    errors.push(`APPLICATIONINSIGHTS_CONNECTION_STRING has a malformed IngestionEndpoint "${endpoint}": it must be an http(s) URL.`);
  }
  let managedIdentity: { clientId?: string } | undefined;
  if (authentication !== undefined) {
    const auth = pairs(authentication);
    const clientId = auth.get('clientid');
    if (auth.get('authorization')?.toLowerCase() !== 'aad') {
      errors.push(`APPLICATIONINSIGHTS_AUTHENTICATION_STRING "${authentication}" is not known: set it to Authorization=AAD, or Authorization=AAD;ClientId=<client id of the user-assigned managed identity>.`);
    } else if (clientId !== undefined && !guid.test(clientId)) {
      errors.push(`APPLICATIONINSIGHTS_AUTHENTICATION_STRING has a malformed ClientId "${clientId}": it must be the managed identity's client id (a GUID).`);
    } else {
      managedIdentity = clientId !== undefined ? { clientId } : {};
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({ kind: 'azure-monitor', connectionString, ...(managedIdentity ? { managedIdentity: Object.freeze(managedIdentity) } : {}) }),
  };
}
