import { directoryOfPartition } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, PersonDocument } from '../documents';

/**
 * What a tenant's committees say about the documents of its directory, which belong to no one
 * committee: which conversations are a committee's (its home's channels or chat, its working
 * group's), and who is on which roster. Read from the committees' own partitions, never from
 * the directory's hints. Background work only (the retention run, erasure): it reads across
 * committees.
 */
export interface TenantView {
  /** The tenant's committees by id. */
  readonly committees: ReadonlyMap<string, CommitteeDocument>;
  /** The keys of their homes (team ids, group chat ids). */
  readonly homes: ReadonlySet<string>;
  /** The document ids of their working groups' conversations. */
  readonly workingGroups: ReadonlySet<string>;
  /** Per person, the committees in which they have a roster entry that is not erased. */
  readonly entries: ReadonlyMap<string, ReadonlySet<string>>;
  /** The people who are an active member of at least one roster. */
  readonly active: ReadonlySet<string>;
  /** Per person no roster holds as active, when they last left one. */
  readonly lastLeft: ReadonlyMap<string, string>;
  /**
   * Whether one of them is a committee of before homes whose upgrade found no home: which
   * conversations are its is unknown, so every channel and group chat counts as a committee's.
   */
  readonly homeless: boolean;
}

/** The view of the tenant whose directory (or committee) the partition is. */
export async function tenantView(deps: AppDependencies, partitionId: string): Promise<TenantView> {
  const directory = directoryOfPartition(partitionId);
  const all = await deps.store.queryAcrossCommittees<CommitteeDocument>({ type: 'committee' });
  const committees = new Map(
    all
      .filter((committee) => directory !== undefined && directoryOfPartition(committee.committeeId) === directory)
      .map((committee) => [committee.committeeId, committee]),
  );
  const entries = new Map<string, Set<string>>();
  const active = new Set<string>();
  const lastLeft = new Map<string, string>();
  for (const committeeId of committees.keys()) {
    for (const person of await deps.store.query<PersonDocument>(committeeId, { type: 'person' })) {
      if (person.erasedAt) continue;
      const id = person.aadObjectId.toLowerCase();
      entries.set(id, (entries.get(id) ?? new Set()).add(committeeId));
      if (person.active) active.add(id);
      else if (person.leftAt && person.leftAt > (lastLeft.get(id) ?? '')) lastLeft.set(id, person.leftAt);
    }
  }
  for (const id of active) lastLeft.delete(id);
  const homed = [...committees.values()];
  return {
    committees,
    homes: new Set(homed.flatMap((committee) => (committee.home ? [committee.home.id] : []))),
    workingGroups: new Set(
      homed.flatMap((committee) =>
        committee.workingGroupConversationId ? [committee.workingGroupConversationId] : [],
      ),
    ),
    entries,
    active,
    lastLeft,
    homeless: homed.some((committee) => !committee.home),
  };
}

/** The committees other than `committeeId` in which the person has a roster entry. */
export function otherCommitteesOf(view: TenantView, personId: string, committeeId: string): string[] {
  return [...(view.entries.get(personId.toLowerCase()) ?? [])].filter((id) => id !== committeeId);
}
