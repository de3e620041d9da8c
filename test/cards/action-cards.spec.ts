import assert from 'node:assert/strict';
import { renderAgendaCard } from '../../src/cards/agenda-card';
import { renderPublishedAgendaCard } from '../../src/cards/agenda-published-card';
import { renderActionListCard } from '../../src/cards/action-list-card';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { fullestAgreementReport } from './action-card-fixtures';
import { largestActionListView } from './action-card-fixtures';
import { sampleAgendaMessage, sampleAgendaView } from './agenda-triage-card-fixtures';

describe('cards: action items and the agreements on the agenda', () => {
  const de = translator('de');

  it('lists the agreements under "Stand der Vereinbarungen" on the builder and the published agenda, done shown as done', () => {
    for (const card of [
      renderAgendaCard(sampleAgendaView(), de),
      renderPublishedAgendaCard(sampleAgendaMessage(), de),
    ]) {
      assert.match(
        cardText(card),
        /TOP 2\*\* Stand der Vereinbarungen[^]*„Zahlen zu Ausbildungsabbrüchen vorlegen“ – IHK zu Leipzig · zu erledigen bis Sonntag, 31\. Januar 2027, 24:00 Uhr · In Bearbeitung[^]*„Sprachkursplätze melden“ – Jobcenter Leipzig · zu erledigen bis Dienstag, 15\. Dezember 2026, 24:00 Uhr · Erledigt[^]*TOP 3/,
      );
    }
    assert.match(
      cardText(renderAgendaCard(sampleAgendaView({ agreements: fullestAgreementReport() }), translator('en'))),
      /… and 50 more \(“actions all”\)/,
    );
    assert.doesNotMatch(
      cardText(renderAgendaCard(sampleAgendaView({ agreements: { shown: [], total: 0 } }), de)),
      /fällig am/,
    );
  });

  it('offers filters and paging on the list, but not on the weekly digest', () => {
    const list = JSON.stringify(renderActionListCard(largestActionListView(), de));
    assert.match(list, /"id":"scope"[^]*"id":"institution"/);
    assert.match(list, /Vorherige Seite[^]*Nächste Seite/);
    const digest = JSON.stringify(renderActionListCard(largestActionListView(), de, { digest: true }));
    assert.doesNotMatch(digest, /"id":"scope"|Nächste Seite/);
  });
});
