import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { linkPath } from '../../src/app/links/link-paths';
import { silentLogger } from '../../src/app/ports/logger';
import { fixedClock } from '../../src/domain/clock';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { WorkerPdfRenderer } from '../../src/infra/worker-pdf-renderer';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import { issuedToken, nearMiss } from '../app/links/link-fixtures';
import { sessionDocument, setUpCommittee, KOG_TEAM } from '../app/sessions/session-fixtures';
import { archiveFacts, assertArchiveReady } from '../support/pdf-archive';
import { pdfPageTexts } from '../support/pdf-text';
import { openTempStore, type TempStore } from '../support/temp-store';

/**
 * The status report's links over real HTTP, through the server's wiring: the PDF rendered on the
 * worker pool behind the cache, the CSV in place, both only behind a working link.
 */
describe('server/gremium-server status report downloads', function () {
  this.timeout(60_000);
  const tenant = '11111111-2222-3333-4444-555555555555';
  const committeeId = committeeIdForHome(tenant, KOG_TEAM);
  let temp: TempStore;
  let pool: WorkerPdfRenderer;
  let server: GremiumServer;
  let pdfToken: string;
  let csvToken: string;
  const get = (kind: 'report' | 'reportCsv', token: string) =>
    fetch(`${server.http.url}${linkPath(committeeId, { kind, year: 2027 }, token)}`);

  before(async () => {
    pool = new WorkerPdfRenderer({ threads: 1, queue: 8, retryAfterSeconds: 5 });
    temp = await openTempStore();
    const deps = { store: temp.store, clock: fixedClock('2027-03-11T17:00:00Z') };
    await setUpCommittee(deps, tenant);
    await temp.store.create(sessionDocument(committeeId));
    pdfToken = await issuedToken(deps, committeeId, { kind: 'report', year: 2027 });
    csvToken = await issuedToken(deps, committeeId, { kind: 'reportCsv', year: 2027 });
    server = await startGremiumServer({
      config: loadConfig({ PORT: '0', DATA_DIR: temp.dataDir, LOCAL_MODE: 'true' }),
      store: temp.store,
      clock: deps.clock,
      logger: silentLogger,
      background: false,
      pdf: { renderer: pool },
    });
  });
  after(async () => {
    await server.stop(1000);
    await pool.close();
    await temp.cleanup().catch(() => undefined);
  });

  it('serves the report as an archive-ready PDF that reads in German', async () => {
    const response = await get('report', pdfToken);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="Sachstandsbericht-KOG-2027\.pdf"/);
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = (await pdfPageTexts(pdf)).join(' ');
    assert.ok(text.includes('Sachstandsbericht 2027'), text);
    assert.ok(text.includes('Stand: Donnerstag, 11. März 2027, 18:00 Uhr'), text);
    assertArchiveReady(await archiveFacts(pdf));
  });

  it('serves the figures as CSV with a byte order mark', async () => {
    const response = await get('reportCsv', csvToken);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /filename="Sachstandsbericht-KOG-2027\.csv"/);
    const csv = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    assert.deepEqual(rows[1], [
      '2027',
      '11.03.2027',
      'Sitzungen',
      'Sitzung 2027/1',
      '',
      '',
      'noch nicht durchgeführt',
      '1',
    ]);
  });

  it('answers a wrong token, the other format and a garbled address with the same 404', async () => {
    for (const response of [
      await get('report', nearMiss(pdfToken)),
      await get('report', csvToken),
      await get('reportCsv', pdfToken),
      await fetch(`${server.http.url}/api/report/${committeeId}/${pdfToken}.csv`),
      await fetch(`${server.http.url}/api/report/${committeeId}/x/${pdfToken}.pdf`),
    ]) {
      assert.equal(response.status, 404);
      assert.deepEqual(await response.json(), { status: 'not found' });
    }
  });
});
