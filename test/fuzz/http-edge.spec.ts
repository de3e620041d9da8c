import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { BOT_FRAMEWORK_ISSUER, newSigningKey, signToken } from '../support/bot-framework-keys';
import { rawExchange, type RawAnswer } from '../support/raw-http';
import { DEPLOYED_BOT_ID, startDeployedMain, type DeployedMain } from '../server/deployed-main';
import { countCases, FUZZ_SEED } from './fuzz-runs';

/** Requests sent at once in one run of the property; /healthz is asked between runs. */
const BATCH = 8;
/** Runs of the property: BATCH × RUNS requests in all. */
const RUNS = 250;

const ACTIVITY = JSON.stringify({
  type: 'message',
  text: 'Hallo',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: '29:mallory' },
  conversation: { id: 'a:mallory' },
});
/** Over the 512 KB limit of the bot endpoint. */
const OVERSIZED = Buffer.alloc(600 * 1024, 'x');

/**
 * The key the bot's stand-in publishes, and tokens that must all be refused: signed by another
 * key, or by the right key for another bot or expired. No token here is genuine, so no turn runs
 * and the bot never calls out (a turn would ask Entra ID for a token of its own).
 */
const TRUSTED = newSigningKey('trusted-key');
const NOW = Math.floor(Date.now() / 1000);
const REFUSED_TOKENS = [
  signToken(newSigningKey('trusted-key'), {
    iss: BOT_FRAMEWORK_ISSUER,
    aud: DEPLOYED_BOT_ID,
    nbf: NOW - 60,
    exp: NOW + 3600,
  }),
  signToken(TRUSTED, {
    iss: BOT_FRAMEWORK_ISSUER,
    aud: '0a1b2c3d-0000-4000-8000-000000000099',
    nbf: NOW - 60,
    exp: NOW + 3600,
  }),
  signToken(TRUSTED, { iss: BOT_FRAMEWORK_ISSUER, aud: DEPLOYED_BOT_ID, nbf: NOW - 7200, exp: NOW - 3600 }),
];

/** One request as it goes on the wire, built from generated parts. */
interface EdgeRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  /** Ends our side right after writing, as a client that gives up. */
  readonly hangUp: boolean;
}

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
/** Header values a client can put on the wire: printable, with some bytes Node must refuse. */
const headerValue = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^[ -~]{0,40}$/) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', 'a\u007fb', 'ä', 'x\ry', '\t', ' '.repeat(3)) },
);

/** A path segment: plain, percent-encoded (well or badly), or one of the classic tricks. */
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{1,16}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%00',
      '%zz',
      '%E0%A4',
      '%C3%A4',
      '%2F',
      '%',
      'a%20b',
      '',
      '~',
      '..%2F..',
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}$/) },
);

