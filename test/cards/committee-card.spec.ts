import assert from 'node:assert/strict';
import { renderCommitteeCard } from '../../src/cards/committee-card';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { sampleCommittee } from './card-fixtures';

describe('cards/committee-card', () => {
  it('shows the minutes settings: the defaults for a committee stored before them', () => {
    const { minutes: _none, ...stored } = sampleCommittee();
    const text = cardText(renderCommitteeCard(stored, { canEdit: true }, translator('de')));
    assert.match(
      text,
      /Protokoll\nEinwandfrist 7 Tage nach dem Versand; ohne Einwände zum Fristende von selbst freigegeben/,
    );
  });

  it('shows a longer objection period and approval by the secretariat only, in German and English', () => {
    const committee = sampleCommittee({ minutes: { objectionDays: 14, autoApprove: false } });
    assert.match(
      cardText(renderCommitteeCard(committee, { canEdit: true }, translator('de'))),
      /Protokoll\nEinwandfrist 14 Tage nach dem Versand; freigegeben wird nur durch die Geschäftsstelle/,
    );
    assert.match(
      cardText(renderCommitteeCard(committee, { canEdit: true }, translator('en'))),
      /Minutes\nobjections within 14 days of circulation; approved only by the secretariat/,
    );
    const automatic = cardText(
      renderCommitteeCard(
        sampleCommittee({ minutes: { objectionDays: 3, autoApprove: true } }),
        { canEdit: false },
        translator('en'),
      ),
    );
    assert.match(automatic, /objections within 3 days of circulation; approved automatically if none came in by then/);
  });

  it('shows whether the agenda goes out by itself: yes for a committee stored before the setting, in German and English', () => {
    const { autoPublishAgenda: _none, ...stored } = sampleCommittee();
    assert.match(
      cardText(renderCommitteeCard(stored, { canEdit: true }, translator('de'))),
      /Tagesordnung\nzum Versandtermin automatisch veröffentlicht; zwei Tage vorher erfährt die Geschäftsstelle, was noch offen ist/,
    );
    const byHand = sampleCommittee({ autoPublishAgenda: false });
    assert.match(
      cardText(renderCommitteeCard(byHand, { canEdit: true }, translator('de'))),
      /Tagesordnung\nwird nur durch die Geschäftsstelle veröffentlicht; zum Versandtermin erhält sie einen Hinweis/,
    );
    assert.match(
      cardText(renderCommitteeCard(byHand, { canEdit: true }, translator('en'))),
      /Agenda\npublished only by the secretariat; the secretariat is reminded when it is due/,
    );
  });

  it('shows whether the committee publishes through the OParl interface: not for one stored before the setting', () => {
    const { publishOparl: _none, ...stored } = sampleCommittee();
    assert.match(
      cardText(renderCommitteeCard(stored, { canEdit: true }, translator('de'))),
      /Veröffentlichung\nnicht veröffentlicht/,
    );
    const published = sampleCommittee({ publishOparl: true });
    assert.match(
      cardText(renderCommitteeCard(published, { canEdit: true }, translator('de'))),
      /Veröffentlichung\nüber die OParl-Schnittstelle öffentlich, ohne Namen von Personen/,
    );
    assert.match(
      cardText(renderCommitteeCard(published, { canEdit: true }, translator('en'))),
      /Publication\npublic through the OParl interface, without names of people/,
    );
  });
});
