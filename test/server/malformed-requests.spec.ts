import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGzip, deflateSync, brotliCompressSync, gzipSync } from 'node:zlib';
import { rawExchange, requestHead, type RawAnswer } from '../support/raw-http';
import { startDeployedMain, type DeployedMain } from './deployed-main';

const ACTIVITY = JSON.stringify({
  type: 'message',
  text: 'Hallo',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:mallory' },
  conversation: { id: 'a:mallory' },
  recipient: { id: '28:bot' },
});

/** Compressed and oversized bodies sent one after another to see whether the process grows. */
const REQUESTS_FOR_MEMORY = 200;
/** What one gzip body below unpacks to; it used to be unpacked in full, before authentication. */
const BOMB_UNPACKED_BYTES = 128 * 1024 * 1024;
/**
 * How much the process may grow across them: half of what one of those bodies unpacks to. Bodies
 * refused before they are read cost nothing to keep; the growth measured is the garbage collector
 * not yet having returned the bodies cut off at the limit (about 30 MB here).
 */
const MEMORY_GROWTH_BOUND_BYTES = BOMB_UNPACKED_BYTES / 2;

/** POST /api/messages with the given headers, and `Connection: close` so the server ends the exchange. */
const postHead = (headers: ReadonlyArray<readonly [string, string | number]>) =>
  requestHead('POST', '/api/messages', [['Host', '127.0.0.1'], ['Connection', 'close'], ...headers]);

/** A gzip stream that unpacks to `bytes` zero bytes: a few kilobytes per 10 MB. */
async function gzipBomb(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => gzip.once('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += block.length) {
    if (!gzip.write(block)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

/** A listing of a folder with each file's size and content hash, to see whether anything changed. */
async function snapshot(folder: string): Promise<string[]> {
  const names = (await readdir(folder, { recursive: true })).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(folder, name);
      const info = await stat(file);
      if (!info.isFile()) return `${name}/`;
      return `${name} ${info.size} ${createHash('sha256')
        .update(await readFile(file))
        .digest('hex')}`;
    }),
  );
}

