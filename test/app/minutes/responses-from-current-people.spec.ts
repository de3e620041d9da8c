import assert from 'node:assert/strict';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import type { MinutesResponseDocument } from '../../../src/app/minutes/minutes-response-document';
import { openOrCreateMinutes } from '../../../src/app/minutes/open-minutes';
import { respondToMinutes } from '../../../src/app/minutes/respond-to-minutes';
import { ENGINES } from '../../support/engines';
import { rosterMoves } from '../sessions/roster-moves';
import { COMMITTEE, PEOPLE, SESSION_1, SessionWorld, type PersonKey } from '../sessions/session-world';
import { committeeAndSession, holdSession } from './minutes-world';

/**
 * The circulation keeps the ids of the attendees it went to; only those still current (active,
 * not erased, member or deputy of a seat that attended) may agree or object, and a refused
 * answer stores nothing.
 */
for (const engine of ENGINES) {
  describe(`app/minutes: responses only from current people, on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      // Thomas attended for the Jobcenter (as deputy), Birgit for the Agentur.
      await holdSession(world);
      const { committee } = await committeeAndSession(world);
      await openOrCreateMinutes(world.deps, committee, await world.session(), PEOPLE.katrin);
      assert.ok((await circulateMinutes(world.deps, committee, await world.session(), PEOPLE.katrin)).ok);
    });
    afterEach(async () => close());

    const respond = async (who: PersonKey, fields: Record<string, unknown>) => {
      const { committee } = await committeeAndSession(world);
      const minutes = await openOrCreateMinutes(world.deps, committee, await world.session(), PEOPLE.katrin);
      return respondToMinutes(world.deps, await world.actor(who), SESSION_1, minutes.circulation?.version, fields);
    };
    const responses = async () =>
      (await world.store.query<MinutesResponseDocument>(COMMITTEE, { type: 'minutesResponse' }))
        .map((response) => `${response.personId}:${response.answer}`)
        .sort();

    async function assertRefused(who: PersonKey, reason: string) {
      const before = await responses();
      for (const fields of [{ answer_1: 'agree' }, { answer_1: 'object', comment_1: 'Bitte ergänzen' }]) {
        const result = await respond(who, fields);
        assert.equal(
          !result.ok && result.error.kind === 'notCurrent' && result.error.reason,
          reason,
          `${who}: ${JSON.stringify(!result.ok && result.error.kind)}`,
        );
      }
      assert.deepEqual(await responses(), before, 'nothing stored');
    }

    it('refuses a deactivated attendee', async () => {
      await rosterMoves(world).deactivate('birgit');
      await assertRefused('birgit', 'inactive');
    });

    it('refuses an erased attendee', async () => {
      await rosterMoves(world).erase('thomas');
      await assertRefused('thomas', 'erased');
    });

    it('refuses attendees who no longer hold the seat they attended for', async () => {
      await rosterMoves(world).dropDeputy('jobcenter');
      await assertRefused('thomas', 'seatNotHeld');
      await rosterMoves(world).removeSeat('agentur');
      await assertRefused('birgit', 'seatNotHeld');
    });

    it('still takes the answers of current attendees', async () => {
      assert.ok((await respond('thomas', { answer_1: 'agree' })).ok);
      assert.ok((await respond('birgit', { answer_1: 'object', comment_1: 'Bitte ergänzen' })).ok);
      assert.deepEqual(await responses(), [`${PEOPLE.birgit}:object`, `${PEOPLE.thomas}:agree`].sort());
    });
  });
}
