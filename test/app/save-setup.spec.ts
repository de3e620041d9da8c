import assert from 'node:assert/strict';
import { KOG_TEAM } from './sessions/session-fixtures';
import { type ActorIdentity } from '../../src/app/identify-actor';
import { actorInTeam } from '../support/actors';
import type { AppDependencies } from '../../src/app/dependencies';
import type { CommitteeDocument, PersonDocument } from '../../src/app/documents';
import { openSetup } from '../../src/app/open-setup';
import { saveSetup } from '../../src/app/save-setup';
import { rememberConversation } from '../../src/app/remember-conversation';
import { fixedClock } from '../../src/domain/clock';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms, type CommitteeSettingsInput } from '../../src/domain/committee';
import { committeeIdForHome } from '../../src/app/committees/committee-id';
import { useTempStore, type TempStore } from '../support/temp-store';

const TENANT = '11111111-2222-3333-4444-555555555555';
const alice: ActorIdentity = {
  tenantId: TENANT,
  aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  displayName: 'Alice Adler',
};
const bob: ActorIdentity = {
  tenantId: TENANT,
  aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002',
  displayName: 'Bob Berg',
};

const defaults = DEFAULT_COMMITTEE_SETTINGS;
const answers: CommitteeSettingsInput = {
  name: 'Lenkungsgruppe',
  shortName: 'LG',
  timeZone: 'Europe/Berlin',
  terms: formatTerms(defaults.terms),
  sessionLengthMinutes: 120,
  firstChair: 'Landrat',
  rotatingChairs: 'Jobcenter\nAgentur',
  callForTopicsDays: 42,
  topicDeadlineDays: 21,
  agendaDispatchDays: 14,
  rsvpReminderDays: 7,
};

