import assert from 'node:assert/strict';
import { type Actor } from '../../../src/app/identify-actor';
import { actorInTeam } from '../../support/actors';
import type { DocumentStore, Stored } from '../../../src/app/ports/document-store';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import type { SessionDocument } from '../../../src/app/sessions/session-document';
import { endWorkingGroup } from '../../../src/app/working-groups/end-working-group';
import { listWorkingGroups } from '../../../src/app/working-groups/list-working-groups';
import {
  openWorkingGroupForm,
  type WorkingGroupFormView,
} from '../../../src/app/working-groups/open-working-group-form';
import { saveWorkingGroup, type SaveWorkingGroupRequest } from '../../../src/app/working-groups/save-working-group';
import { groupsReportingAt, type WorkingGroupDocument } from '../../../src/app/working-groups/working-group-document';
import type { Result } from '../../../src/domain/result';
import { setUpCommittee } from '../sessions/session-fixtures';
import { COMMITTEE, PEOPLE, useSessionWorld, type SessionWorld } from '../sessions/session-world';
import { AG3_FORM, storedGroups } from './working-group-fixtures';

const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';

/** Why a use case refused, or `ok`. */
function refusal(result: Result<unknown, { readonly kind: string }>): string {
  return result.ok ? 'ok' : result.error.kind;
}

