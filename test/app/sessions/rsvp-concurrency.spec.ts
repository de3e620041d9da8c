import assert from 'node:assert/strict';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { answerRsvp } from '../../../src/app/sessions/answer-rsvp';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { rsvpOverview } from '../../../src/app/sessions/rsvp-overview';
import { ROSTER_LIMITS } from '../../../src/domain/roster-changes';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, memberId, PEOPLE, SEATS, SESSION_1, SessionWorld } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

for (const engine of ENGINES) {
  describe(`app/sessions: concurrent answers on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    const extra = ROSTER_LIMITS.seats - SEATS.length;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store, extra);
      assert.ok(
        (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
      );
    });
    afterEach(async () => close());

    it('stores every answer of a full committee answering at once, and the tally is exact', async () => {
      const revision = (await world.session()).revision;
      const members = Array.from({ length: extra }, (_, index) => memberId(index));
      const choices = ['inPerson', 'online', 'declined'] as const;
      const results = await Promise.all([
        ...members.map(async (id, index) =>
          answerRsvp(world.deps, await world.actor(id), {
            sessionId: SESSION_1,
            personId: id,
            revision,
            choice: choices[index % 3],
          }),
        ),
        // The same people clicking again at the same moment, and a member declining twice.
        ...members.slice(0, 5).map(async (id) =>
          answerRsvp(world.deps, await world.actor(id), {
            sessionId: SESSION_1,
            personId: id,
            revision,
            choice: 'inPerson',
          }),
        ),
        ...[1, 2].map(async () =>
          answerRsvp(world.deps, await world.actor('sabine'), {
            sessionId: SESSION_1,
            personId: PEOPLE.sabine,
            revision,
            choice: 'declined',
          }),
        ),
      ]);
      assert.ok(
        results.every((result) => result.ok),
        JSON.stringify(results.find((result) => !result.ok)),
      );

      const records = await world.rsvps();
      assert.equal(records.length, extra + 1, 'one record per person');
      assert.equal(new Set(records.map((record) => record.id)).size, records.length);
      const overview = await rsvpOverview(world.deps, await world.actor('katrin'), await world.session());
      assert.ok(overview.ok);
      const declinedAmongExtra = members.filter((id, index) => index >= 5 && index % 3 === 2).length;
      assert.equal(overview.value.represented, extra - declinedAmongExtra);
      assert.equal(overview.value.unanswered, 3, 'Agentur, IHK, and Jobcenter whose deputy has not answered');

      const deputyInvitations = (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })).filter(
        (dispatch) => dispatch.dispatchId.endsWith(PEOPLE.thomas),
      );
      assert.equal(deputyInvitations.length, 1, 'the deputy is invited once');
    });
  });
}
