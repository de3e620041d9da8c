import assert from 'node:assert/strict';
import type { PersonDocument } from '../../../src/app/documents';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../../src/domain/committee';
import { CALENDAR_FEED_TYPE } from '../../../src/app/feed/feed-document';
import { feedsOf, issueFeed, issueFeedLink } from '../../../src/app/feed/issue-feed-link';
import { personFeed } from '../../../src/app/feed/person-feed';
import { SESSION_MEETING_TYPE, type SessionMeetingDocument } from '../../../src/app/meetings/session-meeting-document';
import { chooseLanguage } from '../../../src/app/preferences/language-preference';
import { erasePerson } from '../../../src/app/privacy/erase-person';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import { actorIn } from '../../../src/app/identify-actor';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { changeSessionState } from '../../../src/app/sessions/change-session-state';
import { editSession } from '../../../src/app/sessions/edit-session';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import { personDocumentId, tenantDirectoryId } from '../../../src/domain/ids';
import { IcsCalendarWriter } from '../../../src/infra/ics-calendar';
import { calendarFeedHandlers } from '../../../src/server/calendar-feed-handlers';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { parseICalendar, parseWithIcalJs } from '../../support/ical';
import { nearMiss } from '../links/link-fixtures';
import { birgitInSecondCommittee, OTHER_COMMITTEE } from './second-committee';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, TENANT } from '../sessions/session-world';

const DIRECTORY = tenantDirectoryId(TENANT);
const BASE = 'https://gremium.example.org';

