import assert from 'node:assert/strict';
import type { SeatStatus } from '../../src/domain/sessions/rsvp';
import { renderInvitationCard } from '../../src/cards/invitation-card';
import { renderRsvpsCard } from '../../src/cards/rsvps-card';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { sampleInvitation, sampleOverview } from './session-card-fixtures';

/** Answers given in Outlook, as the cards say them: marked, in German first and in English. */
describe('cards: answers given in Outlook', () => {
  const overviewWith = (status: SeatStatus, tentative = 0) => {
    const sample = sampleOverview();
    return {
      ...sample,
      lines: [{ ...sample.lines[0]!, memberName: 'Sabine Hoffmann', attendeeName: 'Sabine Hoffmann', status }],
      represented: status.kind === 'attending' ? 1 : 0,
      tentative,
      unanswered: 0,
    };
  };
  const statusLine = (status: SeatStatus, locale: 'de' | 'en', tentative = 0) =>
    cardText(renderRsvpsCard(overviewWith(status, tentative), translator(locale)))
      .split('\n')
      .find((line) => line.startsWith('**'))
      ?.replace(/^\*\*.*?\*\*: /, '');

  it('marks each status that rests on an Outlook answer', () => {
    const cases: Array<[SeatStatus, string, string]> = [
      [
        { kind: 'attending', mode: 'unspecified', by: 'member', via: 'outlook' },
        'zugesagt: Sabine Hoffmann · in Outlook beantwortet',
        'accepted: Sabine Hoffmann · answered in Outlook',
      ],
      [
        { kind: 'attending', mode: 'unspecified', by: 'deputy', via: 'outlook' },
        'Stellvertretung zugesagt: Sabine Hoffmann · in Outlook beantwortet',
        'deputy accepted: Sabine Hoffmann · answered in Outlook',
      ],
      [
        { kind: 'tentative', by: 'member', via: 'outlook' },
        'vorläufig zugesagt: Sabine Hoffmann · in Outlook beantwortet',
        'tentatively accepted: Sabine Hoffmann · answered in Outlook',
      ],
      [{ kind: 'declined', via: 'outlook' }, 'abgesagt · in Outlook beantwortet', 'declined · answered in Outlook'],
      [{ kind: 'declined' }, 'abgesagt', 'declined'],
    ];
    for (const [status, german, english] of cases) {
      assert.equal(statusLine(status, 'de'), german);
      assert.equal(statusLine(status, 'en'), english);
    }
  });

  it('counts provisional answers apart in the summary, and says nothing of them when there are none', () => {
    const tentative = overviewWith({ kind: 'tentative', by: 'member', via: 'outlook' }, 1);
    assert.match(cardText(renderRsvpsCard(tentative, translator('de'))), /0 von 1 Institution vertreten · 1 vorläufig/);
    assert.match(
      cardText(renderRsvpsCard(tentative, translator('en'))),
      /0 of 1 institution represented · 1 tentatively/,
    );
    const none = overviewWith({ kind: 'declined' });
    assert.doesNotMatch(cardText(renderRsvpsCard(none, translator('de'))), /vorläufig/);
  });

  it('tells the invited person the answer they gave in Outlook', () => {
    const cases: Array<[NonNullable<ReturnType<typeof sampleInvitation>['answer']>, string, string]> = [
      [
        { choice: 'accepted', answeredAt: '2027-01-20T10:00:00.000Z', via: 'outlook' },
        'Ihre Antwort in Outlook: Sie haben zugesagt.',
        'Your answer in Outlook: you accepted.',
      ],
      [
        { choice: 'tentative', answeredAt: '2027-01-20T10:00:00.000Z', via: 'outlook' },
        'Ihre Antwort in Outlook: Sie haben vorläufig zugesagt.',
        'Your answer in Outlook: you accepted tentatively.',
      ],
      [
        { choice: 'declined', answeredAt: '2027-01-20T10:00:00.000Z', via: 'outlook' },
        'Ihre Antwort in Outlook: Sie haben abgesagt.',
        'Your answer in Outlook: you declined.',
      ],
      [
        { choice: 'declined', answeredAt: '2027-01-20T10:00:00.000Z' },
        'Ihre Antwort: Sie haben abgesagt.',
        'Your answer: you declined.',
      ],
    ];
    for (const [answer, german, english] of cases) {
      const view = sampleInvitation({ answer, banner: undefined });
      assert.ok(cardText(renderInvitationCard(view, translator('de'))).includes(german), german);
      assert.ok(cardText(renderInvitationCard(view, translator('en'))).includes(english), english);
    }
  });
});
