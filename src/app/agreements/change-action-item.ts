import {
  checkStatusChange,
  mayProposeDueDate,
  type StatusChangeRefusal,
} from '../../domain/agreements/action-item-status';
import { checkDueDate, localToday } from '../../domain/agreements/due-dates';
import { nowUtcIso } from '../../domain/clock';
import { isSafeIdPart } from '../../domain/ids';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { checkText, type TextProblemCode } from '../../domain/text-input';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument, PersonDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { withoutEtag, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { actionItemMessage, type ActionItemNotice } from './action-item-messages';
import { actionItemView, peopleById, secretariatOf, type ActionItemView } from './action-item-view';
import type { AgreementDocument, AgreementEvent } from './agreement-document';

export type ActionAccessRefusal = { readonly kind: 'noCommittee' | 'notAllowed' | 'unknownItem' };

/** Why a change was refused; the item's current card comes with every refusal about the item itself. */
export type ActionChangeRefusal =
  | ActionAccessRefusal
  | { readonly kind: 'outdated'; readonly view: ActionItemView }
  | { readonly kind: StatusChangeRefusal | 'notSecretariat' | 'noProposal'; readonly view: ActionItemView }
  | {
      readonly kind: 'invalid';
      readonly field: 'note' | 'dueDate' | 'decision';
      readonly code: TextProblemCode | 'past' | 'same';
      readonly view: ActionItemView;
    };

/** What a change did: the item's new card for the person who made it. */
export interface ActionChanged {
  readonly view: ActionItemView;
}

interface Loaded {
  readonly committee: Stored<CommitteeDocument>;
  readonly item: Stored<AgreementDocument>;
  readonly people: Map<string, Stored<PersonDocument>>;
  readonly today: string;
}

/** An action item the actor may see: anyone with a role in the roster may open any item. */
async function loadItem(
  deps: AppDependencies,
  actor: Actor,
  agreementId: unknown,
): Promise<Result<Loaded, ActionAccessRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('actions', actor)) return fail({ kind: 'notAllowed' });
  if (typeof agreementId !== 'string' || !agreementId.startsWith('agreement-') || !isSafeIdPart(agreementId))
    return fail({ kind: 'unknownItem' });
  const [item, people] = await Promise.all([
    deps.store.get<AgreementDocument>(actor.committeeId, agreementId),
    peopleById(deps.store, actor.committeeId),
  ]);
  if (!item || item.type !== 'agreement') return fail({ kind: 'unknownItem' });
  return ok({
    committee: actor.committee,
    item,
    people,
    today: localToday(deps.clock.now(), actor.committee.timeZone),
  });
}

const viewFor = (
  loaded: Pick<Loaded, 'committee' | 'people' | 'today'>,
  item: AgreementDocument,
  actor: Actor,
): ActionItemView =>
  actionItemView(
    item,
    loaded.people,
    { aadObjectId: actor.identity.aadObjectId, roles: actor.roles },
    loaded.committee.timeZone,
    loaded.today,
  );

/** The item's card, as the actor may act on it. */
export async function openActionItem(
  deps: AppDependencies,
  actor: Actor,
  agreementId: unknown,
): Promise<Result<ActionItemView, ActionAccessRefusal>> {
  const loaded = await loadItem(deps, actor, agreementId);
  return loaded.ok ? ok(viewFor(loaded.value, loaded.value.item, actor)) : loaded;
}

export interface StatusInput {
  readonly status: unknown;
  readonly note: unknown;
}

/**
 * Sets the item's status, with an optional note (required when asking for help). Blocked alerts
 * every other person of the secretariat 1:1, in the same batch; a change the secretariat makes
 * for the responsible person is told to them.
 */
