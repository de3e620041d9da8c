import assert from 'node:assert/strict';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { noteMemberships } from '../../../src/app/committees/person-committees';
import { AUDIT_TYPE } from '../../../src/app/audit/audit-record';
import { auditContext } from '../../../src/app/audit/audit-context';
import { auditedStore } from '../../../src/app/audit/audited-store';
import { deliveryReport } from '../../../src/app/delivery/delivery-report';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { actorIn, type Actor } from '../../../src/app/identify-actor';
import { silentLogger } from '../../../src/app/ports/logger';
import type { JobDocument } from '../../../src/app/scheduling/job';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { changeSessionState } from '../../../src/app/sessions/change-session-state';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { SESSION_JOB_HANDLERS } from '../../../src/app/sessions/session-jobs';
import type { CommitteeHome } from '../../../src/domain/committee';
import { personDocumentId, seatDocumentId } from '../../../src/domain/ids';
import { ENGINES, type OpenedEngine } from '../../support/engines';
import { COMMITTEE as KOG, PEOPLE, SessionWorld, TENANT } from '../sessions/session-world';
import { setUpCommittee } from '../sessions/session-fixtures';

const SGI_HOME: CommitteeHome = { kind: 'team', id: '19:sgi-team@thread.tacv2', title: 'Steuerungsgruppe Integration' };
const SGI = committeeIdForHome(TENANT, SGI_HOME);
/** Someone on the SGI's roster only. */
const DANA = 'dddddddd-1111-4000-8000-000000000004';
const SESSIONS = [1, 2, 3].map((sequence) => sessionDocumentId(2027, sequence));

