import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { refreshPublications } from '../../src/app/oparl/refresh-publication';
import { silentLogger } from '../../src/app/ports/logger';
import { seatDocumentId } from '../../src/domain/ids';
import { embeddedForm } from '../../src/domain/oparl/public-record';
import { inProcessPdfRenderer } from '../../src/infra/pdf-renderer';
import { loadConfig } from '../../src/server/config';
import { startGremiumServer, type GremiumServer } from '../../src/server/gremium-server';
import { oparlInterface, type OparlInterface } from '../../src/server/oparl-interface';
import {
  COMMITTEE,
  midCycleWorld,
  NEVER_PUBLIC,
  ONLINE_LINK,
  SESSION_1,
  SESSION_2,
  setPublication,
  TENANT,
} from '../app/oparl/oparl-world';
import type { SessionWorld } from '../app/sessions/session-world';
import { freePort } from '../e2e/support/processes';
import { ENGINES } from '../support/engines';
import { pdfPageTexts } from '../support/pdf-text';
import { OparlSchemas, walkInterface, type Walk } from './oparl-walk';

type Json = Record<string, unknown>;

/** What each type may say: anything else would be something the mapping never meant to publish. */
const ALLOWED_KEYS: Readonly<Record<string, readonly string[]>> = {
  System: ['oparlVersion', 'license', 'body', 'name', 'contactEmail', 'contactName'],
  Body: [
    'system',
    'name',
    'license',
    'oparlSince',
    'contactEmail',
    'contactName',
    'organization',
    'person',
    'meeting',
    'paper',
    'legislativeTerm',
    'agendaItem',
    'consultation',
    'file',
    'locationList',
    'legislativeTermList',
    'membership',
  ],
  Organization: [
    'body',
    'name',
    'shortName',
    'organizationType',
    'classification',
    'subOrganizationOf',
    'startDate',
    'endDate',
    'membership',
    'meeting',
  ],
  Membership: ['organization', 'onBehalfOf', 'role'],
  Meeting: [
    'name',
    'meetingState',
    'cancelled',
    'start',
    'end',
    'location',
    'organization',
    'invitation',
    'resultsProtocol',
    'agendaItem',
  ],
  AgendaItem: ['meeting', 'number', 'order', 'name', 'public', 'result', 'resolutionText'],
  File: ['name', 'fileName', 'mimeType', 'date', 'size', 'sha512Checksum', 'accessUrl', 'downloadUrl', 'meeting'],
  Location: ['description', 'meetings'],
};
const EVERY_OBJECT = ['id', 'type', 'created', 'modified', 'deleted'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

for (const engine of ENGINES) {
  describe(`server/oparl: the OParl interface of a committee in mid-cycle, over HTTP, on the ${engine.name}`, function () {
    this.timeout(180_000);
    const schemas = new OparlSchemas();
    let close: () => Promise<void>;
    let world: SessionWorld;
    let server: GremiumServer;
    let oparl: OparlInterface;
    let base: string;
    let walk: Walk;

    before(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await midCycleWorld(opened.store);
      await setPublication(opened.store, true);
      const port = await freePort();
      const config = loadConfig({
        PORT: String(port),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        LOCAL_MODE: 'true',
        OPARL_CONTACT_EMAIL: 'geschaeftsstelle@example.org',
        OPARL_CONTACT_NAME: 'Geschäftsstelle des KOG',
      });
      server = await startGremiumServer({
        config,
        store: opened.store,
        clock: world.clock,
        logger: silentLogger,
        background: false,
        pdf: { renderer: inProcessPdfRenderer },
      });
      // The server's own publishing, run once as its background loop would.
      oparl = oparlInterface({
        config,
        deps: world.deps,
        pdfRenderer: inProcessPdfRenderer,
        logger: silentLogger,
      });
      assert.equal(await refreshPublications(world.deps, oparl.publishing, silentLogger), true);
      base = `${config.publicBaseUrl}/oparl/v1`;
      walk = await walkInterface(base, schemas);
    });
    after(async () => {
      await server?.stop(1000);
      await close?.();
    });

    const objectsOf = (type: string): Json[] =>
      [...walk.objects.values()].filter((object) => OparlSchemas.nameOf(object) === type);

    it('reaches every object from the System, each valid against the official schema, and every address answers', () => {
      const system = walk.objects.get(`${base}/system`)!;
      assert.deepEqual(
        [system.oparlVersion, system.license, system.contactEmail, system.contactName],
        [
          'https://schema.oparl.org/1.1/',
          'https://creativecommons.org/licenses/by/4.0/',
          'geschaeftsstelle@example.org',
          'Geschäftsstelle des KOG',
        ],
      );
      const counts = Object.fromEntries(
        Object.keys(ALLOWED_KEYS).map((type) => [type, objectsOf(type).length] as const),
      );
      assert.deepEqual(counts, {
        System: 1,
        Body: 1,
        // The committee, three institutions, two temporary working groups.
        Organization: 6,
        // Agentur: member; IHK and Jobcenter: member and deputy.
        Membership: 5,
        Meeting: 3,
        // 2027/1: opening, topic, other business; 2027/2: opening, agreements, topic, other business.
        AgendaItem: 7,
        // Invitations of 2027/1 and 2027/2, the results of 2027/1.
        File: 3,
        Location: 1,
      });
      assert.equal(walk.objects.get(`${base}/body/${TENANT}`)!.contactEmail, 'geschaeftsstelle@example.org');
      // The bytes of every file, shown and saved.
      assert.equal(walk.files.size, 6);
    });

    it('gives every object, embedded ones too, its address as id, a type and its times; an embedded one is the object at its address', () => {
      for (const object of walk.objects.values()) {
        assert.match(String(object.id), new RegExp(`^${base}/`));
        assert.match(String(object.created), DATE_TIME, String(object.id));
        assert.match(String(object.modified), DATE_TIME, String(object.id));
        assert.ok(String(object.modified) >= String(object.created), String(object.id));
      }
      assert.ok(walk.embedded.length >= 11);
      for (const { object, property } of walk.embedded) {
        assert.match(String(object.created), DATE_TIME, `${String(object.id)} in ${property}`);
        assert.match(String(object.modified), DATE_TIME, `${String(object.id)} in ${property}`);
        const alone = walk.objects.get(String(object.id));
        assert.ok(alone, `${String(object.id)} is fetched at its address`);
        assert.deepEqual(
          object,
          embeddedForm(alone),
          `${String(object.id)} embedded is the object without back references`,
        );
      }
      for (const page of walk.pages.values())
        for (const object of page.data as Json[])
          assert.deepEqual(object, walk.objects.get(String(object.id)), 'listed as at its address');
    });

    it('pages every list, with next on every page but the last, the filters kept in every link', async () => {
      const lists = [...walk.pages.keys()].filter((url) => !url.includes('?'));
      assert.equal(lists.length, 12, lists.join('\n'));
      for (const list of lists) {
        const whole = ((await (await fetch(list)).json()) as Json).data as Json[];
        const seen: string[] = [];
        let url: string | undefined = `${list}?created_since=2000-01-01T00%3A00%3A00Z&limit=1`;
        let pages = 0;
        while (url) {
          const page = (await (await fetch(url)).json()) as Json;
          pages += 1;
          const links = page.links as Json;
          for (const link of [links.first, links.self, links.next].filter(Boolean))
            assert.match(String(link), /\?created_since=2000-01-01T00%3A00%3A00Z&limit=1/, `${list}: ${String(link)}`);
          assert.deepEqual(page.pagination, { elementsPerPage: 1, currentPage: pages });
          seen.push(...(page.data as Json[]).map((object) => String(object.id)));
          url = links.next as string | undefined;
          const last = seen.length === whole.length;
          assert.equal(url === undefined, last, `${list}: next on page ${pages} of ${whole.length}`);
        }
        assert.deepEqual(
          seen,
          whole.map((object) => String(object.id)),
          `${list}: page by page as a whole`,
        );
        const later = ((await (await fetch(`${list}?created_since=2099-01-01T00%3A00%3A00Z`)).json()) as Json).data;
        assert.deepEqual(later, [], `${list}: created_since filters`);
      }
    });

    it('answers JSON with charset, open for reading from any origin, and a preflight', async () => {
      for (const [url, response] of walk.responses) {
        assert.equal(response.headers.get('access-control-allow-origin'), '*', url);
        assert.ok(response.headers.get('etag'), url);
      }
      const preflight = await fetch(`${base}/meeting/${COMMITTEE}/${SESSION_1}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://ratsinfo.example.org', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /GET/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /If-None-Match/);
    });

    it('answers a conditional GET with 304 while nothing changed, by ETag and by date', async () => {
      const url = `${base}/meeting/${COMMITTEE}/${SESSION_1}`;
      const first = await fetch(url);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      assert.equal(lastModified, new Date(String(((await first.json()) as Json).modified)).toUTCString());
      const byTag = await fetch(url, { headers: { 'If-None-Match': etag } });
      assert.equal(byTag.status, 304);
      assert.equal(await byTag.text(), '');
      assert.equal(byTag.headers.get('etag'), etag);
      assert.equal((await fetch(url, { headers: { 'If-Modified-Since': lastModified } })).status, 304);
      assert.equal((await fetch(url, { headers: { 'If-None-Match': '"something else"' } })).status, 200);
      const list = `${base}/body/${TENANT}/meeting`;
      const listTag = (await fetch(list)).headers.get('etag')!;
      assert.equal((await fetch(list, { headers: { 'If-None-Match': listTag } })).status, 304);
      const head = await fetch(url, { method: 'HEAD' });
      assert.deepEqual([head.status, head.headers.get('etag'), await head.text()], [200, etag, '']);
    });

    it('serves each file with the size and SHA-512 its File states, shown or saved', async () => {
      for (const file of objectsOf('File')) {
        for (const [address, disposition] of [
          [file.accessUrl, 'inline'],
          [file.downloadUrl, 'attachment'],
        ] as const) {
          const served = walk.files.get(String(address));
          assert.ok(served, String(address));
          assert.equal(served.bytes.length, file.size);
          assert.equal(createHash('sha512').update(served.bytes).digest('hex'), file.sha512Checksum);
          const response = walk.responses.get(String(address))!;
          assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`^${disposition}; filename="`));
          assert.equal(
            served.contentType,
            file.mimeType === 'application/pdf' ? 'application/pdf' : 'text/plain; charset=utf-8',
          );
        }
      }
    });

    it('publishes nothing internal or personal: not in any object, list or file', async () => {
      const fileTexts = await Promise.all(
        [...walk.files.values()].map(async (file) =>
          file.contentType === 'application/pdf'
            ? (await pdfPageTexts(file.bytes)).join('\n')
            : file.bytes.toString('utf8'),
        ),
      );
      const everything = [...walk.texts, ...fileTexts];
      for (const secret of [...NEVER_PUBLIC, ONLINE_LINK])
        for (const text of everything)
          assert.ok(!text.includes(secret), `"${secret}" is published: ${text.slice(0, 300)}`);

      for (const object of [...walk.objects.values(), ...walk.embedded.map((inner) => inner.object)]) {
        const allowed = [...EVERY_OBJECT, ...(ALLOWED_KEYS[OparlSchemas.nameOf(object)] ?? [])];
        const extra = Object.keys(object).filter((key) => !allowed.includes(key));
        assert.deepEqual(extra, [], `${String(object.id)} says more than it may`);
      }
      assert.deepEqual(objectsOf('Person'), []);
      // Results only from approved minutes; no agenda before it is published.
      for (const meeting of objectsOf('Meeting')) {
        const approved = meeting.meetingState === 'durchgeführt';
        const items = (meeting.agendaItem as Json[] | undefined) ?? [];
        assert.equal(Boolean(meeting.resultsProtocol), approved, String(meeting.id));
        if (!approved) assert.ok(items.every((item) => item.result === undefined && item.resolutionText === undefined));
      }
      assert.equal(walk.objects.get(`${base}/meeting/${COMMITTEE}/session-2027-3`)!.agendaItem, undefined);
      const [results] = [...walk.files.entries()].filter(([url]) => url.endsWith('/results/access'));
      const pdf = (await pdfPageTexts(results![1].bytes)).join('\n');
      assert.match(pdf, /Ergebnisse und Vereinbarungen/);
      assert.match(pdf, /Die Zahlen werden erhoben; \[Name entfernt\] berichtet/);
      assert.doesNotMatch(pdf, /Zusammenfassung|Teilnehmende/);
      const invitation = fileTexts.find((text) => text.includes('Einladung zur Sitzung 2027/2'));
      assert.match(invitation ?? '', /TOP 3 {2}Berufsorientierung an Oberschulen/);
    });

    it('states a deletion to who asks what changed since, and the deleted object still answers', async () => {
      const before = world.clock.now().toUTC().toISO()!;
      world.clock.advance(60_000);
      await world.store.delete(COMMITTEE, seatDocumentId('ihk'));
      assert.equal(await refreshPublications(world.deps, oparl.publishing, silentLogger), true);
      const list = `${base}/body/${TENANT}/membership`;
      const member = `${base}/membership/${COMMITTEE}/${seatDocumentId('ihk')}/member`;
      const current = ((await (await fetch(list)).json()) as Json).data as Json[];
      assert.ok(!current.some((object) => object.id === member));
      const since = (await (await fetch(`${list}?modified_since=${encodeURIComponent(before)}`)).json()) as Json;
      const deleted = (since.data as Json[]).filter((object) => object.deleted === true);
      assert.deepEqual(
        deleted.map((object) => object.id),
        [`${base}/membership/${COMMITTEE}/${seatDocumentId('ihk')}/deputy`, member],
      );
      for (const object of deleted) schemas.validate(object, String(object.id));
      assert.match(String((since.links as Json).self), /modified_since=/);
      const alone = await fetch(member);
      assert.equal(alone.status, 200);
      assert.deepEqual(Object.keys((await alone.json()) as Json), ['id', 'type', 'created', 'modified', 'deleted']);
      const meeting = await fetch(`${base}/meeting/${COMMITTEE}/${SESSION_2}`);
      assert.equal(meeting.status, 200, 'what did not change is still there');
    });

    it('answers anything else below the prefix with a JSON 404, open for reading', async () => {
      for (const path of [
        'meeting/tenant-unknown/session-2027-1',
        `meeting/${COMMITTEE}/session-2099-1`,
        `file/${COMMITTEE}/session-2027-3/results/access`,
        `file/${COMMITTEE}/${SESSION_1}/minutes`,
        'person',
        'system/extra',
        `meeting/${COMMITTEE}/..%2F..%2Fcommittee`,
      ]) {
        const response = await fetch(`${base}/${path}`);
        assert.equal(response.status, 404, path);
        assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8', path);
        assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      }
      const bad = await fetch(`${base}/body/${TENANT}/meeting?limit=lots`);
      assert.equal(bad.status, 400);
      assert.deepEqual(await bad.json(), { status: 'bad request', parameter: 'limit' });
    });
  });
}
