import type { CommitteeHome } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID, tenantDirectoryId, tenantOfPartition } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, ConversationKind } from '../documents';
import { actorIn, actorOf, PERSONAL_PLACE, type Actor, type ActorIdentity } from '../identify-actor';
import { conversationDocumentId } from '../remember-conversation';
import { committeeIdForHome } from './committee-id';
import { homeRoute, workingGroupRoute } from './committee-routes';
import { belongs, myCommittees, type CommitteeChoice } from './my-committees';
import { personCommitteesOf } from './person-committees';
import { upgradeLegacyCommittee } from './upgrade-legacy-committee';

/** The conversation a turn came from, as the activity names it. */
export interface TurnConversation {
  readonly kind: ConversationKind;
  /** The Teams conversation id (of a channel: without a thread's message id). */
  readonly conversationId: string;
  /** The team of a channel. */
  readonly teamId?: string;
  /** The team's name for a channel, the chat's for a group chat. */
  readonly title?: string;
}

/** What a turn asks of the committee it acts on, besides the person and where they are. */
export interface CommitteeRequest {
  /**
   * For a card click, the committee the card names: untrusted, checked here. `null` for a click
   * on a card that names none (drawn before cards named their committee); undefined for a turn
   * that is no click.
   */
  readonly cardCommitteeId?: unknown;
  /** The short name a typed command was addressed to („KOG: rückmeldungen 2027/1“). */
  readonly named?: string;
}

/**
 * The committee a turn acts on, or why there is none:
 * - `actor`: the actor in the committee;
 * - `undecided`: a personal chat of someone in several committees who chose none and named
 *   none; the turn offers the choice, never guesses (the actor belongs to no committee);
 * - `unknownName`: the command named a committee that is none of the person's, or several;
 * - `foreign`: a card or a named committee that is not the conversation's (or not the tenant's).
 */
export type Identified =
  | { readonly kind: 'actor'; readonly actor: Actor }
  | { readonly kind: 'undecided'; readonly actor: Actor; readonly choices: readonly CommitteeChoice[] }
  | {
      readonly kind: 'unknownName';
      readonly actor: Actor;
      readonly name: string;
      readonly choices: readonly CommitteeChoice[];
    }
  | { readonly kind: 'foreign'; readonly actor: Actor; readonly committeeName?: string };

/**
 * Resolves the committee of a turn:
 * - a team channel or group chat acts on the committee homed there or whose working group's
 *   conversation it is; in one that is no committee's, on none (set-up would create one there);
 * - a card click acts on the committee the card names, checked against the conversation's in a
 *   shared conversation, and against the actor's roles in that committee (read from its store);
 * - a personal chat acts on the committee the command names, else the person's current one,
 *   else their only one; with several and none of these, the person chooses.
 */
export async function identifyActor(
  deps: AppDependencies,
  identity: ActorIdentity,
  conversation: TurnConversation | undefined,
  request: CommitteeRequest = {},
): Promise<Identified> {
  if (conversation && conversation.kind !== 'personal') return inConversation(deps, identity, conversation, request);
  return inPersonalChat(deps, identity, request);
}

async function inConversation(
  deps: AppDependencies,
  identity: ActorIdentity,
  conversation: TurnConversation,
  request: CommitteeRequest,
): Promise<Identified> {
  const actor = await actorInConversation(deps, identity, conversation);
  const { cardCommitteeId, named } = request;
  // A card in a shared conversation is that conversation's: another committee's data would
  // otherwise be shown to everyone reading here.
  if (typeof cardCommitteeId === 'string' && cardCommitteeId !== actor.committeeId) return { kind: 'foreign', actor };
  if (cardCommitteeId !== undefined && cardCommitteeId !== null && typeof cardCommitteeId !== 'string')
    return { kind: 'foreign', actor };
  if (named !== undefined && !sameName(actor.committee?.shortName, named))
    return { kind: 'foreign', actor, ...(actor.committee ? { committeeName: actor.committee.shortName } : {}) };
  return { kind: 'actor', actor };
}

/**
 * The actor in a team channel or group chat: the committee whose working group uses this very
 * conversation, else the one homed in its team or chat, else none (`unclaimed`). A tenant's
 * committee of before homes is upgraded here on first sight, should the start-up pass not have
 * reached it yet.
 */
export async function actorInConversation(
  deps: AppDependencies,
  identity: ActorIdentity,
  conversation: TurnConversation,
): Promise<Actor> {
  const home = homeOfConversation(conversation);
  const found = await committeeOfConversation(deps, identity.tenantId, conversation, home);
  if (found) return actorIn(deps, identity, found.committeeId, { kind: found.role });
  if (await upgradeLegacyCommittee(deps, identity.tenantId)) {
    const upgraded = await committeeOfConversation(deps, identity.tenantId, conversation, home);
    if (upgraded) return actorIn(deps, identity, upgraded.committeeId, { kind: upgraded.role });
  }
  // A committee of before homes whose conversations named no home is given one by its
  // secretariat: in a conversation of no committee, its set-up card offers to make it the home.
  const legacy = await actorIn(deps, identity, tenantDirectoryId(identity.tenantId), { kind: 'unclaimed', home });
  if (legacy.committee && !legacy.committee.home && legacy.roles.includes('secretariat')) return legacy;
  return actorOf(
    identity,
    committeeIdForHome(identity.tenantId, home),
    { kind: 'unclaimed', home },
    undefined,
    undefined,
  );
}

/**
 * The committee a conversation belongs to and how: its working group's (a route to this very
 * conversation, confirmed by the committee), else its home's (see `committeeAtHome`). Undefined:
 * none.
 */
