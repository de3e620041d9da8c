import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { readJsonBody, type JsonBody } from '../../src/server/json-request-body';

const LIMIT = 1024;
const ACTIVITY = '{"type":"message","text":"Hallo"}';

/**
 * A bare Node server that reads every request with readJsonBody and answers with what it got,
 * closing the connection when the reader says body bytes may still be coming.
 */
async function startReader(): Promise<{ port: number; results: JsonBody[]; close: () => Promise<void> }> {
  const results: JsonBody[] = [];
  const server = http.createServer((request, response) => {
    void readJsonBody(request, LIMIT).then((result) => {
      results.push(result);
      if (response.socket?.destroyed) return;
      const status = result.ok ? 200 : result.refusal.status;
      const body = JSON.stringify(result.ok ? result.value : result.refusal.reason);
      response.writeHead(status, {
        'content-length': Buffer.byteLength(body),
        ...(result.ok || !result.refusal.unread ? {} : { connection: 'close' }),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    results,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Answer {
  readonly status: number | undefined;
  readonly body: string;
}

/**
 * Writes a request as raw bytes (fetch cannot send most of these), then waits for the server to
 * answer and close, or with `hangUp` ends the connection itself right after writing.
 */
function exchange(
  port: number,
  head: string,
  body: Buffer | string = '',
  options: { hangUp?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // A server that refuses early may close while we still write; that is an answer too.
    socket.on('error', () => undefined);
    socket.once('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      resolve({
        status: status === undefined ? undefined : Number(status),
        body: received.split('\r\n\r\n').slice(1).join('\r\n\r\n'),
      });
    });
    socket.write(`${head.replace(/\n/g, '\r\n')}\r\n`);
    if (body.length > 0) socket.write(body);
    if (options.hangUp) socket.end();
  });
}

/** A POST with `Connection: close`, so the server ends the connection after its answer. */
const post = (headers: Record<string, string | number>) =>
  [
    'POST /api/messages HTTP/1.1',
    'Host: 127.0.0.1',
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
  ].join('\n');

describe('server/json-request-body', () => {
  let reader: Awaited<ReturnType<typeof startReader>>;
  beforeEach(async () => (reader = await startReader()));
  afterEach(() => reader.close());

  it('reads application/json, with a UTF-8 charset or none, and parses it', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; charset="UTF-8"']) {
      const answer = await exchange(
        reader.port,
        post({ 'Content-Type': type, 'Content-Length': Buffer.byteLength(ACTIVITY) }),
        ACTIVITY,
      );
      assert.deepEqual([answer.status, JSON.parse(answer.body)], [200, { type: 'message', text: 'Hallo' }], type);
    }
    const identity = await exchange(
      reader.port,
      post({ 'Content-Type': 'application/json', 'Content-Encoding': 'identity', 'Transfer-Encoding': 'chunked' }),
      `${Buffer.byteLength(ACTIVITY).toString(16)}\r\n${ACTIVITY}\r\n0\r\n\r\n`,
    );
    assert.equal(identity.status, 200, 'identity coding, chunked transfer');
  });

  it('refuses every content coding but identity with 415, before reading the body', async () => {
    const json = Buffer.from(ACTIVITY);
    const codings: Array<[string, Buffer]> = [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['br', brotliCompressSync(json)],
      ['x-gremium-made-up', json],
      ['gzip, identity', gzipSync(json)],
      ['identity, gzip', gzipSync(json)],
      ['GZIP', gzipSync(json)],
    ];
    for (const [coding, body] of codings) {
      const answer = await exchange(
        reader.port,
        post({ 'Content-Type': 'application/json', 'Content-Encoding': coding, 'Content-Length': body.length }),
        body,
      );
      assert.deepEqual([answer.status, answer.body], [415, '"content-encoding"'], coding);
    }
  });

  it('refuses every other content type, a charset other than UTF-8 and a header that does not parse with 415', async () => {
    const types: Array<[string | undefined, string]> = [
      ['multipart/form-data; boundary=x', 'content-type'],
      ['application/x-www-form-urlencoded', 'content-type'],
      ['text/plain', 'content-type'],
      [undefined, 'content-type'],
      ['application/json-patch+json', 'content-type'],
      ['application/json;;', 'content-type'],
      ['application/json, text/plain', 'content-type'],
      ['application/json; charset="utf-8', 'content-type'],
      ['application/json; charset=iso-8859-1', 'charset'],
      ['application/json; charset=utf-16', 'charset'],
      ['application/json; charset=utf-8; charset=latin1', 'charset'],
    ];
    for (const [type, reason] of types) {
      const answer = await exchange(
        reader.port,
        post({ ...(type ? { 'Content-Type': type } : {}), 'Content-Length': Buffer.byteLength(ACTIVITY) }),
        ACTIVITY,
      );
      assert.deepEqual([answer.status, answer.body], [415, JSON.stringify(reason)], String(type));
    }
  });

  it('refuses a transfer coding other than chunked with 415', async () => {
    const chunked = `${ACTIVITY.length.toString(16)}\r\n${ACTIVITY}\r\n0\r\n\r\n`;
    const answer = await exchange(
      reader.port,
      post({ 'Content-Type': 'application/json', 'Transfer-Encoding': 'gzip, chunked' }),
      chunked,
    );
    assert.deepEqual([answer.status, answer.body], [415, '"transfer-encoding"']);
  });

  it('refuses a declared length over the limit with 413 without waiting for the body', async () => {
    // Nothing of the body is sent: the answer can only come from the header.
    const answer = await exchange(
      reader.port,
      post({ 'Content-Type': 'application/json', 'Content-Length': LIMIT + 1 }),
    );
    assert.deepEqual([answer.status, answer.body], [413, '"declared-too-large"']);
  });

  it('cuts a chunked body off with 413 once more than the limit has arrived, without waiting for its end', async () => {
    const chunk = 'x'.repeat(600);
    // Two chunks pass the limit; the body never ends, so only the cut-off can answer.
    const body = `${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(2);
    const answer = await exchange(
      reader.port,
      post({ 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
      body,
    );
    assert.deepEqual([answer.status, answer.body], [413, '"too-large"']);
  });

  it('accepts a body of exactly the limit', async () => {
    const body = JSON.stringify({ type: 'message', text: '' }).replace('""', `"${'x'.repeat(LIMIT - 28)}"`);
    assert.equal(Buffer.byteLength(body), LIMIT);
    const answer = await exchange(
      reader.port,
      post({ 'Content-Type': 'application/json', 'Content-Length': LIMIT }),
      body,
    );
    assert.equal(answer.status, 200);
  });

  it('settles a body cut short by the client as incomplete, so no read is left waiting', async () => {
    await exchange(reader.port, post({ 'Content-Type': 'application/json', 'Content-Length': 500 }), ACTIVITY, {
      hangUp: true,
    });
    for (let tries = 0; reader.results.length === 0 && tries < 200; tries += 1)
      await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(reader.results, [{ ok: false, refusal: { status: 400, reason: 'incomplete', unread: true } }]);
  });

  it('refuses a body that is no JSON, or no UTF-8, with 400', async () => {
    const bodies: Array<[Buffer, string]> = [
      [Buffer.from('{"type":"message",'), 'not-json'],
      [Buffer.from(''), 'not-json'],
      [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'not-utf-8'],
    ];
    for (const [body, reason] of bodies) {
      const answer = await exchange(
        reader.port,
        post({ 'Content-Type': 'application/json', 'Content-Length': body.length }),
        body,
      );
      assert.deepEqual([answer.status, answer.body], [400, JSON.stringify(reason)], body.toString('latin1'));
    }
  });
});
