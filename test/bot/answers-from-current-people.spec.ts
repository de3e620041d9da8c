import assert from 'node:assert/strict';
import { circulateMinutes } from '../../src/app/minutes/circulate-minutes';
import { openOrCreateMinutes } from '../../src/app/minutes/open-minutes';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import { inviteAsSecretariat } from '../../src/app/sessions/invite-to-session';
import { VERBS } from '../../src/cards/verbs';
import { BotHarness, cardText } from '../support/bot-harness';
import { committeeAndSession, holdSession } from '../app/minutes/minutes-world';
import { rosterMoves } from '../app/sessions/roster-moves';
import { chatPerson, COMMITTEE, PEOPLE, SESSION_1, useSessionWorld } from '../app/sessions/session-world';
import { NO_QUESTIONS } from '../../src/domain/confirmation/go-ahead';

describe('bot: answers only from current people', () => {
  const fixture = useSessionWorld();
  const dispatches = async () =>
    (await fixture.world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
      .map((dispatch) => dispatch.dispatchId)
      .sort();

  it('tells a deactivated member clicking their invitation to contact the secretariat, and stores and queues nothing', async () => {
    const { world } = fixture;
    assert.ok(
      (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
    );
    await rosterMoves(world).deactivate('sabine');
    const bot = new BotHarness(world.deps);
    const before = await dispatches();
    const click = {
      committeeId: COMMITTEE,
      sessionId: SESSION_1,
      personId: PEOPLE.sabine,
      revision: (await world.session()).revision,
    };

    const german = cardText(
      await bot.execute(chatPerson('sabine'), VERBS.rsvpAnswer, { ...click, choice: 'declined' }),
    );
    assert.match(
      german,
      /Keine Rückmeldung möglich[^]*nicht mehr als aktive Person geführt[^]*Es wurde nichts gespeichert und niemand benachrichtigt[^]*Geschäftsstelle/,
    );
    const english = cardText(
      await bot.execute(chatPerson('sabine'), VERBS.rsvpAnswer, { ...click, choice: 'deputy' }, { locale: 'en-US' }),
    );
    assert.match(
      english,
      /You can no longer reply[^]*no longer listed as an active person[^]*Nothing was saved and nobody was notified[^]*contact the secretariat/,
    );
    assert.match(
      cardText(
        await bot.execute(chatPerson('sabine'), VERBS.invitationView, {
          committeeId: COMMITTEE,
          sessionId: SESSION_1,
          personId: PEOPLE.sabine,
        }),
      ),
      /Keine Rückmeldung möglich/,
    );

    assert.deepEqual(await world.rsvps(), []);
    assert.deepEqual(await dispatches(), before, 'the deputy is not invited');
  });

  it('tells an attendee who no longer holds the seat that they cannot respond to the minutes', async () => {
    const { world } = fixture;
    await holdSession(world);
    const { committee } = await committeeAndSession(world);
    const minutes = await openOrCreateMinutes(world.deps, committee, await world.session(), PEOPLE.katrin);
    assert.ok((await circulateMinutes(world.deps, committee, await world.session(), PEOPLE.katrin)).ok);
    await rosterMoves(world).dropDeputy('jobcenter');
    const bot = new BotHarness(world.deps);
    const answer = { sessionId: SESSION_1, version: minutes.version, answer_1: 'object', comment_1: 'Bitte ergänzen' };
    assert.match(
      cardText(await bot.execute(chatPerson('thomas'), VERBS.minutesRespond, answer)),
      /Keine Rückmeldung möglich[^]*für keine der Institutionen[^]*Es wurde nichts gespeichert[^]*Geschäftsstelle/,
    );
    assert.match(
      cardText(await bot.execute(chatPerson('thomas'), VERBS.minutesRespond, answer, { locale: 'en-US' })),
      /You can no longer reply[^]*no longer the member or deputy[^]*contact the secretariat/,
    );
    assert.deepEqual(await world.store.query(COMMITTEE, { type: 'minutesResponse' }), []);
  });
});