export async function changeActionStatus(
  deps: AppDependencies,
  actor: Actor,
  agreementId: unknown,
  revision: unknown,
  input: StatusInput,
): Promise<Result<ActionChanged, ActionChangeRefusal>> {
  return changeItem(deps, actor, agreementId, revision, input.note, (loaded, standing, note) => {
    const checked = checkStatusChange(loaded.item.status, input.status, note, standing);
    if (!checked.ok) return fail({ kind: checked.error });
    const status = checked.value;
    const { doneAt: _reopened, proposedDueDate: _dropped, ...rest } = withoutEtag(loaded.item);
    const event: AgreementEvent = {
      at: loaded.nowIso,
      by: actor.identity.aadObjectId,
      kind: 'status',
      status,
      ...(note ? { note } : {}),
    };
    const changed: AgreementDocument = {
      ...rest,
      ...(status === 'done' ? { doneAt: loaded.nowIso } : {}),
      ...(status !== 'done' && loaded.item.proposedDueDate ? { proposedDueDate: loaded.item.proposedDueDate } : {}),
      status,
      history: [...loaded.item.history, event],
    };
    const tell: Array<[ActionItemNotice, ReadonlyArray<Stored<PersonDocument>>]> = [];
    if (status === 'blocked') tell.push(['blocked', secretariatOf(loaded.people)]);
    else if (!standing.responsible) tell.push(['changed', responsibleOf(loaded)]);
    return ok({ changed, tell });
  });
}

export interface DueDateProposal {
  readonly dueDate: unknown;
  readonly note: unknown;
}

/**
 * Asks the secretariat for a new due date: every person of the secretariat gets the item with
 * accept and decline. Today or later; a later proposal replaces a pending one.
 */
export async function proposeDueDate(
  deps: AppDependencies,
  actor: Actor,
  agreementId: unknown,
  revision: unknown,
  input: DueDateProposal,
): Promise<Result<ActionChanged, ActionChangeRefusal>> {
  return changeItem(deps, actor, agreementId, revision, input.note, (loaded, standing, note) => {
    const allowed = mayProposeDueDate(loaded.item.status, standing);
    if (!allowed.ok) return fail({ kind: allowed.error });
    const dueDate = checkDueDate(input.dueDate, loaded.today);
    if (!dueDate.ok) return fail({ kind: 'invalid', field: 'dueDate', code: dueDate.error });
    if (dueDate.value === loaded.item.dueDate) return fail({ kind: 'invalid', field: 'dueDate', code: 'same' });
    const by = actor.identity.aadObjectId;
    const changed: AgreementDocument = {
      ...withoutEtag(loaded.item),
      proposedDueDate: { dueDate: dueDate.value, by, at: loaded.nowIso, ...(note ? { note } : {}) },
      history: [
        ...loaded.item.history,
        { at: loaded.nowIso, by, kind: 'dueDateProposed', dueDate: dueDate.value, ...(note ? { note } : {}) },
      ],
    };
    return ok({ changed, tell: [['proposal', secretariatOf(loaded.people)]] });
  });
}

export interface DueDateDecision {
  readonly decision: unknown;
  readonly note: unknown;
}

/**
 * The secretariat's answer to a proposed due date: accepting makes it the due date (unless it has
 * passed meanwhile), declining drops the proposal. Either way the responsible person is told.
 */
export async function decideDueDate(
  deps: AppDependencies,
  actor: Actor,
  agreementId: unknown,
  revision: unknown,
  input: DueDateDecision,
): Promise<Result<ActionChanged, ActionChangeRefusal>> {
  return changeItem(deps, actor, agreementId, revision, input.note, (loaded, standing, note) => {
    if (!standing.secretariat) return fail({ kind: 'notSecretariat' });
    const proposal = loaded.item.proposedDueDate;
    if (!proposal) return fail({ kind: 'noProposal' });
    if (input.decision !== 'accept' && input.decision !== 'decline')
      return fail({ kind: 'invalid', field: 'decision', code: 'invalid' });
    const accept = input.decision === 'accept';
    if (accept && proposal.dueDate < loaded.today) return fail({ kind: 'invalid', field: 'dueDate', code: 'past' });
    const { proposedDueDate: _decided, ...rest } = withoutEtag(loaded.item);
    const changed: AgreementDocument = {
      ...rest,
      ...(accept ? { dueDate: proposal.dueDate } : {}),
      history: [
        ...loaded.item.history,
        {
          at: loaded.nowIso,
          by: actor.identity.aadObjectId,
          kind: accept ? 'dueDateAccepted' : 'dueDateDeclined',
          dueDate: proposal.dueDate,
          ...(note ? { note } : {}),
        },
      ],
    };
    return ok({ changed, tell: [[accept ? 'accepted' : 'declined', responsibleOf(loaded)]] });
  });
}

