import assert from 'node:assert/strict';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { rsvpOverview, type RsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { renderRsvpsCard } from '../../../src/cards/rsvps-card';
import { seatDocumentId } from '../../../src/domain/ids';
import { translator } from '../../../src/i18n/translator';
import { cardText } from '../../support/bot-harness';
import { ENGINES } from '../../support/engines';
import { rosterMoves } from './roster-moves';
import { PEOPLE, SESSION_1, SessionWorld, type PersonKey } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

/**
 * The secretariat's overview shows each invited seat as it stands now: a member or deputy who
 * was erased, deactivated or taken off the seat since the invitation is shown as such, never as
 * invited and awaited, and is not counted among those a reminder would reach.
 */
for (const engine of ENGINES) {
  describe(`app/sessions/rsvp-overview: the seats as they stand now, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
      );
    });
    afterEach(async () => close());

    const answer = async (who: PersonKey, choice: string) => {
      const revision = (await world.session()).revision;
      const submission = { sessionId: SESSION_1, personId: PEOPLE[who], revision, choice };
      const result = await answerRsvp(world.deps, await world.actor(who), submission);
      assert.ok(result.ok, JSON.stringify(result));
    };
    const overview = async (): Promise<RsvpOverview> => {
      const result = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(result.ok, JSON.stringify(result));
      return result.value;
    };
    const lineOf = (view: RsvpOverview, seat: string) =>
      view.lines.find((line) => line.seatId === seatDocumentId(seat))!;
    /** The card's line for the institution: its name in bold, then the status. */
    const statusLine = (text: string, institution: string) =>
      text
        .split('\n')
        .find((line) => line.startsWith(`**${institution}**: `))
        ?.slice(institution.length + 6);
    const card = (view: RsvpOverview, locale: 'de' | 'en') => cardText(renderRsvpsCard(view, translator(locale)));

    it('shows a deputy skipped as no longer active as such, not as invited', async () => {
      await rosterMoves(world).deactivate('thomas');
      await answer('sabine', 'declined');
      const view = await overview();
      const jobcenter = lineOf(view, 'jobcenter');
      assert.deepEqual(jobcenter.status, { kind: 'cannotAnswer', who: 'deputy', reason: 'inactive' });
      assert.equal(jobcenter.deputyNotCurrent, 'inactive');
      assert.equal(view.unanswered, 2, 'Birgit and Yusuf, not the deputy');
      const german = card(view, 'de');
      assert.equal(
        statusLine(german, 'Jobcenter Leipzig'),
        'Mitglied kommt nicht – Stellvertretung Thomas Richter kann nicht antworten (nicht mehr aktiv)',
      );
      assert.match(german, /Sabine Hoffmann · Stellv\. Thomas Richter \(nicht mehr aktiv\)/);
      assert.doesNotMatch(german, /eingeladen/);
      assert.equal(
        statusLine(card(view, 'en'), 'Jobcenter Leipzig'),
        'member not attending – deputy Thomas Richter cannot answer (no longer active)',
      );
    });

    it('shows a called-in deputy erased or taken off the seat since as unable to answer', async () => {
      await answer('sabine', 'deputy');
      await answer('yusuf', 'declined');
      assert.deepEqual(
        (await overview()).lines.map((line) => line.status.kind),
        ['noAnswer', 'deputyInvited', 'deputyInvited'],
        'both deputies invited while they hold the seat',
      );
      await rosterMoves(world).erase('thomas');
      await rosterMoves(world).dropDeputy('ihk');
      const view = await overview();
      assert.deepEqual(lineOf(view, 'jobcenter').status, { kind: 'cannotAnswer', who: 'deputy', reason: 'erased' });
      assert.deepEqual(lineOf(view, 'ihk').status, { kind: 'cannotAnswer', who: 'deputy', reason: 'seatNotHeld' });
      assert.equal(view.unanswered, 1, 'Birgit only');
      const german = card(view, 'de');
      assert.equal(
        statusLine(german, 'IHK zu Leipzig'),
        'Mitglied kommt nicht – Stellvertretung Yara Nowak kann nicht antworten (nicht mehr für diese Institution benannt)',
      );
      assert.equal(
        statusLine(german, 'Jobcenter Leipzig'),
        'Mitglied kommt nicht – Stellvertretung ehemalige Person kann nicht antworten (Eintrag gelöscht)',
      );
      assert.match(german, /Erinnern \(1 ohne Antwort\)/);
    });

    it('shows a member who can no longer answer, and keeps an answer already given', async () => {
      await answer('birgit', 'inPerson');
      await rosterMoves(world).deactivate('birgit');
      await rosterMoves(world).deactivate('sabine');
      await rosterMoves(world).replaceMember('ihk', 'lena');
      const view = await overview();
      const givenWhileCurrent = { kind: 'attending', mode: 'inPerson', by: 'member' };
      assert.deepEqual(lineOf(view, 'agentur').status, givenWhileCurrent);
      assert.equal(lineOf(view, 'agentur').memberNotCurrent, 'inactive');
      assert.deepEqual(lineOf(view, 'jobcenter').status, { kind: 'cannotAnswer', who: 'member', reason: 'inactive' });
      assert.deepEqual(lineOf(view, 'ihk').status, { kind: 'cannotAnswer', who: 'member', reason: 'seatNotHeld' });
      assert.equal(view.unanswered, 0);
      const german = card(view, 'de');
      assert.equal(
        statusLine(german, 'Jobcenter Leipzig'),
        'keine Antwort – Sabine Hoffmann kann nicht mehr antworten (nicht mehr aktiv)',
      );
      assert.equal(
        statusLine(german, 'IHK zu Leipzig'),
        'keine Antwort – Yusuf Demir kann nicht mehr antworten (nicht mehr für diese Institution benannt)',
      );
      assert.doesNotMatch(german, /Erinnern/, 'nobody left to remind');
      assert.equal(
        statusLine(card(view, 'en'), 'IHK zu Leipzig'),
        'no answer – Yusuf Demir can no longer answer (no longer named for this institution)',
      );
    });
  });
}
