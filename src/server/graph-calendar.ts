import { DefaultAzureCredential } from '@azure/identity';
import type { OrganiserCalendar } from '../app/ports/organiser-calendar';
import { GRAPH_SCOPE, GraphOrganiserCalendar } from '../infra/graph-organiser-calendar';
import type { GraphConfig } from './config';

/**
 * The organiser mailbox's calendar as configured: with the bot's identity (the App Service's
 * managed identity in Azure, a developer's sign-in elsewhere, through DefaultAzureCredential,
 * as the Cosmos DB client) and Graph's application scope; a local Graph double without a token.
 * The identity caches and renews its token itself, so each request asks it anew.
 */
export function graphOrganiserCalendar(config: GraphConfig): OrganiserCalendar {
  const credential = config.withoutToken ? undefined : new DefaultAzureCredential();
  return new GraphOrganiserCalendar({
    baseUrl: config.baseUrl,
    mailbox: config.organizerMailbox,
    // Graph answers times in UTC; Gremium sends each event's times in its committee's zone.
    timeZone: 'UTC',
    ...(credential
      ? {
          token: async () => {
            const token = await credential.getToken(GRAPH_SCOPE);
            if (!token) throw new Error('no token for Microsoft Graph');
            return token.token;
          },
        }
      : {}),
  });
}
