import { isWithoutTeamsPersonId } from '../../domain/email-address';
import { COMMITTEE_DOCUMENT_ID, directoryOfPartition, personDocumentId } from '../../domain/ids';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, ConversationAddress, ConversationDocument, PersonDocument } from '../documents';
import type { DeliveryAttempt, MemberListAddress, Messenger, PersonalConversationTarget } from '../ports/messenger';
import type { DocumentStore } from '../ports/document-store';
import { conversationDocumentId, rememberConversation } from '../remember-conversation';

/** What trying to open a 1:1 chat with a person came to. */
export type Reach =
  | { readonly kind: 'opened'; readonly address: ConversationAddress }
  /** Teams answered a look-up or the opening with a failure; the sender's rules decide about a retry. */
  | {
      readonly kind: 'failed';
      readonly step: 'lookUp' | 'open';
      readonly failure: Failure;
    }
  /**
   * Nowhere to start a chat from: the person is in no team or group chat of the committee that
   * Gremium is in (`lookedInHome`), or Gremium knows no such place of the committee at all.
   */
  | { readonly kind: 'unreachable'; readonly lookedInHome: boolean };

export interface ReachDependencies extends AppDependencies {
  readonly messenger: Messenger;
}

/** A member list as read: each member's Teams user id by their Entra object id (lower case). */
export type Roster = ReadonlyMap<string, string>;

/** Where a person may be looked up, and how a member list is read there. */
export interface ReachOptions {
  /** The committee's teams and group chats that Gremium is in (see `memberListsOf`). */
  readonly places: readonly MemberListAddress[];
  /** The member list of a place (see `MemberRosters`). */
  readonly rosterOf: (place: MemberListAddress) => Promise<{ readonly ok: true; readonly roster: Roster } | Failure>;
}

type Failure = Extract<DeliveryAttempt, { ok: false }>;

/**
 * The member lists of the places people are looked up in, each read once (one request per 500
 * members, paced) and kept for `keepMs`: a fan-out to forty members without a chat reads the
 * team's list once, not forty times. A failed read is not kept.
 */
export class MemberRosters {
  private readonly kept = new Map<string, { readonly roster: Roster; readonly until: number }>();

  constructor(
    private readonly messenger: Messenger,
    private readonly now: () => number,
    /** Runs the request to Teams within the rate limits (see `SendGate.through`). */
    private readonly pace: <T>(key: string, request: () => Promise<T>) => Promise<T>,
    private readonly keepMs: number,
  ) {}

  async rosterOf(place: MemberListAddress): Promise<{ readonly ok: true; readonly roster: Roster } | Failure> {
    const key = `${place.serviceUrl}|${place.conversationId}`;
    const kept = this.kept.get(key);
    if (kept && kept.until > this.now()) return { ok: true, roster: kept.roster };
    const read = await this.pace(`members:${place.conversationId}`, () => this.messenger.listMembers(place));
    if (!read.ok) return read;
    const roster = new Map(read.members.map((member) => [member.aadObjectId.toLowerCase(), member.userId]));
    this.kept.set(key, { roster, until: this.now() + this.keepMs });
    return { ok: true, roster };
  }
}

/**
 * Opens a 1:1 chat with a person Gremium has never talked to, wherever Teams allows it: Teams
 * lets a bot start a personal chat with anyone who is a member of a team or group chat the bot
 * is installed in (Bot Framework `POST /v3/conversations` with the member's Teams user id, the
 * tenant and the serviceUrl of that team). The member's Teams user id comes from their contact
 * (the member list read when Gremium was added to the team, on the message or on the person),
 * else from the member list of the committee's team or group chat and the working group's, read
 * now. The opened chat is remembered in the tenant's directory, so every later message reuses it.
 */
export async function openChatWithPerson(
  deps: ReachDependencies,
  committeeId: string,
  person: {
    readonly aadObjectId: string;
    readonly teamMember?: PersonalConversationTarget;
    readonly withoutTeams?: boolean;
  },
  options: ReachOptions,
): Promise<Reach> {
  // A person without Teams has no chat to open; their roster key is no Entra object id to look up.
  if (person.withoutTeams || isWithoutTeamsPersonId(person.aadObjectId))
    return { kind: 'unreachable', lookedInHome: false };
  let target = person.teamMember ?? (await contactOf(deps.store, committeeId, person.aadObjectId));
  let lookedInHome = false;
  for (const place of target ? [] : options.places) {
    const read = await options.rosterOf(place);
    if (!read.ok) {
      // Gremium was removed from this team (403) or it is gone (404): no place to look in.
      if (read.status === 403 || read.status === 404) continue;
      return { kind: 'failed', step: 'lookUp', failure: read };
    }
    lookedInHome = true;
    const userId = read.roster.get(person.aadObjectId.toLowerCase());
    if (userId) {
      const { serviceUrl, tenantId, botId } = place;
      target = { serviceUrl, tenantId, botId, userId, userAadObjectId: person.aadObjectId };
      break;
    }
  }
  if (!target) return { kind: 'unreachable', lookedInHome };
  const opened = await deps.messenger.openPersonalConversation(target);
  if (!opened.ok) return { kind: 'failed', step: 'open', failure: opened };
  await rememberConversation(deps, { address: opened.address });
  return { kind: 'opened', address: opened.address };
}

/** The person's contact as the committee's roster keeps it, from the last member import. */
async function contactOf(
  store: DocumentStore,
  committeeId: string,
  aadObjectId: string,
): Promise<PersonalConversationTarget | undefined> {
  const person = await store.get<PersonDocument>(committeeId, personDocumentId(aadObjectId));
  return person?.type === 'person' && !person.erasedAt ? person.contact : undefined;
}

/**
 * The committee's teams and group chats Gremium is in, whose member lists it may read: its home
 * (a team is asked by the team's id, a group chat by its own), and its working group's channel
 * or chat where that lies elsewhere. The serviceUrl and the bot's id come from a conversation of
 * that place the directory remembers; a place Gremium has never seen a conversation of is left
 * out, as Gremium is not in it.
 */
export async function memberListsOf(store: DocumentStore, committeeId: string): Promise<MemberListAddress[]> {
  const directory = directoryOfPartition(committeeId);
  const committee = await store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID);
  if (!directory || committee?.type !== 'committee') return [];
  const places: MemberListAddress[] = [];
  const add = (conversationId: string, address: ConversationAddress) => {
    if (places.some((place) => place.conversationId === conversationId)) return;
    places.push({ serviceUrl: address.serviceUrl, tenantId: address.tenantId, botId: address.botId, conversationId });
  };
  const { home } = committee;
  if (home?.kind === 'team') {
    const [channel] = await store.query<ConversationDocument>(directory, {
      type: 'conversation',
      where: [{ field: 'teamId', op: '=', value: home.id }],
      limit: 1,
    });
    if (channel) add(home.id, channel.address);
  } else if (home?.kind === 'groupChat') {
    const chat = await store.get<ConversationDocument>(directory, conversationDocumentId('groupChat', home.id));
    if (chat?.type === 'conversation') add(home.id, chat.address);
  }
  if (committee.workingGroupConversationId) {
    const group = await store.get<ConversationDocument>(directory, committee.workingGroupConversationId);
    if (group?.type === 'conversation' && group.kind !== 'personal')
      add(group.kind === 'channel' && group.teamId ? group.teamId : group.address.conversationId, group.address);
  }
  return places;
}
