import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { linkPath } from '../../../src/app/links/link-paths';
import { sessionCalendarEvent, sessionCalendarUid } from '../../../src/app/sessions/session-calendar';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { useTempStore } from '../../support/temp-store';
import { issuedToken, nearMiss, seatFor } from '../links/link-fixtures';
import { ONLINE_LINK, sessionDocument, setUpCommittee, KOG_TEAM } from './session-fixtures';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const COMMITTEE = committeeIdForHome(TENANT, KOG_TEAM);
const OTHER_COMMITTEE = committeeIdForHome(OTHER_TENANT, KOG_TEAM);
const SESSION = sessionDocumentId(2027, 1);

describe('app/sessions/session-calendar', () => {
  const fixture = useTempStore('2026-12-01T10:00:00Z');
  let deps: AppDependencies;
  let CALENDAR_TOKEN: string;
  beforeEach(async () => {
    deps = fixture.deps;
    await setUpCommittee(deps, TENANT, 'KOG');
    await deps.store.create(sessionDocument(COMMITTEE));
    await seatFor(deps, COMMITTEE);
    CALENDAR_TOKEN = await issuedToken(deps, COMMITTEE, { kind: 'calendar', sessionId: SESSION });
  });

  it('gives whoever holds the link the session as its invitation describes it', async () => {
    assert.deepEqual(await sessionCalendarEvent(deps, COMMITTEE, SESSION, CALENDAR_TOKEN), {
      uid: `session-2027-1.${COMMITTEE}@gremium`,
      sequence: 2,
      stampedAt: '2026-12-01T09:30:00.000Z',
      title: 'KOG – Sitzung 2027/1',
      description: `${DEFAULT_COMMITTEE_SETTINGS.name}\nVorsitz: Oberbürgermeister der Stadt Leipzig\nOnline-Teilnahme: ${ONLINE_LINK}`,
      startsAt: '2027-03-11T13:00:00.000Z',
      endsAt: '2027-03-11T16:00:00.000Z',
      location: 'Neues Rathaus, Raum 259',
      url: ONLINE_LINK,
      cancelled: false,
      fileName: 'sitzung-2027-1.ics',
    });
  });

  it('follows a reschedule under the same UID with the new revision as sequence', async () => {
    const before = await sessionCalendarEvent(deps, COMMITTEE, SESSION, CALENDAR_TOKEN);
    const stored = await deps.store.get<SessionDocument>(COMMITTEE, SESSION);
    await deps.store.replace(
      {
        ...stored!,
        startsAt: '2027-03-18T13:00:00.000Z',
        endsAt: '2027-03-18T16:00:00.000Z',
        revision: 3,
        updatedAt: '2026-12-02T08:00:00.000Z',
      },
      stored!._etag,
    );
    const after = await sessionCalendarEvent(deps, COMMITTEE, SESSION, CALENDAR_TOKEN);
    assert.equal(after?.uid, before?.uid);
    assert.deepEqual(
      [after?.sequence, after?.startsAt, after?.endsAt, after?.stampedAt],
      [3, '2027-03-18T13:00:00.000Z', '2027-03-18T16:00:00.000Z', '2026-12-02T08:00:00.000Z'],
    );
  });

  it('turns a cancelled session into a cancelled event that says so in its title', async () => {
    const stored = await deps.store.get<SessionDocument>(COMMITTEE, SESSION);
    await deps.store.replace({ ...stored!, state: 'cancelled', revision: 3 }, stored!._etag);
    const event = await sessionCalendarEvent(deps, COMMITTEE, SESSION, CALENDAR_TOKEN);
    assert.equal(event?.cancelled, true);
    assert.equal(event?.sequence, 3);
    assert.equal(event?.title, 'Abgesagt: KOG – Sitzung 2027/1');
    assert.match(event!.description!, /^Diese Sitzung ist abgesagt\.\n/);
  });

  it('names an extra session, and falls back to "Online" for a session without a place', async () => {
    const id = sessionDocumentId(2027, 4);
    await deps.store.create(
      sessionDocument(COMMITTEE, {
        id,
        number: '2027/4',
        sequence: 4,
        extra: true,
        chair: undefined,
        place: undefined,
      }),
    );
    const event = await sessionCalendarEvent(
      deps,
      COMMITTEE,
      id,
      await issuedToken(deps, COMMITTEE, { kind: 'calendar', sessionId: id }),
    );
    assert.equal(event?.title, 'KOG – Sondersitzung 2027/4');
    assert.equal(event?.location, 'Online');
    assert.equal(event?.description, `${DEFAULT_COMMITTEE_SETTINGS.name}\nOnline-Teilnahme: ${ONLINE_LINK}`);
    assert.equal(event?.fileName, 'sitzung-2027-4.ics');
  });

  it('keeps an online link that is no web address out of the event URL', async () => {
    const id = sessionDocumentId(2027, 2);
    await deps.store.create(
      sessionDocument(COMMITTEE, { id, number: '2027/2', sequence: 2, onlineLink: 'Einwahl: 0341 123-456, PIN 789' }),
    );
    const event = await sessionCalendarEvent(
      deps,
      COMMITTEE,
      id,
      await issuedToken(deps, COMMITTEE, { kind: 'calendar', sessionId: id }),
    );
    assert.equal(event?.url, undefined);
    assert.match(event!.description!, /Online-Teilnahme: Einwahl: 0341 123-456, PIN 789$/);
  });

  it('answers nothing for a wrong token, whatever its shape', async () => {
    for (const token of [
      nearMiss(CALENDAR_TOKEN),
      CALENDAR_TOKEN.toUpperCase(),
      CALENDAR_TOKEN.toLowerCase(),
      CALENDAR_TOKEN.slice(0, -1),
      `${CALENDAR_TOKEN}0`,
      '',
      'x',
      `${CALENDAR_TOKEN}.ics`,
      '../committee',
    ]) {
      assert.equal(await sessionCalendarEvent(deps, COMMITTEE, SESSION, token), undefined, JSON.stringify(token));
    }
  });

  it("answers nothing for another session than the link's, a session that does not exist, or an id that is not a session", async () => {
    await deps.store.create(
      sessionDocument(COMMITTEE, { id: sessionDocumentId(2027, 2), number: '2027/2', sequence: 2 }),
    );
    assert.equal(await sessionCalendarEvent(deps, COMMITTEE, sessionDocumentId(2027, 2), CALENDAR_TOKEN), undefined);
    assert.equal(await sessionCalendarEvent(deps, COMMITTEE, sessionDocumentId(2027, 9), CALENDAR_TOKEN), undefined);
    assert.equal(await sessionCalendarEvent(deps, COMMITTEE, 'committee', CALENDAR_TOKEN), undefined);
    assert.equal(
      await sessionCalendarEvent(
        deps,
        committeeIdForHome('00000000-0000-0000-0000-000000000000', KOG_TEAM),
        SESSION,
        CALENDAR_TOKEN,
      ),
      undefined,
    );
    for (const [committeeId, sessionId] of [
      [COMMITTEE, '../session-2027-1'],
      [COMMITTEE, 'session/2027-1'],
      ['', SESSION],
      [`${COMMITTEE}?x`, SESSION],
      [COMMITTEE, 'x'.repeat(101)],
    ]) {
      assert.equal(
        await sessionCalendarEvent(deps, committeeId!, sessionId!, CALENDAR_TOKEN),
        undefined,
        `${committeeId} ${sessionId}`,
      );
    }
  });

  it("does not let one committee's token open another committee's session of the same number", async () => {
    await setUpCommittee(deps, OTHER_TENANT, 'AGH');
    await deps.store.create(sessionDocument(OTHER_COMMITTEE));
    await seatFor(deps, OTHER_COMMITTEE);
    const otherToken = await issuedToken(deps, OTHER_COMMITTEE, { kind: 'calendar', sessionId: SESSION });
    assert.equal(await sessionCalendarEvent(deps, OTHER_COMMITTEE, SESSION, CALENDAR_TOKEN), undefined);
    assert.equal(await sessionCalendarEvent(deps, COMMITTEE, SESSION, otherToken), undefined);
    assert.equal(
      (await sessionCalendarEvent(deps, OTHER_COMMITTEE, SESSION, otherToken))?.title,
      'AGH – Sitzung 2027/1',
    );
  });

  it('builds the link path and the UID from the ids alone', () => {
    assert.equal(
      linkPath(COMMITTEE, { kind: 'calendar', sessionId: SESSION }, CALENDAR_TOKEN),
      `/api/calendar/${COMMITTEE}/session-2027-1/${CALENDAR_TOKEN}.ics`,
    );
    assert.equal(sessionCalendarUid(COMMITTEE, SESSION), `session-2027-1.${COMMITTEE}@gremium`);
  });
});
