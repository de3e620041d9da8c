import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';

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
export function createAdapter(
  registration: BotRegistration,
  credentials = createBotCredentials(registration),
): TeamsAdapter {
  return new TeamsAdapter(botSettings(registration), credentials);
}

/**
 * The bot's credentials towards the Bot Framework, shared by the adapter (replies) and the
 * messenger (proactive sends), so both sign their calls the same way.
 */
export function createBotCredentials(registration: BotRegistration): ConfigurationServiceClientCredentialFactory {
  return new ConfigurationServiceClientCredentialFactory(botSettings(registration));
}

function botSettings(registration: BotRegistration) {
  return {
    MicrosoftAppId: registration.id ?? '',
    MicrosoftAppPassword: registration.password ?? '',
    MicrosoftAppTenantId: registration.tenantId ?? '',
    MicrosoftAppType: registration.type,
    ...(registration.openIdMetadataUrl ? publicCloudWithSigningKeysFrom(registration.openIdMetadataUrl) : {}),
  };
}

/**
 * Once one endpoint is overridden, botbuilder treats every endpoint setting as given and leaves
 * the missing ones empty (which would refuse every token). So an overridden key source comes with
 * the public cloud's values for all the others.
 */
function publicCloudWithSigningKeysFrom(openIdMetadataUrl: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}
