import assert from 'node:assert/strict';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { openInvitation } from '../../../src/app/sessions/open-invitation';
import { ENGINES } from '../../support/engines';
import { rosterMoves } from './roster-moves';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

/**
 * Invitations keep the seats and people they went to; only people who still hold the seat,
 * active and not erased, may answer through them, and nothing they click is stored or queued.
 */
for (const engine of ENGINES) {
  describe(`app/sessions: answers only from current people, on the ${engine.name}`, function () {
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

    const answer = async (who: PersonKey, choice: string, extra: Record<string, unknown> = {}) =>
      answerRsvp(world.deps, await world.actor(who), {
        sessionId: SESSION_1,
        personId: PEOPLE[who],
        revision: (await world.session()).revision,
        choice,
        ...extra,
      });
    const dispatches = async () =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
        .map((dispatch) => dispatch.dispatchId)
        .sort();
    /** What an answer could leave behind: the answers and the queued messages. */
    const traces = async () => ({
      rsvps: (await world.rsvps()).map((rsvp) => `${rsvp.personId}:${rsvp.choice}`).sort(),
      dispatches: await dispatches(),
    });

    async function assertRefused(
      who: PersonKey,
      reason: string,
      choices = ['inPerson', 'declined', 'deputy', 'delegate'],
    ) {
      const before = await traces();
      for (const choice of choices) {
        const result = await answer(who, choice, choice === 'delegate' ? { delegateName: 'Erika Muster' } : {});
        assert.deepEqual(
          !result.ok && result.error.kind === 'notCurrent' && result.error.reason,
          reason,
          `${who} ${choice}: ${JSON.stringify(result)}`,
        );
      }
      const view = await openInvitation(world.deps, await world.actor(who), SESSION_1, PEOPLE[who]);
      assert.equal(!view.ok && view.error.kind, 'notCurrent', 'the refreshed card says so too');
      assert.deepEqual(await traces(), before, 'nothing stored, nothing queued');
    }

    it('refuses a deactivated member, whose decline would have invited the deputy', async () => {
      await rosterMoves(world).deactivate('sabine');
      await assertRefused('sabine', 'inactive');
      assert.ok(!(await dispatches()).some((id) => id.endsWith(PEOPLE.thomas)), 'the deputy is not invited');
    });

    it('refuses an erased member', async () => {
      await rosterMoves(world).erase('sabine');
      await assertRefused('sabine', 'erased');
    });

    it('refuses a member whose seat was removed, and one replaced on the seat', async () => {
      await rosterMoves(world).removeSeat('agentur');
      await assertRefused('birgit', 'seatNotHeld', ['inPerson', 'declined']);
      await rosterMoves(world).replaceMember('ihk', 'lena');
      await assertRefused('yusuf', 'seatNotHeld');
      const refused = await answer('yusuf', 'online');
      assert.equal(!refused.ok && refused.error.kind === 'notCurrent' && refused.error.institution, 'IHK zu Leipzig');
    });

    it('refuses a called-in deputy who was taken off the seat since', async () => {
      assert.ok((await answer('yusuf', 'declined')).ok, 'the member hands over to the deputy');
      assert.ok((await answer('yara', 'inPerson')).ok, 'the deputy answers while holding the seat');
      await rosterMoves(world).dropDeputy('ihk');
      await assertRefused('yara', 'seatNotHeld', ['online', 'declined']);
    });

    it('lets a current member answer but neither offers nor invites a deputy who is no longer current', async () => {
      await rosterMoves(world).deactivate('thomas');
      const view = await openInvitation(world.deps, await world.actor('sabine'), SESSION_1, PEOPLE.sabine);
      assert.ok(view.ok);
      assert.equal(view.value.deputyName, undefined, 'no deputy to send');
      const sendDeputy = await answer('sabine', 'deputy');
      assert.equal(!sendDeputy.ok && sendDeputy.error.kind, 'noDeputy');
      assert.ok((await answer('sabine', 'declined')).ok, 'declining is still stored');
      assert.deepEqual(
        (await world.rsvps()).map((rsvp) => `${rsvp.personId}:${rsvp.choice}`),
        [`${PEOPLE.sabine}:declined`],
      );
      assert.ok(
        !(await dispatches()).some((id) => id.endsWith(PEOPLE.thomas)),
        'the deactivated deputy is not invited',
      );
    });

    it('still lets current people answer and invites a current deputy', async () => {
      assert.ok((await answer('sabine', 'declined')).ok);
      assert.ok((await dispatches()).some((id) => id === `invite:${SESSION_1}:${PEOPLE.thomas}`));
      assert.ok((await answer('thomas', 'online')).ok);
    });
  });
}