describe('app/save-setup', () => {
  const fixture = useTempStore('2026-11-21T10:00:00Z');
  let temp: TempStore;
  let deps: AppDependencies;
  beforeEach(() => ({ temp, deps } = fixture));

  it('offers the KOG defaults to whoever opens set-up first', async () => {
    const result = await openSetup(deps, await actorInTeam(deps, alice));
    assert.ok(result.ok);
    assert.equal(result.value.isNew, true);
    assert.equal(result.value.revision, 0);
    assert.deepEqual(result.value.settings, defaults);
  });

  it('creates the committee and makes its first saver the secretariat', async () => {
    const result = await saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers });
    assert.ok(result.ok);
    assert.equal(result.value.name, 'Lenkungsgruppe');
    assert.equal(result.value.revision, 1);
    assert.equal(result.value.createdBy, alice.aadObjectId);
    assert.equal(result.value.createdAt, '2026-11-21T10:00:00.000Z');
    const actor = await actorInTeam(deps, alice);
    assert.deepEqual(actor.roles, ['secretariat']);
    assert.equal(actor.person?.displayName, 'Alice Adler');
  });

  it('lets exactly one of two simultaneous first savers become secretariat', async () => {
    const [first, second] = await Promise.all([
      saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers }),
      saveSetup(deps, await actorInTeam(deps, bob), { revision: 0, answers: { ...answers, name: 'Andere' } }),
    ]);
    assert.equal([first, second].filter((result) => result.ok).length, 1);
    const loser = first.ok ? second : first;
    assert.deepEqual(!loser.ok && loser.error, { kind: 'outdated' });
    const secretaries = await temp.store.query<PersonDocument>(committeeIdForHome(TENANT, KOG_TEAM), {
      type: 'person',
    });
    assert.equal(secretaries.length, 1);
  });

  it('refuses changes from anyone but the secretariat and changes nothing', async () => {
    await saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers });
    const result = await saveSetup(deps, await actorInTeam(deps, bob), {
      revision: 1,
      answers: { ...answers, name: 'Übernommen' },
    });
    assert.deepEqual(result, { ok: false, error: { kind: 'notAllowed' } });
    const opened = await openSetup(deps, await actorInTeam(deps, bob));
    assert.deepEqual(opened, { ok: false, error: { kind: 'notAllowed' } });
    const committee = await temp.store.get<CommitteeDocument>(committeeIdForHome(TENANT, KOG_TEAM), 'committee');
    assert.equal(committee?.name, 'Lenkungsgruppe');
  });

  it('saves a change by the secretariat as the next revision', async () => {
    await saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers });
    const later = { ...deps, clock: fixedClock('2026-11-22T08:00:00Z') };
    const result = await saveSetup(later, await actorInTeam(later, alice), {
      revision: 1,
      answers: { ...answers, sessionLengthMinutes: '180' },
    });
    assert.ok(result.ok);
    assert.equal(result.value.revision, 2);
    assert.equal(result.value.sessionLengthMinutes, 180);
    assert.equal(result.value.createdAt, '2026-11-21T10:00:00.000Z');
    assert.equal(result.value.updatedAt, '2026-11-22T08:00:00.000Z');
    const view = await openSetup(later, await actorInTeam(later, alice));
    assert.ok(view.ok);
    assert.deepEqual(view.value.lastChange, { at: '2026-11-22T08:00:00.000Z', byName: 'Alice Adler' });
  });

  it('refuses a card of an older revision and changes nothing', async () => {
    await saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers });
    await saveSetup(deps, await actorInTeam(deps, alice), { revision: 1, answers: { ...answers, name: 'Zweite' } });
    for (const revision of [1, 0, '2', null, 99]) {
      const result = await saveSetup(deps, await actorInTeam(deps, alice), {
        revision,
        answers: { ...answers, name: 'Veraltet' },
      });
      assert.deepEqual(result, { ok: false, error: { kind: 'outdated' } }, String(revision));
    }
    const committee = await temp.store.get<CommitteeDocument>(committeeIdForHome(TENANT, KOG_TEAM), 'committee');
    assert.equal(committee?.name, 'Zweite');
  });

  it('lets exactly one of two concurrent edits of the same revision win', async () => {
    await saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers });
    const actor = await actorInTeam(deps, alice);
    const results = await Promise.all(
      ['Eins', 'Zwei', 'Drei'].map((name) => saveSetup(deps, actor, { revision: 1, answers: { ...answers, name } })),
    );
    assert.equal(results.filter((result) => result.ok).length, 1);
    const committee = await temp.store.get<CommitteeDocument>(committeeIdForHome(TENANT, KOG_TEAM), 'committee');
    assert.equal(committee?.revision, 2);
  });

  it('reports invalid answers and stores nothing', async () => {
    const result = await saveSetup(deps, await actorInTeam(deps, alice), {
      revision: 0,
      answers: { ...answers, name: 'x'.repeat(201) },
    });
    assert.ok(!result.ok && result.error.kind === 'invalid');
    assert.deepEqual(await temp.store.query(committeeIdForHome(TENANT, KOG_TEAM), { type: 'committee' }), []);
    assert.deepEqual(await temp.store.query(committeeIdForHome(TENANT, KOG_TEAM), { type: 'person' }), []);
  });

  it('accepts as working group only a conversation the bot is installed in', async () => {
    const channel = await rememberConversation(deps, {
      address: {
        serviceUrl: 'https://smba.example/',
        channelId: 'msteams',
        conversationId: '19:ag@thread.tacv2',
        conversationType: 'channel',
        tenantId: TENANT,
        botId: '28:bot',
      },
      title: 'KOG › AG',
      teamId: '19:team@thread.tacv2',
      teamName: 'KOG',
    });
    const unknown = await saveSetup(deps, await actorInTeam(deps, alice), {
      revision: 0,
      answers: { ...answers, workingGroupConversationId: 'conversation-elsewhere' },
    });
    assert.ok(!unknown.ok && unknown.error.kind === 'invalid');
    const known = await saveSetup(deps, await actorInTeam(deps, alice), {
      revision: 0,
      answers: { ...answers, workingGroupConversationId: channel.id },
    });
    assert.ok(known.ok);
    assert.equal(known.value.workingGroupConversationId, channel.id);
  });

  it('keeps the committee across a restart of the store', async () => {
    await saveSetup(deps, await actorInTeam(deps, alice), { revision: 0, answers });
    const reopened = { ...deps, store: await temp.reopen() };
    const actor = await actorInTeam(reopened, alice);
    assert.equal(actor.committee?.name, 'Lenkungsgruppe');
    assert.deepEqual(actor.roles, ['secretariat']);
  });
});
