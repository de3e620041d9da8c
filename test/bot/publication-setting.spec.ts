import assert from 'node:assert/strict';
import { KOG_TEAM } from '../app/sessions/session-fixtures';
import type { CommitteeDocument } from '../../src/app/documents';
import { VERBS } from '../../src/cards/verbs';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { alice, BotHarness, IN_KOG_TEAM, cardText, firstCard, TENANT } from '../support/bot-harness';
import { useTempStore } from '../support/temp-store';

/** The set-up form as Teams submits it, with the publication switch on. */
const setupForm = {
  verb: VERBS.setupSave,
  revision: 0,
  name: 'Koordinierungsgremium Leipzig',
  shortName: 'KOG',
  timeZone: 'Europe/Berlin',
  terms: '1-4,5-8,9-12',
  sessionLengthMinutes: '180',
  firstChair: 'Oberbürgermeister',
  rotatingChairs: 'Jobcenter Leipzig',
  callForTopicsDays: '42',
  topicDeadlineDays: '21',
  agendaDispatchDays: '14',
  rsvpReminderDays: '7',
  workingGroupConversationId: 'none',
  publishOparl: 'true',
};

describe('bot/setup-cards: the publication switch', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');

  it('saves the switch from the set-up card, and shows it on the committee card and the set-up card again', async () => {
    const bot = new BotHarness(fixture.deps);
    const card = await bot.execute(alice, VERBS.setupSave, setupForm, IN_KOG_TEAM);
    assert.match(cardText(card), /Veröffentlichung\nüber die OParl-Schnittstelle öffentlich, ohne Namen von Personen/);
    const stored = await fixture.temp.store.get<CommitteeDocument>(committeeIdForHome(TENANT, KOG_TEAM), 'committee');
    assert.equal(stored?.publishOparl, true);
    const again = JSON.stringify(firstCard(await bot.message(alice, 'einrichten')));
    assert.match(again, /"id":"publishOparl","title":"[^"]*","value":"true"/);
  });
});
