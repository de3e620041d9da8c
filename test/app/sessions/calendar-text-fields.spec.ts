import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CommitteeDocument } from '../../../src/app/documents';
import { saveSetup } from '../../../src/app/save-setup';
import { editSession } from '../../../src/app/sessions/edit-session';
import { sessionCalendar } from '../../../src/app/sessions/session-calendar';
import { calendarFile } from '../../../src/cards/calendar-file';
import { COMMITTEE_DOCUMENT_ID } from '../../../src/domain/ids';
import { translator } from '../../../src/i18n/translator';
import { IcsCalendarWriter } from '../../../src/infra/ics-calendar';
import { parseWithIcalJs } from '../../support/ical';
import { openTempStore, type TempStore } from '../../support/temp-store';
import { issuedToken } from '../links/link-fixtures';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld } from './session-world';

/** Pieces that try to end a calendar line and start another, mixed with ordinary words. */
const PIECES = [
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\u0085',
  '\u0000',
  '\u001b',
  'ATTENDEE:mailto:jemand@example.org',
  'END:VEVENT',
  'BEGIN:VALARM',
  'X-INJECTED:1',
  ';',
  ',',
  ':',
  '"',
  '\\',
  'Neues Rathaus',
  'Raum 259',
  'Jobcenter Leipzig',
  'KOG',
  ' ',
];
const typed = (maxParts: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      ),
      { minLength: 1, maxLength: maxParts },
    )
    .map((parts) => parts.join(''));
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Every field that feeds a session's .ics, typed into the set-up card and the session form as
 * anyone might: whatever the forms accept, the calendar file an app reads (ical.js, independent
 * of our writer) has exactly one event with exactly its own properties, and no injected line.
 */
describe('app/sessions: text fields feeding the calendar file', function () {
  this.timeout(120_000);
  let temp: TempStore;
  let world: SessionWorld;
  before(async () => {
    temp = await openTempStore();
    world = await SessionWorld.create(temp.store);
  });
  after(async () => temp.cleanup());

  it('never lets a typed text add a line to the event', async () => {
    const writer = new IcsCalendarWriter();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        typed(6),
        typed(3),
        typed(6),
        typed(6),
        typed(6),
        typed(4),
        async (name, shortName, firstChair, place, chair, linkPath) => {
          const katrin = await world.actor('katrin');
          const setup = await saveSetup(world.deps, katrin, {
            revision: katrin.committee!.revision,
            answers: { ...settingsAnswers(katrin.committee!), name, shortName, firstChair },
          });
          const session = await world.session();
          const edited = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, {
            date: '2027-02-11',
            time: '14:00',
            place,
            chair,
            onlineLink: `https://meet.example.org/${linkPath}`,
          });
          if (setup.ok || edited.ok) accepted += 1;

          const committee = (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!;
          const stored = await world.session();
          for (const text of [
            committee.name,
            committee.shortName,
            committee.chairRotation.firstSessionOfYear,
            stored.place ?? '',
            stored.chair ?? '',
            stored.onlineLink ?? '',
          ])
            assert.doesNotMatch(text, CONTROL, 'a control character was stored');

          const token = await issuedToken(
            world.deps,
            COMMITTEE,
            { kind: 'calendar', sessionId: SESSION_1 },
            { kind: 'person', id: PEOPLE.sabine },
          );
          const facts = await sessionCalendar(world.deps, COMMITTEE, SESSION_1, token);
          assert.ok(facts);
          const event = calendarFile(facts, translator('de'));
          const text = writer.write(event);
          assert.doesNotMatch(text, /\r(?!\n)|(?<!\r)\n/, 'every line ends with CRLF and nowhere else');
          const calendar = parseWithIcalJs(text);
          assert.deepEqual(
            calendar.components.map((component) => component.name),
            ['vevent'],
          );
          const [vevent] = calendar.components;
          const expected = [
            'description',
            'dtend',
            'dtstamp',
            'dtstart',
            'sequence',
            'status',
            'summary',
            'uid',
            ...(event.location ? ['location'] : []),
            ...(event.url ? ['url'] : []),
          ];
          assert.deepEqual([...vevent!.propertyNames].sort(), expected.sort());
          assert.deepEqual(vevent!.components, []);
          assert.equal(vevent!.values.summary, `${committee.shortName} – Sitzung ${stored.number}`);
          if (event.location) assert.equal(vevent!.values.location, stored.place ?? 'Online');
          assert.equal(vevent!.values.description, event.description);
        },
      ),
      { seed: 20270211, numRuns: 150 },
    );
    assert.ok(accepted > 10, `only ${accepted} of the typed texts were accepted: the property tested little`);
  });
});

function settingsAnswers(committee: CommitteeDocument) {
  return {
    timeZone: committee.timeZone,
    terms: committee.terms.map((term) => `${term.startMonth}-${term.endMonth}`).join(','),
    sessionLengthMinutes: committee.sessionLengthMinutes,
    rotatingChairs: committee.chairRotation.rotating.join('\n'),
    callForTopicsDays: committee.leadTimes.callForTopicsDays,
    topicDeadlineDays: committee.leadTimes.topicDeadlineDays,
    agendaDispatchDays: committee.leadTimes.agendaDispatchDays,
    rsvpReminderDays: committee.leadTimes.rsvpReminderDays,
  };
}
