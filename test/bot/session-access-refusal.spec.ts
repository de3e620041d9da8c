import assert from 'node:assert/strict';
import { wrongStateNotice, wrongStateText } from '../../src/bot/session-access-refusal';
import { wrongState, type WrongStateConcern } from '../../src/domain/sessions/wrong-state';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';

const SESSION = { id: 'session-2027-1', number: '2027/1' } as const;

describe('bot/session-access-refusal: a session in the wrong state, in words', () => {
  /** Title and sentence as people read them, written out here rather than taken from the catalogues. */
  const EXPECTED: Record<'de' | 'en', Record<WrongStateConcern, { title: string; text: string }>> = {
    de: {
      session: { title: 'Nicht möglich', text: 'Das geht nicht: Sitzung 2027/1 ist „abgesagt“.' },
      minutes: { title: 'Protokoll', text: 'Für die Sitzung 2027/1 gibt es kein Protokoll: Sie ist abgesagt.' },
      invitation: { title: 'Nicht möglich', text: 'Zu dieser Sitzung wurde noch nicht eingeladen.' },
    },
    en: {
      session: { title: 'Not possible', text: 'Not possible: session 2027/1 is "cancelled".' },
      minutes: { title: 'Minutes', text: 'Session 2027/1 has no minutes: it is cancelled.' },
      invitation: { title: 'Not possible', text: 'Nobody has been invited to this session yet.' },
    },
  };

  for (const locale of ['de', 'en'] as const) {
    for (const concerns of ['session', 'minutes', 'invitation'] as const) {
      it(`says why in ${locale} when the refusal concerns the ${concerns}`, () => {
        const i18n = translator(locale);
        const refusal = wrongState({ ...SESSION, state: 'cancelled' }, concerns);
        const { title, text } = EXPECTED[locale][concerns];
        assert.equal(wrongStateText(i18n, refusal), text);
        const card = cardText(wrongStateNotice(i18n, refusal));
        assert.ok(card.includes(title), `${card} has the title ${title}`);
        assert.ok(card.includes(text), `${card} has the sentence ${text}`);
        assert.doesNotMatch(card, /wrongState|session-2027-1/, 'no internal value in the card');
      });
    }
  }

  it('labels every state in German, never by its internal name', () => {
    const i18n = translator('de');
    const sentence = wrongStateText(i18n, wrongState({ ...SESSION, state: 'minutesCirculated' }));
    assert.equal(sentence, 'Das geht nicht: Sitzung 2027/1 ist „Protokoll versandt“.');
  });
});