/** Every route the bot has, their near misses, and anything else. */
const target = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('/api/messages', '/healthz', '/readyz') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '/api/messages/',
      '/API/MESSAGES',
      '/api/messages?x=1',
      '//api/messages',
      '/healthz/',
      '/readyz?probe=1',
      '*',
      'http://127.0.0.1/healthz',
      '/',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(segment, segment, segment, fc.constantFrom('.ics', '', '.pdf'))
      .map(([committee, session, file, ext]) => `/api/calendar/${committee}/${session}/${file}${ext}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(segment, segment, segment, fc.constantFrom('.pdf', '', '.ics'))
      .map(([committee, session, file, ext]) => `/api/minutes/${committee}/${session}/${file}${ext}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(segment, segment, fc.constantFrom('.json', ''))
      .map(([committee, file, ext]) => `/api/export/${committee}/${file}${ext}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(segment, { maxLength: 5 }),
        fc.option(fc.stringMatching(/^[A-Za-z0-9=&%+]{0,20}$/), { nil: undefined }),
      )
      .map(([parts, query]) => `/${parts.join('/')}${query === undefined ? '' : `?${query}`}`),
  },
);

const anyMethod = fc.oneof(
  { weight: 6, arbitrary: fc.constant('POST') },
  { weight: 4, arbitrary: fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('CONNECT', 'PROPFIND', 'get'), fc.stringMatching(/^[A-Z]{1,10}$/)) },
);

/**
 * Method and address: most requests go to the bot endpoint as the Bot Framework's would, so
 * their headers and bodies reach the request reader; the rest spread over every route.
 */
const route = fc.oneof(
  { weight: 3, arbitrary: fc.record({ method: fc.constant('POST'), target: fc.constant('/api/messages') }) },
  { weight: 2, arbitrary: fc.record({ method: anyMethod, target }) },
);

const contentType = fc.option(
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'Application/JSON;charset="UTF-8"',
      ),
    },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'text/plain',
        'application/json; charset=latin1',
        'application/json;;',
        'application/octet-stream',
        '*/*',
      ),
    },
    { weight: 1, arbitrary: headerValue },
  ),
  { nil: undefined, freq: 10 },
);

/** Absent in two of three requests. */
const contentEncoding = fc.oneof(
  { weight: 20, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constant('identity') },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'gzip',
      'deflate',
      'br',
      'x-made-up',
      'gzip, identity',
      'identity, gzip',
      'compress',
      '',
    ),
  },
  { weight: 1, arbitrary: headerValue },
);

/** The body before framing: JSON a bot might get, any JSON, any bytes, compressed JSON, too much. */
const payload = fc.oneof(
  { weight: 6, arbitrary: fc.constant(Buffer.from(ACTIVITY)) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        type: fc.string({ maxLength: 20 }),
        rest: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
      })
      .map(({ type, rest }) => Buffer.from(JSON.stringify({ ...rest, type }))),
  },
  { weight: 3, arbitrary: fc.json({ maxDepth: 4 }).map((text) => Buffer.from(text)) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '[',
        '{"type":',
        '{"type":"message"',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        '{"type":"message","__proto__":{"x":1}}',
      )
      .map((text) => Buffer.from(text)),
  },
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 2, arbitrary: fc.constant(gzipSync(Buffer.from(ACTIVITY))) },
  { weight: 1, arbitrary: fc.constant(OVERSIZED) },
  { weight: 2, arbitrary: fc.constant(Buffer.alloc(0)) },
);

/**
 * How the body is framed: a Content-Length that is right, missing, too small, too large (the
 * server waits for the rest until its deadline), no number or given twice; or chunked transfer,
 * well-formed or broken, with a coding list Node must or must not accept.
 */
const framing = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('length' as const),
      length: fc.oneof(
        { weight: 12, arbitrary: fc.constant('right' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'missing' as const,
            'smaller' as const,
            'garbage' as const,
            'twice' as const,
            'larger' as const,
          ),
        },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('chunked' as const),
      coding: fc.constantFrom('chunked', 'chunked', 'gzip, chunked', 'CHUNKED', 'chunked, gzip', 'identity'),
      pieces: fc.integer({ min: 1, max: 6 }),
      broken: fc.oneof(
        { weight: 8, arbitrary: fc.constant('no') },
        { weight: 1, arbitrary: fc.constantFrom('size', 'unfinished') },
      ),
      withLength: fc.constantFrom(false, false, false, false, true),
    }),
  },
);

const extraHeaders = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(token, headerValue) },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...REFUSED_TOKENS)
        .map((refused): [string, string] => ['Authorization', `Bearer ${refused}`]),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<[string, string]>(
        ['Authorization', 'Bearer not.a.jwt'],
        ['Authorization', 'Basic Ym90OnB3'],
        ['Authorization', ''],
        ['Expect', '100-continue'],
        ['Host', 'evil.example'],
        ['Content-Length', '0'],
        ['Transfer-Encoding', 'chunked'],
        ['Upgrade', 'websocket'],
        ['X-Forwarded-For', '10.0.0.1'],
        ['Content-Encoding', 'gzip'],
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(token, fc.stringMatching(/^[A-Za-z0-9._-]{20,200}$/))
        .map(([name, value]): [string, string] =>
          name.length % 2 ? ['Authorization', `Bearer ${value}`] : [name, value],
        ),
    },
  ),
  { maxLength: 3 },
);

function chunkedBody(body: Buffer, pieces: number, broken: string): Buffer {
  const size = Math.max(1, Math.ceil(body.length / pieces));
  const parts: Buffer[] = [];
  for (let start = 0; start < body.length; start += size) {
    const piece = body.subarray(start, start + size);
    parts.push(
      Buffer.from(`${(broken === 'size' ? piece.length + 3 : piece.length).toString(16)}\r\n`),
      piece,
      Buffer.from('\r\n'),
    );
  }
  if (broken !== 'unfinished') parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

const edgeRequest: fc.Arbitrary<EdgeRequest> = fc
  .record({
    route,
    contentType,
    contentEncoding,
    payload,
    framing,
    extraHeaders,
    host: fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    hangUp: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map((parts) => {
    const headers: Array<readonly [string, string]> = [];
    if (parts.host) headers.push(['Host', '127.0.0.1']);
    if (parts.contentType !== undefined) headers.push(['Content-Type', parts.contentType]);
    if (parts.contentEncoding !== undefined) headers.push(['Content-Encoding', parts.contentEncoding]);
    let body: Buffer = parts.payload;
    const { framing } = parts;
    if (framing.kind === 'chunked') {
      headers.push(['Transfer-Encoding', framing.coding]);
      if (framing.withLength) headers.push(['Content-Length', String(body.length)]);
      body = chunkedBody(body, framing.pieces, framing.broken);
    } else {
      const declared = {
        right: String(body.length),
        missing: undefined,
        smaller: String(Math.floor(body.length / 2)),
        larger: String(body.length + 10),
        garbage: '12abc',
        twice: String(body.length),
      }[framing.length];
      if (declared !== undefined) headers.push(['Content-Length', declared]);
      if (framing.length === 'twice') headers.push(['Content-Length', String(body.length + 1)]);
    }
    headers.push(...parts.extraHeaders);
    // Last, so the server ends every exchange by closing: one request per connection.
    headers.push(['Connection', 'close']);
    return { method: parts.route.method, target: parts.route.target, headers, body, hangUp: parts.hangUp };
  });

const wire = (request: EdgeRequest): Buffer[] => [
  Buffer.from(
    `${request.method} ${request.target} HTTP/1.1\r\n${request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`,
    'latin1',
  ),
  request.body,
];

const describeRequest = (request: EdgeRequest) =>
  `${request.method} ${request.target} ${JSON.stringify(request.headers)} body ${request.body.length} bytes${request.hangUp ? ', hung up' : ''}`;

/**
 * The running bot, configured as deployed, against generated requests on every route: methods,
 * paths, content headers that agree with the body or lie about it, transfer codings, broken
 * framing, and bodies from a real activity to random bytes and more than the limit. Sent over raw
 * sockets, as fetch will not send most of them. None may end the process, get a 5xx or leave a
 * connection hanging, and /healthz answers between every batch.
 */
describe('fuzz: http edge', function () {
  this.timeout(180_000);
  let bot: DeployedMain;

  before(async () => {
    // A short request deadline, so requests whose body never arrives in full end quickly.
    bot = await startDeployedMain({ REQUEST_TIMEOUT_SECONDS: '1' }, TRUSTED);
  });

  after(async () => {
    await bot?.stop();
  });

  it(`answers ${BATCH * RUNS} generated requests without a crash, a 5xx or a hang`, async () => {
    const statuses = new Map<string, number>();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(edgeRequest, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers: RawAnswer[] = await Promise.all(
          batch.map((request) => rawExchange(bot.port, wire(request), { hangUp: request.hangUp, deadlineMs: 10_000 })),
        );
        answers.forEach((answer, index) => {
          const key = String(answer.status ?? 'closed');
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          assert.equal(answer.hung, false, `no answer and no close within 10 s: ${describeRequest(batch[index]!)}`);
          assert.ok(
            answer.status === undefined || answer.status < 500,
            `${answer.status} for ${describeRequest(batch[index]!)}: ${answer.body.slice(0, 200)}`,
          );
        });
        assert.equal(bot.alive(), true, 'the bot process ended');
        const health = await fetch(`${bot.url}/healthz`);
        assert.equal(health.status, 200);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Each run is a batch: the cases are the requests.
    countCases('http edge', BATCH * RUNS);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      ${BATCH * RUNS} requests in ${seconds.toFixed(1)} s; answers: ${[...statuses]
        .sort()
        .map(([status, count]) => `${status} ×${count}`)
        .join(', ')}`,
    );
    assert.equal(bot.alive(), true);
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
  });
});
