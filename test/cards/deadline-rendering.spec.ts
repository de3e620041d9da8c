import assert from 'node:assert/strict';
import type { AgendaDeadlineMessage } from '../../src/app/agenda/agenda-deadline-notices';
import { TOPICS_CLOSED_MESSAGE_KIND } from '../../src/app/agenda/topics-closed';
import type { TopicOverview } from '../../src/app/agenda/topic-overview';
import type { MinutesReviewMessage } from '../../src/app/minutes/minutes-messages';
import type { MinutesView } from '../../src/app/minutes/open-minutes';
import { renderAgendaDeadlineCard } from '../../src/cards/agenda-deadline-card';
import { renderCallForTopicsCard } from '../../src/cards/call-for-topics-card';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderMinutesCard } from '../../src/cards/minutes-card';
import { renderMinutesReviewCard } from '../../src/cards/minutes-review-card';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { renderTopicFormCard } from '../../src/cards/topic-form-card';
import { renderTopicsCard } from '../../src/cards/topics-card';
import { topicDeadline } from '../../src/domain/agenda/submission-window';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../src/domain/committee';
import { objectionDeadline } from '../../src/domain/minutes/objection-deadline';
import { LOCALES, translator, type Locale } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';

const BERLIN = 'Europe/Berlin';
const { leadTimes } = DEFAULT_COMMITTEE_SETTINGS;

/**
 * Sessions whose topic deadline (21 days before, at the end of that day) falls on an ordinary
 * day and on the two days of the year whose night changes the clocks, with how that deadline
 * must read everywhere.
 */
const TOPIC_DEADLINES: ReadonlyArray<{
  readonly name: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly expected: Readonly<Record<Locale, string>>;
}> = [
  {
    name: 'an ordinary day',
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    expected: { de: 'Donnerstag, 21. Januar 2027, 24:00 Uhr', en: 'Thursday, 21 January 2027, end of day' },
  },
  {
    name: 'the day summer time begins',
    startsAt: '2027-04-18T12:00:00.000Z',
    endsAt: '2027-04-18T15:00:00.000Z',
    expected: { de: 'Sonntag, 28. März 2027, 24:00 Uhr', en: 'Sunday, 28 March 2027, end of day' },
  },
  {
    name: 'the day summer time ends',
    startsAt: '2027-11-21T13:00:00.000Z',
    endsAt: '2027-11-21T16:00:00.000Z',
    expected: { de: 'Sonntag, 31. Oktober 2027, 24:00 Uhr', en: 'Sunday, 31 October 2027, end of day' },
  },
];

/** The visible lines of a card that name the deadline. */
function linesWith(card: AdaptiveCardJson, text: string): string[] {
  return cardText(card as Record<string, unknown>)
    .split('\n')
    .filter((line) => line.includes(text));
}

