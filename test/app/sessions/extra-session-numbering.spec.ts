import assert from 'node:assert/strict';
import { addExtraSession } from '../../../src/app/sessions/add-extra-session';
import { chooseSession } from '../../../src/app/sessions/find-session';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import { newSessionDocument, type SessionDocument } from '../../../src/app/sessions/session-document';
import type { SessionState } from '../../../src/domain/sessions/session-state';
import { ENGINES } from '../../support/engines';
import { recordingStore } from '../../support/recording-store';
import { COMMITTEE, SessionWorld } from './session-world';

const NOW = '2026-11-21T10:00:00.000Z';
const isPlanned = (state: SessionState): boolean => state === 'planned';
const isInvited = (state: SessionState): boolean => state === 'invited';

/** An extra session as stored before extra sessions had numbers of their own: the year's next regular number. */
function earlierExtraSession(number: string, startsAt: string, endsAt: string): SessionDocument {
  const [year, sequence] = number.split('/').map(Number) as [number, number];
  const stored = newSessionDocument(
    COMMITTEE,
    { number, year, sequence, startsAt, endsAt, extra: true },
    NOW,
    'someone',
    `session-${year}-${sequence}`,
  );
  return { ...stored, state: 'invited', revision: 3 };
}

for (const engine of ENGINES) {
  describe(`app/sessions: extra sessions keep out of the regular numbers on the ${engine.name}`, function () {
    this.timeout(30_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
    });
    afterEach(async () => close());

    const sessionsOf2028 = async () =>
      (
        await world.store.query<SessionDocument>(COMMITTEE, {
          type: 'session',
          where: [{ field: 'year', op: '=', value: 2028 }],
          orderBy: { field: 'startsAt' },
        })
      ).map((session) => [session.number, session.extra, session.chair ?? '']);

    it('starts an extra session at the typed time, and refuses a time that is none without creating one', async () => {
      const katrin = await world.actor('katrin');
      const early = await addExtraSession(world.deps, katrin, '13.01.2028 9:30 Uhr');
      assert.ok(early.ok);
      // Berlin in winter is UTC+1; the committee's usual length follows the typed start.
      assert.equal(early.value.session.startsAt, '2028-01-13T08:30:00.000Z');
      assert.equal(early.value.session.endsAt, '2028-01-13T11:30:00.000Z');
      for (const typed of ['14.01.2028 25:00', '14.01.2028 halb zehn', '14.01.2028 09:30 morgen'])
        assert.deepEqual(await addExtraSession(world.deps, katrin, typed), {
          ok: false,
          error: { kind: 'invalidTime' },
        });
      assert.deepEqual(await sessionsOf2028(), [['2028/S1', true, '']]);
    });

    it('plans every regular session of a year that already has an extra session', async () => {
      const katrin = await world.actor('katrin');
      const extra = await addExtraSession(world.deps, katrin, '13.01.2028');
      assert.ok(extra.ok);

      const planned = await planSessions(world.deps, katrin, 2028);
      assert.ok(planned.ok);
      assert.deepEqual(
        planned.value.created.map((session) => session.number),
        ['2028/1', '2028/2', '2028/3'],
      );
      assert.deepEqual(await sessionsOf2028(), [
        ['2028/S1', true, ''],
        ['2028/1', false, 'Oberbürgermeister der Stadt Leipzig'],
        ['2028/2', false, 'Jobcenter Leipzig'],
        ['2028/3', false, 'Agentur für Arbeit Leipzig'],
      ]);

      const second = await addExtraSession(world.deps, katrin, '2028-03-02');
      assert.ok(second.ok);
      assert.equal(second.value.session.number, '2028/S2');
    });

    it('finds regular and extra sessions by the number a person types', async () => {
      const katrin = await world.actor('katrin');
      assert.ok((await addExtraSession(world.deps, katrin, '2027-05-20')).ok);
      for (const [typed, number] of [
        ['2027/1', '2027/1'],
        ['2027/S1', '2027/S1'],
        ['2027/s1', '2027/S1'],
        ['2027 / S 1', '2027/S1'],
      ]) {
        const choice = await chooseSession(world.store, COMMITTEE, typed!, isPlanned, NOW);
        assert.ok(choice.ok, typed);
        assert.equal(choice.session.number, number, typed);
      }
      const unknown = await chooseSession(world.store, COMMITTEE, '2027/S2', isPlanned, NOW);
      assert.deepEqual(unknown, { ok: false, reason: 'notFound' });
    });

    it('finds a regular session by its number with one read by key, an extra one by a query', async () => {
      const katrin = await world.actor('katrin');
      assert.ok((await addExtraSession(world.deps, katrin, '2027-05-20')).ok);
      await world.store.create(earlierExtraSession('2027/4', '2027-12-02T13:00:00.000Z', '2027-12-02T16:00:00.000Z'));
      const reads = async (typed: string) => {
        const recorded = recordingStore(world.store);
        const choice = await chooseSession(recorded.store, COMMITTEE, typed, () => true, NOW);
        assert.ok(choice.ok, typed);
        return [choice.session.number, ...recorded.calls.map((call) => call.operation)];
      };
      assert.deepEqual(await reads('2027/1'), ['2027/1', 'getMany']);
      assert.deepEqual(await reads('2027/S1'), ['2027/S1', 'query']);
      // An earlier extra session holds the number's id and no regular session has it: the query decides.
      assert.deepEqual(await reads('2027/4'), ['2027/4', 'getMany', 'query']);
    });

    it('keeps extra sessions stored with a regular number working, and plans the regular session that number belongs to', async () => {
      const katrin = await world.actor('katrin');
      await world.store.create(earlierExtraSession('2027/4', '2027-12-02T13:00:00.000Z', '2027-12-02T16:00:00.000Z'));
      await world.store.create(earlierExtraSession('2028/1', '2028-01-13T13:00:00.000Z', '2028-01-13T16:00:00.000Z'));
      const inPlannedYear = await chooseSession(world.store, COMMITTEE, '2027/4', isInvited, NOW);
      assert.ok(
        inPlannedYear.ok && inPlannedYear.session.extra,
        'an earlier extra session is still found by its number',
      );

      const planned = await planSessions(world.deps, katrin, 2028);
      assert.ok(planned.ok);
      assert.deepEqual(
        planned.value.created.map((session) => session.number),
        ['2028/1', '2028/2', '2028/3'],
      );
      assert.deepEqual(await sessionsOf2028(), [
        ['2028/S1', true, ''],
        ['2028/1', false, 'Oberbürgermeister der Stadt Leipzig'],
        ['2028/2', false, 'Jobcenter Leipzig'],
        ['2028/3', false, 'Agentur für Arbeit Leipzig'],
      ]);
      const moved = await world.session('session-2028-1');
      assert.deepEqual(
        [moved.number, moved.extra, moved.state, moved.revision],
        ['2028/S1', true, 'invited', 4],
        'same document, so its answers and links stay',
      );

      const again = await planSessions(world.deps, katrin, 2028);
      assert.ok(again.ok);
      assert.deepEqual(
        [again.value.created.length, again.value.existing.map((session) => session.number)],
        [0, ['2028/1', '2028/2', '2028/3']],
      );
      const regular = await chooseSession(world.store, COMMITTEE, '2028/1', isPlanned, NOW);
      assert.ok(regular.ok && !regular.session.extra);
      const next = await addExtraSession(world.deps, katrin, '2028-03-02');
      assert.ok(next.ok);
      assert.equal(next.value.session.number, '2028/S2');
    });
  });
}
