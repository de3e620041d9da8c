import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { CommitteeDocument } from '../../../src/app/documents';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { linkPath } from '../../../src/app/links/link-paths';
import { chooseLanguage } from '../../../src/app/preferences/language-preference';
import { rememberConversation } from '../../../src/app/remember-conversation';
import { sessionCalendar, sessionCalendarUid } from '../../../src/app/sessions/session-calendar';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { useTempStore } from '../../support/temp-store';
import { issuedToken, nearMiss, SECRETARIAT_ID, seatFor } from '../links/link-fixtures';
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
    assert.deepEqual(await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN), {
      uid: `session-2027-1.${COMMITTEE}@gremium`,
      sequence: 2,
      stampedAt: '2026-12-01T09:30:00.000Z',
      startsAt: '2027-03-11T13:00:00.000Z',
      endsAt: '2027-03-11T16:00:00.000Z',
      url: ONLINE_LINK,
      cancelled: false,
      committeeName: DEFAULT_COMMITTEE_SETTINGS.name,
      committeeShortName: 'KOG',
      number: '2027/1',
      extra: false,
      chair: 'Oberbürgermeister der Stadt Leipzig',
      place: 'Neues Rathaus, Raum 259',
      onlineLink: ONLINE_LINK,
      language: 'de',
    });
  });

  it("speaks the language of the link's holder: their choice, else the language of their 1:1 chat", async () => {
    await rememberConversation(deps, {
      address: {
        serviceUrl: 'https://smba.example/emea/',
        channelId: 'msteams',
        conversationId: 'a:personal-secretariat',
        conversationType: 'personal',
        tenantId: TENANT,
        botId: '28:gremium-bot',
        userAadObjectId: SECRETARIAT_ID,
      },
      locale: 'en-GB',
    });
    assert.equal((await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN))?.language, 'en');
    await chooseLanguage(deps, { tenantId: TENANT, aadObjectId: SECRETARIAT_ID }, 'de');
    assert.equal((await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN))?.language, 'de');
  });

  it("speaks the committee's language to a holder who never chose nor wrote", async () => {
    assert.equal((await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN))?.language, 'de');
    const committee = (await deps.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
    const { _etag: etag, ...rest } = committee;
    await deps.store.replace<CommitteeDocument>({ ...rest, language: 'en' }, etag);
    assert.equal((await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN))?.language, 'en');
  });

  it('follows a reschedule under the same UID with the new revision as sequence', async () => {
    const before = await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN);
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
    const after = await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN);
    assert.equal(after?.uid, before?.uid);
    assert.deepEqual(
      [after?.sequence, after?.startsAt, after?.endsAt, after?.stampedAt],
      [3, '2027-03-18T13:00:00.000Z', '2027-03-18T16:00:00.000Z', '2026-12-02T08:00:00.000Z'],
    );
  });

  it('marks a cancelled session as cancelled, with its new revision as sequence', async () => {
    const stored = await deps.store.get<SessionDocument>(COMMITTEE, SESSION);
    await deps.store.replace({ ...stored!, state: 'cancelled', revision: 3 }, stored!._etag);
    const calendar = await sessionCalendar(deps, COMMITTEE, SESSION, CALENDAR_TOKEN);
    assert.equal(calendar?.cancelled, true);
    assert.equal(calendar?.sequence, 3);
  });

  it('says an extra session is one, and leaves out what a session does not have', async () => {
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
    const calendar = await sessionCalendar(
      deps,
      COMMITTEE,
      id,
      await issuedToken(deps, COMMITTEE, { kind: 'calendar', sessionId: id }),
    );
    assert.equal(calendar?.extra, true);
    assert.equal(calendar?.number, '2027/4');
    assert.ok(calendar && !('chair' in calendar) && !('place' in calendar));
  });

  it('keeps an online link that is no web address out of the event URL', async () => {
    const id = sessionDocumentId(2027, 2);
    await deps.store.create(
      sessionDocument(COMMITTEE, { id, number: '2027/2', sequence: 2, onlineLink: 'Einwahl: 0341 123-456, PIN 789' }),
    );
    const calendar = await sessionCalendar(
      deps,
      COMMITTEE,
      id,
      await issuedToken(deps, COMMITTEE, { kind: 'calendar', sessionId: id }),
    );
    assert.equal(calendar?.url, undefined);
    assert.equal(calendar?.onlineLink, 'Einwahl: 0341 123-456, PIN 789');
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
      assert.equal(await sessionCalendar(deps, COMMITTEE, SESSION, token), undefined, JSON.stringify(token));
    }
  });

  it("answers nothing for another session than the link's, a session that does not exist, or an id that is not a session", async () => {
    await deps.store.create(
      sessionDocument(COMMITTEE, { id: sessionDocumentId(2027, 2), number: '2027/2', sequence: 2 }),
    );
    assert.equal(await sessionCalendar(deps, COMMITTEE, sessionDocumentId(2027, 2), CALENDAR_TOKEN), undefined);
    assert.equal(await sessionCalendar(deps, COMMITTEE, sessionDocumentId(2027, 9), CALENDAR_TOKEN), undefined);
    assert.equal(await sessionCalendar(deps, COMMITTEE, 'committee', CALENDAR_TOKEN), undefined);
    assert.equal(
      await sessionCalendar(
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
        await sessionCalendar(deps, committeeId!, sessionId!, CALENDAR_TOKEN),
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
    assert.equal(await sessionCalendar(deps, OTHER_COMMITTEE, SESSION, CALENDAR_TOKEN), undefined);
    assert.equal(await sessionCalendar(deps, COMMITTEE, SESSION, otherToken), undefined);
    assert.equal((await sessionCalendar(deps, OTHER_COMMITTEE, SESSION, otherToken))?.committeeShortName, 'AGH');
  });

  it('builds the link path and the UID from the ids alone', () => {
    assert.equal(
      linkPath(COMMITTEE, { kind: 'calendar', sessionId: SESSION }, CALENDAR_TOKEN),
      `/api/calendar/${COMMITTEE}/session-2027-1/${CALENDAR_TOKEN}.ics`,
    );
    assert.equal(sessionCalendarUid(COMMITTEE, SESSION), `session-2027-1.${COMMITTEE}@gremium`);
  });
});