describe('cards: one deadline, written the same way on every card and message', () => {
  for (const session of TOPIC_DEADLINES) {
    for (const locale of LOCALES) {
      it(`writes the topic deadline on ${session.name} alike on the call, the triage card, the closing notice and the form (${locale})`, () => {
        const i18n = translator(locale);
        const deadline = topicDeadline(session.startsAt, leadTimes, BERLIN);
        const ids = { sessionId: 'session-2027-1', sessionNumber: '2027/1' };
        const call = renderCallForTopicsCard(
          { committeeName: 'KOG', timeZone: BERLIN, ...ids, ...session, deadline },
          i18n,
        );
        const overview: TopicOverview = {
          timeZone: BERLIN,
          ...ids,
          startsAt: session.startsAt,
          deadline,
          lines: [],
          undecided: 0,
          total: 0,
          page: 1,
          pageCount: 1,
        };
        const triage = renderTopicsCard(overview, i18n);
        const closing = createMessageRenderer('de').render(
          {
            kind: TOPICS_CLOSED_MESSAGE_KIND,
            data: { sessionNumber: '2027/1', undecided: 2, deadline, timeZone: BERLIN },
          },
          locale,
        ).attachments![0]!.content as AdaptiveCardJson;
        const form = renderTopicFormCard(
          { kind: 'new', session: { id: ids.sessionId, number: '2027/1', deadline } },
          BERLIN,
          i18n,
        );
        for (const [name, card] of [
          ['call for topics', call],
          ['triage card', triage],
          ['closing notice', closing],
          ['topic form', form],
        ] as const) {
          assert.equal(linesWith(card, session.expected[locale]).length, 1, `${name}: ${cardText(card)}`);
          assert.doesNotMatch(cardText(card), /00:00|ende des tages/i, name);
        }
      });
    }
  }

  for (const locale of LOCALES) {
    it(`writes the objection deadline alike on the minutes card and the review sent to attendees (${locale})`, () => {
      const i18n = translator(locale);
      // Circulated on Thursday 25 March 2027: seven days run to the end of Thursday 1 April, across the clock change.
      const deadline = objectionDeadline('2027-03-25T10:00:00.000Z', 7, BERLIN);
      const expected = { de: 'Donnerstag, 1. April 2027, 24:00 Uhr', en: 'Thursday, 1 April 2027, end of day' }[locale];
      const base = { timeZone: BERLIN, sessionId: 'session-2027-1', sessionNumber: '2027/1' };
      const minutes = renderMinutesCard(
        {
          ...base,
          committeeId: 'tenant-11111111-2222-3333-4444-555555555555',
          startsAt: '2027-03-18T13:00:00.000Z',
          status: 'circulated',
          version: 1,
          unpublished: false,
          items: [],
          participants: 3,
          lastSaved: { at: '2027-03-24T10:00:00.000Z', byName: 'Katrin Albers' },
          circulation: { version: 1, at: '2027-03-25T10:00:00.000Z', objectionDeadline: deadline, round: 1 },
          publishedVersion: 1,
          responses: {},
          objectionDays: 7,
        } as unknown as MinutesView,
        i18n,
      );
      const review: MinutesReviewMessage = {
        ...base,
        committeeId: 'tenant-11111111-2222-3333-4444-555555555555',
        committeeName: 'KOG',
        startsAt: '2027-03-18T13:00:00.000Z',
        version: 1,
        round: 1,
        objectionDeadline: deadline,
        items: [],
        changedItemIds: [],
        answers: {},
        mayAnswer: true,
      };
      const reviewCard = renderMinutesReviewCard(review, i18n, { pdfUrl: '' });
      for (const [name, card] of [
        ['minutes card', minutes],
        ['review', reviewCard],
      ] as const)
        assert.ok(cardText(card as Record<string, unknown>).includes(expected), `${name}: ${cardText(card)}`);
    });

    it(`writes the agenda's dispatch deadline, at 09:00, alike in the notice's facts and text (${locale})`, () => {
      const i18n = translator(locale);
      const message: AgendaDeadlineMessage = {
        committeeName: 'KOG',
        timeZone: BERLIN,
        sessionId: 'session-2027-1',
        sessionNumber: '2027/1',
        startsAt: '2027-02-11T13:00:00.000Z',
        dueAt: '2027-01-28T08:00:00.000Z',
        openPoints: { undecidedSubmissions: 1, incompleteItems: [], minutesOver: 0 },
        notice: 'review',
        autoPublish: true,
      };
      const expected = { de: 'Donnerstag, 28. Januar 2027, 09:00 Uhr', en: 'Thursday, 28 January 2027, 09:00' }[locale];
      assert.equal(linesWith(renderAgendaDeadlineCard(message, i18n), expected).length, 2);
      const one = { de: '1 Themenanmeldung ist noch nicht entschieden.', en: '1 topic submission is not decided yet.' };
      assert.match(
        cardText(renderAgendaDeadlineCard(message, i18n) as Record<string, unknown>),
        new RegExp(one[locale]),
      );
    });
  }
});
