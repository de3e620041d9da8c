import path from 'node:path';
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

  it('the member has talked to Gremium before, so it can write to her', async () => {
    await say(people.other, 'hilfe');
    await people.other.getByText('What you can do with Gremium').last().waitFor();
  });

  it('the secretariat plans the year and invites to the first session', async () => {
    await say(people.secretariat, 'sitzungen planen 2027');
    await people.secretariat.getByText('3 sessions created for 2027').last().waitFor();
    await people.secretariat.getByText('Session 2027/3').last().waitFor();
    await people.secretariat.screenshot({ path: path.join(RESULTS, 'session-1-year-planned.png'), fullPage: true });
    await people.secretariat.getByRole('button', { name: 'Invite' }).first().click();
    await people.secretariat.getByText('Invitations to session 2027/1 are being sent').last().waitFor();
    await people.secretariat.screenshot({ path: path.join(RESULTS, 'session-2-invited.png'), fullPage: true });
  });

  it('the member receives her invitation, answers and changes her answer on the refreshed card', async () => {
    await people.other.getByText('Invitation: Session 2027/1').last().waitFor({ timeout: 60_000 });
    await people.other.getByText('For: Jobcenter Leipzig').last().waitFor();
    await people.other.screenshot({ path: path.join(RESULTS, 'session-3-invitation.png'), fullPage: true });
    await people.other.getByRole('button', { name: 'I attend online' }).last().click();
    await people.other.getByText('Your answer: you attend online.').last().waitFor();
    await people.other.getByRole('button', { name: 'I attend in person' }).last().click();
    await people.other.getByText('Your answer: you attend in person.').last().waitFor();
    await people.other.screenshot({ path: path.join(RESULTS, 'session-4-answered.png'), fullPage: true });
  });

  it('the secretariat sees the tally', async () => {
    await say(people.secretariat, 'zusagen');
    await people.secretariat.getByText('1 of 3 institutions represented · 2 without an answer').last().waitFor();
    await people.secretariat.getByText(/Jobcenter Leipzig.*in person: Sabine Hoffmann/).last().waitFor();
    await people.secretariat.screenshot({ path: path.join(RESULTS, 'session-5-rsvps.png'), fullPage: true });
  });
});
