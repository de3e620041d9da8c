import assert from 'node:assert/strict';
import { notFoundNotice, wrongStateNotice, wrongStateText } from '../../src/bot/session-access-refusal';
import { SESSION_STATES } from '../../src/domain/sessions/session-state';
import { wrongState, type WrongStateConcern } from '../../src/domain/sessions/wrong-state';
import { LOCALES, translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';

const SESSION = { id: 'session-2027-1', number: '2027/1' } as const;
const CONCERNS: readonly WrongStateConcern[] = [
  'session',
  'callForTopics',
  'invite',
  'agenda',
  'attendance',
  'invitation',
  'minutes',
];

describe('bot/session-access-refusal: a session in the wrong state, in words', () => {
  /** Sentences as people read them, written out here rather than taken from the catalogues. */
  const EXPECTED: ReadonlyArray<{
    readonly state: (typeof SESSION_STATES)[number];
    readonly concerns: WrongStateConcern;
    readonly next?: string;
    readonly de: string;
    readonly en: string;
  }> = [
    {
      state: 'held',
      concerns: 'callForTopics',
      next: '2027/2',
      de: 'Die Sitzung 2027/1 hat bereits stattgefunden. Den Themenaufruf für die nächste Sitzung senden Sie mit „themenaufruf 2027/2“.',
      en: 'Session 2027/1 has already taken place. Send the call for topics for the next session with “call for topics 2027/2”.',
    },
    {
      state: 'closed',
      concerns: 'callForTopics',
      de: 'Die Sitzung 2027/1 hat bereits stattgefunden. Eine spätere Sitzung ist noch nicht geplant: Mit „sitzungen planen“ und dem Jahr legen Sie die Sitzungen an.',
      en: 'Session 2027/1 has already taken place. No later session is planned yet: plan the sessions with “plan sessions” and the year.',
    },
    {
      state: 'cancelled',
      concerns: 'invite',
      next: '2027/2',
      de: 'Die Sitzung 2027/1 wurde abgesagt. Zur nächsten Sitzung laden Sie mit „einladen 2027/2“ ein.',
      en: 'Session 2027/1 was cancelled. Invite to the next session with “invite 2027/2”.',
    },
    {
      state: 'planned',
      concerns: 'attendance',
      de: 'Zur Sitzung 2027/1 wurde noch nicht eingeladen. Rückmeldungen, Erinnerungen und die Anwesenheit gelten den eingeladenen Sitzen: Laden Sie zuerst mit „einladen 2027/1“ ein.',
      en: 'Nobody has been invited to session 2027/1 yet. Replies, reminders and the attendance are for the invited seats: invite first with “invite 2027/1”.',
    },
    {
      state: 'invited',
      concerns: 'minutes',
      de: 'Die Sitzung 2027/1 hat noch nicht stattgefunden. Das Protokoll beginnt, sobald am Sitzungstag die Anwesenheit erfasst ist: „anwesenheit 2027/1“.',
      en: 'Session 2027/1 has not taken place yet. The minutes start once the attendance is recorded on the session day: “attendance 2027/1”.',
    },
    {
      state: 'minutesCirculated',
      concerns: 'session',
      de: 'Die Sitzung 2027/1 hat bereits stattgefunden. Was in der Sitzung beraten wurde, halten Sie im Protokoll fest: „protokoll 2027/1“.',
      en: 'Session 2027/1 has already taken place. Record what was discussed in the minutes: “minutes 2027/1”.',
    },
  ];

  for (const { state, concerns, next, de, en } of EXPECTED) {
    it(`says why and what to do instead when ${concerns} is asked of a session that is ${state}`, () => {
      const refusal = wrongState({ ...SESSION, state }, concerns, next ? { number: next } : undefined);
      assert.equal(wrongStateText(translator('de'), refusal), de);
      assert.equal(wrongStateText(translator('en'), refusal), en);
      assert.ok(cardText(wrongStateNotice(translator('de'), refusal)).includes(de));
    });
  }

  it('never shows a state’s internal value or label, an id, or an unfilled placeholder, whatever was asked', () => {
    // English words such as "invited" are state values too: there, only the values no sentence uses, and quotes.
    const values = (locale: string) =>
      SESSION_STATES.filter((state) => locale === 'de' || /[A-Z]/.test(state)).join('|');
    for (const locale of LOCALES) {
      const i18n = translator(locale);
      const internal = new RegExp(
        `\\b(?:${values(locale)}|wrongState|session-2027-1)\\b|[{}]|[„"“](?:${SESSION_STATES.join('|')}|geplant|Themen offen|eingeladen|abgesagt)[“"”]`,
      );
      for (const state of SESSION_STATES)
        for (const concerns of CONCERNS)
          for (const next of [undefined, { number: '2027/2' }]) {
            const card = cardText(wrongStateNotice(i18n, wrongState({ ...SESSION, state }, concerns, next)));
            assert.doesNotMatch(card, internal, `${locale}, ${concerns} of a ${state} session: ${card}`);
            assert.ok(card.length > 40, `${locale}, ${concerns} of a ${state} session says something: ${card}`);
          }
    }
  });

  it('lists the sessions that exist when a number names none, instead of sending the person elsewhere', () => {
    const card = cardText(
      notFoundNotice(translator('de'), {
        kind: 'notFound',
        number: '2027/9',
        known: [
          { number: '2027/1', extra: false, startsAt: '2027-02-11T13:00:00.000Z' },
          { number: '2027/S1', extra: true, startsAt: '2027-05-20T12:00:00.000Z' },
        ],
        years: [2027],
        timeZone: 'Europe/Berlin',
      }),
    );
    assert.match(card, /Die Sitzung 2027\/9 gibt es nicht\. Diese Sitzungen gibt es:/);
    assert.match(card, /Sitzung 2027\/1: Donnerstag, 11\. Februar 2027/);
    assert.match(card, /Sondersitzung 2027\/S1: Donnerstag, 20\. Mai 2027/);
    assert.doesNotMatch(card, /sitzungen planen/);
  });
});
