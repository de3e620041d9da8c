import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { AppDependencies } from '../app/dependencies';
import { readOparl, readOparlFile, type OparlReading } from '../app/oparl/read-oparl';
import type { PublicPdfRenderer } from '../app/oparl/refresh-publication';
import { OPARL_PATH_PREFIX, parseOparlPath } from '../domain/oparl/oparl-paths';
import type { TrackedWork } from './http-server';

/**
 * Open for reading from any web page (OParl clients run in browsers too): any origin may read,
 * the validators of a conditional request may be sent, and the answer's may be read.
 */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Content-Disposition',
} as const;

const PREFLIGHT = {
  ...CORS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Accept',
  'Access-Control-Max-Age': '86400',
} as const;

/**
 * Public data that changes: anyone may keep a copy, but must ask again (cheaply, with the
 * validators) before using it.
 */
const CACHING = { 'Cache-Control': 'public, no-cache', 'X-Content-Type-Options': 'nosniff' } as const;

const JSON_TYPE = 'application/json; charset=utf-8';

export interface OparlRoutesOptions {
  readonly deps: AppDependencies;
  readonly reading: OparlReading;
  /** Lays out a published extract of minutes: the server's cached PDF renderer. */
  readonly pdf: PublicPdfRenderer;
}

/**
 * The OParl interface's routes: `GET` (and `HEAD`) of every address below `/oparl/v1/` (see
 * `parseOparlPath`), answered as JSON with charset, with an ETag and, for objects, Last-Modified
 * (a client that sends them back gets 304 while nothing changed), and CORS for reading; `OPTIONS`
 * answers preflights. Anything else below the prefix is a JSON 404.
 */
export function oparlRoutes(options: OparlRoutesOptions): (server: Server, tracked: TrackedWork) => void {
  return (server, tracked) => {
    const answer = async (request: Request, response: Response): Promise<void> =>
      tracked(response, () => serve(options, request, response), { ...CORS, ...CACHING });
    server.get(`${OPARL_PATH_PREFIX}/*`, answer);
    server.head(`${OPARL_PATH_PREFIX}/*`, answer);
    server.opts(`${OPARL_PATH_PREFIX}/*`, (_request: Request, response: Response, next) => {
      response.writeHead(204, PREFLIGHT);
      response.end();
      next();
    });
  };
}

async function serve(options: OparlRoutesOptions, request: Request, response: Response): Promise<void> {
  const path = request
    .path()
    .slice(OPARL_PATH_PREFIX.length + 1)
    .replace(/\/+$/, '');
  const address = parseOparlPath(path);
  if (!address) return sendJson(request, response, 404, { status: 'not found' });
  if (address.kind === 'fileContent') {
    const file = await readOparlFile(options.deps, address);
    if (!file) return sendJson(request, response, 404, { status: 'not found' });
    const bytes =
      file.content.kind === 'text'
        ? Buffer.from(file.content.text, 'utf8')
        : await options.pdf.render(file.content.print);
    const disposition = address.delivery === 'download' ? 'attachment' : 'inline';
    return send(request, response, 200, bytes, {
      'Content-Type': file.content.kind === 'text' ? 'text/plain; charset=utf-8' : 'application/pdf',
      'Content-Disposition': `${disposition}; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      ETag: `"${file.tag}"`,
      'Last-Modified': httpDate(file.modified),
    });
  }
  const parameters = new URLSearchParams(request.getQuery() as unknown as string);
  const result = await readOparl(options.deps, options.reading, address, parameters);
  switch (result.kind) {
    case 'notFound':
      return sendJson(request, response, 404, { status: 'not found' });
    case 'badRequest':
      return sendJson(request, response, 400, { status: 'bad request', parameter: result.parameter });
    case 'json':
      return sendJson(request, response, 200, result.body, result.modified);
  }
}

function sendJson(request: Request, response: Response, status: number, body: unknown, modified?: string): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  send(request, response, status, bytes, {
    'Content-Type': JSON_TYPE,
    ...(status === 200 ? { ETag: `"${createHash('sha256').update(bytes).digest('hex').slice(0, 40)}"` } : {}),
    ...(status === 200 && modified ? { 'Last-Modified': httpDate(modified) } : {}),
  });
}

/** Sends the bytes, or 304 when the client's copy (by ETag, else by date) is still the current one. */
function send(
  request: Request,
  response: Response,
  status: number,
  bytes: Buffer,
  headers: Readonly<Record<string, string>>,
): void {
  const all: Record<string, string> = { ...CORS, ...CACHING, ...headers };
  if (status === 200 && isFresh(request, headers.ETag, headers['Last-Modified'])) {
    // A 304 carries the validators and caching headers, not the content's own.
    const kept = Object.fromEntries(
      Object.entries(all).filter(([name]) => name !== 'Content-Type' && name !== 'Content-Disposition'),
    );
    response.writeHead(304, kept);
    response.end();
    return;
  }
  response.writeHead(status, { ...all, 'Content-Length': String(bytes.length) });
  response.end(bytes);
}

/**
 * Whether the client already holds this version: its If-None-Match names the ETag (RFC 9110:
 * then If-Modified-Since is not looked at), or else its If-Modified-Since is not before the last
 * change (to the second, as HTTP dates go).
 */
function isFresh(request: Request, etag: string | undefined, lastModified: string | undefined): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) {
    if (!etag) return false;
    return noneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const modifiedSince = request.headers['if-modified-since'];
  if (!modifiedSince || !lastModified) return false;
  const since = Date.parse(modifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/** An ISO instant as an HTTP date (whole seconds, GMT). */
function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
