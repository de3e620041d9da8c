import assert from 'node:assert/strict';
import { agendaItemForm, moveAgendaItem, saveAgendaItem } from '../../../src/app/agenda/build-agenda';
import { callForTopics } from '../../../src/app/agenda/call-for-topics';
import { publishAgenda } from '../../../src/app/agenda/publish-agenda';
import { submitTopic } from '../../../src/app/agenda/submit-topic';
import { decideTopic } from '../../../src/app/agenda/triage-topics';
import type { AppDependencies } from '../../../src/app/dependencies';
import { approveMinutes } from '../../../src/app/minutes/approve-minutes';
import { circulateMinutes } from '../../../src/app/minutes/circulate-minutes';
import { openAttendance, recordAttendance } from '../../../src/app/sessions/attendance';
import { changeSessionState } from '../../../src/app/sessions/change-session-state';
import { editSession } from '../../../src/app/sessions/edit-session';
import { inviteAsSecretariat } from '../../../src/app/sessions/invite-to-session';
import { remindUnanswered } from '../../../src/app/sessions/remind-unanswered';
import type { Result } from '../../../src/domain/result';
import type { WrongStateConcern } from '../../../src/domain/sessions/wrong-state';
import { recordingStore } from '../../support/recording-store';
import { SESSION_1, useSessionWorld } from './session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

const WRITES = new Set(['create', 'replace', 'upsert', 'delete', 'batch']);

describe('app: every use case refuses a session in the wrong state the same way, and writes nothing', () => {
  const fixture = useSessionWorld();
  let submissionId: string;
  let submissionRevision: number;

  /** Session 2027/1 invited, with a topic submitted for it, then cancelled. */
  beforeEach(async () => {
    const { world } = fixture;
    const katrin = await world.actor('katrin');
    const submitted = await submitTopic(world.deps, await world.actor('lena'), { kind: 'topic', title: 'Ausbildung' });
    assert.ok(submitted.ok && submitted.value.submission.sessionId === SESSION_1);
    submissionId = submitted.value.submission.id;
    submissionRevision = submitted.value.submission.revision;
    assert.ok((await inviteAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS)).ok);
    assert.ok((await changeSessionState(world.deps, katrin, SESSION_1, (await world.session()).revision, 'cancel')).ok);
  });

  /** Runs a use case on a store that records what it is asked, and returns its refusal and the writes. */
  async function refused(
    run: (deps: AppDependencies) => Promise<Result<unknown, unknown>>,
  ): Promise<{ refusal: unknown; writes: string[] }> {
    const recorded = recordingStore(fixture.world.store);
    const result = await run({ ...fixture.world.deps, store: recorded.store });
    assert.equal(result.ok, false, 'refused');
    const writes = recorded.calls.map((call) => call.operation).filter((operation) => WRITES.has(operation));
    return { refusal: !result.ok && result.error, writes };
  }

  /** What every refusal carries: the session, why (it was cancelled), what was asked, and where instead. */
  const expected = (concerns: WrongStateConcern) => ({
    kind: 'wrongState',
    sessionId: SESSION_1,
    number: '2027/1',
    state: 'cancelled',
    concerns,
    reason: 'cancelled',
    ...(concerns === 'callForTopics' || concerns === 'invite' ? { next: '2027/2' } : {}),
  });

  const cases: Array<[string, WrongStateConcern, (deps: AppDependencies) => Promise<Result<unknown, unknown>>]> = [
    [
      'calling for topics',
      'callForTopics',
      async (deps) =>
        callForTopics(deps, (await fixture.world.actor('katrin')).committee!, await fixture.world.session(), 'x'),
    ],
    [
      'inviting',
      'invite',
      async (deps) =>
        inviteAsSecretariat(deps, await fixture.world.actor('katrin'), await fixture.world.session(), NO_QUESTIONS),
    ],
    [
      'publishing the agenda',
      'agenda',
      async (deps) =>
        publishAgenda(
          deps,
          (await fixture.world.actor('katrin')).committee!,
          await fixture.world.session(),
          'x',
          NO_QUESTIONS,
        ),
    ],
    ['opening an agenda item', 'agenda', async (deps) => agendaItemForm(deps, await access(), undefined)],
    ['adding an agenda item', 'agenda', async (deps) => saveAgendaItem(deps, await access(), 'x', 0, '', {})],
    ['moving an agenda item', 'agenda', async (deps) => moveAgendaItem(deps, await access(), 'x', 0, 'item', 'up')],
    [
      'deciding a topic',
      'agenda',
      async (deps) =>
        decideTopic(deps, await fixture.world.actor('katrin'), submissionId, submissionRevision, {
          decision: 'accept',
        }),
    ],
    [
      'editing the session',
      'session',
      async (deps) =>
        editSession(deps, await fixture.world.actor('katrin'), SESSION_1, (await fixture.world.session()).revision, {}),
    ],
    [
      'cancelling it again',
      'session',
      async (deps) =>
        changeSessionState(
          deps,
          await fixture.world.actor('katrin'),
          SESSION_1,
          (await fixture.world.session()).revision,
          'cancel',
        ),
    ],
    [
      'opening the attendance',
      'attendance',
      async (deps) => openAttendance(deps, await fixture.world.actor('katrin'), await fixture.world.session()),
    ],
    [
      'recording the attendance',
      'attendance',
      async (deps) => recordAttendance(deps, await fixture.world.actor('katrin'), SESSION_1, 0, {}),
    ],
    [
      'reminding those without an answer',
      'invitation',
      async (deps) =>
        remindUnanswered(deps, (await fixture.world.actor('katrin')).committee!, await fixture.world.session(), 'k'),
    ],
    [
      'circulating the minutes',
      'minutes',
      async (deps) =>
        circulateMinutes(deps, (await fixture.world.actor('katrin')).committee!, await fixture.world.session(), 'x'),
    ],
    [
      'approving the minutes',
      'minutes',
      async (deps) =>
        approveMinutes(deps, (await fixture.world.actor('katrin')).committee!, await fixture.world.session(), 'x', {
          goAhead: NO_QUESTIONS,
          automatic: false,
        }),
    ],
  ];

  async function access() {
    return { committee: (await fixture.world.actor('katrin')).committee!, session: await fixture.world.session() };
  }

  for (const [what, concerns, run] of cases) {
    it(`refuses ${what} with the wrong-state refusal`, async () => {
      const { refusal, writes } = await refused(run);
      assert.deepEqual(refusal, expected(concerns));
      assert.deepEqual(writes, [], 'nothing written');
    });
  }
});