/** Chunked transfer coding of the given parts, optionally without the closing chunk. */
function chunked(parts: ReadonlyArray<Buffer | string>, finish = true): Buffer {
  const framed = parts.flatMap((part) => {
    const bytes = Buffer.from(part);
    return [Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')];
  });
  return Buffer.concat([...framed, Buffer.from(finish ? '0\r\n\r\n' : '')]);
}

/**
 * The entry point as a deployment runs it, attacked the way anyone on the internet can: every
 * refusal happens before authentication and before any parsing, and none of them stops the
 * process, grows it without bound or writes to disk.
 */
describe('server/malformed requests against the running bot', function () {
  this.timeout(120_000);
  let bot: DeployedMain;
  let dataBefore: string[];

  before(async () => {
    // A short request deadline, so the request that never ends is cut off quickly.
    bot = await startDeployedMain({ REQUEST_TIMEOUT_SECONDS: '1' });
    dataBefore = await snapshot(bot.dataDir);
  });

  after(async () => {
    await bot?.stop();
  });

  /** After every case: the process runs and says so on /healthz. */
  afterEach(async () => {
    if (!bot) return;
    if (!bot.alive()) {
      const { code, stderr } = await bot.main.exited;
      assert.fail(`the bot process ended with ${code}:\n${stderr}`);
    }
    const health = await fetch(`${bot.url}/healthz`);
    assert.equal(health.status, 200);
  });

  const send = (headers: ReadonlyArray<readonly [string, string | number]>, body: Buffer | string = '') =>
    rawExchange(bot.port, [postHead(headers), body]);
  const withLength = (
    type: string | undefined,
    body: Buffer | string,
    more: ReadonlyArray<readonly [string, string]> = [],
  ) =>
    send(
      [...(type ? [['Content-Type', type] as const] : []), ['Content-Length', Buffer.byteLength(body)], ...more],
      body,
    );
  const assertAnswer = (answer: RawAnswer, status: number, word: string, label = '') =>
    assert.deepEqual([answer.status, answer.body], [status, JSON.stringify({ status: word })], label);

  it('survives a gzip header on a body that is not gzip, which used to end the process', async () => {
    const answer = await withLength('application/json', 'this is not gzip at all', [['Content-Encoding', 'gzip']]);
    assertAnswer(answer, 415, 'unsupported media type');
  });

  it('refuses every content coding but identity with 415, before authentication', async () => {
    const json = Buffer.from(ACTIVITY);
    const codings: Array<[string, Buffer]> = [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['br', brotliCompressSync(json)],
      ['x-gremium-made-up', json],
      ['gzip, identity', gzipSync(json)],
    ];
    for (const [coding, body] of codings)
      assertAnswer(
        await withLength('application/json', body, [['Content-Encoding', coding]]),
        415,
        'unsupported media type',
        coding,
      );
  });

  it('refuses every other content type with 415, and writes no upload to the temp folder', async () => {
    const boundary = 'gremium-boundary';
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="big.bin"',
      'Content-Type: application/octet-stream',
      '',
      'x'.repeat(64 * 1024),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const types: Array<[string | undefined, string]> = [
      [`multipart/form-data; boundary=${boundary}`, multipart],
      ['application/x-www-form-urlencoded', 'type=message&text=Hallo'],
      ['text/plain', ACTIVITY],
      [undefined, ACTIVITY],
      ['application/json; charset=iso-8859-1', ACTIVITY],
    ];
    for (const [type, body] of types)
      assertAnswer(await withLength(type, body), 415, 'unsupported media type', String(type));
    assert.deepEqual(await readdir(bot.tmpDir), []);
  });

  it('refuses a declared length over the limit with 413 before reading the body', async () => {
    // Nothing of the body is sent, so the answer can only come from the header.
    assertAnswer(
      await send([
        ['Content-Type', 'application/json'],
        ['Content-Length', 50 * 1024 * 1024],
      ]),
      413,
      'payload too large',
    );
  });

  it('cuts a chunked body off with 413 once it passes the limit, without waiting for its end', async () => {
    const piece = 'x'.repeat(64 * 1024);
    const answer = await send(
      [
        ['Content-Type', 'application/json'],
        ['Transfer-Encoding', 'chunked'],
      ],
      chunked(
        Array.from({ length: 12 }, () => piece),
        false,
      ),
    );
    assertAnswer(answer, 413, 'payload too large');
  });

  it('lets a client that hangs up halfway through its body go, answered with 400 at most', async () => {
    const answer = await rawExchange(
      bot.port,
      [
        postHead([
          ['Content-Type', 'application/json'],
          ['Content-Length', 1000],
        ]),
        ACTIVITY.slice(0, 100),
      ],
      { hangUp: true },
    );
    assert.ok(answer.status === undefined || answer.status === 400, `answered ${answer.status}`);
  });

  it('cuts off a body that never ends within the request deadline', async () => {
    const declared = await rawExchange(bot.port, [
      postHead([
        ['Content-Type', 'application/json'],
        ['Content-Length', 1000],
      ]),
      '{"type":"mess',
    ]);
    assert.equal(declared.status, 408);
    assert.equal(declared.hung, false);
    // A chunked body that keeps trickling in: still cut off at the deadline, not when it stops.
    let timer: NodeJS.Timeout | undefined;
    const trickled = await rawExchange(
      bot.port,
      [
        postHead([
          ['Content-Type', 'application/json'],
          ['Transfer-Encoding', 'chunked'],
        ]),
        chunked(['{"type":'], false),
      ],
      {
        then: (socket) => (timer = setInterval(() => socket.write(chunked([' '], false)), 50)),
      },
    );
    clearInterval(timer);
    assert.equal(trickled.hung, false);
    assert.ok(trickled.status === 408 || trickled.status === undefined, `answered ${trickled.status}`);
  });

  it('answers a body that is no JSON, or JSON that is no activity, with 400', async () => {
    for (const body of ['{"type":"message",', '', '[]', '{}', '"message"'])
      assertAnswer(await withLength('application/json', body), 400, 'bad request', body);
  });

  it('still checks the token of a well-formed request: 401 without one', async () => {
    assertAnswer(await withLength('application/json; charset=utf-8', ACTIVITY), 401, 'unauthorized');
    assertAnswer(
      await withLength('application/json', ACTIVITY, [['Content-Encoding', 'identity']]),
      401,
      'unauthorized',
    );
  });

  it(`stays within ${MEMORY_GROWTH_BOUND_BYTES / 1024 / 1024} MB of growth across ${REQUESTS_FOR_MEMORY} compressed and oversized bodies`, async () => {
    const bomb = await gzipBomb(BOMB_UNPACKED_BYTES);
    const oversized = chunked(Array.from({ length: 16 }, () => 'x'.repeat(64 * 1024)));
    const attack = (index: number) =>
      index % 2 === 0
        ? send(
            [
              ['Content-Type', 'application/json'],
              ['Content-Encoding', 'gzip'],
              ['Content-Length', bomb.length],
            ],
            bomb,
          )
        : send(
            [
              ['Content-Type', 'application/json'],
              ['Transfer-Encoding', 'chunked'],
            ],
            oversized,
          );
    // Warm up, so what is measured is growth, not the first use of the code paths.
    for (let index = 0; index < 20; index += 1) await attack(index);
    const before = await bot.residentBytes();
    let peak = before;
    const statuses = new Map<number | undefined, number>();
    for (let index = 0; index < REQUESTS_FOR_MEMORY; index += 1) {
      const answer = await attack(index);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (index % 10 === 9) peak = Math.max(peak, await bot.residentBytes());
    }
    const growth = peak - before;
    console.log(
      `      resident memory ${(before / 1024 / 1024).toFixed(1)} MB before, peak ${(peak / 1024 / 1024).toFixed(1)} MB: growth ${(growth / 1024 / 1024).toFixed(1)} MB over ${REQUESTS_FOR_MEMORY} requests (gzip body ${bomb.length} bytes unpacking to ${BOMB_UNPACKED_BYTES / 1024 / 1024} MB; chunked body ${oversized.length} bytes)`,
    );
    assert.deepEqual(
      [...statuses],
      [
        [415, REQUESTS_FOR_MEMORY / 2],
        [413, REQUESTS_FOR_MEMORY / 2],
      ],
    );
    assert.ok(growth < MEMORY_GROWTH_BOUND_BYTES, `grew by ${growth} bytes`);
  });

  it('wrote nothing to disk: the temp folder is empty and the data folder unchanged', async () => {
    assert.deepEqual(await readdir(bot.tmpDir), []);
    assert.deepEqual(await snapshot(bot.dataDir), dataBefore);
  });
});
