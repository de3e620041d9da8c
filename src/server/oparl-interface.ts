import type { Server } from 'restify';
import type { AppDependencies } from '../app/dependencies';
import type { Logger } from '../app/ports/logger';
import type { OparlReading } from '../app/oparl/read-oparl';
import { RefreshMemory, refreshPublications, type OparlPublishing } from '../app/oparl/refresh-publication';
import { oparlTexts } from '../cards/oparl-texts';
import { OPARL_PATH_PREFIX } from '../domain/oparl/oparl-paths';
import { translator } from '../i18n/translator';
import { BackgroundLoop } from '../infra/background-loop';
import type { PdfRenderer } from '../infra/pdf-renderer';
import type { Config } from './config';
import type { TrackedWork } from './http-server';
import { oparlRoutes } from './oparl-routes';

/**
 * How long the loop rests between rounds: a change shows in the interface within about this
 * long (harvesting clients come hourly or daily). A round looks at each publishing committee's
 * audit trail and refreshes only those that changed (see `RefreshMemory`).
 */
export const OPARL_REFRESH_IDLE_MS = 60_000;

/** The interface as the server wires it: its routes and the loop that keeps its records current. */
export interface OparlInterface {
  readonly publishing: OparlPublishing;
  readonly reading: OparlReading;
  readonly routes: (server: Server, tracked: TrackedWork) => void;
  readonly refreshLoop: BackgroundLoop;
}

/**
 * Builds the OParl interface from the configuration: in the server's default language (the
 * public record is one for everyone), its PDFs from the server's cached renderer (the refresh
 * measures them through it, the download route serves them from it).
 */
export function oparlInterface(parts: {
  readonly config: Config;
  readonly deps: AppDependencies;
  readonly pdfRenderer: PdfRenderer;
  readonly logger: Logger;
}): OparlInterface {
  const { config, deps, pdfRenderer, logger } = parts;
  const base = `${config.publicBaseUrl}${OPARL_PATH_PREFIX}`;
  const texts = oparlTexts(translator(config.defaultLocale));
  const pdf = {
    render: (print: Parameters<PdfRenderer['render']>[0]) => pdfRenderer.render(print, config.defaultLocale),
  };
  const publishing: OparlPublishing = { base, texts, pdf, language: config.defaultLocale };
  const reading: OparlReading = { base, texts, ...config.oparl };
  const memory = new RefreshMemory();
  return {
    publishing,
    reading,
    routes: oparlRoutes({ deps, reading, pdf }),
    refreshLoop: new BackgroundLoop({
      name: 'oparl',
      idleMs: OPARL_REFRESH_IDLE_MS,
      logger,
      step: () => refreshPublications(deps, publishing, logger, memory),
    }),
  };
}
