import { isOverdue, localToday } from '../../domain/agreements/due-dates';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { ActorStanding } from '../../domain/permissions';
import type { Actor } from '../identify-actor';
import type { DocumentStore } from '../ports/document-store';
import { peopleById } from './action-item-view';
import type { AgreementDocument, AgreementStatus } from './agreement-document';

/** Items per page of the list; a full page of the longest items stays well within a Teams card. */
export const ACTIONS_PER_PAGE = 15;

/** Which items the list shows: the reader's own, all that are not done, all, or the overdue ones. */
export const ACTION_SCOPES = ['mine', 'open', 'all', 'overdue'] as const;
export type ActionScope = (typeof ACTION_SCOPES)[number];

/** The words of the `aufgaben` / `actions` argument, in both languages. */
const SCOPE_WORDS: Readonly<Record<string, ActionScope>> = {
  alle: 'all',
  all: 'all',
  überfällig: 'overdue',
  ueberfaellig: 'overdue',
  overdue: 'overdue',
  meine: 'mine',
  mine: 'mine',
  offen: 'open',
  offene: 'open',
  open: 'open',
};

/**
 * The list `aufgaben` opens on without a word after it: the secretariat follows up every item,
 * so it sees all open ones of the committee; everyone else sees their own.
 */
export function defaultScope(actor: ActorStanding): ActionScope {
  return actor.roles.includes('secretariat') ? 'open' : 'mine';
}

/** What the list is asked for: a scope, an institution (empty for all), a page. */
export interface ActionListFilter {
  readonly scope: ActionScope;
  readonly institution: string;
  readonly page: number;
}

/**
 * The filter a typed argument asks for: `meine` / `mine`, `offen` / `open`, `alle` / `all`,
 * `überfällig` / `overdue`, or an institution's name (all of its items). Nothing asks for
 * `fallback`, the list the reader opens on (see `defaultScope`).
 */
export function filterFromArgument(argument: string, fallback: ActionScope = 'mine'): ActionListFilter {
  const text = argument.trim();
  const scope = SCOPE_WORDS[text.toLowerCase()];
  if (scope) return { scope, institution: '', page: 1 };
  return text ? { scope: 'all', institution: text, page: 1 } : { scope: fallback, institution: '', page: 1 };
}

/** The filter a list card's filter button or page buttons sent; anything unexpected falls back to the defaults. */
export function filterFromCard(
  data: { readonly scope?: unknown; readonly institution?: unknown; readonly page?: unknown },
  fallback: ActionScope = 'mine',
): ActionListFilter {
  const scope = (ACTION_SCOPES as readonly unknown[]).includes(data.scope) ? (data.scope as ActionScope) : fallback;
  const institution =
    typeof data.institution === 'string' && data.institution !== ALL_INSTITUTIONS ? data.institution.trim() : '';
  const page =
    typeof data.page === 'number' && Number.isInteger(data.page) && data.page > 0
      ? data.page
      : typeof data.page === 'string' && /^\d{1,4}$/.test(data.page)
        ? Math.max(1, Number(data.page))
        : 1;
  return { scope, institution, page };
}

/** The list card's choice for "all institutions" (a choice needs a non-empty value). */
export const ALL_INSTITUTIONS = '*';

/** One line of the list. */
export interface ActionLine {
  readonly agreementId: string;
  readonly text: string;
  readonly sessionNumber: string;
  readonly institution: string;
  readonly responsibleName: string;
  readonly dueDate: string;
  readonly status: AgreementStatus;
  readonly overdue: boolean;
}

/** The list card's data. */
export interface ActionListView {
  readonly filter: ActionListFilter;
  /** The institutions that own items, for the card's filter. */
  readonly institutions: readonly string[];
  readonly lines: readonly ActionLine[];
  /** Items matching the filter, on all pages. */
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
}

/** Every action item of the committee, open ones by due date first, done ones after them. */
export async function agreementsOf(store: DocumentStore, committeeId: string): Promise<AgreementDocument[]> {
  const items = await store.query<AgreementDocument>(committeeId, { type: 'agreement' });
  return items.sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * The action items for `aufgaben` / `actions`: anyone with a role in the roster may list them;
 * `mine` are the items the reader is responsible for. An institution filter matches the owning
 * institution's name, ignoring case, in part.
 */
export async function listActionItems(
  deps: AppDependencies,
  actor: Actor,
  filter: ActionListFilter,
): Promise<Result<ActionListView, { readonly kind: 'noCommittee' | 'notAllowed' }>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('actions', actor)) return fail({ kind: 'notAllowed' });
  const [items, people] = await Promise.all([
    agreementsOf(deps.store, actor.committeeId),
    peopleById(deps.store, actor.committeeId),
  ]);
  const today = localToday(deps.clock.now(), actor.committee.timeZone);
  const institution = filter.institution.toLowerCase();
  const matching = items.filter(
    (item) =>
      (filter.scope !== 'mine' || item.responsibleId === actor.identity.aadObjectId) &&
      (filter.scope !== 'open' || item.status !== 'done') &&
      (filter.scope !== 'overdue' || isOverdue(item, today)) &&
      (!institution || item.institution.toLowerCase().includes(institution)),
  );
  return ok(
    actionListView(
      matching,
      people,
      filter,
      today,
      [...new Set(items.map((item) => item.institution))].sort((a, b) => a.localeCompare(b, 'de')),
    ),
  );
}

/** One page of items as the list card (and the weekly digest) shows them. */
export function actionListView(
  matching: readonly AgreementDocument[],
  people: ReadonlyMap<string, { readonly displayName: string }>,
  filter: ActionListFilter,
  today: string,
  institutions: readonly string[],
): ActionListView {
  const pageCount = Math.max(1, Math.ceil(matching.length / ACTIONS_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  return {
    filter: { ...filter, page },
    institutions,
    lines: matching.slice((page - 1) * ACTIONS_PER_PAGE, page * ACTIONS_PER_PAGE).map((item) => ({
      agreementId: item.id,
      text: item.text,
      sessionNumber: item.sessionNumber,
      institution: item.institution,
      responsibleName: people.get(item.responsibleId)?.displayName ?? item.responsibleName ?? '–',
      dueDate: item.dueDate,
      status: item.status,
      overdue: isOverdue(item, today),
    })),
    total: matching.length,
    page,
    pageCount,
  };
}
