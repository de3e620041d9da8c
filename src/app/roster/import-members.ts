import { nowUtcIso } from '../../domain/clock';
import { COMMITTEE_DOCUMENT_ID, isSafeIdPart, personDocumentId, tenantOfPartition } from '../../domain/ids';
import { noteMemberships } from '../committees/person-committees';
import { plainEmail } from '../../domain/email-address';
import { plainName } from '../../domain/text-input';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { personJoining, personLeaving } from '../../domain/roster-membership';
import type { AppDependencies } from '../dependencies';
import type { PersonalConversationTarget, PersonDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentStore, type Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError, NotFoundError } from '../ports/store-errors';
import { revokeLinksOf, withLinksRevoked } from '../links/revoke-links';
import { personDocumentWith, personOf, samePerson } from './load-roster';

/** One entry of a team's or chat's member list, as Teams returns it. */
export interface TeamMember {
  /** The Teams user id (29:…): what a 1:1 chat is opened with. */
  readonly userId: string;
  readonly aadObjectId?: string;
  readonly displayName?: string;
  /** The work address Teams lists (e-mail or user principal name); checked before it is stored. */
  readonly email?: string;
}

/** Where the member list was read: what a person's `contact` needs besides their user id. */
export interface MemberSource {
  readonly tenantId: string;
  readonly serviceUrl: string;
  /** The bot's id in that conversation (the activity's recipient). */
  readonly botId: string;
}

