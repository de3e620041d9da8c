import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

/** The bot's registration as the Bot Framework needs it; all empty in local mode. */
export interface BotRegistration {
  readonly id?: string;
  readonly password?: string;
  readonly tenantId?: string;
  readonly type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly openIdMetadataUrl?: string;
}

/**
 * The adapter validates the Bot Framework token of every request when an app id is set (401
 * otherwise) and signs outgoing calls. Without an app id it accepts unauthenticated requests,
 * which is why local mode only listens on the loopback interface.
 */
export function createAdapter(registration: BotRegistration): TeamsAdapter {
  const settings = {
    MicrosoftAppId: registration.id ?? '',
    MicrosoftAppPassword: registration.password ?? '',
    MicrosoftAppTenantId: registration.tenantId ?? '',
    MicrosoftAppType: registration.type,
    ...(registration.openIdMetadataUrl ? { BotOpenIdMetadata: registration.openIdMetadataUrl } : {}),
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}
