import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { DispatchDocument } from '../../../src/app/delivery/outbox-record';
import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { noteMemberships } from '../../../src/app/committees/person-committees';
import { actorIn, type Actor } from '../../../src/app/identify-actor';
import type { DocumentStore } from '../../../src/app/ports/document-store';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import type { RsvpDocument } from '../../../src/app/sessions/rsvp-document';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { personDocumentId, seatDocumentId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { TENANT, type Person } from '../../support/bot-harness';
import { ManualClock } from '../../support/manual-clock';
import { openTempStore, type TempStore } from '../../support/temp-store';
import { KOG_TEAM, setUpCommittee } from './session-fixtures';

/** The tenant the bot harness speaks for, so that bot tests can use the same world. */
export { TENANT };
export const COMMITTEE = committeeIdForHome(TENANT, KOG_TEAM);

/** The people of a small KOG: the secretariat and three seats, two with a deputy. */
export const PEOPLE = {
  katrin: 'aaaaaaaa-0000-0000-0000-000000000001',
  sabine: 'bbbbbbbb-0000-0000-0000-000000000002',
  thomas: 'cccccccc-0000-0000-0000-000000000003',
  birgit: 'dddddddd-0000-0000-0000-000000000004',
  yusuf: 'eeeeeeee-0000-0000-0000-000000000005',
  yara: 'ffffffff-0000-0000-0000-000000000006',
  lena: '99999999-0000-0000-0000-000000000007',
} as const;
export type PersonKey = keyof typeof PEOPLE;

/** A person of the world as the bot tests send activities from them. */
export function chatPerson(key: PersonKey): Person {
  return { id: `29:${key}`, aadObjectId: PEOPLE[key], name: key };
}

const NAMES: Record<PersonKey, string> = {
  katrin: 'Katrin Albers',
  sabine: 'Sabine Hoffmann',
  thomas: 'Thomas Richter',
  birgit: 'Birgit Lehmann',
  yusuf: 'Yusuf Demir',
  yara: 'Yara Nowak',
  lena: 'Lena Vogt',
};
const ROLES: Record<PersonKey, Role[]> = {
  katrin: ['secretariat'],
  sabine: ['member'],
  thomas: ['deputy'],
  birgit: ['member'],
  yusuf: ['member'],
  yara: ['deputy'],
  lena: ['workingGroup'],
};

export const SEATS: ReadonlyArray<Omit<SeatDocument, 'committeeId' | 'type'>> = [
  { id: seatDocumentId('agentur'), institution: 'Agentur für Arbeit Leipzig', memberId: PEOPLE.birgit },
  { id: seatDocumentId('ihk'), institution: 'IHK zu Leipzig', memberId: PEOPLE.yusuf, deputyId: PEOPLE.yara },
  {
    id: seatDocumentId('jobcenter'),
    institution: 'Jobcenter Leipzig',
    memberId: PEOPLE.sabine,
    deputyId: PEOPLE.thomas,
  },
];

export const SESSION_1 = sessionDocumentId(2027, 1);

/**
 * A committee on a real store, with people, seats and the year 2027 planned, at a clock that
 * tests move. Session 2027/1 is on Thursday 11 February 2027, 14:00 Berlin.
 */
export class SessionWorld {
  readonly clock = new ManualClock('2026-11-21T10:00:00Z');
  readonly deps: AppDependencies;

  private constructor(readonly store: DocumentStore) {
    this.deps = { store, clock: this.clock };
  }

  static async create(store: DocumentStore, extraMembers = 0): Promise<SessionWorld> {
    const world = new SessionWorld(store);
    await setUpCommittee(world.deps, TENANT);
    for (const key of Object.keys(PEOPLE) as PersonKey[]) await world.addPerson(PEOPLE[key], NAMES[key], ROLES[key]);
    for (const seat of SEATS) await store.upsert<SeatDocument>({ ...seat, committeeId: COMMITTEE, type: 'seat' });
    for (let index = 0; index < extraMembers; index += 1) {
      const id = memberId(index);
      await world.addPerson(id, `Mitglied ${index}`, ['member']);
      await store.upsert<SeatDocument>({
        id: seatDocumentId(`extra-${index}`),
        committeeId: COMMITTEE,
        type: 'seat',
        institution: `Institution ${String(index).padStart(3, '0')}`,
        memberId: id,
      });
    }
    assert.ok((await planSessions(world.deps, await world.actor('katrin'), 2027)).ok);
    return world;
  }

  /** A person on the roster, as an import or the roster card puts them there: noted in their index of committees too. */
  async addPerson(aadObjectId: string, displayName: string, roles: Role[]): Promise<void> {
    await this.store.upsert<PersonDocument>({
      id: personDocumentId(aadObjectId),
      committeeId: COMMITTEE,
      type: 'person',
      aadObjectId,
      displayName,
      roles,
      active: true,
    });
    await noteMemberships(this.deps, COMMITTEE, [aadObjectId]);
  }

  actor(who: PersonKey | string): Promise<Actor> {
    const aadObjectId = who in PEOPLE ? PEOPLE[who as PersonKey] : who;
    return actorIn(this.deps, { tenantId: TENANT, aadObjectId, displayName: 'x' }, COMMITTEE);
  }

  async session(id = SESSION_1): Promise<SessionDocument & { _etag: string }> {
    const session = await this.store.get<SessionDocument>(COMMITTEE, id);
    assert.ok(session, `no ${id}`);
    return session;
  }

  rsvps(): Promise<RsvpDocument[]> {
    return this.store.query<RsvpDocument>(COMMITTEE, { type: 'rsvp' });
  }

  /** Every queued message as [dispatch, recipient, banner], in a stable order. */
  async outbox(): Promise<Array<[string, string, string]>> {
    const dispatches = await this.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' });
    return dispatches
      .flatMap((dispatch) =>
        dispatch.drafts.map(
          (draft) =>
            [
              dispatch.dispatchId,
              draft.recipient.kind === 'person' ? nameOfId(draft.recipient.aadObjectId) : '?',
              String(draft.message.data.banner ?? ''),
            ] as [string, string, string],
        ),
      )
      .sort((a, b) => a.join().localeCompare(b.join()));
  }
}

export function memberId(index: number): string {
  return `12345678-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

function nameOfId(id: string): string {
  return (Object.keys(PEOPLE) as PersonKey[]).find((key) => PEOPLE[key] === id) ?? id;
}

/**
 * Registers mocha hooks that give every test of the surrounding `describe` a fresh world on its
 * own embedded store, removed afterwards. Read `world` inside the tests, not at registration.
 */
export function useSessionWorld(): { readonly world: SessionWorld; readonly temp: TempStore } {
  const fixture = {} as { world: SessionWorld; temp: TempStore };
  beforeEach(async () => {
    fixture.temp = await openTempStore();
    fixture.world = await SessionWorld.create(fixture.temp.store);
  });
  afterEach(async () => fixture.temp.cleanup());
  return fixture;
}