/** What an import did, for the roster card's banner. */
export interface ImportOutcome {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** Reads the member list; given as a function so that nobody is asked who is not allowed to. */
export type MemberReader = () => Promise<readonly TeamMember[]>;

/** A lost race is tried again this often with fresh reads before the import gives up. */
const WRITE_ATTEMPTS = 3;
const NAME_LIMIT = 200;

/**
 * Imports the members of a committee's home (the team or group chat) when the bot was installed
 * there or someone joined it: each becomes a person of that committee, with where to reach them,
 * and finds the committee in their personal chat. The caller has resolved the home's committee
 * (see `committeeOfConversation`); a conversation that is no committee's home imports nowhere.
 * Nothing happens, and nobody's list is read, while that committee does not exist: answers
 * undefined then.
 */
export async function importMembers(
  deps: AppDependencies,
  committeeId: string,
  source: MemberSource,
  readMembers: MemberReader,
): Promise<ImportOutcome | undefined> {
  if (!isSafeIdPart(source.tenantId) || !isSafeIdPart(committeeId)) return undefined;
  if (tenantOfPartition(committeeId) !== source.tenantId.toLowerCase()) return undefined;
  if (!(await deps.store.get(committeeId, COMMITTEE_DOCUMENT_ID))) return undefined;
  return writeMembers(deps, committeeId, source, await readMembers());
}

export type RefreshRefusal =
  | { readonly kind: 'notAllowed' }
  /** Asked for in a conversation that is not the committee's home: its members are not the committee's. */
  | { readonly kind: 'notHome' };

/**
 * The roster card's "take over the members of this chat": the same import, for the secretariat
 * only, and only in the committee's home (a committee of before homes that has none takes them
 * from any of its conversations, as it always did).
 */
export async function refreshMembers(
  deps: AppDependencies,
  actor: Actor,
  source: MemberSource,
  readMembers: MemberReader,
): Promise<Result<ImportOutcome, RefreshRefusal>> {
  if (!mayUse('members', actor) || source.tenantId !== actor.identity.tenantId) return fail({ kind: 'notAllowed' });
  if (actor.place.kind !== 'home' && actor.committee?.home) return fail({ kind: 'notHome' });
  return ok(await writeMembers(deps, actor.committeeId, source, await readMembers()));
}

/**
 * Deactivates the people who left the committee's home (its team or group chat), in that
 * committee only: the caller resolved the home's committee, and leaving any other team or chat
 * changes no roster. Their seats, roles and every record that names them stay; their secret
 * links are revoked. Answers how many were deactivated.
 */
export async function markMembersLeft(
  deps: AppDependencies,
  committeeId: string,
  leavers: readonly TeamMember[],
): Promise<number> {
  if (!isSafeIdPart(committeeId)) return 0;
  if (!(await deps.store.get(committeeId, COMMITTEE_DOCUMENT_ID))) return 0;
  const at = nowUtcIso(deps.clock);
  let deactivated = 0;
  for (const leaver of leavers) {
    for (let attempt = 1; ; attempt += 1) {
      const person = await findPerson(deps.store, committeeId, leaver);
      if (!person || !person.active) break;
      try {
        // Deactivated, and their links revoked with it (see withLinksRevoked).
        const document = personDocumentWith(person, personLeaving(personOf(person), at));
        const leaving: BatchOperation = { op: 'replace', document, ifMatch: person._etag };
        await deps.store.batch(committeeId, await withLinksRevoked(deps, committeeId, [person.aadObjectId], [leaving]));
        await revokeLinksOf(deps, committeeId, person.aadObjectId);
        deactivated += 1;
        break;
      } catch (error) {
        const lostRace = error instanceof ConcurrencyError || error instanceof NotFoundError;
        if (!lostRace || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }
  return deactivated;
}

/**
 * Writes the members in batches of at most `MAX_BATCH_OPERATIONS`, creating new people and
 * replacing changed ones with their ETag, so that a roster edit at the same moment is never
 * overwritten: a batch that lost such a race is read and written again.
 */
async function writeMembers(
  deps: AppDependencies,
  committeeId: string,
  source: MemberSource,
  members: readonly TeamMember[],
): Promise<ImportOutcome> {
  const { store } = deps;
  const wanted = usable(members);
  const outcome = { added: 0, updated: 0, unchanged: 0 };
  let pending = wanted;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const people = new Map(
      (await store.query<PersonDocument>(committeeId, { type: 'person' })).map((person) => [
        person.aadObjectId.toLowerCase(),
        person,
      ]),
    );
    const retry: TeamMember[] = [];
    const planned = pending.map((member) =>
      plan(committeeId, source, member, people.get(member.aadObjectId!.toLowerCase())),
    );
    for (const { unchanged } of planned) if (unchanged) outcome.unchanged += 1;
    const writes = planned.filter((entry) => !entry.unchanged);
    for (let start = 0; start < writes.length; start += MAX_BATCH_OPERATIONS) {
      const chunk = writes.slice(start, start + MAX_BATCH_OPERATIONS);
      try {
        await store.batch(
          committeeId,
          chunk.map((entry) => entry.operation!),
        );
        for (const entry of chunk) outcome[entry.added ? 'added' : 'updated'] += 1;
      } catch (error) {
        const lostRace =
          error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError;
        if (!lostRace || attempt >= WRITE_ATTEMPTS) throw error;
        retry.push(...chunk.map((entry) => entry.member));
      }
    }
    pending = retry;
  }
  // After the roster: a crash in between leaves a hint missing, which the daily repair restores.
  await noteMemberships(
    deps,
    committeeId,
    wanted.map((member) => member.aadObjectId!),
  );
  return outcome;
}

interface Planned {
  readonly member: TeamMember;
  readonly unchanged: boolean;
  readonly added: boolean;
  readonly operation?: BatchOperation;
}

function plan(
  committeeId: string,
  source: MemberSource,
  member: TeamMember,
  existing: Stored<PersonDocument> | undefined,
): Planned {
  const aadObjectId = member.aadObjectId!;
  // An erased person stays erased: a member list must not bring their name back.
  if (existing?.erasedAt) return { member, unchanged: true, added: false };
  const contact: PersonalConversationTarget = {
    serviceUrl: source.serviceUrl,
    tenantId: source.tenantId,
    botId: source.botId,
    userId: member.userId,
    userAadObjectId: aadObjectId,
  };
  const joined = personJoining(existing && personOf(existing), {
    aadObjectId,
    displayName: plainName(member.displayName, NAME_LIMIT),
  });
  // Teams' address wins for a Teams member: the directory knows it, the secretariat does not type
  // it. A list without one (or with an implausible one) keeps the address stored before.
  const email = plainEmail(member.email);
  const person = email ? { ...joined, email } : joined;
  if (!existing) {
    const document: PersonDocument = {
      id: personDocumentId(aadObjectId),
      committeeId,
      type: 'person',
      ...person,
      contact,
    };
    return { member, unchanged: false, added: true, operation: { op: 'create', document } };
  }
  if (samePerson(personOf(existing), person) && sameContact(existing.contact, contact))
    return { member, unchanged: true, added: false };
  const document: PersonDocument = { ...personDocumentWith(existing, person), contact };
  return { member, unchanged: false, added: false, operation: { op: 'replace', document, ifMatch: existing._etag } };
}

/** Members who can be people of the committee: users with a usable object id, each once. Bots (28:…) are not. */
function usable(members: readonly TeamMember[]): TeamMember[] {
  const seen = new Map<string, TeamMember>();
  for (const member of members) {
    if (!member.aadObjectId || !isSafeIdPart(member.aadObjectId) || !member.userId || member.userId.startsWith('28:'))
      continue;
    seen.set(member.aadObjectId.toLowerCase(), member);
  }
  return [...seen.values()];
}

async function findPerson(
  store: DocumentStore,
  committeeId: string,
  member: TeamMember,
): Promise<Stored<PersonDocument> | undefined> {
  if (member.aadObjectId && isSafeIdPart(member.aadObjectId))
    return store.get<PersonDocument>(committeeId, personDocumentId(member.aadObjectId));
  const [byUserId] = await store.query<PersonDocument>(committeeId, {
    type: 'person',
    where: [{ field: 'contact.userId', op: '=', value: member.userId }],
    limit: 1,
  });
  return byUserId;
}

function sameContact(a: PersonalConversationTarget | undefined, b: PersonalConversationTarget): boolean {
  return (
    !!a &&
    a.serviceUrl === b.serviceUrl &&
    a.tenantId === b.tenantId &&
    a.botId === b.botId &&
    a.userId === b.userId &&
    a.userAadObjectId === b.userAadObjectId
  );
}
