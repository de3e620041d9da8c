import assert from 'node:assert/strict';
import net from 'node:net';
import { silentLogger } from '../../src/app/ports/logger';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from '../../src/server/http-server';

/** A promise with its resolver, to hold a turn open exactly as long as a test wants. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('server/http-server', () => {
  let server: RunningHttpServer | undefined;
  const start = async (overrides: Partial<HttpServerOptions> = {}) => {
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger,
      maxBodyBytes: 1024,
      handleMessage: async (_request, response) => {
        response.send(200, { handled: true });
      },
      isReady: async () => true,
      calendarFile: async () => undefined,
      minutesFile: async () => undefined,
      ...overrides,
    });
    return server;
  };
  afterEach(async () => {
    await server?.stop(1000);
    server = undefined;
  });

  it('reports alive on /healthz', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('reports ready on /readyz only while the store answers', async () => {
    let reachable = true;
    const { url } = await start({
      isReady: async () => {
        if (!reachable) throw new Error('store down');
        return true;
      },
    });
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    reachable = false;
    const down = await fetch(`${url}/readyz`);
    assert.equal(down.status, 503);
    assert.deepEqual(await down.json(), { status: 'unavailable' });
  });

  it('refuses a request body over the limit before the bot sees it', async () => {
    let handled = 0;
    const { url } = await start({
      handleMessage: async (_request, response) => {
        handled += 1;
        response.send(200, {});
      },
    });
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(2048) }),
    });
    assert.equal(response.status, 413);
    assert.equal(handled, 0);
  });

  it('lets a turn in flight finish on shutdown and refuses new connections', async () => {
    const turn = deferred();
    const entered = deferred();
    const { url } = await start({
      handleMessage: async (_request, response) => {
        entered.resolve();
        await turn.promise;
        response.send(200, { finished: true });
      },
    });
    const inFlight = fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message"}',
    });
    await entered.promise;
    const stopping = server!.stop(5000);
    await assert.rejects(fetch(`${url}/healthz`));
    turn.resolve();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { finished: true });
    assert.equal(await stopping, true);
    server = undefined;
  });

  it('does not wait longer than the grace period for a turn that hangs', async () => {
    const entered = deferred();
    const { url } = await start({
      handleMessage: async () => {
        entered.resolve();
        await new Promise(() => undefined);
      },
    });
    const hanging = fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message"}',
    }).catch(() => 'cut off');
    await entered.promise;
    assert.equal(await server!.stop(50), false);
    assert.equal(await hanging, 'cut off');
    server = undefined;
  });

  describe('answers without internals', () => {
    it('answers a bot turn that throws with a status word only, not its message or stack', async () => {
      const { url } = await start({
        handleMessage: async () => {
          throw new Error(
            'connect ECONNREFUSED cosmos.internal:443 at CosmosStore.query (/srv/gremium/dist/infra/cosmos-store.js:88:11)',
          );
        },
      });
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message"}',
      });
      assert.equal(response.status, 500);
      assert.equal(await response.text(), '{"status":"error"}');
    });

    it('answers a malformed JSON body with 400 and a status word, without the parser’s complaint', async () => {
      let handled = 0;
      const { url } = await start({
        handleMessage: async (_request, response) => {
          handled += 1;
          response.send(200, {});
        },
      });
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message",',
      });
      assert.equal(response.status, 400);
      assert.equal(await response.text(), '{"status":"bad request"}');
      assert.equal(handled, 0);
    });

    it('refuses JSON that is no activity with 400 before the bot sees it, where the adapter would throw', async () => {
      let handled = 0;
      const { url } = await start({
        handleMessage: async (_request, response) => {
          handled += 1;
          response.send(200, {});
        },
      });
      const answers = [];
      for (const body of ['{}', '[]', '"message"', 'null', '{"type":5}', '[{"type":"message"}]']) {
        const response = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        answers.push([body, response.status, await response.text()]);
      }
      assert.deepEqual(
        answers,
        answers.map(([body]) => [body, 400, '{"status":"bad request"}']),
      );
      assert.equal(handled, 0);
    });

    it('answers a compressed body and one of another type with 415 and a status word, and no other route reads a body', async () => {
      let handled = 0;
      const { url } = await start({
        handleMessage: async (_request, response) => {
          handled += 1;
          response.send(200, {});
        },
      });
      const gzipped = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: 'not gzip at all',
      });
      const form = await fetch(`${url}/api/messages`, {
        method: 'POST',
        body: new URLSearchParams({ type: 'message' }),
      });
      assert.deepEqual(
        [gzipped.status, await gzipped.text(), form.status, await form.text()],
        [415, '{"status":"unsupported media type"}', 415, '{"status":"unsupported media type"}'],
      );
      // A broken compressed body elsewhere is never unpacked: those routes do not read bodies.
      const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.end(
        'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Encoding: gzip\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\nnot gzip at all',
      );
      await new Promise((resolve) => socket.once('close', resolve));
      assert.match(answer, /^HTTP\/1\.1 200/);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      assert.equal(handled, 0);
    });

    it('answers an oversized body, an unknown address and a wrong method with a status word only', async () => {
      const { url } = await start();
      const oversized = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(2048) }),
      });
      const unknown = await fetch(`${url}/api/secrets/../../etc/passwd`);
      const wrongMethod = await fetch(`${url}/api/messages`, { method: 'GET' });
      assert.deepEqual(
        [
          [oversized.status, await oversized.text()],
          [unknown.status, await unknown.text()],
          [wrongMethod.status, await wrongMethod.text()],
        ],
        [
          [413, '{"status":"payload too large"}'],
          [404, '{"status":"not found"}'],
          [405, '{"status":"method not allowed"}'],
        ],
      );
    });
  });

  describe('request timeouts', () => {
    /** Opens a raw connection, writes what a slow client would, and reports what the server did. */
    async function slowClient(url: string, written: string): Promise<{ answer: string; closedAfterMs: number }> {
      const { port } = new URL(url);
      const socket = net.connect(Number(port), '127.0.0.1');
      const started = Date.now();
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.write(written);
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      return { answer, closedAfterMs: Date.now() - started };
    }

    it('cuts off a client that never finishes its headers', async () => {
      const { url } = await start({ timeouts: { headersMs: 150, requestMs: 300 } });
      const { answer, closedAfterMs } = await slowClient(
        url,
        'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl',
      );
      assert.match(answer, /^HTTP\/1\.1 408/);
      assert.ok(closedAfterMs < 2000, `closed after ${closedAfterMs} ms`);
    });

    it('cuts off a client that never finishes its body, without the bot seeing it', async () => {
      let handled = 0;
      const { url } = await start({
        timeouts: { headersMs: 150, requestMs: 300 },
        handleMessage: async (_request, response) => {
          handled += 1;
          response.send(200, {});
        },
      });
      const { answer, closedAfterMs } = await slowClient(
        url,
        'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":"mess',
      );
      assert.ok(closedAfterMs < 2000, `closed after ${closedAfterMs} ms`);
      assert.doesNotMatch(answer, /^HTTP\/1\.1 2/);
      assert.equal(handled, 0);
    });

    it('lets a turn take longer than the request deadline once the request is in', async () => {
      const { url } = await start({
        timeouts: { headersMs: 50, requestMs: 100 },
        handleMessage: async (_request, response) => {
          await new Promise((resolve) => setTimeout(resolve, 250));
          response.send(200, { finished: true });
        },
      });
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"message"}',
      });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { finished: true });
    });
  });

  describe('calendar files', () => {
    const ICS = 'BEGIN:VCALENDAR\r\nSUMMARY:KOG – Sitzung 2027/1\r\nEND:VCALENDAR\r\n';

    it('serves the file as an uncached iCalendar download, and hands over the token without .ics', async () => {
      const asked: string[][] = [];
      const { url } = await start({
        calendarFile: async (...parts) => {
          asked.push(parts);
          return { fileName: 'sitzung-2027-1.ics', content: ICS };
        },
      });
      const response = await fetch(`${url}/api/calendar/tenant-1/session-2027-1/3f1c9a2e-7b4d.ics`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.equal(response.headers.get('content-disposition'), 'attachment; filename="sitzung-2027-1.ics"');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(await response.text(), ICS);
      assert.deepEqual(asked, [['tenant-1', 'session-2027-1', '3f1c9a2e-7b4d']]);
    });

    it('answers every address that leads to no file with the same 404, without asking for one it cannot be', async () => {
      let asked = 0;
      const { url } = await start({
        calendarFile: async () => {
          asked += 1;
          return undefined;
        },
      });
      const answers = [];
      for (const address of [
        'tenant-1/session-2027-1/wrong.ics',
        'tenant-1/session-2027-1/3f1c9a2e',
        'tenant-1/session-2027-1/.ics',
        'tenant-1/session-2027-1',
        'tenant-1/session-2027-1/3f1c9a2e.ics/more',
        'x',
      ]) {
        const response = await fetch(`${url}/api/calendar/${address}`);
        answers.push([address, response.status, response.headers.get('cache-control'), await response.text()]);
      }
      assert.deepEqual(
        answers,
        answers.map(([address]) => [address, 404, 'no-store', '{"status":"not found"}']),
      );
      assert.equal(asked, 1, 'only the address that ends in .ics with a token is looked up');
    });

    it('answers a failure with a status word only', async () => {
      const { url } = await start({
        calendarFile: async () => {
          throw new Error('store down at cosmos.internal:443');
        },
      });
      const response = await fetch(`${url}/api/calendar/tenant-1/session-2027-1/3f1c9a2e.ics`);
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await response.json(), { status: 'error' });
    });

    it('lets a download in flight finish on shutdown, before the store would close', async () => {
      const lookup = deferred();
      const entered = deferred();
      const { url } = await start({
        calendarFile: async () => {
          entered.resolve();
          await lookup.promise;
          return { fileName: 'sitzung-2027-1.ics', content: ICS };
        },
      });
      const download = fetch(`${url}/api/calendar/tenant-1/session-2027-1/3f1c9a2e.ics`);
      await entered.promise;
      const stopping = server!.stop(5000);
      lookup.resolve();
      const response = await download;
      assert.equal(response.status, 200);
      assert.equal(await response.text(), ICS);
      assert.equal(await stopping, true);
      server = undefined;
    });
  });

  describe('minutes as PDF', () => {
    const PDF = Buffer.from('%PDF-1.3\n% Protokoll 2027/1\n%%EOF\n', 'latin1');

    it('serves the file as an uncached PDF download, and hands over the token without .pdf', async () => {
      const asked: string[][] = [];
      const { url } = await start({
        minutesFile: async (...parts) => {
          asked.push(parts);
          return { fileName: 'Protokoll-KOG-2027-1.pdf', content: PDF };
        },
      });
      const response = await fetch(`${url}/api/minutes/tenant-1/session-2027-1/5d0c7f3a-1b2e.pdf`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.equal(response.headers.get('content-disposition'), 'attachment; filename="Protokoll-KOG-2027-1.pdf"');
      assert.equal(response.headers.get('content-length'), String(PDF.length));
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const body = Buffer.from(await response.arrayBuffer());
      assert.ok(body.equals(PDF));
      assert.equal(body.subarray(0, 4).toString('latin1'), '%PDF');
      assert.deepEqual(asked, [['tenant-1', 'session-2027-1', '5d0c7f3a-1b2e']]);
    });

    it('answers every address that leads to no file with the same 404, without asking for one it cannot be', async () => {
      let asked = 0;
      const { url } = await start({
        minutesFile: async () => {
          asked += 1;
          return undefined;
        },
        // A calendar file for the same token must not make the minutes route answer.
        calendarFile: async () => ({ fileName: 'sitzung-2027-1.ics', content: 'BEGIN:VCALENDAR' }),
      });
      const answers = [];
      for (const address of [
        'tenant-1/session-2027-1/wrong.pdf',
        'tenant-1/session-2027-1/5d0c7f3a',
        'tenant-1/session-2027-1/5d0c7f3a.ics',
        'tenant-1/session-2027-1/.pdf',
        'tenant-1/session-2027-1',
        'tenant-1/session-2027-1/5d0c7f3a.pdf/more',
        'x',
      ]) {
        const response = await fetch(`${url}/api/minutes/${address}`);
        answers.push([address, response.status, response.headers.get('cache-control'), await response.text()]);
      }
      assert.deepEqual(
        answers,
        answers.map(([address]) => [address, 404, 'no-store', '{"status":"not found"}']),
      );
      assert.equal(asked, 1, 'only the address that ends in .pdf with a token is looked up');
    });

    it('answers a failure with a status word only', async () => {
      const { url } = await start({
        minutesFile: async () => {
          throw new Error('store down at cosmos.internal:443');
        },
      });
      const response = await fetch(`${url}/api/minutes/tenant-1/session-2027-1/5d0c7f3a.pdf`);
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await response.json(), { status: 'error' });
    });

    it('lets a download in flight finish on shutdown, before the store would close', async () => {
      const lookup = deferred();
      const entered = deferred();
      const { url } = await start({
        minutesFile: async () => {
          entered.resolve();
          await lookup.promise;
          return { fileName: 'Protokoll-KOG-2027-1.pdf', content: PDF };
        },
      });
      const download = fetch(`${url}/api/minutes/tenant-1/session-2027-1/5d0c7f3a.pdf`);
      await entered.promise;
      const stopping = server!.stop(5000);
      lookup.resolve();
      const response = await download;
      assert.equal(response.status, 200);
      assert.ok(Buffer.from(await response.arrayBuffer()).equals(PDF));
      assert.equal(await stopping, true);
      server = undefined;
    });
  });
});
