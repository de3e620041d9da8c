import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import {
  DISPATCHES_PER_PAGE,
  deliveryReport,
  retryFailedDeliveries,
  type DeliveryReport,
} from '../../../src/app/delivery/delivery-report';
import { dispatchDocumentId, type DispatchDocument } from '../../../src/app/delivery/outbox-record';
import { type Actor } from '../../../src/app/identify-actor';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import type { Result } from '../../../src/domain/result';
import { actorInTeam } from '../../support/actors';
import { saveSetup } from '../../../src/app/save-setup';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms } from '../../../src/domain/committee';
import { ENGINES } from '../../support/engines';
import { FakeMessenger } from '../../support/fake-messenger';
import { ManualClock } from '../../support/manual-clock';
import { ABOUT, COMMITTEE, enqueue, knownPeople, noticeDrafts, senderFor, TENANT } from './delivery-fixtures';

const secretariat = {
  tenantId: TENANT,
  aadObjectId: 'cccccccc-0000-0000-0000-000000000001',
  displayName: 'Geschäftsstelle',
};
const member = { tenantId: TENANT, aadObjectId: 'cccccccc-0000-0000-0000-000000000002', displayName: 'Mitglied' };

function value<T>(result: Result<T, unknown>): T {
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}

for (const engine of ENGINES) {
  describe(`app/delivery/delivery-report on the ${engine.name}`, function () {
    this.timeout(60_000);
    let store: DocumentStore;
    let close: () => Promise<void>;
    let clock: ManualClock;
    let deps: AppDependencies;
    let messenger: FakeMessenger;
    let actor: Actor;

    beforeEach(async () => {
      ({ store, close } = await engine.open());
      clock = new ManualClock('2026-11-21T10:00:00Z');
      deps = { store, clock };
      messenger = new FakeMessenger(clock);
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
      actor = await actorInTeam(deps, secretariat);
      await knownPeople(deps, 4);
      messenger.script.set('a:person-1', [{ ok: false, status: 403, detail: 'blocked' }]);
      messenger.script.set('a:person-2', [{ ok: false, status: 503, detail: 'busy' }]);
      await enqueue(store, 'welcome:1', noticeDrafts('welcome:1', 4), clock.now().toISO()!);
      await senderFor(deps, clock, messenger).drainOnce();
    });
    afterEach(async () => close());

    const report = async (request = {}): Promise<DeliveryReport> => value(await deliveryReport(deps, actor, request));

    it('names each dispatch by what it was and counts sent, pending and failed, with who failed and why', async () => {
      const [dispatch] = (await report()).dispatches;
      assert.deepEqual(dispatch, {
        dispatchId: 'welcome:1',
        createdAt: '2026-11-21T10:00:00.000Z',
        about: ABOUT,
        people: 4,
        conversations: 0,
        sent: 2,
        pending: 1,
        failed: 1,
        failures: [
          {
            recipientLabel: 'Person 1',
            toConversation: false,
            failure: { reason: 'permanent', status: 403, step: 'send' },
          },
        ],
      });
    });

    it('counts a dispatch not yet expanded as pending', async () => {
      const createdAt = clock.now().plus({ seconds: 1 }).toUTC().toISO()!;
      await enqueue(store, 'welcome:2', noticeDrafts('welcome:2', 3), createdAt);
      const [newest] = (await report()).dispatches;
      assert.deepEqual(
        [newest!.dispatchId, newest!.sent, newest!.pending, newest!.failed, newest!.people],
        ['welcome:2', 0, 3, 0, 3],
      );
    });

    it('sends the failed ones again on request, and shows what became of them', async () => {
      assert.deepEqual(await retryFailedDeliveries(deps, actor, 'welcome:1'), { ok: true, value: { retried: 1 } });
      const queued = (await report({ dispatchId: 'welcome:1' })).dispatches[0]!;
      assert.deepEqual(queued.resent, { total: 1, sent: 0, pending: 1, failed: 0 }, 'back in the queue');
      clock.advance(60_000);
      await senderFor(deps, clock, messenger).drainOnce();
      const done = await report({ dispatchId: 'welcome:1' });
      assert.equal(done.focus, 'welcome:1');
      assert.deepEqual(
        [done.dispatches.length, done.dispatches[0]!.sent, done.dispatches[0]!.pending, done.dispatches[0]!.failed],
        [1, 4, 0, 0],
      );
      assert.deepEqual(done.dispatches[0]!.resent, { total: 1, sent: 1, pending: 0, failed: 0 });
      assert.equal(messenger.sendsTo('a:person-1'), 2);
      assert.equal(messenger.sendsTo('a:person-0'), 1);
      const dispatch = await store.get<DispatchDocument>(COMMITTEE, dispatchDocumentId('welcome:1'));
      assert.equal(dispatch?.round, 1, 'the resend opened the next round');
    });

    it('counts a resend that fails again as failed, and sends nothing twice on a second click', async () => {
      messenger.script.set('a:person-1', [{ ok: false, status: 403, detail: 'blocked' }]);
      assert.equal(value(await retryFailedDeliveries(deps, actor, 'welcome:1')).retried, 1);
      assert.equal(value(await retryFailedDeliveries(deps, actor, 'welcome:1')).retried, 0, 'nothing failed any more');
      clock.advance(60_000);
      await senderFor(deps, clock, messenger).drainOnce();
      const [dispatch] = (await report({ dispatchId: 'welcome:1' })).dispatches;
      assert.deepEqual(dispatch!.resent, { total: 1, sent: 0, pending: 0, failed: 1 });
      assert.equal(messenger.sendsTo('a:person-1'), 2);
    });

    it('is for the secretariat only', async () => {
      const other = await actorInTeam(deps, member);
      assert.deepEqual(await deliveryReport(deps, other), { ok: false, error: { kind: 'notAllowed' } });
      assert.deepEqual(await retryFailedDeliveries(deps, other, 'welcome:1'), {
        ok: false,
        error: { kind: 'notAllowed' },
      });
    });

    it('refuses an unknown or tampered dispatch id and changes nothing', async () => {
      for (const dispatchId of ['welcome:99', 42, null, 'x'.repeat(1000), '', { $ne: '' }]) {
        assert.deepEqual(
          await retryFailedDeliveries(deps, actor, dispatchId),
          { ok: false, error: { kind: 'unknownDispatch' } },
          String(dispatchId),
        );
        assert.deepEqual(
          await deliveryReport(deps, actor, { dispatchId }),
          { ok: false, error: { kind: 'unknownDispatch' } },
          String(dispatchId),
        );
      }
      assert.equal((await report()).dispatches[0]!.failed, 1);
    });

    describe('paging', () => {
      /** 13 dispatches in all: the one of beforeEach and 12 more, three of them written at one instant. */
      beforeEach(async () => {
        for (let index = 2; index <= 13; index += 1) {
          const at = clock
            .now()
            .plus({ minutes: index <= 4 ? 1 : index })
            .toUTC()
            .toISO()!;
          await enqueue(store, `welcome:${index}`, noticeDrafts(`welcome:${index}`, 1), at);
        }
      });

      it('pages back through every dispatch, newest first, each exactly once', async () => {
        const pages = [await report(), await report({ page: 2 }), await report({ page: 3 })];
        assert.deepEqual(
          pages.map((page) => [page.page, page.dispatches.length, page.hasOlder]),
          [
            [1, DISPATCHES_PER_PAGE, true],
            [2, DISPATCHES_PER_PAGE, true],
            [3, 3, false],
          ],
        );
        const ids = pages.flatMap((page) => page.dispatches.map((dispatch) => dispatch.dispatchId));
        assert.equal(new Set(ids).size, 13);
        assert.equal(ids[0], 'welcome:13');
        assert.equal(ids.at(-1), 'welcome:1', 'the oldest, with its failure, is still there');
        const times = pages.flatMap((page) => page.dispatches.map((dispatch) => dispatch.createdAt));
        assert.deepEqual(times, [...times].sort().reverse());
        assert.deepEqual(await report({ page: 2 }), pages[1], 'a page shows the same dispatches every time');
      });

      it('reads a tampered page as the first, or the last one there is, and never fails', async () => {
        for (const page of ['x', -1, 0, 2.5, null, { $gt: 1 }, [2], '1; drop', Number.NaN]) {
          const shown = await report({ page });
          assert.equal(shown.page, 1, JSON.stringify(page));
          assert.equal(shown.dispatches[0]!.dispatchId, 'welcome:13');
        }
        for (const page of [4, '999', 1e9, Number.MAX_SAFE_INTEGER]) {
          const shown = await report({ page });
          assert.deepEqual([shown.page, shown.hasOlder], [3, false], String(page));
          assert.equal(shown.dispatches.at(-1)!.dispatchId, 'welcome:1');
        }
        assert.equal((await report({ page: '2' })).page, 2, 'a page as text, as some clients send it');
      });
    });
  });
}