for (const engine of ENGINES) {
  describe(`app/committees: two committees side by side, on the ${engine.name}`, function () {
    this.timeout(120_000);
    let opened: OpenedEngine;
    let world: SessionWorld;
    let deps: AppDependencies;

    /**
     * The KOG of the session world (three seats, 2027 planned) and, in the same organisation, the
     * Steuerungsgruppe Integration with the same session cycle, so its three sessions fall on the
     * same days: set up by the same secretariat in its own team, with Sabine holding a seat in
     * both and Dana one in the SGI only.
     */
    beforeEach(async () => {
      opened = await engine.open();
      world = await SessionWorld.create(opened.store);
      deps = { store: auditedStore(opened.store, world.clock), clock: world.clock };
      await setUpCommittee(world.deps, TENANT, 'SGI', SGI_HOME);
      for (const [id, name, seat] of [
        [PEOPLE.sabine, 'Sabine Hoffmann', 'jobcenter-peine'],
        [DANA, 'Dana Dietrich', 'landkreis-peine'],
      ] as const) {
        await opened.store.upsert<PersonDocument>({
          id: personDocumentId(id),
          committeeId: SGI,
          type: 'person',
          aadObjectId: id,
          displayName: name,
          roles: ['member'],
          active: true,
        });
        await opened.store.upsert<SeatDocument>({
          id: seatDocumentId(seat),
          committeeId: SGI,
          type: 'seat',
          institution: seat,
          memberId: id,
        });
        await noteMemberships(world.deps, SGI, [id]);
      }
      const planned = await planSessions(deps, await secretariatOf(SGI), 2027);
      assert.ok(planned.ok && planned.value.created.length === 3);
    });
    afterEach(async () => opened.close());

    const secretariatOf = (committeeId: string): Promise<Actor> =>
      actorIn(deps, { tenantId: TENANT, aadObjectId: PEOPLE.katrin, displayName: 'Katrin Albers' }, committeeId);
    const session = async (committeeId: string, id: string) =>
      (await opened.store.get<SessionDocument>(committeeId, id))!;
    const run = () =>
      auditContext.run({ actorId: 'scheduler', source: 'scheduler' }, () =>
        runDueJobs({ ...deps, logger: silentLogger, instanceId: 'test' }, SESSION_JOB_HANDLERS),
      );
    const runUntilQuiet = async () => {
      const ran: string[] = [];
      for (let round = 0; round < 20; round += 1) {
        const due = await run();
        if (due.length === 0) return ran;
        ran.push(...due);
      }
      throw new Error('the scheduler never went quiet');
    };
    /** The status of each of a committee's jobs for a session, by kind. */
    const jobsOf = async (committeeId: string, sessionId: string) =>
      Object.fromEntries(
        (await opened.store.query<JobDocument>(committeeId, { type: 'job' }))
          .filter((job) => job.subjectId === sessionId)
          .map((job) => [job.kind, job.status]),
      );
    const moveTo = (iso: string) => world.clock.advance(Date.parse(iso) - world.clock.now().toMillis());
    /** Who each committee invited to each session, from its own outbox. */
    const invited = async (committeeId: string) => {
      const dispatches = await opened.store.query<DispatchDocument>(committeeId, { type: 'dispatch' });
      return Object.fromEntries(
        dispatches
          .filter((dispatch) => dispatch.dispatchId.startsWith('invite:'))
          .map((dispatch) => [
            dispatch.dispatchId,
            dispatch.drafts
              .map((draft) => (draft.recipient.kind === 'person' ? draft.recipient.aadObjectId : ''))
              .sort(),
          ]),
      );
    };

    it('fires the jobs of 2 committees × 3 sessions on the same days, each for its own committee', async () => {
      for (const id of SESSIONS)
        assert.equal((await session(KOG, id)).startsAt, (await session(SGI, id)).startsAt, `${id} on the same day`);
      // The SGI cancels its first session: the KOG's goes ahead all the same.
      const first = await session(SGI, SESSIONS[0]!);
      assert.ok((await changeSessionState(deps, await secretariatOf(SGI), first.id, first.revision, 'cancel')).ok);

      moveTo('2027-01-28T08:00:00Z');
      assert.ok((await runUntilQuiet()).length > 0);
      assert.equal((await session(KOG, SESSIONS[0]!)).state, 'invited');
      assert.equal((await session(SGI, SESSIONS[0]!)).state, 'cancelled');
      const kogFirst = await jobsOf(KOG, SESSIONS[0]!);
      const sgiFirst = await jobsOf(SGI, SESSIONS[0]!);
      assert.ok(Object.keys(kogFirst).length >= 4, JSON.stringify(kogFirst));
      assert.deepEqual(Object.keys(sgiFirst).sort(), Object.keys(kogFirst).sort(), 'the same jobs, each its own');
      for (const kind of ['callForTopics', 'agendaDispatch'].filter((kind) => kind in kogFirst)) {
        assert.equal(kogFirst[kind], 'done', `KOG ${kind}`);
        assert.equal(sgiFirst[kind], 'cancelled', `SGI ${kind}`);
      }

      moveTo('2027-12-01T08:00:00Z');
      await runUntilQuiet();
      for (const id of SESSIONS.slice(1)) {
        assert.equal((await session(KOG, id)).state, 'invited', `KOG ${id}`);
        assert.equal((await session(SGI, id)).state, 'invited', `SGI ${id}`);
        for (const committeeId of [KOG, SGI]) {
          const statuses = Object.values(await jobsOf(committeeId, id));
          assert.ok(statuses.length >= 4 && statuses.every((status) => status === 'done'), `${committeeId} ${id}`);
        }
      }
      const kogSeats = [PEOPLE.birgit, PEOPLE.sabine, PEOPLE.yusuf].sort();
      assert.deepEqual(await invited(KOG), {
        'invite:session-2027-1': kogSeats,
        'invite:session-2027-2': kogSeats,
        'invite:session-2027-3': kogSeats,
      });
      assert.deepEqual(await invited(SGI), {
        'invite:session-2027-2': [PEOPLE.sabine, DANA].sort(),
        'invite:session-2027-3': [PEOPLE.sabine, DANA].sort(),
      });
    });

    it("keeps each committee's delivery report and audit trail to itself", async () => {
      moveTo('2027-01-28T08:00:00Z');
      await runUntilQuiet();
      const kogReport = await deliveryReport(deps, await secretariatOf(KOG));
      const sgiReport = await deliveryReport(deps, await secretariatOf(SGI));
      assert.ok(kogReport.ok && sgiReport.ok);
      const dispatchesOf = async (committeeId: string) =>
        (await opened.store.query<DispatchDocument>(committeeId, { type: 'dispatch' })).map(
          (dispatch) => dispatch.dispatchId,
        );
      const [kogDispatches, sgiDispatches] = [await dispatchesOf(KOG), await dispatchesOf(SGI)];
      assert.ok(kogReport.value.dispatches.length > 0 && kogDispatches.includes('invite:session-2027-1'));
      assert.ok(kogReport.value.dispatches.every((dispatch) => kogDispatches.includes(dispatch.dispatchId)));
      assert.ok(sgiReport.value.dispatches.every((dispatch) => sgiDispatches.includes(dispatch.dispatchId)));
      const invitations = (report: typeof kogReport) =>
        report.ok
          ? report.value.dispatches.find((dispatch) => dispatch.dispatchId === 'invite:session-2027-1')
          : undefined;
      for (const [report, seats] of [
        [kogReport, 3],
        [sgiReport, 2],
      ] as const) {
        const counted = invitations(report);
        if (counted) assert.equal(counted.sent + counted.pending + counted.failed, seats, 'its own seats only');
      }
      const trailOf = async (committeeId: string) =>
        (await opened.store.query<{ documentId: string } & PersonDocument>(committeeId, { type: AUDIT_TYPE })).map(
          (record) => record.documentId,
        );
      const [kogTrail, sgiTrail] = [await trailOf(KOG), await trailOf(SGI)];
      assert.ok(sgiTrail.includes(SESSIONS[0]!), "the SGI's planning is in the SGI's trail");
      assert.ok(kogTrail.includes(SESSIONS[0]!), "the KOG's invitation is in the KOG's trail");
      const raw = JSON.stringify(await opened.rawPartition(SGI));
      assert.ok(!raw.includes(PEOPLE.birgit) && !raw.includes(PEOPLE.yusuf), "nothing of the KOG's people in the SGI");
    });
  });
}