type ChangeOf = (
  loaded: Loaded & { readonly nowIso: string },
  standing: { readonly responsible: boolean; readonly secretariat: boolean },
  note: string | undefined,
) => Result<
  {
    readonly changed: AgreementDocument;
    readonly tell: ReadonlyArray<readonly [ActionItemNotice, ReadonlyArray<Stored<PersonDocument>>]>;
  },
  ActionChangeRefusalWithoutView
>;

type ActionChangeRefusalWithoutView =
  | { readonly kind: StatusChangeRefusal | 'notSecretariat' | 'noProposal' }
  | {
      readonly kind: 'invalid';
      readonly field: 'note' | 'dueDate' | 'decision';
      readonly code: TextProblemCode | 'past' | 'same';
    };

/**
 * One change of an item on the revision the card showed: checked note, the change itself, the
 * item replaced with its ETag (revision + 1) in one batch with the messages it causes. A card of
 * an older revision, or a change that lost a race, gets the current card and changes nothing.
 */
async function changeItem(
  deps: AppDependencies,
  actor: Actor,
  agreementId: unknown,
  revision: unknown,
  rawNote: unknown,
  change: ChangeOf,
): Promise<Result<ActionChanged, ActionChangeRefusal>> {
  const found = await loadItem(deps, actor, agreementId);
  if (!found.ok) return found;
  const loaded = found.value;
  const current = viewFor(loaded, loaded.item, actor);
  if (revision !== loaded.item.revision) return fail({ kind: 'outdated', view: current });
  let problem: TextProblemCode | undefined;
  const note = checkText('actionNote', rawNote, (code) => (problem = code));
  if (problem) return fail({ kind: 'invalid', field: 'note', code: problem, view: current });
  const by = actor.identity.aadObjectId;
  const standing = { responsible: loaded.item.responsibleId === by, secretariat: actor.roles.includes('secretariat') };
  const nowIso = nowUtcIso(deps.clock);
  const decided = change({ ...loaded, nowIso }, standing, note);
  if (!decided.ok) return fail({ ...decided.error, view: current });
  const changed: AgreementDocument = {
    ...decided.value.changed,
    revision: loaded.item.revision + 1,
    updatedAt: nowIso,
  };
  const drafts: OutboxDraft[] = decided.value.tell.flatMap(([notice, people]) =>
    draftsForPeople(
      `action:${changed.id}:r${changed.revision}:${notice}`,
      people.filter((person) => person.aadObjectId !== by),
      actionItemMessage(
        notice,
        actionItemView(changed, loaded.people, person(people, notice), loaded.committee.timeZone, loaded.today),
      ),
    ),
  );
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(actor.committeeId, [
      { op: 'replace', document: changed, ifMatch: loaded.item._etag },
      ...(drafts.length > 0
        ? [
            enqueueOperation(actor.committeeId, `action:${changed.id}:r${changed.revision}`, drafts, nowIso, {
              kind: 'actionItem',
              audience: 'recipients',
              sessionNumber: changed.sessionNumber,
            }),
          ]
        : []),
    ]),
  );
  if (saved.ok) return ok({ view: viewFor(loaded, changed, actor) });
  const again = await loadItem(deps, actor, changed.id);
  return fail({ kind: 'outdated', view: again.ok ? viewFor(again.value, again.value.item, actor) : current });
}

/**
 * Whom a message's card is rendered for: the secretariat (who decide proposals) or the
 * responsible person. One view per notice keeps the dispatch small; the buttons a person may
 * not use are refused when clicked anyway.
 */
function person(
  people: ReadonlyArray<Stored<PersonDocument>>,
  notice: ActionItemNotice,
): { readonly aadObjectId: string; readonly roles: PersonDocument['roles'] } {
  const secretariatNotice = notice === 'blocked' || notice === 'proposal';
  return {
    aadObjectId: secretariatNotice ? '' : (people[0]?.aadObjectId ?? ''),
    roles: secretariatNotice ? ['secretariat'] : (people[0]?.roles ?? []),
  };
}

function responsibleOf(loaded: Loaded): Array<Stored<PersonDocument>> {
  const person = loaded.people.get(loaded.item.responsibleId);
  return person?.active ? [person] : [];
}
