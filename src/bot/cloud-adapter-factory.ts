import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { BotAuthConfig } from '../config/bot-config';

/**
 * The Bot Framework adapter for the configured identity. Without an app id, inbound requests are
 * not authenticated and replies carry no token: local use only (the server then binds loopback).
 */
export function createCloudAdapter(auth: BotAuthConfig, onTurnError: (context: TurnContext, error: Error) => Promise<void>): CloudAdapter {
  const settings: Record<string, string> =
    auth.kind === 'single-tenant'
      ? { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: auth.appId, MicrosoftAppPassword: auth.appPassword, MicrosoftAppTenantId: auth.tenantId }
      : auth.kind === 'user-assigned-msi'
        ? { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: auth.appId, MicrosoftAppTenantId: auth.tenantId }
        : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = onTurnError;
  return adapter;
}
