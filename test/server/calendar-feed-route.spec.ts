import assert from 'node:assert/strict';
import { silentLogger } from '../../src/app/ports/logger';
import { tenantDirectoryId } from '../../src/domain/ids';
import { IcsCalendarWriter } from '../../src/infra/ics-calendar';
import { calendarFeedHandlers } from '../../src/server/calendar-feed-handlers';
import { startHttpServer, type RunningHttpServer } from '../../src/server/http-server';
import { routeForLog } from '../../src/server/request-log';
import { issuedToken, nearMiss } from '../app/links/link-fixtures';
import { COMMITTEE, PEOPLE, SESSION_1, TENANT, useSessionWorld } from '../app/sessions/session-world';
import { parseWithIcalJs } from '../support/ical';

const DIRECTORY = tenantDirectoryId(TENANT);
const BASE = 'https://gremium.example.org';

/** The feed's addresses in a page: the https address to copy and the webcal button. */
function addressesIn(html: string): { https: string; webcal: string } {
  const https = new RegExp(`<code>(${BASE}/api/feed/[^<]+\\.ics)</code>`).exec(html)?.[1];
  const webcal = /href="(webcal:[^"]+)"/.exec(html)?.[1];
  assert.ok(https && webcal, 'the page shows both addresses');
  return { https, webcal };
}

describe('server/http-server: the calendar subscription and the invitation\'s "add to calendar" page', () => {
  const fixture = useSessionWorld();
  let server: RunningHttpServer | undefined;
  let calendarToken: string;
  beforeEach(async () => {
    const { world } = fixture;
    calendarToken = await issuedToken(
      world.deps,
      COMMITTEE,
      { kind: 'calendar', sessionId: SESSION_1 },
      { kind: 'person', id: PEOPLE.birgit },
    );
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger,
      maxBodyBytes: 1024,
      handleMessage: async (_request, response) => void response.send(200, {}),
      isReady: async () => true,
      calendarFile: async () => undefined,
      minutesFile: async () => undefined,
      ...calendarFeedHandlers({
        deps: world.deps,
        publicBaseUrl: BASE,
        defaultLocale: 'de',
        calendarWriter: new IcsCalendarWriter(),
      }),
    });
  });
  afterEach(async () => {
    await server?.stop(1000);
    server = undefined;
  });

  const local = (url: string) => `${server!.url}${url.replace(BASE, '').replace(/^webcal:\/\/[^/]+/, '')}`;
  const offer = `/api/calendar/${COMMITTEE}/${SESSION_1}`;

  it('offers the session file and a subscription, makes an address only on request, and serves the feed', async () => {
    const page = await fetch(`${server!.url}${offer}/${calendarToken}`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'.*form-action 'self'/);
    const shown = await page.text();
    assert.ok(shown.includes(`href="${BASE}${offer}/${calendarToken}.ics"`), 'the session file as before');
    assert.ok(shown.includes(`<form method="post" action="${BASE}${offer}/${calendarToken}/subscribe">`));
    assert.ok(shown.includes('Alle Sitzungen abonnieren'));
    assert.equal(/webcal:/.test(shown), false, 'opening the page makes no address');

    const subscribed = await fetch(`${server!.url}${offer}/${calendarToken}/subscribe`, { method: 'POST' });
    assert.equal(subscribed.status, 200);
    const { https, webcal } = addressesIn(await subscribed.text());
    assert.equal(webcal, https.replace(/^https:/, 'webcal:'));
    assert.match(https, new RegExp(`^${BASE}/api/feed/${DIRECTORY}/[A-Za-z0-9_-]{43}\\.ics$`));
    assert.equal(routeForLog(https.replace(BASE, '')), `/api/feed/${DIRECTORY}/….ics`, 'the log never keeps the token');

    const feed = await fetch(local(https));
    assert.equal(feed.status, 200);
    assert.equal(feed.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(feed.headers.get('cache-control'), 'private, no-cache');
    const etag = feed.headers.get('etag');
    assert.ok(etag && feed.headers.get('last-modified'));
    const calendar = parseWithIcalJs(await feed.text());
    assert.equal(calendar.components.filter((component) => component.name === 'vevent').length, 3);
    const again = await fetch(local(https), { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304, 'an unchanged feed is not sent again');
    assert.equal(await again.text(), '');
    assert.equal((await fetch(local(https), { headers: { 'If-None-Match': '"other"' } })).status, 200);

    const resent = await (await fetch(`${server!.url}${offer}/${calendarToken}/subscribe`, { method: 'POST' })).text();
    assert.equal(/webcal:/.test(resent), false, 'sending the form again does not replace the address');
    assert.ok(resent.includes('Sie haben bereits eine Kalenderadresse'));
    assert.equal((await fetch(local(https))).status, 200, 'the address in use keeps working');

    const renewed = await fetch(`${server!.url}${offer}/${calendarToken}/renew`, { method: 'POST' });
    const fresh = addressesIn(await renewed.text());
    assert.notEqual(fresh.https, https);
    assert.equal((await fetch(local(https))).status, 404, 'the old address stops working');
    assert.equal((await fetch(local(fresh.https))).status, 200);

    const feedPage = await fetch(local(fresh.https.replace(/\.ics$/, '')));
    assert.equal(feedPage.status, 200);
    const feedPageText = await feedPage.text();
    assert.ok(feedPageText.includes('In Outlook abonnieren'));
    assert.deepEqual(addressesIn(feedPageText), fresh);
  });

  it('answers every address that leads nowhere with the same 404', async () => {
    const renewed = await fetch(`${server!.url}${offer}/${calendarToken}/renew`, { method: 'POST' });
    const { https } = addressesIn(await renewed.text());
    const token = /([A-Za-z0-9_-]{43})\.ics$/.exec(https)![1]!;
    const wrong: Array<[string, RequestInit?]> = [
      [`/api/feed/${DIRECTORY}/${nearMiss(token)}.ics`],
      [`/api/feed/${DIRECTORY}/${nearMiss(token)}`],
      [`/api/feed/${COMMITTEE}/${token}.ics`],
      [`/api/feed/${DIRECTORY}/${token}.pdf`],
      [`/api/feed/${DIRECTORY}/${token}.ics/x`],
      [`/api/feed/${token}.ics`],
      [`${offer}/${nearMiss(calendarToken)}`],
      [`${offer}/${nearMiss(calendarToken)}/subscribe`, { method: 'POST' }],
      [`${offer}/${calendarToken}/delete`, { method: 'POST' }],
      [`/api/calendar/${COMMITTEE}/session-2027-2/${calendarToken}`],
    ];
    for (const [path, init] of wrong) {
      const response = await fetch(`${server!.url}${path}`, init);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.equal(await response.text(), '{"status":"not found"}', path);
    }
  });
});