for (const engine of ENGINES) {
  describe(`app/feed/person-feed: a person's subscribed calendar, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let opened: OpenedEngine;
    let world: SessionWorld;
    beforeEach(async () => {
      opened = await engine.open();
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => opened.close());

    const handlers = () =>
      calendarFeedHandlers({
        deps: world.deps,
        publicBaseUrl: BASE,
        defaultLocale: 'de',
        calendarWriter: new IcsCalendarWriter(),
      });
    const feedText = async (token: string) => (await handlers().calendarFeed(DIRECTORY, token))?.content;
    /** The feed as an independent parser reads it: the calendar and its events by UID. */
    const read = async (token: string) => {
      const text = await feedText(token);
      assert.ok(text, 'the feed answers');
      parseICalendar(text); // CRLF line ends throughout, and every line a content line
      const calendar = parseWithIcalJs(text);
      const events = new Map(
        calendar.components.filter((c) => c.name === 'vevent').map((c) => [c.values.uid!, c] as const),
      );
      return { text, calendar, events };
    };
    const subscribe = async (who: keyof typeof PEOPLE = 'birgit') => {
      const issued = await issueFeed(world.deps, TENANT, PEOPLE[who]);
      assert.ok(issued, 'a feed is issued');
      return issued.token;
    };
    const uidOf = (sessionId: string, committeeId = COMMITTEE) => `${sessionId}.${committeeId}@gremium`;
    const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());

    it('follows a session from planning through a move across the summer time change to its cancellation', async () => {
      const token = await subscribe();
      const planned = await read(token);
      assert.equal(planned.calendar.values.method, 'PUBLISH');
      assert.equal(planned.calendar.values['x-wr-calname'], 'Gremium – Sitzungen');
      assert.equal(planned.calendar.values['refresh-interval'], 'PT1H');
      assert.equal(planned.calendar.values['x-published-ttl'], 'PT1H');
      assert.equal(planned.events.size, 3, 'the three sessions planned for 2027');
      const first = planned.events.get(uidOf(SESSION_1))!;
      // 14:00 in Leipzig in February (CET, UTC+1), written in UTC.
      assert.equal(first.values.dtstart, '2027-02-11T13:00:00Z');
      assert.equal(first.values.summary, 'KOG – Sitzung 2027/1');
      assert.equal(first.values.status, 'CONFIRMED');
      assert.ok(first.values.dtstamp && first.values['last-modified'], 'DTSTAMP and LAST-MODIFIED');
      const plannedSequence = Number(first.values.sequence);

      const katrin = await world.actor('katrin');
      const invited = await inviteAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS);
      assert.ok(invited.ok);
      const answered = await answerRsvp(world.deps, await world.actor('birgit'), {
        sessionId: SESSION_1,
        personId: PEOPLE.birgit,
        revision: (await world.session()).revision,
        choice: 'inPerson',
      });
      assert.ok(answered.ok);
      at('2026-11-22T10:00:00Z');
      // After the change to summer time on 28 March 2027: 14:00 in Leipzig is 12:00 UTC.
      const moved = await editSession(world.deps, katrin, SESSION_1, (await world.session()).revision, {
        date: '2027-04-01',
        time: '14:00',
        place: 'Neues Rathaus, Raum 259; Eingang B',
      });
      assert.ok(moved.ok, JSON.stringify(moved));
      const afterMove = await read(token);
      const movedEvent = afterMove.events.get(uidOf(SESSION_1))!;
      assert.equal(movedEvent.values.dtstart, '2027-04-01T12:00:00Z');
      assert.equal(movedEvent.values.dtend, '2027-04-01T15:00:00Z');
      assert.ok(Number(movedEvent.values.sequence) > plannedSequence, 'SEQUENCE grows with the move');
      assert.equal(movedEvent.values.location, 'Neues Rathaus, Raum 259; Eingang B');
      assert.ok(movedEvent.values.description!.split('\n').includes('Ihre Antwort: Zusage, vor Ort'));
      assert.ok(movedEvent.values.description!.split('\n').includes('Ort: Neues Rathaus, Raum 259; Eingang B'));
      assert.equal(afterMove.events.size, 3, 'moved, not added');

      at('2026-11-23T10:00:00Z');
      const cancelled = await changeSessionState(
        world.deps,
        katrin,
        SESSION_1,
        (await world.session()).revision,
        'cancel',
      );
      assert.ok(cancelled.ok);
      const afterCancel = await read(token);
      const cancelledEvent = afterCancel.events.get(uidOf(SESSION_1))!;
      assert.equal(cancelledEvent.values.status, 'CANCELLED');
      assert.equal(cancelledEvent.values.summary, 'Abgesagt: KOG – Sitzung 2027/1');
      assert.ok(Number(cancelledEvent.values.sequence) > Number(movedEvent.values.sequence));
      assert.equal(cancelledEvent.values.dtstart, '2027-04-01T12:00:00Z');

      at('2027-04-02T00:00:00Z');
      const afterSession = await read(token);
      assert.equal(afterSession.events.has(uidOf(SESSION_1)), false, 'a cancelled session leaves once it is over');
      assert.equal(afterSession.events.size, 2);
    });

    it('writes proper text: escaped commas, semicolons, backslashes and line breaks, folded long lines', async () => {
      const token = await subscribe();
      const katrin = await world.actor('katrin');
      const longLink = `https://teams.microsoft.com/l/meetup-join/${'19%3ameeting_'.repeat(8)}abc%40thread.v2/0`;
      const moved = await editSession(world.deps, katrin, SESSION_1, (await world.session()).revision, {
        date: '2027-02-11',
        time: '14:00',
        place: 'Haus A, Raum 1; 2. OG \\ Nord',
        onlineLink: longLink,
      });
      assert.ok(moved.ok, JSON.stringify(moved));
      const { text, events } = await read(token);
      assert.ok(text.includes('LOCATION:Haus A\\, Raum 1\\; 2. OG \\\\ Nord'), 'escaped in the file');
      assert.ok(/\r\n[ \t]/.test(text), 'long lines are folded');
      for (const line of text.split('\r\n')) assert.ok([...line].length <= 75, `line too long: ${line}`);
      const event = events.get(uidOf(SESSION_1))!;
      assert.equal(event.values.location, 'Haus A, Raum 1; 2. OG \\ Nord', 'ical.js reads it back as typed');
      assert.equal(event.values.url, longLink);
      const lines = event.values.description!.split('\n');
      assert.equal(lines[0], DEFAULT_COMMITTEE_SETTINGS.name);
      assert.ok(lines.includes('Ort: Haus A, Raum 1; 2. OG \\ Nord'));
      assert.ok(lines.includes(`Online-Teilnahme: ${longLink}`));
    });

    it('shows the Teams meeting as the online link once the session is an Outlook event', async () => {
      const token = await subscribe();
      const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_graph%40thread.v2/0';
      await world.store.upsert<SessionMeetingDocument>({
        id: `meeting-${SESSION_1}`,
        committeeId: COMMITTEE,
        type: SESSION_MEETING_TYPE,
        sessionId: SESSION_1,
        transactionId: 'tx-1',
        eventId: 'AAMk-1',
        joinUrl,
        updatedAt: '2026-11-21T11:00:00.000Z',
      });
      const event = (await read(token)).events.get(uidOf(SESSION_1))!;
      assert.equal(event.values.url, joinUrl);
      assert.ok(event.values.description!.split('\n').includes(`Teams-Besprechung: ${joinUrl}`));
      assert.equal(event.values.location, 'Online');
      assert.equal(event.values['last-modified'], '2026-11-21T11:00:00Z');
    });

    it("shows the published agenda and the person's own answer, open until they answer", async () => {
      const sabine = await subscribe('sabine');
      const thomas = await subscribe('thomas');
      const katrin = await world.actor('katrin');
      assert.ok((await inviteAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS)).ok);
      const session = await world.session();
      await world.store.replace(
        {
          ...session,
          agenda: {
            version: 2,
            publishedAt: '2026-11-21T10:00:00.000Z',
            items: [
              {
                id: 'a',
                title: '',
                kind: 'information',
                minutes: 10,
                origin: { type: 'standard', standard: 'opening' },
                submissionIds: [],
              },
              {
                id: 'b',
                title: 'Ausbildung, Übergänge; Abbrüche',
                kind: 'discussion',
                minutes: 30,
                origin: { type: 'topic' },
                submissionIds: [],
              },
            ],
            removed: [],
          },
        },
        session._etag,
      );
      const description = async (token: string) =>
        (await read(token)).events.get(uidOf(SESSION_1))!.values.description!.split('\n');
      const before = await description(sabine);
      assert.ok(before.includes('Ihre Antwort: noch offen'), before.join('|'));
      assert.deepEqual(before.slice(-3), [
        'Tagesordnung (Fassung 2):',
        'TOP 1 Eröffnung, Freigabe des Protokolls der letzten Sitzung',
        'TOP 2 Ausbildung, Übergänge; Abbrüche',
      ]);
      assert.equal(
        (await description(thomas)).some((line) => line.startsWith('Ihre Antwort')),
        false,
        'not invited',
      );
      const answered = await answerRsvp(world.deps, await world.actor('sabine'), {
        sessionId: SESSION_1,
        personId: PEOPLE.sabine,
        revision: (await world.session()).revision,
        choice: 'deputy',
      });
      assert.ok(answered.ok, JSON.stringify(answered));
      assert.ok((await description(sabine)).includes('Ihre Antwort: Ihre Vertretung nimmt teil'));
      assert.ok((await description(thomas)).includes('Ihre Antwort: noch offen'), 'the deputy called in');
    });

    it('shows the sessions of every committee the person belongs to, and no longer those of one they left', async () => {
      assert.equal(await birgitInSecondCommittee(world), OTHER_COMMITTEE);
      const secretariat = await actorIn(
        world.deps,
        { tenantId: TENANT, aadObjectId: PEOPLE.katrin, displayName: 'x' },
        OTHER_COMMITTEE,
      );
      assert.ok((await planSessions(world.deps, secretariat, 2027)).ok);
      const token = await subscribe();
      const both = await read(token);
      assert.ok(both.events.has(uidOf(SESSION_1)));
      assert.ok(both.events.has(uidOf(SESSION_1, OTHER_COMMITTEE)));
      assert.ok([...both.events.values()].some((event) => event.values.summary === 'AfA – Sitzung 2027/1'));

      const entry = (await world.store.get<PersonDocument>(OTHER_COMMITTEE, personDocumentId(PEOPLE.birgit)))!;
      await world.store.replace<PersonDocument>({ ...entry, active: false }, entry._etag);
      const one = await read(token);
      assert.ok(one.events.has(uidOf(SESSION_1)));
      assert.equal([...one.events.keys()].filter((uid) => uid.includes(OTHER_COMMITTEE)).length, 0);
    });

    it("speaks the person's language", async () => {
      const token = await subscribe();
      await chooseLanguage(world.deps, { tenantId: TENANT, aadObjectId: PEOPLE.birgit }, 'en');
      const { calendar, events } = await read(token);
      assert.equal(calendar.values['x-wr-calname'], 'Gremium – sessions');
      assert.equal(events.get(uidOf(SESSION_1))!.values.summary, 'KOG – Session 2027/1');
      const other = await read(await subscribe('yusuf'));
      assert.equal(other.events.get(uidOf(SESSION_1))!.values.summary, 'KOG – Sitzung 2027/1');
    });

    it('answers a wrong, a replaced and an erased address alike: not at all', async () => {
      const first = await subscribe();
      const second = await subscribe();
      assert.equal(await feedText(first), undefined, 'a new address ends the old one');
      assert.equal(await feedText(nearMiss(second)), undefined);
      assert.equal(await feedText('not-a-token'), undefined);
      assert.equal(await handlers().calendarFeed(COMMITTEE, second), undefined, 'only in its own directory');
      assert.ok(await feedText(second));
      assert.equal((await feedsOf(world.store, DIRECTORY, PEOPLE.birgit)).length, 1, 'one per person');

      const roster = await loadRoster(world.store, COMMITTEE);
      const erased = await erasePerson(world.deps, await world.actor('katrin'), {
        revision: roster.revision,
        personId: PEOPLE.birgit,
      });
      assert.ok(erased.ok);
      assert.equal(await feedText(second), undefined);
      assert.equal(await personFeed(world.deps, DIRECTORY, second), undefined);
      const left = (await opened.rawPartition(DIRECTORY)).filter((document) => document.type === CALENDAR_FEED_TYPE);
      assert.deepEqual(left, [], 'the erased person holds no subscription');
    });

    it('stores only the hash of the address, and issues none to someone on no roster', async () => {
      const link = await issueFeedLink(world.deps, TENANT, PEOPLE.yara, BASE);
      assert.ok(link);
      const token = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(link.httpsUrl)![1]!;
      assert.equal(link.webcalUrl, link.httpsUrl.replace(/^https:/, 'webcal:'));
      assert.equal(link.pageUrl, link.httpsUrl.replace(/\.ics$/, ''));
      assert.ok(link.httpsUrl.startsWith(`${BASE}/api/feed/${DIRECTORY}/`));
      const raw = JSON.stringify(await opened.rawPartition(DIRECTORY));
      assert.equal(raw.includes(token), false, 'the token is not stored');
      assert.equal(await issueFeed(world.deps, TENANT, '12345678-0000-4000-8000-999999999999'), undefined);
    });
  });
}
