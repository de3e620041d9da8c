import assert from 'node:assert/strict';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { changeRoster } from '../../../src/app/roster/change-roster';
import { loadRoster } from '../../../src/app/roster/load-roster';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { editSession } from '../../../src/app/sessions/edit-session';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { rsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { remindUnanswered } from '../../../src/app/sessions/remind-unanswered';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { renderRsvpsCard } from '../../../src/cards/rsvps-card';
import { translator } from '../../../src/i18n/translator';
import { ENGINES } from '../../support/engines';
import { cardText } from '../../support/bot-harness';
import { COMMITTEE, PEOPLE, type PersonKey, SESSION_1, SessionWorld } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

for (const engine of ENGINES) {
  describe(`app/sessions: a seat whose member is deactivated is represented by its deputy on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => close());

    async function deactivate(who: PersonKey): Promise<void> {
      const revision = (await loadRoster(world.store, COMMITTEE)).revision;
      const changed = await changeRoster(world.deps, await world.actor('katrin'), {
        revision,
        request: { kind: 'setActive', personId: PEOPLE[who], active: false },
      });
      assert.ok(changed.ok, JSON.stringify(changed));
    }

    const drafts = async () =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).flatMap(
        (dispatch) => dispatch.drafts,
      );
    const draftsTo = async (who: PersonKey) =>
      (await drafts()).filter(
        (draft) => draft.recipient.kind === 'person' && draft.recipient.aadObjectId === PEOPLE[who],
      );

    it("invites the active deputy as the seat's invitee, names them for the institution, and counts their answer", async () => {
      await deactivate('sabine');
      const invited = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(invited.ok);
      assert.equal(invited.value.invited, 3, 'Agentur, IHK and the Jobcenter through its deputy');

      const toThomas = await draftsTo('thomas');
      assert.equal(toThomas.length, 1, 'the deputy is invited with the others, at once');
      assert.equal(toThomas[0]!.recipientLabel, 'Thomas Richter (Jobcenter Leipzig)');
      assert.deepEqual(await draftsTo('sabine'), [], 'the deactivated member is not');
      const card = cardText(
        createMessageRenderer('de').render(
          toThomas[0]!.message,
          'de-DE',
          {},
          { committeeId: COMMITTEE, shortName: 'KOG' },
        ).attachments![0]!.content as Record<string, unknown>,
      );
      assert.match(card, /Sie vertreten Jobcenter Leipzig als Stellvertretung/);
      assert.match(card, /Ich komme vor Ort/);
      assert.doesNotMatch(card, /Jemand anderen schicken/, 'a deputy answers for themself, as any deputy');

      const i18n = translator('de');
      const before = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(before.ok);
      assert.equal(before.value.unanswered, 3);
      const tally = cardText(renderRsvpsCard(before.value, i18n));
      assert.match(tally, /\*\*Jobcenter Leipzig\*\*: keine Antwort\nStellv\. Thomas Richter \(Mitglied inaktiv\)\n/);
      assert.doesNotMatch(tally, /Sabine/);

      const answered = await answerRsvp(world.deps, await world.actor('thomas'), {
        sessionId: SESSION_1,
        personId: PEOPLE.thomas,
        revision: (await world.session()).revision,
        choice: 'inPerson',
      });
      assert.ok(answered.ok, JSON.stringify(answered));
      assert.equal((await draftsTo('thomas')).length, 1, 'answering sends the deputy no second invitation');
      const after = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(after.ok);
      assert.deepEqual([after.value.represented, after.value.unanswered], [1, 2]);
      const line = after.value.lines.find((candidate) => candidate.institution === 'Jobcenter Leipzig');
      assert.deepEqual(
        [line?.status, line?.attendeeName],
        [{ kind: 'attending', mode: 'inPerson', by: 'deputy' }, 'Thomas Richter'],
      );
      assert.match(cardText(renderRsvpsCard(after.value, i18n)), /Stellvertretung vor Ort: Thomas Richter/);
    });

    it('reminds the deputy who has not answered, and does not invite a deactivated deputy or a seat with nobody active', async () => {
      await deactivate('sabine');
      await deactivate('yara');
      await deactivate('birgit');
      const invited = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(invited.ok);
      assert.deepEqual(
        (await world.session()).invitedSeats?.map((seat) => seat.institution),
        ['IHK zu Leipzig', 'Jobcenter Leipzig'],
      );
      const declined = await answerRsvp(world.deps, await world.actor('yusuf'), {
        sessionId: SESSION_1,
        personId: PEOPLE.yusuf,
        revision: (await world.session()).revision,
        choice: 'declined',
      });
      assert.ok(declined.ok);
      assert.deepEqual(await draftsTo('yara'), [], 'a deactivated deputy is not called in');
      const reminded = await remindUnanswered(
        world.deps,
        (await world.actor('katrin')).committee!,
        await world.session(),
        'test',
      );
      assert.deepEqual(reminded, { ok: true, value: { reminded: 1 } });
      assert.equal((await draftsTo('thomas')).length, 2, 'the invitation and the reminder');
    });

    it('neither reminds nor waits for a deputy holding the seat who was deactivated since, and says so', async () => {
      await deactivate('sabine');
      const invited = await inviteAsSecretariat(
        world.deps,
        await world.actor('katrin'),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(invited.ok);
      await deactivate('thomas');

      const overview = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(overview.ok);
      const line = overview.value.lines.find((candidate) => candidate.institution === 'Jobcenter Leipzig');
      assert.deepEqual(line?.status, { kind: 'cannotAnswer', who: 'deputy', reason: 'inactive' });
      assert.deepEqual(
        [line?.heldByDeputy, line?.deputyNotCurrent, line?.memberNotCurrent],
        [true, 'inactive', undefined],
      );
      assert.equal(overview.value.unanswered, 2, 'Birgit and Yusuf, not the deputy');
      const german = cardText(renderRsvpsCard(overview.value, translator('de')));
      const status = 'keine Antwort – Stellvertretung Thomas Richter kann nicht mehr antworten (nicht mehr aktiv)';
      const people = 'Stellv. Thomas Richter (nicht mehr aktiv) (Mitglied inaktiv)';
      assert.ok(german.includes(`**Jobcenter Leipzig**: ${status}\n${people}\n`), german);
      assert.doesNotMatch(german, /Sabine/, 'the member was not invited, so nothing is said of her');
      assert.match(
        cardText(renderRsvpsCard(overview.value, translator('en'))),
        /\*\*Jobcenter Leipzig\*\*: no answer – deputy Thomas Richter can no longer answer \(no longer active\)\n/,
      );

      const committee = (await world.actor('katrin')).committee!;
      const reminded = await remindUnanswered(world.deps, committee, await world.session(), 'test');
      assert.deepEqual(reminded, { ok: true, value: { reminded: 2 } });
      const session = await world.session();
      const change = {
        date: '2027-03-18',
        time: '10:00',
        place: 'Stadthaus, Saal 1',
        onlineLink: '',
        chair: 'Oberbürgermeister',
      };
      const moved = await editSession(world.deps, await world.actor('katrin'), SESSION_1, session.revision, change);
      assert.ok(moved.ok, JSON.stringify(moved));
      const toThomas = await draftsTo('thomas');
      assert.equal(toThomas.length, 1, 'only the invitation: no reminder, no card that the session moved');
      assert.equal((await draftsTo('birgit')).length, 3, 'the invitation, the reminder and the moved session');
    });
  });
}
