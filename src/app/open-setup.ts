import {
  committeeLanguageOf,
  DEFAULT_COMMITTEE_SETTINGS,
  type CommitteeHome,
  type CommitteeSettings,
} from '../domain/committee';
import { mayUse } from '../domain/permissions';
import { fail, ok, type Result } from '../domain/result';
import type { AppDependencies } from './dependencies';
import { personDocumentId } from '../domain/ids';
import type { ConversationKind, PersonDocument } from './documents';
import { listGroupConversations, titledHome } from './group-conversations';
import type { Actor } from './identify-actor';

/** A conversation the working group could use, as offered on the set-up card. */
export interface ConversationChoice {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly title: string;
}

/** What the set-up card shows: current (or proposed) settings and the card's revision. */
export interface SetupView {
  readonly isNew: boolean;
  /** The revision the card was rendered from; saving an older one is refused as outdated. */
  readonly revision: number;
  readonly settings: CommitteeSettings;
  readonly conversations: readonly ConversationChoice[];
  /** Where the committee lives, or will live once saved; none for a committee of before homes that has none. */
  readonly home?: CommitteeHome;
  /** Whether saving gives the committee this home: a new one, or one of before homes that has none. */
  readonly homeOnSave?: boolean;
  readonly lastChange?: { readonly at: string; readonly byName: string };
}

export type SetupRefusal =
  | { readonly kind: 'notAllowed' }
  /** No committee here to change, and none can be set up here: a personal chat. */
  | { readonly kind: 'noHome' };

/**
 * Opens the set-up card: the KOG's defaults for a new committee (only in a team or group chat
 * that is no committee's home: the committee lives there), the stored settings otherwise. Only
 * the secretariat may change an existing committee.
 */
export async function openSetup(deps: AppDependencies, actor: Actor): Promise<Result<SetupView, SetupRefusal>> {
  if (!mayUse('setup', actor)) return fail({ kind: 'notAllowed' });
  if (!actor.committee && actor.place.kind !== 'unclaimed') return fail({ kind: 'noHome' });
  return ok(await setupView(deps, actor));
}

/** The set-up view of the actor's committee as it is stored now. */
export async function setupView({ store }: AppDependencies, actor: Actor): Promise<SetupView> {
  const conversations = (await listGroupConversations(store, actor)).map((conversation) => ({
    id: conversation.id,
    kind: conversation.kind,
    title: conversation.title ?? conversation.teamName ?? conversation.id,
  }));
  const committee = actor.committee;
  if (!committee) {
    const home = actor.place.kind === 'unclaimed' ? await titledHome(store, actor, actor.place.home) : undefined;
    return {
      isNew: true,
      revision: 0,
      settings: DEFAULT_COMMITTEE_SETTINGS,
      conversations,
      ...(home ? { home, homeOnSave: true } : {}),
    };
  }
  // Every setting the card edits, so that saving the card again keeps what is stored.
  const { name, shortName, timeZone, terms, sessionLengthMinutes, chairRotation, leadTimes } = committee;
  const { workingGroupConversationId, minutes, retentionMonths, autoPublishAgenda, publishOparl } = committee;
  const language = committeeLanguageOf(committee);
  const editor = await store.get<PersonDocument>(actor.committeeId, personDocumentId(committee.updatedBy));
  return {
    isNew: false,
    revision: committee.revision,
    settings: {
      name,
      shortName,
      timeZone,
      terms,
      sessionLengthMinutes,
      chairRotation,
      leadTimes,
      workingGroupConversationId,
      minutes,
      retentionMonths,
      autoPublishAgenda,
      publishOparl,
      language,
    },
    conversations,
    ...(committee.home
      ? { home: committee.home }
      : actor.place.kind === 'unclaimed'
        ? { home: await titledHome(store, actor, actor.place.home), homeOnSave: true }
        : {}),
    lastChange: { at: committee.updatedAt, byName: editor?.displayName ?? '' },
  };
}
