import assert from 'node:assert/strict';
import { tenantDirectoryId } from '../../src/domain/ids';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { actorInTeam } from '../support/actors';
import { minutesDocumentId, type MinutesDocument } from '../../src/app/minutes/minutes-document';
import { exportPersonalData } from '../../src/app/privacy/export-personal-data';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { EmbeddedStore } from '../../src/infra/embedded-store';
import { systemClock } from '../../src/infra/system-clock';
import { freePort } from '../e2e/support/processes';
import { issuedLink, SECRETARIAT_ID, seatFor } from '../app/links/link-fixtures';
import { sessionDocument, setUpCommittee, KOG_TEAM } from '../app/sessions/session-fixtures';
import { startMain } from './main-process';

const TENANT = '0a1b2c3d-0000-4000-8000-000000000003';
const COMMITTEE = committeeIdForHome(TENANT, KOG_TEAM);
const SESSION = 'session-2027-1';

/**
 * The real entry point at the most verbose log level, serving every kind of link (a calendar, the
 * minutes, a superseded version, a data export) and refusing links in every wrong shape: its
 * request log names each request, and no token appears anywhere in what the process writes.
 */
describe('server/links in logs', function () {
  this.timeout(60_000);

  it('logs each download by its route, never by its token', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-links-'));
    // The links are issued into the store the process then opens, as the running bot would.
    const store = await EmbeddedStore.open({ dataDir });
    const deps = { store, clock: systemClock };
    await setUpCommittee(deps, TENANT);
    await seatFor(deps, COMMITTEE);
    const startsAt = DateTime.utc().plus({ days: 30 }).startOf('hour');
    await store.create(
      sessionDocument(COMMITTEE, { startsAt: startsAt.toISO()!, endsAt: startsAt.plus({ hours: 3 }).toISO()! }),
    );
    const minutes: MinutesDocument = {
      id: minutesDocumentId(SESSION),
      committeeId: COMMITTEE,
      type: 'minutes',
      sessionId: SESSION,
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
      updatedBy: SECRETARIAT_ID,
    };
    await store.create(minutes);
    const superseded = await issuedLink(deps, COMMITTEE, { kind: 'minutes', sessionId: SESSION, version: 1 });
    const head = (await store.get<MinutesDocument>(COMMITTEE, minutes.id))!;
    await store.replace<MinutesDocument>({ ...head, version: 2, publishedVersion: 2 }, head._etag);
    const pdf = await issuedLink(deps, COMMITTEE, { kind: 'minutes', sessionId: SESSION, version: 2 });
    const calendar = await issuedLink(deps, COMMITTEE, { kind: 'calendar', sessionId: SESSION });
    const exported = await exportPersonalData(
      deps,
      await actorInTeam(deps, { tenantId: TENANT, aadObjectId: SECRETARIAT_ID, displayName: 'Geschäftsstelle' }),
    );
    assert.ok(exported);
    await store.close();
    const links = [calendar, pdf, superseded, exported];

    const port = await freePort();
    const main = startMain({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'trace', LOCAL_MODE: 'true' });
    try {
      await main.output(/Gremium is ready/);
      const base = `http://127.0.0.1:${port}`;
      const statuses: number[] = [];
      for (const link of links) statuses.push((await fetch(`${base}${link.path}?from=${link.token}`)).status);
      const page = await fetch(`${base}${calendar.path.replace(/\.ics$/, '')}`);
      assert.equal(page.status, 200, "the calendar link's page");
      for (const link of links) {
        for (const wrong of [
          `${link.path}/`,
          // A calendar link without `.ics` is its "add to calendar" page, and is logged alike (below).
          ...(link === calendar ? [] : [link.path.replace(/\.\w+$/, '')]),
          link.path.replace(link.token, `${link.token.slice(1)}A`),
          `/api/minutes/${COMMITTEE}/${link.token}`,
          `/${link.token}`,
          `/api/${link.token}.pdf`,
        ]) {
          statuses.push((await fetch(`${base}${wrong}`)).status);
        }
      }
      assert.deepEqual(statuses.slice(0, 4), [200, 200, 410, 200], 'calendar, minutes, superseded minutes, export');
      assert.ok(
        statuses.slice(4).every((status) => status === 404),
        statuses.join(),
      );

      main.child.kill('SIGTERM');
      const { stdout, stderr } = await main.exited;
      const written = `${stdout}\n${stderr}`;
      // The request log must have seen the downloads, or the search below would prove nothing.
      for (const route of [
        `/api/calendar/${COMMITTEE}/${SESSION}/….ics`,
        `/api/minutes/${COMMITTEE}/${SESSION}/….pdf`,
        `/api/export/${tenantDirectoryId(TENANT)}/….json`,
        `/api/calendar/${COMMITTEE}/${SESSION}/…`,
      ]) {
        assert.ok(written.includes(`"route":"${route}"`), `no request line for ${route}`);
      }
      assert.match(written, /"level":20,[^\n]*"method":"GET","route":"\/api\/minutes\/[^"]+","status":410/);
      for (const link of links) {
        assert.equal(
          written.includes(link.token),
          false,
          `a token was written:\n${written
            .split('\n')
            .filter((line) => line.includes(link.token))
            .join('\n')}`,
        );
        assert.equal(written.includes(link.token.slice(0, 16)), false, 'a part of a token was written');
      }
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGTERM');
      await main.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
