import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError, ErrorCodes } from '../../app/app-error';
import { graphFailure } from './graph-request-error';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant GUID the Exchange URL and its X-AnchorMailbox hint need. AZURE_TENANT_ID may be a
 * domain (contoso.onmicrosoft.com, which @azure/identity accepts): it is then looked up once with
 * GET /organization?$select=id, or refused with what to set instead.
 */
export function tenantIdResolver(configured: string, graph: Client): () => Promise<string> {
  if (guidPattern.test(configured)) {
    const id = configured.toLowerCase();
    return () => Promise.resolve(id);
  }
  const refuse = (why: string, cause?: unknown): AppError =>
    new AppError(
      ErrorCodes.configuration,
      `AZURE_TENANT_ID "${configured}" is a domain name, and the bot could not find the tenant id (GUID) behind it: ${why}. ` +
        'Set AZURE_TENANT_ID to the Tenant ID shown in the Microsoft Entra admin center (Overview).',
      cause === undefined ? undefined : { cause },
    );
  let resolved: Promise<string> | undefined;
  const resolve = async (): Promise<string> => {
    let page: { value?: ReadonlyArray<{ id?: unknown }> };
    try {
      page = (await graph.api('/organization').select('id').get()) as typeof page;
    } catch (error) {
      const failure = graphFailure(error, 'read the organization');
      throw refuse(`GET /organization failed (${failure.code})`, failure);
    }
    const id = page.value?.[0]?.id;
    if (typeof id !== 'string' || !guidPattern.test(id)) throw refuse('GET /organization returned no tenant id');
    return id.toLowerCase();
  };
  // Looked up once; a failed look-up is tried again next time.
  return () => {
    resolved ??= resolve().catch((error: unknown) => {
      resolved = undefined;
      throw error;
    });
    return resolved;
  };
}
