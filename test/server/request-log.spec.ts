import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/infra/logger';
import { routeForLog } from '../../src/server/request-log';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http-server';

const TOKEN = 'Xk3vQ0cT9yZr2bWm8LpN4sHd7FgJ1aUe6oKiYw5tRqE';
const COMMITTEE = 'tenant-11111111-2222-3333-4444-555555555555';
const HOMED = 'committee-11111111-2222-3333-4444-555555555555-cad1f812c7c405cb022c7d9d5d278bd70dcc22cd';

describe('server/request-log', () => {
  it('keeps the route of a secret link without its token, whatever the shape of the address', () => {
    const cases: Array<[string, string]> = [
      [`/api/minutes/${COMMITTEE}/session-2027-1/${TOKEN}.pdf`, `/api/minutes/${COMMITTEE}/session-2027-1/….pdf`],
      [
        `/api/calendar/${COMMITTEE}/session-2027-12/${TOKEN}.ics?x=${TOKEN}`,
        `/api/calendar/${COMMITTEE}/session-2027-12/….ics`,
      ],
      [`/api/export/${COMMITTEE}/${TOKEN}.json`, `/api/export/${COMMITTEE}/….json`],
      [`/api/minutes/${COMMITTEE}/session-2027-1/${TOKEN}.pdf/`, `/api/minutes/${COMMITTEE}/session-2027-1/…`],
      [`/api/minutes/${COMMITTEE}/${TOKEN}/session-2027-1.pdf`, `/api/minutes/${COMMITTEE}/…/….pdf`],
      [`/api/minutes/${TOKEN}/${TOKEN}/${TOKEN}`, '/api/minutes/…/…/…'],
      [`/api/calendar/tenant-${TOKEN.toLowerCase()}/x/y.ics`, '/api/calendar/…/…/….ics'],
      [`/api/export/${COMMITTEE}/session-2027-1/${TOKEN}.json`, `/api/export/${COMMITTEE}/….json`],
      // A committee with a home names its tenant and a digest of its home.
      [`/api/minutes/${HOMED}/session-2027-1/${TOKEN}.pdf`, `/api/minutes/${HOMED}/session-2027-1/….pdf`],
      [`/api/calendar/committee-${TOKEN.toLowerCase()}/x/y.ics`, '/api/calendar/…/…/….ics'],
      [`/api/report/${COMMITTEE}/${TOKEN}.pdf`, `/api/report/${COMMITTEE}/….pdf`],
      [`/api/report-csv/${COMMITTEE}/${TOKEN}.csv`, `/api/report-csv/${COMMITTEE}/….csv`],
      [`/api/report-csv/${TOKEN}/${TOKEN}.csv`, '/api/report-csv/…/….csv'],
    ];
    for (const [url, logged] of cases) assert.equal(routeForLog(url), logged, url);
  });

  it('keeps the probes and the bot endpoint as they are, and only the first part of any other address', () => {
    assert.deepEqual(['/healthz', '/readyz', '/api/messages', '/readyz?verbose'].map(routeForLog), [
      '/healthz',
      '/readyz',
      '/api/messages',
      '/readyz',
    ]);
    const other = [
      `/${TOKEN}`,
      `/${TOKEN.slice(0, 16)}`,
      `/api/minute/${COMMITTEE}/session-2027-1/${TOKEN}.pdf`,
      '/api',
      '/',
      '',
      '//x',
      `/${'a'.repeat(17)}`,
      '/favicon.ico',
    ];
    assert.deepEqual(other.map(routeForLog), ['/…', '/…', '/api/…', '/api/…', '/…', '/…', '/…', '/…', '/…']);
  });

  describe('the running server at debug level', () => {
    let server: RunningHttpServer | undefined;
    afterEach(async () => server?.stop(1000));

    it('logs every request with method, route, status and duration, and never the token', async () => {
      const lines: string[] = [];
      const destination = new Writable({
        write: (chunk: Buffer, _encoding, done) => (
          lines.push(...chunk.toString().split('\n').filter(Boolean)),
          done()
        ),
      });
      server = await startHttpServer({
        port: 0,
        host: '127.0.0.1',
        logger: createLogger({ level: 'trace', pretty: false, destination }),
        maxBodyBytes: 1024,
        handleMessage: async (_request, response) => void response.send(200, {}),
        isReady: async () => true,
        calendarFile: async (_committee, _session, token) =>
          token === TOKEN ? { fileName: 'sitzung.ics', content: 'BEGIN:VCALENDAR' } : undefined,
        minutesFile: async (_committee, _session, token) =>
          token === TOKEN ? { superseded: true, html: '<p>überholt</p>' } : undefined,
        exportFile: async () => undefined,
      });
      const statuses: number[] = [];
      for (const path of [
        `/api/calendar/${COMMITTEE}/session-2027-1/${TOKEN}.ics`,
        `/api/minutes/${COMMITTEE}/session-2027-1/${TOKEN}.pdf`,
        `/api/export/${COMMITTEE}/${TOKEN}.json`,
        `/api/minutes/${COMMITTEE}/${TOKEN}`,
        `/elsewhere/${TOKEN}`,
        '/healthz',
      ]) {
        statuses.push((await fetch(`${server.url}${path}?token=${TOKEN}`)).status);
      }
      await server.stop(1000);
      server = undefined;
      assert.deepEqual(statuses, [200, 410, 404, 404, 404, 200]);
      const requests = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.msg === 'request');
      assert.deepEqual(
        requests.map((line) => [line.level, line.method, line.route, line.status, typeof line.durationMs]),
        [
          [20, 'GET', `/api/calendar/${COMMITTEE}/session-2027-1/….ics`, 200, 'number'],
          [20, 'GET', `/api/minutes/${COMMITTEE}/session-2027-1/….pdf`, 410, 'number'],
          [20, 'GET', `/api/export/${COMMITTEE}/….json`, 404, 'number'],
          [20, 'GET', `/api/minutes/${COMMITTEE}/…/…`, 404, 'number'],
          [20, 'GET', '/elsewhere/…', 404, 'number'],
          [20, 'GET', '/healthz', 200, 'number'],
        ],
      );
      assert.equal(
        lines.filter((line) => line.includes(TOKEN)).length,
        0,
        lines.filter((line) => line.includes(TOKEN)).join('\n'),
      );
    });
  });
});
