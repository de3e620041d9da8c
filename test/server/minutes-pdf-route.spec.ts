import assert from 'node:assert/strict';
import { silentLogger } from '../../src/app/ports/logger';
import {
  minutesDocumentId,
  minutesVersionDocumentId,
  type MinutesDocument,
} from '../../src/app/minutes/minutes-document';
import { savedHead, versionDocument } from '../../src/app/minutes/open-minutes';
import type { MinutesPrint } from '../../src/app/minutes/minutes-print';
import { linkPath } from '../../src/app/links/link-paths';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import type { Locale } from '../../src/i18n/translator';
import type { PdfRenderer } from '../../src/infra/pdf-renderer';
import { TooBusyError } from '../../src/infra/too-busy-error';
import { WorkerPdfRenderer } from '../../src/infra/worker-pdf-renderer';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import { issuedLink, issuedToken, SECRETARIAT_ID, workingGroupPerson } from '../app/links/link-fixtures';
import { revokeLinksOf } from '../../src/app/links/revoke-links';
import type { CommitteeDocument, PersonDocument } from '../../src/app/documents';
import type { SessionDocument } from '../../src/app/sessions/session-document';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../../src/domain/ids';
import { chooseLanguage } from '../../src/app/preferences/language-preference';
import { sessionDocument, setUpCommittee, KOG_TEAM } from '../app/sessions/session-fixtures';
import { pdfPageTexts } from '../support/pdf-text';
import { ManualClock } from '../support/manual-clock';
import { notingReads } from '../support/noting-reads';
import { openTempStore, type TempStore } from '../support/temp-store';

/** The real worker pool, with every render it is asked for counted, and a failure on request. */
class CountingRenderer implements PdfRenderer {
  readonly renders: string[] = [];
  next: 'fail' | 'refuse' | undefined;
  constructor(private readonly pool: WorkerPdfRenderer) {}

  async render(print: MinutesPrint, locale: Locale): Promise<Buffer> {
    this.renders.push(`${locale} v${print.version}${print.extract ? ' extract' : ''}`);
    const next = this.next;
    this.next = undefined;
    if (next === 'fail') throw new Error('render failed at /srv/gremium/dist/src/cards/minutes-pdf.js:42');
    if (next === 'refuse') throw new TooBusyError(4);
    return this.pool.render(print, locale);
  }
}

/**
 * The minutes' PDF link over real HTTP, through the server's wiring: the cache in front of the
 * worker pool, keyed by what is printed, so a version is rendered once however often it is fetched.
 */
