import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { committeeIdForHome } from '../src/app/committees/committee-id';
import { identifyActor, type CommitteeRequest, type Identified } from '../src/app/committees/identify-committee';
import { chooseCurrentCommittee, noteMemberships } from '../src/app/committees/person-committees';
import type { AppDependencies } from '../src/app/dependencies';
import type { CommitteeDocument, PersonDocument } from '../src/app/documents';
import type { ActorIdentity } from '../src/app/identify-actor';
import type { DocumentStore } from '../src/app/ports/document-store';
import { fixedClock } from '../src/domain/clock';
import { DEFAULT_COMMITTEE_SETTINGS } from '../src/domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../src/domain/ids';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { percentile, ratio } from './rsvp-answers';

const TENANT = '0c0c0c0c-0000-4000-8000-000000000001';
const AT = '2026-11-21T10:00:00.000Z';

/** How one way of finding the committee in a personal chat fared. */
export interface ResolutionFigures {
  readonly name: string;
  /** Store requests (reads) of one identification: the same in every turn of this kind. */
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** What the turn came to: the committee's actor, or the choice card. */
  readonly outcome: Identified['kind'];
}

export interface CommitteeResolutionResult {
  readonly name: string;
  readonly turns: number;
  /** A person in one committee: the baseline. */
  readonly one: ResolutionFigures;
  /** A person in ten committees who chose one to work with. */
  readonly tenCurrent: ResolutionFigures;
  /** The same person naming a committee in the command ("KOG3: zusagen"). */
  readonly tenNamed: ResolutionFigures;
  /** The same person before choosing: every committee is checked to offer the choice. */
  readonly tenUndecided: ResolutionFigures;
  /** p99 of a person in ten committees (chosen one) over a person in one. */
  readonly p99Ratio: number;
}

/**
 * Identifying the committee a personal chat's turn acts on, on the embedded store: a person in
 * one committee against a person in ten. The tenant has eleven committees with a 30-person roster
 * each. The figures are the store requests one identification makes (what grows with the number
 * of a person's committees) and the p99 of `turns` identifications as a ratio to the one-committee
 * person's, measured in the same run.
 */
export async function committeeResolution(turns = 2000): Promise<CommitteeResolutionResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-committees-'));
  const inner = await EmbeddedStore.open({ dataDir });
  try {
    const counted = countingStore(inner);
    const deps: AppDependencies = { store: counted.store, clock: fixedClock(AT) };
    const one = identity('0c0c0c0c-0000-4000-8000-0000000000a1');
    const many = identity('0c0c0c0c-0000-4000-8000-0000000000b1');
    const committees: string[] = [];
    for (let index = 0; index < 11; index += 1) {
      const committeeId = await seedCommittee(inner, index);
      committees.push(committeeId);
      // The person in ten committees sits in the first ten, the person in one only in the last.
      const people = index < 10 ? [many.aadObjectId] : [one.aadObjectId];
      for (const aadObjectId of people) await addPerson(inner, committeeId, aadObjectId);
      await noteMemberships(deps, committeeId, people);
    }
    const measure = async (name: string, who: ActorIdentity, request: CommitteeRequest): Promise<ResolutionFigures> => {
      const times: number[] = [];
      let requests = 0;
      let outcome: Identified['kind'] = 'actor';
      for (let turn = 0; turn < turns; turn += 1) {
        const before = counted.count();
        const start = performance.now();
        outcome = (await identifyActor(deps, who, undefined, request)).kind;
        times.push(performance.now() - start);
        requests = counted.count() - before;
      }
      times.sort((a, b) => a - b);
      return { name, requests, p50Ms: micro(percentile(times, 50)), p99Ms: micro(percentile(times, 99)), outcome };
    };
    // Warm up the code paths and the store's caches alike.
    await measure('warm-up', many, {});
    const tenUndecided = await measure('ten committees, none chosen yet (choice card)', many, {});
    await chooseCurrentCommittee(deps, committees[3]!, many.aadObjectId);
    const oneFigures = await measure('one committee', one, {});
    const tenCurrent = await measure('ten committees, one chosen', many, {});
    const tenNamed = await measure('ten committees, one named in the command', many, { named: 'G7' });
    return {
      name: `identifying the committee of a personal chat's turn (${turns} turns each)`,
      turns,
      one: oneFigures,
      tenCurrent,
      tenNamed,
      tenUndecided,
      p99Ratio: ratio(tenCurrent.p99Ms, oneFigures.p99Ms),
    };
  } finally {
    await inner.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Milliseconds to the microsecond: a point read on the embedded store takes a few dozen. */
function micro(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function identity(aadObjectId: string): ActorIdentity {
  return { tenantId: TENANT, aadObjectId, displayName: 'Bench' };
}

/** A committee homed in its own team, with a roster of 30. */
async function seedCommittee(store: DocumentStore, index: number): Promise<string> {
  const home = { kind: 'team' as const, id: `19:team-${index}@thread.tacv2`, title: `Team ${index}` };
  const committeeId = committeeIdForHome(TENANT, home);
  const committee: CommitteeDocument = {
    ...DEFAULT_COMMITTEE_SETTINGS,
    shortName: `G${index}`,
    id: COMMITTEE_DOCUMENT_ID,
    committeeId,
    type: 'committee',
    tenantId: TENANT,
    home,
    revision: 1,
    createdAt: AT,
    createdBy: 'bench',
    updatedAt: AT,
    updatedBy: 'bench',
  };
  await store.create(committee);
  for (let person = 0; person < 30; person += 1)
    await addPerson(
      store,
      committeeId,
      `0c0c0c0c-0000-4000-8${String(index).padStart(3, '0')}-${String(person).padStart(12, '0')}`,
    );
  return committeeId;
}

async function addPerson(store: DocumentStore, committeeId: string, aadObjectId: string): Promise<void> {
  await store.upsert<PersonDocument>({
    id: personDocumentId(aadObjectId),
    committeeId,
    type: 'person',
    aadObjectId,
    displayName: 'Person',
    roles: ['member'],
    active: true,
  });
}

/** The store, counting every request that goes through it. */
function countingStore(store: DocumentStore): { readonly store: DocumentStore; count(): number } {
  let requests = 0;
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close' || property === 'ping') return value;
      return (...args: unknown[]) => {
        requests += 1;
        return (value as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: counted, count: () => requests };
}