describe('app/working-groups: registering, changing and ending temporary working groups', () => {
  const fixture = useSessionWorld();
  let world: SessionWorld;
  let katrin: Actor;
  beforeEach(async () => {
    world = fixture.world;
    katrin = await world.actor('katrin');
  });

  /** A fresh form's id, as the new-group card carries it. */
  async function newFormId(actor: Actor = katrin): Promise<string> {
    const form = await openWorkingGroupForm(world.deps, actor, undefined);
    assert.ok(form.ok && 'formId' in form.value, JSON.stringify(form));
    return form.value.formId;
  }

  async function register(input: SaveWorkingGroupRequest['input'] = AG3_FORM): Promise<Stored<WorkingGroupDocument>> {
    const saved = await saveWorkingGroup(world.deps, katrin, { formId: await newFormId(), input });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.value.outcome, 'created');
    return saved.value.group;
  }

  const offered = (form: WorkingGroupFormView): string[] => form.reportSessions.map((session) => session.id);

  async function setSessionState(id: string, state: SessionDocument['state']): Promise<void> {
    const { _etag, ...session } = await world.session(id);
    await world.store.replace<SessionDocument>({ ...session, state }, _etag);
  }

  describe('registering', () => {
    it('stores the group under its form id, active, at the clock, by the acting person', async () => {
      world.clock.advance(60_000);
      const formId = await newFormId();
      const saved = await saveWorkingGroup(world.deps, katrin, {
        formId,
        input: { ...AG3_FORM, name: `  ${AG3_FORM.name} ` },
      });
      assert.ok(saved.ok, JSON.stringify(saved));
      const { _etag, ...group } = saved.value.group;
      assert.deepEqual(group, {
        id: `workinggroup-${formId}`,
        committeeId: COMMITTEE,
        type: 'workingGroup',
        ...AG3_FORM,
        state: 'active',
        revision: 1,
        createdAt: '2026-11-21T10:01:00.000Z',
        updatedAt: '2026-11-21T10:01:00.000Z',
        updatedBy: PEOPLE.katrin,
      });
      assert.deepEqual(await storedGroups(world.store), [saved.value.group]);
    });

    it('creates one document when the same new form is saved twice, even at once, and then shows it', async () => {
      const formId = await newFormId();
      const [first, second] = await Promise.all([
        saveWorkingGroup(world.deps, katrin, { formId, input: AG3_FORM }),
        saveWorkingGroup(world.deps, katrin, { formId, input: AG3_FORM }),
      ]);
      assert.ok(first.ok && second.ok);
      assert.deepEqual([first.value.outcome, second.value.outcome].sort(), ['alreadySaved', 'created']);
      const later = await saveWorkingGroup(world.deps, katrin, {
        formId,
        input: { ...AG3_FORM, name: 'Anders benannt' },
      });
      assert.ok(later.ok);
      assert.equal(later.value.outcome, 'alreadySaved');
      assert.equal(later.value.group.name, AG3_FORM.name, 'the first save stands');
      assert.equal((await storedGroups(world.store)).length, 1);
    });

    it('gives every new form an id of its own', async () => {
      assert.notEqual(await newFormId(), await newFormId());
    });

    it('lists every problem and stores nothing', async () => {
      const formId = await newFormId();
      const saved = await saveWorkingGroup(world.deps, katrin, {
        formId,
        input: { ...AG3_FORM, name: 'N'.repeat(121), mandate: 'M'.repeat(2001), startsOn: '2027-07-01' },
      });
      assert.ok(!saved.ok && saved.error.kind === 'invalid');
      assert.deepEqual(saved.error.problems, [
        { field: 'name', code: 'tooLong', max: 120 },
        { field: 'mandate', code: 'tooLong', max: 2000 },
        { field: 'plannedEndOn', code: 'endBeforeStart' },
      ]);
      assert.equal(
        'formId' in saved.error.form && saved.error.form.formId,
        formId,
        'the form keeps its id, so its next save is still the same group',
      );
      assert.deepEqual(await storedGroups(world.store), []);
    });

    it('refuses tampered values and stores nothing', async () => {
      const formId = await newFormId();
      const huge = 'x'.repeat(100_000);
      const tampered: Array<SaveWorkingGroupRequest['input']> = [
        { ...AG3_FORM, name: { $ne: '' }, members: 17 },
        { ...AG3_FORM, name: huge, mandate: huge, members: huge },
        { ...AG3_FORM, startsOn: huge },
        { ...AG3_FORM, reportSessionId: ['session-2027-2'] },
      ];
      for (const input of tampered) {
        const saved = await saveWorkingGroup(world.deps, katrin, { formId, input });
        assert.equal(refusal(saved), 'invalid', JSON.stringify(input).slice(0, 80));
      }
      assert.deepEqual(await storedGroups(world.store), []);
    });

    it('refuses a form id that could not be ours, and stores nothing', async () => {
      for (const formId of ['../x', '', 'a'.repeat(101), 'a b', 42, undefined, null]) {
        const saved = await saveWorkingGroup(world.deps, katrin, { formId, input: AG3_FORM });
        assert.equal(refusal(saved), 'badForm', String(formId));
      }
      assert.deepEqual(await storedGroups(world.store), []);
    });

    it('refuses members and other roles, and a person without a committee; nothing is stored', async () => {
      const formId = await newFormId();
      for (const who of ['sabine', 'thomas', 'lena'] as const) {
        const actor = await world.actor(who);
        assert.equal(
          refusal(await saveWorkingGroup(world.deps, actor, { formId, input: AG3_FORM })),
          'notAllowed',
          who,
        );
        const form = await openWorkingGroupForm(world.deps, actor, undefined);
        assert.equal(refusal(form), 'notAllowed');
        const list = await listWorkingGroups(world.deps, actor);
        assert.equal(refusal(list), 'notAllowed');
      }
      const nowhere = await actorInTeam(world.deps, {
        tenantId: OTHER_TENANT,
        aadObjectId: PEOPLE.katrin,
        displayName: 'x',
      });
      const saved = await saveWorkingGroup(world.deps, nowhere, { formId, input: AG3_FORM });
      assert.equal(refusal(saved), 'noCommittee');
      assert.deepEqual(await storedGroups(world.store), []);
    });
  });

  describe('report sessions', () => {
    it('offers only the live sessions, and takes only one of those', async () => {
      await setSessionState('session-2027-1', 'held');
      await setSessionState('session-2027-3', 'cancelled');
      const form = await openWorkingGroupForm(world.deps, katrin, undefined);
      assert.ok(form.ok);
      assert.deepEqual(offered(form.value), ['session-2027-2']);
      for (const reportSessionId of ['session-2027-1', 'session-2027-3', 'session-2099-9', '../x', 'committee']) {
        const saved = await saveWorkingGroup(world.deps, katrin, {
          formId: await newFormId(),
          input: { ...AG3_FORM, reportSessionId },
        });
        assert.ok(!saved.ok && saved.error.kind === 'invalid', reportSessionId);
        assert.deepEqual(saved.error.problems, [{ field: 'reportSessionId', code: 'unavailable' }]);
      }
      assert.deepEqual(await storedGroups(world.store), []);
    });

    it('refuses another committee’s session', async () => {
      await setUpCommittee(world.deps, OTHER_TENANT, 'LG');
      const other = await actorInTeam(world.deps, {
        tenantId: OTHER_TENANT,
        aadObjectId: PEOPLE.katrin,
        displayName: 'x',
      });
      assert.ok((await planSessions(world.deps, other, 2030)).ok);
      const saved = await saveWorkingGroup(world.deps, katrin, {
        formId: await newFormId(),
        input: { ...AG3_FORM, reportSessionId: 'session-2030-1' },
      });
      assert.ok(!saved.ok && saved.error.kind === 'invalid');
      assert.deepEqual(saved.error.problems, [{ field: 'reportSessionId', code: 'unavailable' }]);
      assert.deepEqual(await storedGroups(world.store), []);
    });

    it('keeps offering the chosen session after it was held, so other changes do not drop it', async () => {
      const group = await register({ ...AG3_FORM, reportSessionId: 'session-2027-1' });
      await setSessionState('session-2027-1', 'held');
      const form = await openWorkingGroupForm(world.deps, katrin, group.id);
      assert.ok(form.ok);
      assert.deepEqual(offered(form.value), ['session-2027-1', 'session-2027-2', 'session-2027-3']);
      const saved = await saveWorkingGroup(world.deps, katrin, {
        groupId: group.id,
        revision: 1,
        input: { ...AG3_FORM, reportSessionId: 'session-2027-1', members: 'Neu' },
      });
      assert.ok(saved.ok, JSON.stringify(saved));
      assert.equal(saved.value.group.reportSessionId, 'session-2027-1');
    });

    it('puts the group on the agenda side of its session, and off it when the choice is removed', async () => {
      const group = await register();
      assert.deepEqual(
        (await groupsReportingAt(world.store, COMMITTEE, 'session-2027-2')).map((found) => found.name),
        [AG3_FORM.name],
      );
      assert.deepEqual(await groupsReportingAt(world.store, COMMITTEE, 'session-2027-1'), []);
      const saved = await saveWorkingGroup(world.deps, katrin, {
        groupId: group.id,
        revision: 1,
        input: { ...AG3_FORM, reportSessionId: '' },
      });
      assert.ok(saved.ok);
      assert.equal('reportSessionId' in saved.value.group, false);
      assert.deepEqual(await groupsReportingAt(world.store, COMMITTEE, 'session-2027-2'), []);
    });
  });

  describe('changing', () => {
    it('saves the form over the revision it showed', async () => {
      const group = await register();
      world.clock.advance(3_600_000);
      const saved = await saveWorkingGroup(world.deps, katrin, {
        groupId: group.id,
        revision: 1,
        input: { ...AG3_FORM, plannedEndOn: '2027-09-30', reportSessionId: 'session-2027-3' },
      });
      assert.ok(saved.ok, JSON.stringify(saved));
      assert.equal(saved.value.outcome, 'saved');
      const [stored] = await storedGroups(world.store);
      assert.deepEqual(
        [stored?.plannedEndOn, stored?.reportSessionId, stored?.revision, stored?.createdAt, stored?.updatedAt],
        ['2027-09-30', 'session-2027-3', 2, '2026-11-21T10:00:00.000Z', '2026-11-21T11:00:00.000Z'],
      );
    });

    it('refuses an outdated card and changes nothing', async () => {
      const group = await register();
      assert.ok(
        (
          await saveWorkingGroup(world.deps, katrin, {
            groupId: group.id,
            revision: 1,
            input: { ...AG3_FORM, members: 'Erste Änderung' },
          })
        ).ok,
      );
      const before = await storedGroups(world.store);
      for (const revision of [1, '2', 3, undefined]) {
        const stale = await saveWorkingGroup(world.deps, katrin, {
          groupId: group.id,
          revision,
          input: { ...AG3_FORM, members: 'Zweite Änderung' },
        });
        assert.ok(!stale.ok && stale.error.kind === 'outdated', String(revision));
        assert.equal(stale.error.group.members, 'Erste Änderung', 'the current version comes back');
      }
      assert.deepEqual(await storedGroups(world.store), before);
    });

    it('loses a race to a change made between reading and writing, and writes nothing', async () => {
      const group = await register();
      const racing = racingStore(world.store, async () => {
        const { _etag, ...current } = (await world.store.get<WorkingGroupDocument>(COMMITTEE, group.id))!;
        await world.store.replace<WorkingGroupDocument>(
          { ...current, members: 'Die andere Änderung', revision: 2 },
          _etag,
        );
      });
      const saved = await saveWorkingGroup({ ...world.deps, store: racing }, katrin, {
        groupId: group.id,
        revision: 1,
        input: { ...AG3_FORM, members: 'Meine Änderung' },
      });
      assert.ok(!saved.ok && saved.error.kind === 'outdated');
      assert.equal(saved.error.group.members, 'Die andere Änderung');
      assert.deepEqual(
        (await storedGroups(world.store)).map((stored) => stored.members),
        ['Die andere Änderung'],
      );
    });

    it('refuses a group that is not there or not ours, and changes nothing', async () => {
      const group = await register();
      const before = await storedGroups(world.store);
      for (const groupId of ['workinggroup-made-up', '../x', 'session-2027-1', 'committee', 7, '']) {
        const saved = await saveWorkingGroup(world.deps, katrin, { groupId, revision: 1, input: AG3_FORM });
        assert.equal(refusal(saved), 'unknownGroup', String(groupId));
        const form = await openWorkingGroupForm(world.deps, katrin, groupId);
        if (groupId !== '') assert.equal(refusal(form), 'unknownGroup', String(groupId));
        const ended = await endWorkingGroup(world.deps, katrin, groupId, 1);
        assert.equal(refusal(ended), 'unknownGroup', String(groupId));
      }
      await setUpCommittee(world.deps, OTHER_TENANT, 'LG');
      const foreign = await actorInTeam(world.deps, {
        tenantId: OTHER_TENANT,
        aadObjectId: PEOPLE.katrin,
        displayName: 'x',
      });
      const saved = await saveWorkingGroup(world.deps, foreign, { groupId: group.id, revision: 1, input: AG3_FORM });
      assert.equal(refusal(saved), 'unknownGroup', 'another committee’s secretariat does not reach our groups');
      const ended = await endWorkingGroup(world.deps, foreign, group.id, 1);
      assert.equal(refusal(ended), 'unknownGroup');
      assert.deepEqual(await storedGroups(world.store), before);
    });
  });

  describe('ending', () => {
    it('ends a group and keeps all it was; a second end changes nothing', async () => {
      const group = await register();
      world.clock.advance(86_400_000);
      const ended = await endWorkingGroup(world.deps, katrin, group.id, 1);
      assert.ok(ended.ok, JSON.stringify(ended));
      assert.equal(ended.value.outcome, 'ended');
      const { _etag: _first, ...stored } = ended.value.group;
      const { _etag: _registered, ...registered } = group;
      assert.deepEqual(stored, {
        ...registered,
        state: 'ended',
        endedAt: '2026-11-22T10:00:00.000Z',
        revision: 2,
        updatedAt: '2026-11-22T10:00:00.000Z',
      });
      world.clock.advance(60_000);
      const again = await endWorkingGroup(world.deps, katrin, group.id, 1);
      assert.ok(again.ok);
      assert.equal(again.value.outcome, 'alreadyEnded');
      assert.deepEqual(
        (await storedGroups(world.store)).map(({ endedAt, revision }) => [endedAt, revision]),
        [['2026-11-22T10:00:00.000Z', 2]],
      );
    });

    it('keeps ended groups on the list, after the active ones, and read-only', async () => {
      await register({
        ...AG3_FORM,
        name: 'AG 4 Berufschancen von Frauen',
        startsOn: '2026-01-01',
        plannedEndOn: '2026-12-31',
      });
      const ended = await register({ ...AG3_FORM, name: 'UAG Afghanistan', startsOn: '2025-01-01' });
      await register({
        ...AG3_FORM,
        name: 'AG 5 Deutschspracherwerb',
        startsOn: '2027-03-01',
        plannedEndOn: '2027-09-30',
      });
      assert.ok((await endWorkingGroup(world.deps, katrin, ended.id, 1)).ok);
      const list = await listWorkingGroups(world.deps, katrin);
      assert.ok(list.ok);
      assert.deepEqual(
        list.value.groups.map((group) => [group.name, group.state]),
        [
          ['AG 4 Berufschancen von Frauen', 'active'],
          ['AG 5 Deutschspracherwerb', 'active'],
          ['UAG Afghanistan', 'ended'],
        ],
      );
      assert.equal(list.value.timeZone, 'Europe/Berlin');
      assert.equal(list.value.sessions.get('session-2027-2')?.number, '2027/2');

      const before = await storedGroups(world.store);
      const form = await openWorkingGroupForm(world.deps, katrin, ended.id);
      assert.equal(refusal(form), 'ended');
      const saved = await saveWorkingGroup(world.deps, katrin, {
        groupId: ended.id,
        revision: 2,
        input: { ...AG3_FORM, name: 'Wiederbelebt' },
      });
      assert.equal(refusal(saved), 'ended');
      assert.deepEqual(await storedGroups(world.store), before);
    });

    it('refuses an outdated card, members, and a lost race; nothing ends', async () => {
      const group = await register();
      assert.ok(
        (
          await saveWorkingGroup(world.deps, katrin, {
            groupId: group.id,
            revision: 1,
            input: { ...AG3_FORM, members: 'Neu' },
          })
        ).ok,
      );
      const stale = await endWorkingGroup(world.deps, katrin, group.id, 1);
      assert.equal(refusal(stale), 'outdated');
      const byMember = await endWorkingGroup(world.deps, await world.actor('birgit'), group.id, 2);
      assert.equal(refusal(byMember), 'notAllowed');
      const racing = racingStore(world.store, async () => {
        const { _etag, ...current } = (await world.store.get<WorkingGroupDocument>(COMMITTEE, group.id))!;
        await world.store.replace<WorkingGroupDocument>({ ...current, revision: 3 }, _etag);
      });
      const lost = await endWorkingGroup({ ...world.deps, store: racing }, katrin, group.id, 2);
      assert.equal(refusal(lost), 'outdated');
      assert.deepEqual(
        (await storedGroups(world.store)).map(({ state, revision }) => [state, revision]),
        [['active', 3]],
      );
    });

    it('takes it calmly when someone else ended the group between reading and writing', async () => {
      const group = await register();
      const racing = racingStore(world.store, async () => {
        const current = await world.store.get<WorkingGroupDocument>(COMMITTEE, group.id);
        if (current?.state === 'active')
          await world.store.replace<WorkingGroupDocument>(
            { ...current, state: 'ended', endedAt: '2026-11-21T09:59:00.000Z', revision: 2 },
            current._etag,
          );
      });
      const ended = await endWorkingGroup({ ...world.deps, store: racing }, katrin, group.id, 1);
      assert.ok(ended.ok);
      assert.equal(ended.value.outcome, 'alreadyEnded');
      assert.deepEqual(
        (await storedGroups(world.store)).map(({ endedAt }) => endedAt),
        ['2026-11-21T09:59:00.000Z'],
      );
    });
  });
});

/** The store, but another writer changes things just before each `replace`: a lost ETag race. */
function racingStore(store: DocumentStore, interfere: () => Promise<void>): DocumentStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'replace') return Reflect.get(target, property, receiver) as unknown;
      return async (...args: Parameters<DocumentStore['replace']>) => {
        await interfere();
        return target.replace(...args);
      };
    },
  });
}