describe('server/gremium-server minutes PDFs rendered once per version', function () {
  this.timeout(60_000);
  const TENANT = '11111111-2222-3333-4444-555555555555';
  const committeeId = committeeIdForHome(TENANT, KOG_TEAM);
  const sessionId = 'session-2027-1';
  // Issued anew for each test: the secretariat's link to the version sent out, the working group's to its extract.
  let fileToken: string;
  let extractToken: string;
  let deps: { readonly store: TempStore['store']; readonly clock: ManualClock };
  let temp: TempStore;
  let pool: WorkerPdfRenderer;
  let renderer: CountingRenderer;
  let server: GremiumServer;
  /** The id of every point read the server made, for this test. */
  let reads: string[];

  const minutes = (overrides: Partial<MinutesDocument> = {}): MinutesDocument => ({
    id: minutesDocumentId(sessionId),
    committeeId,
    type: 'minutes',
    sessionId,
    status: 'draft',
    version: 1,
    items: [
      {
        itemId: 'opening',
        title: '',
        standard: 'opening',
        summary: 'Begrüßung.',
        result: 'Protokoll genehmigt.',
        agreements: [],
      },
    ],
    participants: [],
    publishedVersion: 1,
    createdAt: '2027-03-11T17:00:00.000Z',
    updatedAt: '2027-03-11T17:00:00.000Z',
    updatedBy: 'aaaaaaaa-0000-0000-0000-000000000001',
    ...overrides,
  });
  const replaceMinutes = async (overrides: Partial<MinutesDocument>) => {
    const stored = await temp.store.get<MinutesDocument>(committeeId, minutesDocumentId(sessionId));
    await temp.store.replace({ ...stored!, ...overrides }, stored!._etag);
  };
  const download = (token: string) =>
    fetch(`${server.http.url}${linkPath(committeeId, { kind: 'minutes', sessionId, version: 1 }, token)}`);
  const pdfOf = async (response: Response) => {
    assert.equal(response.status, 200);
    return Buffer.from(await response.arrayBuffer());
  };

  // One pool for all: a thread's first render under tsx compiles the layout, which takes seconds.
  before(() => (pool = new WorkerPdfRenderer({ threads: 1, queue: 8, retryAfterSeconds: 5 })));
  after(() => pool.close());
  beforeEach(async () => {
    temp = await openTempStore();
    deps = { store: temp.store, clock: new ManualClock('2027-03-11T17:00:00Z') };
    await setUpCommittee(deps, '11111111-2222-3333-4444-555555555555');
    await temp.store.create(sessionDocument(committeeId));
    await temp.store.create(minutes());
    fileToken = await issuedToken(deps, committeeId, { kind: 'minutes', sessionId, version: 1 });
    extractToken = await issuedToken(
      deps,
      committeeId,
      { kind: 'extract', sessionId, version: 1 },
      { kind: 'person', id: await workingGroupPerson(deps, committeeId) },
    );
    renderer = new CountingRenderer(pool);
    reads = [];
    server = await startGremiumServer({
      config: loadConfig({ PORT: '0', DATA_DIR: temp.dataDir, LOCAL_MODE: 'true' }),
      store: notingReads(temp.store, reads),
      clock: deps.clock,
      logger: silentLogger,
      background: false,
      pdf: { renderer },
    });
  });
  afterEach(async () => {
    await server.stop(1000);
    await temp.cleanup().catch(() => undefined);
  });

  it('renders a version once and serves the same file again, also to many at once', async () => {
    const first = await pdfOf(await download(fileToken));
    const again = await Promise.all(Array.from({ length: 6 }, async () => pdfOf(await download(fileToken))));
    for (const pdf of again) assert.ok(pdf.equals(first));
    assert.deepEqual(renderer.renders, ['de v1']);
    assert.ok((await pdfPageTexts(first))[0]!.includes('Entwurf, Fassung 1'));
  });

  it('lets many who fetch a version nobody fetched before share one render', async () => {
    const files = await Promise.all(Array.from({ length: 6 }, async () => pdfOf(await download(fileToken))));
    assert.ok(files.every((pdf) => pdf.equals(files[0]!)));
    assert.deepEqual(renderer.renders, ['de v1']);
  });

  it('renders a new version anew and shows it from then on', async () => {
    await pdfOf(await download(fileToken));
    await replaceMinutes({
      version: 2,
      publishedVersion: 2,
      updatedAt: '2027-03-12T08:00:00.000Z',
      items: [
        {
          itemId: 'opening',
          title: '',
          standard: 'opening',
          summary: 'Begrüßung.',
          result: 'Protokoll mit Änderung genehmigt.',
          agreements: [],
        },
      ],
    });
    assert.equal((await download(fileToken)).status, 410, 'the link of version 1 shows no later version');
    fileToken = await issuedToken(deps, committeeId, { kind: 'minutes', sessionId, version: 2 });
    const second = await pdfOf(await download(fileToken));
    const [page] = await pdfPageTexts(second);
    assert.ok(page!.includes('Entwurf, Fassung 2'), page);
    assert.ok(page!.includes('Protokoll mit Änderung genehmigt.'), page);
    assert.ok((await pdfOf(await download(fileToken))).equals(second));
    assert.deepEqual(renderer.renders, ['de v1', 'de v2']);
  });

  it('refuses a revoked link at once though its file is cached, and serves a new link from the cache', async () => {
    await pdfOf(await download(fileToken));
    await revokeLinksOf(deps, committeeId, SECRETARIAT_ID);
    const refused = await download(fileToken);
    assert.equal(refused.status, 404);
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    fileToken = await issuedToken(deps, committeeId, { kind: 'minutes', sessionId, version: 1 });
    await pdfOf(await download(fileToken));
    assert.deepEqual(renderer.renders, ['de v1']);
  });

  it('serves the version the head holds from the head alone, and refuses its revoked link at once', async () => {
    // Saved as the secretariat saves: the version document, and the head noting its version.
    const { _etag: etag, ...head } = (await temp.store.get<MinutesDocument>(
      committeeId,
      minutesDocumentId(sessionId),
    ))!;
    await temp.store.batch(committeeId, [
      { op: 'create', document: versionDocument(head, 'draft', [], head.updatedAt, head.updatedBy) },
      { op: 'replace', document: savedHead(head, 'draft'), ifMatch: etag },
    ]);
    reads.length = 0;
    const first = await pdfOf(await download(fileToken));
    assert.ok((await pdfOf(await download(fileToken))).equals(first));
    assert.ok((await pdfPageTexts(first))[0]!.includes('Entwurf, Fassung 1'));
    assert.deepEqual(renderer.renders, ['de v1']);
    assert.equal(reads.filter((id) => id === minutesDocumentId(sessionId)).length, 2, 'the head, once a download');
    assert.ok(!reads.includes(minutesVersionDocumentId(sessionId, 1)), reads.join());
    await revokeLinksOf(deps, committeeId, SECRETARIAT_ID);
    assert.equal((await download(fileToken)).status, 404);
  });

  it('refuses a link at once once it has expired, though its file is cached', async () => {
    const link = await issuedLink(deps, committeeId, { kind: 'minutes', sessionId, version: 1 });
    await pdfOf(await download(link.token));
    deps.clock.advance(Date.parse(link.expiresAt) - deps.clock.now().toMillis() - 1);
    await pdfOf(await download(link.token));
    deps.clock.advance(1);
    assert.equal((await download(link.token)).status, 404);
    assert.deepEqual(renderer.renders, ['de v1']);
  });

  it('renders anew, without a new version, once a name, the place or the approval printed in it changed', async () => {
    await replaceMinutes({
      items: [
        {
          itemId: 'topic-1',
          title: 'Ausbildungsabbrüche',
          summary: 'Aussprache.',
          result: 'Zahlen werden zusammengestellt.',
          agreements: [
            {
              id: 'a1',
              text: 'Zahlen zusammenstellen',
              institution: 'Stadt Leipzig',
              responsibleId: SECRETARIAT_ID,
              dueDate: '2027-04-01',
            },
          ],
        },
      ],
    });
    const textOf = async () => (await pdfPageTexts(await pdfOf(await download(fileToken)))).join('\n');
    assert.ok((await textOf()).includes('Geschäftsstelle'));
    const person = await temp.store.get<PersonDocument>(committeeId, personDocumentId(SECRETARIAT_ID));
    await temp.store.replace({ ...person!, displayName: 'Katrin Albers' }, person!._etag);
    const renamed = await textOf();
    assert.ok(renamed.includes('Katrin Albers') && !renamed.includes('Geschäftsstelle'), renamed);
    const session = await temp.store.get<SessionDocument>(committeeId, sessionId);
    await temp.store.replace({ ...session!, place: 'Rathaus Plagwitz, Saal 3' }, session!._etag);
    assert.ok((await textOf()).includes('Rathaus Plagwitz, Saal 3'));
    const committee = await temp.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
    await temp.store.replace({ ...committee!, name: 'Gremium für Ausbildung' }, committee!._etag);
    assert.ok((await textOf()).includes('Gremium für Ausbildung'));
    await replaceMinutes({
      status: 'approved',
      approval: { version: 1, at: '2027-03-20T10:00:00.000Z', by: SECRETARIAT_ID, automatic: false },
    });
    assert.ok(!(await textOf()).includes('Entwurf'));
    await textOf();
    assert.deepEqual(renderer.renders, ['de v1', 'de v1', 'de v1', 'de v1', 'de v1']);
  });

  it("keeps the full minutes and the working group's extract apart, each rendered once", async () => {
    await replaceMinutes({
      status: 'approved',
      publishedVersion: 1,
      approval: {
        version: 1,
        at: '2027-03-20T10:00:00.000Z',
        by: 'aaaaaaaa-0000-0000-0000-000000000001',
        automatic: false,
      },
    });
    const full = await pdfOf(await download(fileToken));
    const extract = await pdfOf(await download(extractToken));
    assert.ok(!full.equals(extract));
    assert.ok((await pdfOf(await download(extractToken))).equals(extract));
    assert.ok((await pdfOf(await download(fileToken))).equals(full));
    assert.deepEqual(renderer.renders, ['de v1', 'de v1 extract']);
    const [extractPage] = await pdfPageTexts(extract);
    assert.ok(extractPage!.includes('Ergebnisse und Vereinbarungen (Auszug)'), extractPage);
    assert.ok(!extractPage!.includes('Begrüßung.'), 'the extract leaves the discussion out');
  });

  it("prints the minutes in the language of the link's holder, rendering each language once", async () => {
    const german = await pdfOf(await download(fileToken));
    assert.ok((await pdfPageTexts(german))[0]!.includes('Entwurf, Fassung 1'));
    await chooseLanguage(deps, { tenantId: TENANT, aadObjectId: SECRETARIAT_ID }, 'en');
    const english = await pdfOf(await download(fileToken));
    const [page] = await pdfPageTexts(english);
    assert.ok(page!.includes('Draft, version 1'), page);
    assert.ok((await pdfOf(await download(fileToken))).equals(english));
    assert.deepEqual(renderer.renders, ['de v1', 'en v1']);
  });

  it('answers a failed render with 500 and a status word only, and renders again on the next request', async () => {
    renderer.next = 'fail';
    const failed = await download(fileToken);
    assert.equal(failed.status, 500);
    assert.equal(failed.headers.get('cache-control'), 'no-store');
    assert.equal(await failed.text(), '{"status":"error"}');
    const pdf = await pdfOf(await download(fileToken));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await pdfOf(await download(fileToken));
    assert.deepEqual(renderer.renders, ['de v1', 'de v1']);
  });

  it('answers a refused render with 503 and when to try again, and serves the file on the retry', async () => {
    renderer.next = 'refuse';
    const refused = await download(fileToken);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '4');
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    assert.equal(await refused.text(), '{"status":"busy"}');
    await pdfOf(await download(fileToken));
    assert.deepEqual(renderer.renders, ['de v1', 'de v1']);
  });
});
