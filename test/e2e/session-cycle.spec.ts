import path from 'node:path';
import { cardOf, expectNewCard, waitForNewCard, type AwaitedCard } from './support/new-card';
import { RESULTS, say, useTwoPlaygrounds } from './support/two-playgrounds';

/**
 * A session from both sides, on the demo committee: the secretariat (Katrin Albers, the
 * project's playground user) plans the year and invites; a member (Sabine Hoffmann, in a second
 * playground run signed in as her) gets the invitation in her personal chat, answers and
 * changes her answer, each click answered with her refreshed card; the secretariat sees the
 * tally. The playground reports en-US, so the cards are in English. It does not run a card's
 * automatic refresh ("user specific view is not supported yet", it says), so that path is
 * covered by the bot tests.
 */
describe('e2e: a session from invitation to tally in the Agents Playground', function () {
  this.timeout(240_000);
  /** The secretariat, and Sabine Hoffmann of the Jobcenter. */
  const people = useTwoPlaygrounds('sessions', '29:sabine-hoffmann');
  /** The member's invitation, counted before the secretariat invites. */
  let invitation: AwaitedCard;

  it('the member has talked to Gremium before, so it can write to her', async () => {
    await waitForNewCard(people.other, 'What you can do with Gremium', () => say(people.other, 'hilfe'));
  });

  it('the secretariat plans the year and invites to the first session', async () => {
    const [planned] = await waitForNewCard(people.secretariat, '3 sessions created for 2027', () =>
      say(people.secretariat, 'sitzungen planen 2027'),
    );
    const year = cardOf(planned!);
    await year.getByText('Session 2027/3').waitFor();
    await people.secretariat.screenshot({ path: path.join(RESULTS, 'session-1-year-planned.png'), fullPage: true });
    invitation = await expectNewCard(people.other, 'Invitation: Session 2027/1');
    // The first "Invite" is the first session's; the click answers in place.
    await waitForNewCard(people.secretariat, 'Invitations to session 2027/1 are being sent', () =>
      year.getByRole('button', { name: 'Invite' }).first().click(),
    );
    await people.secretariat.screenshot({ path: path.join(RESULTS, 'session-2-invited.png'), fullPage: true });
  });

  it('the member receives her invitation, answers and changes her answer on the refreshed card', async () => {
    const [title] = await invitation.appeared({ timeout: 60_000 });
    await cardOf(title!).getByText('For: Jobcenter Leipzig').waitFor();
    await people.other.screenshot({ path: path.join(RESULTS, 'session-3-invitation.png'), fullPage: true });
    // Each answer refreshes the card in place; only the new card states the new answer.
    const [online] = await waitForNewCard(people.other, 'Your answer: you attend online.', () =>
      cardOf(title!).getByRole('button', { name: 'I attend online' }).click(),
    );
    await waitForNewCard(people.other, 'Your answer: you attend in person.', () =>
      cardOf(online!).getByRole('button', { name: 'I attend in person' }).click(),
    );
    await people.other.screenshot({ path: path.join(RESULTS, 'session-4-answered.png'), fullPage: true });
  });

  it('the secretariat sees the tally', async () => {
    const [tally] = await waitForNewCard(
      people.secretariat,
      '1 of 3 institutions represented · 2 without an answer',
      () => say(people.secretariat, 'zusagen'),
    );
    await cardOf(tally!)
      .getByText(/Jobcenter Leipzig.*in person: Sabine Hoffmann/)
      .waitFor();
    await people.secretariat.screenshot({ path: path.join(RESULTS, 'session-5-rsvps.png'), fullPage: true });
  });
});
