import type { IncomingMessage } from 'node:http';
import { parse as parseContentType } from 'content-type';
import getRawBody from 'raw-body';

/** What became of a request body: the parsed JSON, or the status that refuses it. */
export type JsonBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly refusal: BodyRefusal };

/**
 * Why a body was refused, with the HTTP status that says so: 415 for a type or encoding other
 * than plain JSON, 413 for a body over the limit, 400 for one that is cut short or no JSON.
 */
export interface BodyRefusal {
  readonly status: 400 | 413 | 415;
  /** For the log: which check refused it, never the body or a parser's message. */
  readonly reason: BodyRefusalReason;
  /** Whether bytes of the body may still be on their way, so the connection must not be reused. */
  readonly unread: boolean;
}

export type BodyRefusalReason =
  | 'content-type'
  | 'charset'
  | 'content-encoding'
  | 'transfer-encoding'
  | 'declared-too-large'
  | 'too-large'
  | 'incomplete'
  | 'not-utf-8'
  | 'not-json'
  /** JSON, but not an object with a string `type`; the caller, which knows what it expects, says so. */
  | 'not-an-activity';

const refused = (status: BodyRefusal['status'], reason: BodyRefusalReason, unread: boolean): JsonBody => ({
  ok: false,
  refusal: { status, reason, unread },
});

/**
 * Reads the body of a request that must be JSON, and nothing else: `application/json`, in UTF-8
 * if a charset is named, without any content coding (a compressed body could unpack to far more
 * than the limit, and a broken one must not reach a decompressor), at most `maxBytes` counted as
 * they arrive. Every refusal happens before the body is parsed, most before it is read; nothing
 * is ever written to disk, and a body that is refused while arriving is not kept in memory.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const headers = request.headers;
  if (!isPlainJson(headers['content-type'])) return refused(415, 'content-type', true);
  if (!hasUtf8OrNoCharset(headers['content-type']!)) return refused(415, 'charset', true);
  // Only "identity" or no coding at all; a list such as "gzip, identity" still means gzip first.
  const contentEncoding = headers['content-encoding'];
  if (contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== 'identity') {
    return refused(415, 'content-encoding', true);
  }
  // Node has taken "chunked" off already; any other transfer coding would hand us coded bytes.
  const transferEncoding = headers['transfer-encoding'];
  if (transferEncoding !== undefined && transferEncoding.trim().toLowerCase() !== 'chunked') {
    return refused(415, 'transfer-encoding', true);
  }
  const declared = headers['content-length'] === undefined ? undefined : Number(headers['content-length']);
  if (declared !== undefined && declared > maxBytes) return refused(413, 'declared-too-large', true);

  let raw: Buffer;
  try {
    raw = await readAtMost(request, maxBytes, declared);
  } catch (error) {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') return refused(413, 'too-large', true);
    // Cut short, fewer bytes than declared, or a connection already gone when reading began.
    const cutShort = type === 'request.aborted' || type === 'request.size.invalid' || type === 'stream.not.readable';
    if (cutShort || isConnectionReset(error)) {
      return refused(400, 'incomplete', true);
    }
    throw error;
  }

  let text: string;
  try {
    // fatal: a byte sequence that is no UTF-8 is refused rather than silently replaced.
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return refused(400, 'not-utf-8', false);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refused(400, 'not-json', false);
  }
}

/** `application/json`, with parameters or without; a header that does not parse is not JSON. */
function isPlainJson(header: string | undefined): boolean {
  if (!header) return false;
  try {
    return parseContentType(header).type === 'application/json';
  } catch {
    return false;
  }
}

/** JSON is UTF-8 (RFC 8259); a request that says otherwise would be read wrongly. */
function hasUtf8OrNoCharset(header: string): boolean {
  const charset = parseContentType(header).parameters.charset;
  return charset === undefined || charset.toLowerCase() === 'utf-8';
}

/**
 * The body's bytes, refused as soon as they pass the limit (raw-body counts what arrives, so a
 * chunked body without a declared length is cut off as well) or when fewer arrive than declared.
 * A connection that closes before the end settles it too, so no read is left waiting.
 */
function readAtMost(request: IncomingMessage, maxBytes: number, declared: number | undefined): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const closedEarly = () => {
      if (request.complete) return;
      reject(Object.assign(new Error('request closed before its end'), { type: 'request.aborted' }));
    };
    request.once('close', closedEarly);
    getRawBody(request, { limit: maxBytes, length: declared ?? null }).then(
      (body) => {
        request.removeListener('close', closedEarly);
        resolve(body);
      },
      (error: unknown) => {
        request.removeListener('close', closedEarly);
        reject(error);
      },
    );
  });
}

function isConnectionReset(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ECONNRESET';
}
