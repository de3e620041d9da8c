import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';
import assert from 'node:assert/strict';
import { callForTopicsAsSecretariat, sessionForCall } from '../../../src/app/agenda/call-for-topics';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import { submitTopic } from '../../../src/app/agenda/submit-topic';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { openAttendance, recordAttendance } from '../../../src/app/sessions/attendance';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import { sessionsOverview } from '../../../src/app/sessions/sessions-overview';
import { withoutEtag } from '../../../src/app/ports/document-store';
import { nowUtcIso } from '../../../src/domain/clock';
import { ENGINES } from '../../support/engines';
import { COMMITTEE, SESSION_1, SessionWorld } from './session-world';

const SESSION_2 = 'session-2027-2';
/** Before 2027/1's topic deadline (the end of 21 January 2027). */
const EARLY_JANUARY = '2027-01-07T09:00:00.000Z';

for (const engine of ENGINES) {
  describe(`app/sessions: invitation, call for topics, agenda and attendance in any order, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let world: SessionWorld;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      world = await SessionWorld.create(opened.store);
      at(EARLY_JANUARY);
    });
    afterEach(async () => close());

    const at = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
    const dispatchIds = async () =>
      (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
        .map((dispatch) => dispatch.dispatchId)
        .sort();
    const katrin = () => world.actor('katrin');
    const call = async (sessionId = SESSION_1) =>
      callForTopicsAsSecretariat(world.deps, await katrin(), await world.session(sessionId), NO_QUESTIONS);
    const invite = async (sessionId = SESSION_1) =>
      inviteAsSecretariat(world.deps, await katrin(), await world.session(sessionId), NO_QUESTIONS);
    /** The session `themenaufruf` without a number picks, and the earlier calls it says are running. */
    const picked = async () => {
      const choice = await sessionForCall(world.store, await katrin(), '', nowUtcIso(world.clock));
      return choice.ok
        ? { number: choice.value.session.number, running: choice.value.running.map((running) => running.number) }
        : choice.error.kind;
    };
    const submit = async (title: string) => {
      const result = await submitTopic(world.deps, await world.actor('lena'), { kind: 'topic', title });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.error));
      return result.value.session.number;
    };

    it('invites first, then calls for topics for the same session, publishes, and records the attendance', async () => {
      assert.ok((await invite()).ok);
      assert.deepEqual(
        await picked(),
        { number: '2027/1', running: [] },
        'the invited session still waits for its call',
      );
      const called = await call();
      assert.ok(called.ok, JSON.stringify(!called.ok && called.error));
      const session = await world.session();
      assert.equal(session.state, 'invited');
      assert.equal(session.topicsCalledAt, EARLY_JANUARY);
      assert.equal(await submit('Ausbildungsabbrüche'), '2027/1', 'topics land in the session the call was for');

      const published = await publishAgendaAsSecretariat(
        world.deps,
        await katrin(),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(published.ok, JSON.stringify(!published.ok && published.error));
      assert.deepEqual(await dispatchIds(), [
        'agenda:session-2027-1:v1',
        'agenda:session-2027-1:v1:invitees',
        'call:session-2027-1',
        'invite:session-2027-1',
      ]);

      at('2027-02-11T11:59:00.000Z');
      assert.equal((await openAttendance(world.deps, await katrin(), await world.session())).ok, false);
      at('2027-02-11T12:00:00.000Z');
      const opened = await openAttendance(world.deps, await katrin(), await world.session());
      assert.ok(opened.ok);
      const fields = Object.fromEntries(opened.value.entries.map((entry) => [`presence-${entry.seatId}`, 'inPerson']));
      assert.ok((await recordAttendance(world.deps, await katrin(), SESSION_1, 0, fields)).ok);
      assert.equal((await world.session()).state, 'held');
    });

    it('calls for topics first, then invites, keeping the call and sending nothing twice', async () => {
      assert.ok((await call()).ok);
      assert.equal((await world.session()).state, 'planned');
      assert.ok((await invite()).ok);
      const session = await world.session();
      assert.equal(session.state, 'invited');
      assert.equal(session.topicsCalledAt, EARLY_JANUARY, 'the invitation keeps the call');
      const again = await call();
      assert.equal(!again.ok && again.error.kind, 'alreadyCalled');
      assert.deepEqual(await dispatchIds(), ['call:session-2027-1', 'invite:session-2027-1']);
    });

    it('publishes the agenda with the invitation, and the call still goes out after it', async () => {
      const published = await publishAgendaAsSecretariat(
        world.deps,
        await katrin(),
        await world.session(),
        NO_QUESTIONS,
      );
      assert.ok(published.ok);
      assert.equal((await world.session()).state, 'invited', 'publishing invites with it');
      assert.ok((await call()).ok);
      assert.equal((await world.session()).agenda?.version, 1);
    });

    it('picks the next session whose call can still go out, never a later one while an earlier one can', async () => {
      assert.deepEqual(await picked(), { number: '2027/1', running: [] });
      assert.ok((await call()).ok);
      assert.deepEqual(await picked(), { number: '2027/2', running: ['2027/1'] }, 'says 2027/1 is already running');
      assert.ok((await call(SESSION_2)).ok);
      assert.deepEqual(await picked(), { number: '2027/3', running: ['2027/1', '2027/2'] });
    });

    it('passes over a session whose topic deadline has passed without a call, and refuses the call for it', async () => {
      at('2027-01-22T08:00:00.000Z');
      assert.deepEqual(await picked(), { number: '2027/2', running: [] });
      const late = await call();
      assert.deepEqual(!late.ok && late.error, {
        kind: 'deadlinePassed',
        deadline: '2027-01-21T23:00:00.000Z',
        next: '2027/2',
      });
    });

    it('refuses the call for a held session and names the next one whose call can go out', async () => {
      assert.ok((await invite()).ok);
      at('2027-02-11T15:00:00.000Z');
      const opened = await openAttendance(world.deps, await katrin(), await world.session());
      assert.ok(opened.ok);
      const fields = Object.fromEntries(opened.value.entries.map((entry) => [`presence-${entry.seatId}`, 'absent']));
      assert.ok((await recordAttendance(world.deps, await katrin(), SESSION_1, 0, fields)).ok);
      const refused = await call();
      assert.deepEqual(!refused.ok && refused.error, {
        kind: 'wrongState',
        sessionId: SESSION_1,
        number: '2027/1',
        state: 'held',
        concerns: 'callForTopics',
        reason: 'alreadyHeld',
        next: '2027/2',
      });
    });

    describe('a session stored in the former state for a running call', () => {
      /** Session 2027/1 as releases before the tracks stored it when its call had gone out on 2 January. */
      beforeEach(async () => {
        const session = await world.session();
        const former = { ...withoutEtag(session), state: 'topicsOpen', updatedAt: '2027-01-02T08:00:00.000Z' };
        await world.store.replace(former as SessionDocument, session._etag);
      });

      it('keeps its call: repeating it sends nothing, and themenaufruf without a number moves on', async () => {
        const again = await call();
        assert.equal(!again.ok && again.error.kind, 'alreadyCalled');
        assert.deepEqual(await dispatchIds(), []);
        assert.deepEqual(await picked(), { number: '2027/2', running: ['2027/1'] });
        assert.equal(await submit('Sprachkurse'), '2027/1', 'it still takes topics');
      });

      it('is invited with its call kept as a fact, and the call stays answered as sent', async () => {
        assert.ok((await invite()).ok);
        const session = await world.session();
        assert.equal(session.state, 'invited');
        assert.equal(session.topicsCalledAt, '2027-01-02T08:00:00.000Z');
        const again = await call();
        assert.equal(!again.ok && again.error.kind, 'alreadyCalled');
        assert.deepEqual(await dispatchIds(), ['invite:session-2027-1']);
      });

      it('shows as planned with its call running in the list of sessions', async () => {
        const overview = await sessionsOverview(world.deps, await world.actor('birgit'), '2027');
        assert.ok(overview.ok);
        assert.deepEqual(overview.value.entries[0]!.tracks, {
          life: 'prepared',
          invitation: 'notSent',
          topics: { kind: 'running', deadline: '2027-01-21T23:00:00.000Z' },
          agenda: { kind: 'notPublished' },
        });
      });
    });
  });
}

describe('app/sessions: the list of sessions', function () {
  this.timeout(30_000);
  let world: SessionWorld;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const opened = await ENGINES[0]!.open();
    close = opened.close;
    world = await SessionWorld.create(opened.store);
  });
  afterEach(async () => close());

  it('shows this year and the next by default, one year when asked, and refuses a year that is no year', async () => {
    const birgit = await world.actor('birgit');
    const both = await sessionsOverview(world.deps, birgit, '');
    assert.ok(both.ok);
    assert.deepEqual(both.value.years, [2026, 2027]);
    assert.deepEqual(
      both.value.entries.map((entry) => entry.session.number),
      ['2027/1', '2027/2', '2027/3'],
    );
    const one = await sessionsOverview(world.deps, birgit, '2028');
    assert.ok(one.ok);
    assert.deepEqual([one.value.years, one.value.entries.length], [[2028], 0]);
    assert.deepEqual(await sessionsOverview(world.deps, birgit, 'nächstes'), {
      ok: false,
      error: { kind: 'invalidYear', min: 2016, max: 2036, example: 2027 },
    });
  });

  it('shows a member their own invitation and the working group the topic form, and nobody else’s answers', async () => {
    assert.ok(
      (await inviteAsSecretariat(world.deps, await world.actor('katrin'), await world.session(), NO_QUESTIONS)).ok,
    );
    const view = async (who: 'birgit' | 'lena' | 'thomas' | 'katrin') => {
      const overview = await sessionsOverview(world.deps, await world.actor(who), '2027');
      assert.ok(overview.ok);
      return {
        forSecretariat: overview.value.forSecretariat,
        first: [overview.value.entries[0]!.invited, overview.value.entries[0]!.takesTopicsFromViewer],
      };
    };
    assert.deepEqual(await view('birgit'), { forSecretariat: false, first: [true, true] });
    assert.deepEqual(await view('thomas'), { forSecretariat: false, first: [false, false] }, 'a deputy not called in');
    assert.deepEqual(await view('lena'), { forSecretariat: false, first: [false, true] });
    assert.deepEqual(await view('katrin'), { forSecretariat: true, first: [false, true] });
    const outsider = await world.actor('00000000-0000-4000-8000-00000000beef');
    assert.deepEqual(await sessionsOverview(world.deps, outsider, ''), { ok: false, error: { kind: 'notAllowed' } });
  });
});
