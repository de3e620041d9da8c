import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { retryFailedDeliveries } from '../../../src/app/delivery/delivery-report';
import type { DispatchDocument, OutboxRecord } from '../../../src/app/delivery/outbox-record';
import { actorInTeam } from '../../support/actors';
import { silentLogger } from '../../../src/app/ports/logger';
import type { DataExportDocument } from '../../../src/app/privacy/data-export-document';
import { exportPersonalData } from '../../../src/app/privacy/export-personal-data';
import { DELIVERY_RECORD_DAYS, FINISHED_JOB_DAYS } from '../../../src/app/privacy/lifetimes';
import { jobDocumentId, type JobDocument } from '../../../src/app/scheduling/job';
import { tenantDirectoryId } from '../../../src/domain/ids';
import { runDueJobs } from '../../../src/app/scheduling/run-due-jobs';
import { scheduleJobs } from '../../../src/app/scheduling/schedule-jobs';
import { saveSetup } from '../../../src/app/save-setup';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms } from '../../../src/domain/committee';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { ManualClock } from '../../support/manual-clock';
import { COMMITTEE, enqueue, knownPeople, noticeDrafts, senderFor, TENANT } from '../delivery/delivery-fixtures';

const DAY = 24 * 60 * 60;
const secretariat = {
  tenantId: TENANT,
  aadObjectId: 'cccccccc-0000-0000-0000-000000000001',
  displayName: 'Geschäftsstelle',
};

type WithTtl<T> = T & { readonly ttl?: number };

for (const engine of ENGINES) {
  describe(`app/privacy/lifetimes: Cosmos DB's time to live, on the ${engine.name}`, function () {
    this.timeout(60_000);
    let clock: ManualClock;
    let deps: AppDependencies;
    let close: () => Promise<void>;
    beforeEach(async () => {
      const opened = await engine.open();
      close = opened.close;
      clock = new ManualClock('2026-11-21T10:00:00Z');
      deps = { store: opened.store, clock };
    });
    afterEach(async () => close());

    it('is set on messages once sent or failed for good and on expanded dispatches, and removed when a failed message is sent again', async () => {
      const d = DEFAULT_COMMITTEE_SETTINGS;
      await saveSetup(deps, await actorInTeam(deps, secretariat), {
        revision: 0,
        answers: {
          name: d.name,
          shortName: d.shortName,
          timeZone: d.timeZone,
          terms: formatTerms(d.terms),
          sessionLengthMinutes: 180,
          firstChair: 'OB',
          rotatingChairs: '',
          ...d.leadTimes,
        },
      });
      await knownPeople(deps, 3);
      const messenger = new FakeMessenger(clock);
      messenger.script.set('a:person-1', [{ ok: false, status: 403, detail: 'blocked' }]);
      messenger.script.set('a:person-2', [{ ok: false, status: 503, detail: 'busy' }]);
      await enqueue(deps.store, 'welcome:1', noticeDrafts('welcome:1', 3), clock.now().toISO()!);
      await senderFor(deps, clock, messenger).drainOnce();

      const [dispatch] = await deps.store.query<WithTtl<DispatchDocument>>(COMMITTEE, { type: 'dispatch' });
      assert.deepEqual([dispatch!.status, dispatch!.ttl], ['expanded', DELIVERY_RECORD_DAYS * DAY]);
      const ttlOf = async () => {
        const records = await deps.store.query<WithTtl<OutboxRecord>>(COMMITTEE, { type: 'outbox' });
        return Object.fromEntries(records.map((record) => [record.recipientLabel, [record.status, record.ttl]]));
      };
      assert.deepEqual(await ttlOf(), {
        'Person 0': ['sent', DELIVERY_RECORD_DAYS * DAY],
        'Person 1': ['failed', DELIVERY_RECORD_DAYS * DAY],
        'Person 2': ['pending', undefined],
      });
      assert.deepEqual(await retryFailedDeliveries(deps, await actorInTeam(deps, secretariat), 'welcome:1'), {
        ok: true,
        value: { retried: 1 },
      });
      assert.deepEqual(
        (await ttlOf())['Person 1'],
        ['pending', undefined],
        'a message waiting to be sent never expires',
      );
    });

    it('is set on jobs once done, failed or cancelled, and gone when a job is planned again', async () => {
      const subject = 'session-2027-1';
      const due = '2026-11-21T09:00:00.000Z';
      await scheduleJobs(deps, COMMITTEE, subject, [
        { kind: 'done', dueAt: due },
        { kind: 'failing', dueAt: due },
        { kind: 'dropped', dueAt: '2027-01-01T00:00:00.000Z' },
      ]);
      await runDueJobs(
        { ...deps, logger: silentLogger, instanceId: 'a' },
        { done: async () => undefined, failing: async () => Promise.reject(new Error('outage')) },
        { maxAttempts: 1 },
      );
      await scheduleJobs(deps, COMMITTEE, subject, [
        { kind: 'done', dueAt: due },
        { kind: 'failing', dueAt: due },
      ]);
      const job = (kind: string) => deps.store.get<WithTtl<JobDocument>>(COMMITTEE, jobDocumentId(kind, subject));
      for (const [kind, status] of [
        ['done', 'done'],
        ['failing', 'failed'],
        ['dropped', 'cancelled'],
      ]) {
        const found = await job(kind!);
        assert.deepEqual([found!.status, found!.ttl], [status, FINISHED_JOB_DAYS * DAY], kind);
      }
      await scheduleJobs(deps, COMMITTEE, subject, [{ kind: 'done', dueAt: '2027-01-01T00:00:00.000Z' }]);
      const planned = await job('done');
      assert.deepEqual([planned!.status, planned!.ttl], ['scheduled', undefined]);
    });

    it('is set on a data export to its link lifetime of a day', async () => {
      await exportPersonalData(deps, await actorInTeam(deps, secretariat));
      const [stored] = await deps.store.query<WithTtl<DataExportDocument>>(tenantDirectoryId(TENANT), {
        type: 'dataExport',
      });
      assert.equal(stored!.ttl, DAY);
    });
  });
}