export async function committeeOfConversation(
  deps: AppDependencies,
  tenantId: string,
  conversation: TurnConversation,
  home: CommitteeHome = homeOfConversation(conversation),
): Promise<{ readonly committeeId: string; readonly role: 'home' | 'workingGroup' } | undefined> {
  const { store } = deps;
  const conversationKey = conversationDocumentId(conversation.kind, conversation.conversationId);
  const [workingGroup, atHome] = await Promise.all([
    workingGroupRoute(store, tenantId, conversationKey),
    committeeAtHome(deps, tenantId, home),
  ]);
  if (workingGroup) {
    const committee = await store.get<CommitteeDocument>(workingGroup.belongsTo, COMMITTEE_DOCUMENT_ID);
    if (committee?.workingGroupConversationId === conversationKey)
      return { committeeId: workingGroup.belongsTo, role: 'workingGroup' };
  }
  return atHome ? { committeeId: atHome, role: 'home' } : undefined;
}

/**
 * The committee homed in a team or group chat: the one at the id derived from the home, else a
 * committee of before homes whose upgrade gave it this home (found by the home's route, and
 * confirmed by the committee). Undefined: none lives there.
 */
export async function committeeAtHome(
  { store }: AppDependencies,
  tenantId: string,
  home: Pick<CommitteeHome, 'id'>,
): Promise<string | undefined> {
  const derived = committeeIdForHome(tenantId, home);
  const [homed, legacyHome] = await Promise.all([
    store.get<CommitteeDocument>(derived, COMMITTEE_DOCUMENT_ID),
    homeRoute(store, tenantId, home.id),
  ]);
  if (homed?.type === 'committee') return derived;
  if (!legacyHome || tenantOfPartition(legacyHome.belongsTo) !== tenantId.toLowerCase()) return undefined;
  const committee = await store.get<CommitteeDocument>(legacyHome.belongsTo, COMMITTEE_DOCUMENT_ID);
  return committee?.home?.id === home.id ? legacyHome.belongsTo : undefined;
}

/**
 * The committee homed where a membership event happened, for imports and departures: only a
 * committee's home changes its roster. The tenant's committee of before homes is upgraded first
 * if need be, so an event in its team before the start-up pass reached it still counts.
 */
export async function homeCommitteeOf(
  deps: AppDependencies,
  tenantId: string,
  conversation: TurnConversation,
): Promise<string | undefined> {
  if (conversation.kind === 'personal') return undefined;
  const home = homeOfConversation(conversation);
  const found = await committeeAtHome(deps, tenantId, home);
  if (found) return found;
  return (await upgradeLegacyCommittee(deps, tenantId)) ? committeeAtHome(deps, tenantId, home) : undefined;
}

/** The home a team channel or group chat belongs to: its team, or the chat itself. */
export function homeOfConversation(conversation: TurnConversation): CommitteeHome {
  return conversation.kind === 'channel' && conversation.teamId
    ? { kind: 'team', id: conversation.teamId, title: conversation.title ?? '' }
    : { kind: 'groupChat', id: conversation.conversationId, title: conversation.title ?? '' };
}

async function inPersonalChat(
  deps: AppDependencies,
  identity: ActorIdentity,
  request: CommitteeRequest,
): Promise<Identified> {
  const directory = tenantDirectoryId(identity.tenantId);
  const { cardCommitteeId, named } = request;
  if (cardCommitteeId === null) {
    // A card that names no committee was drawn before cards named theirs: it is the tenant's
    // committee of before homes. Where there is none, the click counts as a typed command would.
    const legacy = await actorIn(deps, identity, directory);
    if (legacy.committee) return { kind: 'actor', actor: legacy };
  } else if (cardCommitteeId !== undefined) {
    if (typeof cardCommitteeId !== 'string' || tenantOfPartition(cardCommitteeId) !== identity.tenantId.toLowerCase())
      return { kind: 'foreign', actor: nowhere(identity) };
    return { kind: 'actor', actor: await actorIn(deps, identity, cardCommitteeId) };
  }
  const index = await personCommitteesOf(deps.store, identity.tenantId, identity.aadObjectId);
  if (named === undefined && index?.currentCommitteeId) {
    const current = await actorIn(deps, identity, index.currentCommitteeId);
    if (belongs(current)) return { kind: 'actor', actor: current };
  }
  const mine = await myCommittees(deps, identity, { index });
  if (named !== undefined) {
    const matching = mine.choices.filter((choice) => sameName(choice.shortName, named));
    const actor = matching.length === 1 ? mine.actors.get(matching[0]!.committeeId) : undefined;
    if (actor) return { kind: 'actor', actor };
    return { kind: 'unknownName', actor: nowhere(identity), name: named, choices: mine.choices };
  }
  if (mine.choices.length === 1) return { kind: 'actor', actor: mine.actors.get(mine.choices[0]!.committeeId)! };
  if (mine.choices.length > 1) return { kind: 'undecided', actor: nowhere(identity), choices: mine.choices };
  // In no committee that the index knows: the tenant's committee of before homes, if there is
  // one, acts as it always did (the person may be on its roster before the upgrade noted them).
  return { kind: 'actor', actor: await actorIn(deps, identity, directory) };
}

/** An actor in no committee: a person in several who has not chosen, or whose card was not valid. */
function nowhere(identity: ActorIdentity): Actor {
  return actorOf(identity, tenantDirectoryId(identity.tenantId), PERSONAL_PLACE, undefined, undefined);
}

/** Whether a short name is the one a command named: the same letters, case and spaces aside. */
export function sameName(shortName: string | undefined, named: string): boolean {
  const plain = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('de-DE');
  return shortName !== undefined && plain(shortName) === plain(named);
}
