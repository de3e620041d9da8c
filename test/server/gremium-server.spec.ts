import assert from 'node:assert/strict';
import type { OutboxRecord } from '../../src/app/delivery/outbox-record';
import { silentLogger } from '../../src/app/ports/logger';
import { minutesDocumentId, type MinutesDocument } from '../../src/app/minutes/minutes-document';
import { linkPath } from '../../src/app/links/link-paths';
import type { SessionDocument } from '../../src/app/sessions/session-document';
import type { AppDependencies } from '../../src/app/dependencies';
import { chooseLanguage } from '../../src/app/preferences/language-preference';
import { fixedClock } from '../../src/domain/clock';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { systemClock } from '../../src/infra/system-clock';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import { COMMITTEE, enqueue, knownPeople, noticeDrafts } from '../app/delivery/delivery-fixtures';
import { issuedToken, nearMiss, SECRETARIAT_ID, seatFor, workingGroupPerson } from '../app/links/link-fixtures';
import { sessionDocument, setUpCommittee, KOG_TEAM } from '../app/sessions/session-fixtures';
import { ConnectorDouble } from '../support/connector-double';
import { calendarProperty, eventProperty, parseICalendar } from '../support/ical';
import { openTempStore, type TempStore } from '../support/temp-store';

/**
 * The composition root's background work: a running server drains the outbox by itself, through
 * the real messenger, and stops its loops before closing the store.
 */
