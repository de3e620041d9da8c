import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { deliveryReport, retryFailedDeliveries } from '../../../src/app/delivery/delivery-report';
import { type Actor } from '../../../src/app/identify-actor';
import { actorInTeam } from '../../support/actors';
import { saveSetup } from '../../../src/app/save-setup';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms } from '../../../src/domain/committee';
import { FakeMessenger } from '../../support/fake-messenger';
import { ManualClock } from '../../support/manual-clock';
import { openTempStore, type TempStore } from '../../support/temp-store';
import { enqueue, knownPeople, noticeDrafts, senderFor, TENANT } from './delivery-fixtures';

const secretariat = {
  tenantId: TENANT,
  aadObjectId: 'cccccccc-0000-0000-0000-000000000001',
  displayName: 'Geschäftsstelle',
};
const member = { tenantId: TENANT, aadObjectId: 'cccccccc-0000-0000-0000-000000000002', displayName: 'Mitglied' };

describe('app/delivery/delivery-report', () => {
  let temp: TempStore;
  let clock: ManualClock;
  let deps: AppDependencies;
  let messenger: FakeMessenger;
  let actor: Actor;

  beforeEach(async () => {
    temp = await openTempStore();
    clock = new ManualClock('2026-11-21T10:00:00Z');
    deps = { store: temp.store, clock };
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
    await enqueue(temp.store, 'welcome:1', noticeDrafts('welcome:1', 4), clock.now().toISO()!);
    await senderFor(deps, clock, messenger).drainOnce();
  });
  afterEach(async () => temp.cleanup());

  it('counts sent, pending and failed per dispatch, with who failed and why', async () => {
    const report = await deliveryReport(deps, actor);
    assert.ok(report.ok);
    assert.deepEqual(report.value, [
      {
        dispatchId: 'welcome:1',
        createdAt: '2026-11-21T10:00:00.000Z',
        sent: 2,
        pending: 1,
        failed: 1,
        failures: [{ recipientLabel: 'Person 1', reason: 'permanent', status: 403 }],
      },
    ]);
  });

  it('counts a dispatch not yet expanded as pending', async () => {
    const createdAt = clock.now().plus({ seconds: 1 }).toUTC().toISO()!;
    await enqueue(temp.store, 'welcome:2', noticeDrafts('welcome:2', 3), createdAt);
    const report = await deliveryReport(deps, actor);
    assert.ok(report.ok);
    assert.deepEqual(report.value[0], {
      dispatchId: 'welcome:2',
      createdAt,
      sent: 0,
      pending: 3,
      failed: 0,
      failures: [],
    });
  });

  it('sends the failed ones again on request, and only those', async () => {
    const retried = await retryFailedDeliveries(deps, actor, 'welcome:1');
    assert.deepEqual(retried, { ok: true, value: { retried: 1 } });
    clock.advance(60_000);
    await senderFor(deps, clock, messenger).drainOnce();
    const report = await deliveryReport(deps, actor);
    assert.ok(report.ok);
    assert.deepEqual([report.value[0]!.sent, report.value[0]!.pending, report.value[0]!.failed], [4, 0, 0]);
    assert.equal(messenger.sendsTo('a:person-1'), 2);
    assert.equal(messenger.sendsTo('a:person-0'), 1);
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
    for (const dispatchId of ['welcome:99', 42, null, 'x'.repeat(1000)]) {
      assert.deepEqual(
        await retryFailedDeliveries(deps, actor, dispatchId),
        { ok: false, error: { kind: 'unknownDispatch' } },
        String(dispatchId),
      );
    }
    const report = await deliveryReport(deps, actor);
    assert.ok(report.ok);
    assert.equal(report.value[0]!.failed, 1);
  });
});
