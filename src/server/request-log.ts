import pino from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../app/ports/logger';

/** Addresses without anything secret in them, logged as they are. */
const PLAIN_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/api/messages']);

/** Where secret links lead: what follows the prefix holds a token somewhere. */
const SECRET_LINK_PREFIXES = [
  '/api/calendar/',
  '/api/minutes/',
  '/api/export/',
  '/api/report/',
  '/api/report-csv/',
  '/api/feed/',
] as const;
/** Secret links of a committee's own files, whose address names no session. */
const COMMITTEE_LINK_PREFIXES: ReadonlySet<string> = new Set([
  '/api/export/',
  '/api/report/',
  '/api/report-csv/',
  '/api/feed/',
]);

/**
 * The parts of a link's address kept in the log, when they have their usual shape: a committee
 * (homed: `committee-<tenant>-<digest>`; of before homes, or the tenant's directory that holds
 * data exports: `tenant-<tenant>`) and a session.
 */
const COMMITTEE_PART = /^(tenant-[0-9a-f-]{1,40}|committee-[0-9a-f-]{1,48}-[0-9a-f]{40})$/;
const SESSION_PART = /^session-\d{4}-\d{1,3}$/;
const EXTENSION = /\.(ics|pdf|json|csv)$/;

/**
 * A request's address as the log keeps it, never with a link's token: a secret link's address
 * keeps its prefix, the committee and the session (when they look like ids; a garbled address
 * might hold the token anywhere) and the extension, with `…` where the token was:
 * `/api/minutes/tenant-…/session-2027-1/….pdf`. The probes and the bot endpoint keep their
 * address; any other address (nothing is served there) only its first part, when that is a short
 * lowercase word. Query strings are never kept.
 */
export function routeForLog(url: string | undefined): string {
  const path = (url ?? '').split(/[?#]/, 1)[0] ?? '';
  if (PLAIN_ROUTES.has(path)) return path;
  const prefix = SECRET_LINK_PREFIXES.find((candidate) => path.startsWith(candidate));
  if (!prefix) {
    // Only a short lowercase word (`api`), never anything a token could be part of.
    const first = /^\/[a-z]{1,16}(?=\/|$)/.exec(path)?.[0];
    return first ? `${first}/…` : '/…';
  }
  const parts = path.slice(prefix.length).split('/');
  const kept = [COMMITTEE_PART.test(parts[0] ?? '') ? parts[0] : '…'];
  if (!COMMITTEE_LINK_PREFIXES.has(prefix)) kept.push(SESSION_PART.test(parts[1] ?? '') ? parts[1] : '…');
  const extension = EXTENSION.exec(path)?.[0] ?? '';
  return `${prefix}${[...kept, `…${extension}`].join('/')}`;
}

/**
 * Our own request log: one line per answered request at debug level, with the method, the
 * address as `routeForLog` gives it, the status and the time taken. Nothing of the request's
 * headers or body, and never a token.
 */
export function logRequests(server: Server, logger: Logger): void {
  server.on('after', (request: Request, response: Response) => {
    const durationMs = Date.now() - request.time();
    const route = routeForLog(request.url);
    logger.debug({ method: request.method, route, status: response.statusCode, durationMs }, 'request');
  });
}

/**
 * The logger restify writes its own few warnings with (a response it could not format, a value
 * an async handler returned), which otherwise prints whole requests, address and all. Requests
 * and responses are reduced to what our request log keeps.
 */
export function restifyLogger(): pino.Logger {
  return pino({
    name: 'restify',
    level: 'warn',
    serializers: {
      req: (request: { method?: string; url?: string }) => ({
        method: request.method,
        route: routeForLog(request.url),
      }),
      res: (response: { statusCode?: number }) => ({ status: response.statusCode }),
    },
  });
}
