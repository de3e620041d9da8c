import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { AppDependencies } from '../app/dependencies';
import type { Logger } from '../app/ports/logger';
import type { TenantAllowance } from '../app/tenant-gate';
import type { Locale } from '../i18n/translator';
import { registerInstallationEvents } from './installation-events';
import { registerRoutes } from './routes';
import { createTurnPipeline } from './turn-pipeline';

export interface BotOptions {
  readonly deps: AppDependencies;
  readonly adapter: TeamsAdapter;
  readonly defaultLocale: Locale;
  readonly logger: Logger;
  /** The bot's public origin, for links to its own endpoints (the sessions' .ics). */
  readonly publicBaseUrl?: string;
  /** The tenants served; activities from others are refused before anything is read or written. Default: any. */
  readonly allowedTenants?: TenantAllowance;
}

/**
 * The Teams side of Gremium: the turn pipeline every activity passes (turn-pipeline.ts), the
 * installation and membership events (installation-events.ts), and the routes from commands,
 * card verbs and chat lines to use cases (routes.ts). Nothing here decides what is allowed; the
 * verb registry and the use cases do.
 */
export function createBot(options: BotOptions): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: options.adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  const pipeline = createTurnPipeline(app, options);
  registerInstallationEvents(app, pipeline, options);
  registerRoutes(app, pipeline);
  return app;
}