describe('server/gremium-server', function () {
  this.timeout(30_000);
  let temp: TempStore;
  let connector: ConnectorDouble;
  let server: GremiumServer | undefined;

  beforeEach(async () => {
    temp = await openTempStore();
    connector = await ConnectorDouble.start();
  });
  afterEach(async () => {
    await server?.stop(1000);
    await connector.close();
    await temp.cleanup().catch(() => undefined);
  });

  it('delivers a dispatch written to the outbox without anyone asking, and marks it sent', async () => {
    const deps = { store: temp.store, clock: systemClock };
    await knownPeople(deps, 3, connector.url);
    await enqueue(temp.store, 'welcome:1', noticeDrafts('welcome:1', 3), systemClock.now().toISO()!);
    server = await startGremiumServer({
      config: loadConfig({ PORT: '0', DATA_DIR: temp.dataDir, LOCAL_MODE: 'true' }),
      store: temp.store,
      clock: systemClock,
      logger: silentLogger,
    });
    while (connector.delivered().length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.stop(1000);
    server = undefined;
    assert.equal(connector.deliveredPerConversation().size, 3);
    const reopened = await temp.reopen();
    const sent = await reopened.query<OutboxRecord>(COMMITTEE, {
      type: 'outbox',
      where: [{ field: 'status', op: '=', value: 'sent' }],
    });
    assert.equal(sent.length, 3, 'the loop settled every record before the store was closed');
  });
});

/** The link of an invitation card, followed over real HTTP to the real store and the real writer. */
describe('server/gremium-server calendar files', function () {
  this.timeout(30_000);
  const tenant = '11111111-2222-3333-4444-555555555555';
  const committeeId = committeeIdForHome(tenant, KOG_TEAM);
  const sessionId = 'session-2027-1';
  let temp: TempStore;
  let server: GremiumServer;
  let CALENDAR_TOKEN: string;
  let otherCommitteesToken: string;

  beforeEach(async () => {
    temp = await openTempStore();
    const deps = { store: temp.store, clock: fixedClock('2026-12-01T10:00:00Z') };
    await setUpCommittee(deps, tenant);
    await temp.store.create(sessionDocument(committeeId));
    await setUpCommittee(deps, '99999999-2222-3333-4444-555555555555', 'AGH');
    await temp.store.create(sessionDocument(committeeIdForHome('99999999-2222-3333-4444-555555555555', KOG_TEAM)));
    await seatFor(deps, committeeId);
    await seatFor(deps, committeeIdForHome('99999999-2222-3333-4444-555555555555', KOG_TEAM));
    CALENDAR_TOKEN = await issuedToken(deps, committeeId, { kind: 'calendar', sessionId });
    otherCommitteesToken = await issuedToken(
      deps,
      committeeIdForHome('99999999-2222-3333-4444-555555555555', KOG_TEAM),
      {
        kind: 'calendar',
        sessionId,
      },
    );
    server = await startGremiumServer({
      config: loadConfig({ PORT: '0', DATA_DIR: temp.dataDir, LOCAL_MODE: 'true' }),
      store: temp.store,
      clock: deps.clock,
      logger: silentLogger,
      background: false,
    });
  });
  afterEach(async () => {
    await server.stop(1000);
    await temp.cleanup().catch(() => undefined);
  });

  const download = (committee: string, session: string, token: string) =>
    fetch(`${server.http.url}${linkPath(committee, { kind: 'calendar', sessionId: session }, token)}`);

  it('serves the session as an .ics download, and after cancelling it a cancellation under the same UID', async () => {
    const response = await download(committeeId, sessionId, CALENDAR_TOKEN);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="sitzung-2027-1.ics"');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const invited = parseICalendar(await response.text());
    assert.equal(calendarProperty(invited, 'METHOD'), 'PUBLISH');
    assert.equal(eventProperty(invited, 'UID'), `session-2027-1.${committeeId}@gremium`);
    assert.equal(eventProperty(invited, 'SEQUENCE'), '2');
    assert.equal(eventProperty(invited, 'SUMMARY'), 'KOG – Sitzung 2027/1');
    assert.equal(eventProperty(invited, 'DTSTART'), '20270311T130000Z');
    assert.equal(eventProperty(invited, 'LOCATION'), 'Neues Rathaus\\, Raum 259');

    const stored = await temp.store.get<SessionDocument>(committeeId, sessionId);
    await temp.store.replace(
      { ...stored!, state: 'cancelled', revision: 3, updatedAt: '2026-12-02T08:00:00.000Z' },
      stored!._etag,
    );
    const cancelled = parseICalendar(await (await download(committeeId, sessionId, CALENDAR_TOKEN)).text());
    assert.equal(calendarProperty(cancelled, 'METHOD'), 'CANCEL');
    assert.equal(eventProperty(cancelled, 'STATUS'), 'CANCELLED');
    assert.equal(eventProperty(cancelled, 'UID'), eventProperty(invited, 'UID'));
    assert.equal(eventProperty(cancelled, 'SEQUENCE'), '3');
  });

  it("words the event in the language of the link's holder, in German with „Sitzungsleitung“ by default", async () => {
    const german = parseICalendar(await (await download(committeeId, sessionId, CALENDAR_TOKEN)).text());
    assert.match(eventProperty(german, 'DESCRIPTION') ?? '', /Sitzungsleitung: Oberbürgermeister der Stadt Leipzig/);
    assert.doesNotMatch(eventProperty(german, 'DESCRIPTION') ?? '', /Vorsitz/);

    await chooseLanguage(
      { store: temp.store, clock: fixedClock('2026-12-01T10:00:00Z') },
      { tenantId: tenant, aadObjectId: SECRETARIAT_ID },
      'en',
    );
    const response = await download(committeeId, sessionId, CALENDAR_TOKEN);
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="session-2027-1.ics"');
    const english = parseICalendar(await response.text());
    assert.equal(eventProperty(english, 'SUMMARY'), 'KOG – Session 2027/1');
    assert.match(eventProperty(english, 'DESCRIPTION') ?? '', /Chair: Oberbürgermeister der Stadt Leipzig/);
    assert.equal(eventProperty(english, 'UID'), eventProperty(german, 'UID'), 'the same event, in other words');
  });

  it('answers a wrong token, an unknown session and another committee alike, with 404 and a status word', async () => {
    const wrong = [
      download(committeeId, sessionId, nearMiss(CALENDAR_TOKEN)),
      download(committeeId, sessionId, otherCommitteesToken),
      download(committeeId, 'session-2027-9', CALENDAR_TOKEN),
      download(committeeId, 'committee', CALENDAR_TOKEN),
      download(committeeIdForHome('00000000-0000-0000-0000-000000000000', KOG_TEAM), sessionId, CALENDAR_TOKEN),
      download(committeeIdForHome('99999999-2222-3333-4444-555555555555', KOG_TEAM), sessionId, CALENDAR_TOKEN),
      fetch(`${server.http.url}/api/calendar/${committeeId}/${sessionId}/${nearMiss(CALENDAR_TOKEN)}`),
      fetch(`${server.http.url}/api/calendar/${committeeId}/${sessionId}/${CALENDAR_TOKEN}.pdf`),
      fetch(`${server.http.url}/api/calendar/${committeeId}/..%2F${sessionId}/${CALENDAR_TOKEN}.ics`),
    ];
    for (const response of await Promise.all(wrong)) {
      assert.equal(response.status, 404, response.url);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(await response.text(), '{"status":"not found"}');
    }
  });
});

/** The PDF link of a minutes card, followed over real HTTP to the real store and the real layout. */
describe('server/gremium-server minutes as PDF', function () {
  this.timeout(30_000);
  const tenant = '11111111-2222-3333-4444-555555555555';
  const committeeId = committeeIdForHome(tenant, KOG_TEAM);
  const sessionId = 'session-2027-1';
  let temp: TempStore;
  let server: GremiumServer;
  let deps: AppDependencies;
  const url = (token: string) =>
    `${server.http.url}${linkPath(committeeId, { kind: 'minutes', sessionId, version: 1 }, token)}`;

  beforeEach(async () => {
    temp = await openTempStore();
    deps = { store: temp.store, clock: fixedClock('2027-02-11T17:00:00Z') };
    await setUpCommittee(deps, tenant);
    await temp.store.create(sessionDocument(committeeId));
    const minutes: MinutesDocument = {
      id: minutesDocumentId(sessionId),
      committeeId,
      type: 'minutes',
      sessionId,
      status: 'circulated',
      version: 1,
      publishedVersion: 1,
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
      createdAt: '2027-02-11T17:00:00.000Z',
      updatedAt: '2027-02-11T17:00:00.000Z',
      updatedBy: 'aaaaaaaa-0000-0000-0000-000000000001',
    };
    await temp.store.create(minutes);
    server = await startGremiumServer({
      config: loadConfig({ PORT: '0', DATA_DIR: temp.dataDir, LOCAL_MODE: 'true' }),
      store: temp.store,
      clock: deps.clock,
      logger: silentLogger,
      background: false,
    });
  });
  afterEach(async () => {
    await server.stop(1000);
    await temp.cleanup().catch(() => undefined);
  });

  it('serves the minutes as a PDF in the default language, and the extract of unapproved minutes not at all', async () => {
    const response = await fetch(url(await issuedToken(deps, committeeId, { kind: 'minutes', sessionId, version: 1 })));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="Protokoll-KOG-2027-1.pdf"');
    const body = Buffer.from(await response.arrayBuffer());
    assert.equal(response.headers.get('content-length'), String(body.length));
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    const workingGroup = await workingGroupPerson(deps, committeeId);
    const extract = await fetch(
      url(
        await issuedToken(
          deps,
          committeeId,
          { kind: 'extract', sessionId, version: 1 },
          { kind: 'person', id: workingGroup },
        ),
      ),
    );
    assert.equal(extract.status, 404);
    assert.equal(await extract.text(), '{"status":"not found"}');
  });

  it('answers a link of a superseded version with 410 and a page in German and English that says to ask the secretariat', async () => {
    const token = await issuedToken(deps, committeeId, { kind: 'minutes', sessionId, version: 1 });
    const head = (await temp.store.get<MinutesDocument>(committeeId, minutesDocumentId(sessionId)))!;
    await temp.store.replace<MinutesDocument>(
      { ...head, version: 2, publishedVersion: 2, items: [{ ...head.items[0]!, result: 'Neue Fassung' }] },
      head._etag,
    );
    const response = await fetch(url(token));
    assert.equal(response.status, 410);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('content-disposition'), null, 'a page to read, not a file');
    const page = await response.text();
    assert.match(
      page,
      /<section lang="de"><h1>Diese Fassung ist überholt<\/h1><p>[^<]*Bitte wenden Sie sich an die Geschäftsstelle\.<\/p>/,
    );
    assert.match(
      page,
      /<section lang="en"><h1>This version has been superseded<\/h1><p>[^<]*Please contact the secretariat\.<\/p>/,
    );
    assert.doesNotMatch(page, /Neue Fassung|KOG|2027/, 'nothing of the minutes, not even which ones');
  });
});
