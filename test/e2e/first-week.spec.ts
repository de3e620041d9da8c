import path from 'node:path';
import type { Page } from 'playwright-core';
import { cardOf, confirmOnQuestion, expectNewCard, waitForNewCard } from './support/new-card';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

/**
 * A secretariat's first week on the demo committee, in the order a person chooses rather than
 * the order of the cycle: Katrin Albers plans the year, invites to the first session before
 * anything else, calls for topics afterwards, and publishes the agenda before the topic deadline.
 * Every send to many asks once on its card, with the concrete reason, and goes out on the click.
 * Lena Vogt of the working group (in a second playground run) gets the call; Jonas Berger, a
 * working group member who is in none of the playground's conversations, cannot be reached, and
 * the secretariat is told so in her personal chat with what to do. Replies are German throughout
 * although the playground reports en-US. Recording attendance, the minutes and their approval
 * on a session held today are the minutes story (minutes.spec.ts).
 */
describe('e2e: a secretariat’s first week in the order a person chooses', function () {
  this.timeout(300_000);
  /** The secretariat, and Lena Vogt of the working group. */
  const people = useTwoPlaygrounds('first-week', '29:lena-vogt');

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: true, animations: 'disabled' });
  }

  it('the working group member has talked to Gremium before', async () => {
    await waitForNewCard(people.other, 'Was Sie mit Gremium tun können', () => say(people.other, 'hilfe'));
  });

  it('the secretariat plans the year and invites first, after one question about what is missing', async () => {
    await waitForNewCard(people.secretariat, '3 Sitzungen für 2027 angelegt', () =>
      say(people.secretariat, 'sitzungen planen 2027'),
    );
    const [question] = await waitForNewCard(people.secretariat, 'Zur Sitzung 2027/1 einladen?', () =>
      say(people.secretariat, 'einladen'),
    );
    await cardOf(question!).getByText('Ort und Online-Link fehlen.').waitFor();
    await screenshot(people.secretariat, 'first-week-1-question.png');
    await waitForNewCard(people.secretariat, 'Einladung zur Sitzung 2027/1 zum Versand vorgemerkt', () =>
      cardOf(question!).getByRole('button', { name: 'Trotzdem einladen' }).click(),
    );
  });

  it('then calls for topics for the invited session, and is told whom the call did not reach', async () => {
    const call = await expectNewCard(people.other, 'Themenaufruf');
    const notDelivered = await expectNewCard(people.secretariat, /Nicht zugestellt: Themenaufruf Sitzung 2027\/1/);
    await confirmOnQuestion(
      people.secretariat,
      {
        question: 'Themenaufruf zur Sitzung 2027/1 senden?',
        confirm: 'Themenaufruf senden',
        answer: 'Themenaufruf zum Versand vorgemerkt',
      },
      () => say(people.secretariat, 'themenaufruf'),
    );
    await call.appeared({ timeout: 60_000 });
    const [notice] = await notDelivered.appeared({ timeout: 60_000 });
    await cardOf(notice!)
      .getByText(/Jonas Berger/)
      .waitFor();
    await cardOf(notice!).getByRole('button', { name: 'Zustellung ansehen' }).waitFor();
    await screenshot(people.secretariat, 'first-week-2-not-delivered.png');
  });

  it('publishes the agenda before the topic deadline after saying so on the card', async () => {
    await confirmOnQuestion(
      people.secretariat,
      {
        question: 'Tagesordnung für die Sitzung 2027/1 jetzt versenden?',
        confirm: 'Trotzdem versenden',
        answer: 'Fassung 1 der Tagesordnung für 2027/1 ist zum Versand vorgemerkt',
      },
      () => say(people.secretariat, 'tagesordnung veröffentlichen'),
    );
  });

  it('finds each send named by what it was, and the session’s tracks in words', async () => {
    const [report] = await waitForNewCard(people.secretariat, 'Einladung Sitzung 2027/1 an', () =>
      say(people.secretariat, 'zustellung'),
    );
    await cardOf(report!)
      .getByText(/Themenaufruf Sitzung 2027\/1/)
      .first()
      .waitFor();
    await screenshot(people.secretariat, 'first-week-3-delivery.png');
    const [sessions] = await waitForNewCard(people.secretariat, /Themenaufruf läuft bis/, () =>
      say(people.secretariat, 'sitzungen'),
    );
    await cardOf(sessions!).getByText('Sitzung 2027/2').waitFor();
  });

  it('a typing slip gets the nearest command offered', async () => {
    await waitForNewCard(people.secretariat, 'Meinten Sie „rückmeldungen“?', () =>
      say(people.secretariat, 'rückmeldungne'),
    );
  });
});
