import { DateTime } from 'luxon';
import { AGENDA_LIMITS, moveItem, sameAgenda, totalMinutes, type AgendaItem } from '../../domain/agenda/agenda-items';
import { parseItemDetails, type ItemDetailsInput, type ItemDetailsProblem } from '../../domain/agenda/item-details';
import { nowUtcIso } from '../../domain/clock';
import { sessionDeadlines } from '../../domain/scheduling/session-deadlines';
import { fail, ok, type Result } from '../../domain/result';
import { isBeforeHeld } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import { randomUUID } from 'node:crypto';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import { savedUnlessChanged } from '../saved-unless-changed';
import type { SessionAccess } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import { agendaAgreementReport, type AgendaAgreementReport } from '../agreements/agenda-report';
import { agendaWrite, loadAgenda, type LoadedAgenda } from './session-agenda';

/** The agenda builder's data: the items in order, their total against the session's length, and what is published. */
export interface AgendaView {
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly revision: number;
  readonly items: readonly AgendaItem[];
  readonly totalMinutes: number;
  readonly sessionMinutes: number;
  /** Whether the items can still change (the session is neither held nor cancelled). */
  readonly editable: boolean;
  readonly published?: { readonly version: number; readonly at: string };
  /** Whether the draft differs from the published version (or nothing is published yet). */
  readonly unpublished: boolean;
  /** When the agenda is due to go out (the agenda lead time). */
  readonly dueAt: string;
  /** The agreements its "status of agreements" reports, as they stand now. */
  readonly agreements: AgendaAgreementReport;
}

export type AgendaRefusal =
  | WrongState
  | { readonly kind: 'outdated'; readonly view: AgendaView }
  | { readonly kind: 'unknownItem' | 'cannotMove' | 'tooManyItems' }
  | { readonly kind: 'invalid'; readonly problems: readonly ItemDetailsProblem[]; readonly item?: AgendaItem };

/** The agenda builder for the session, with the standard items in place. */
export async function openAgenda(deps: AppDependencies, { committee, session }: SessionAccess): Promise<AgendaView> {
  return agendaView(committee, session, await loadAgenda(deps.store, committee.committeeId, session));
}

/** The form for an item of the agenda (or a new one, without an id), while the agenda can still change. */
export async function agendaItemForm(
  deps: AppDependencies,
  access: SessionAccess,
  itemId: unknown,
): Promise<Result<{ readonly view: AgendaView; readonly item?: AgendaItem }, AgendaRefusal>> {
  const view = await openAgenda(deps, access);
  if (!view.editable) return fail(wrongState(access.session, 'agenda'));
  if (itemId === undefined || itemId === '') return ok({ view });
  const item = view.items.find((candidate) => candidate.id === itemId);
  return item ? ok({ view, item }) : fail({ kind: 'unknownItem' });
}

/** Moves an item one place up or down, on the version the card showed. */
export async function moveAgendaItem(
  deps: AppDependencies,
  access: SessionAccess,
  by: string,
  revision: unknown,
  itemId: unknown,
  direction: unknown,
): Promise<Result<AgendaView, AgendaRefusal>> {
  return changeAgenda(deps, access, by, revision, (loaded) => {
    if (typeof itemId !== 'string' || (direction !== 'up' && direction !== 'down'))
      return fail({ kind: 'unknownItem' });
    const moved = moveItem(loaded.items, itemId, direction);
    return moved.ok ? ok(moved.value) : fail({ kind: moved.error });
  });
}

/**
 * Sets an item's presenter, minutes and kind (and the title of the secretariat's own items), or
 * adds a new item of the secretariat's own before the reports and any other business.
 */
export async function saveAgendaItem(
  deps: AppDependencies,
  access: SessionAccess,
  by: string,
  revision: unknown,
  itemId: unknown,
  input: ItemDetailsInput,
): Promise<Result<AgendaView, AgendaRefusal>> {
  return changeAgenda(deps, access, by, revision, (loaded) => {
    // Only a card without an item (or with an empty one) adds an item; an id of any other type
    // is tampered data and must not turn into a new item.
    const isNew = itemId === undefined || itemId === '';
    const existing = isNew ? undefined : loaded.items.find((item) => item.id === itemId);
    if (!isNew && !existing) return fail({ kind: 'unknownItem' });
    const parsed = parseItemDetails(input, !existing || existing.origin.type === 'topic');
    if (!parsed.ok) return fail({ kind: 'invalid', problems: parsed.error, ...(existing ? { item: existing } : {}) });
    const { title, ...details } = parsed.value;
    if (existing) {
      const { presenter: _replaced, ...kept } = existing;
      const updated: AgendaItem = { ...kept, ...details, ...(title ? { title } : {}) };
      return ok(loaded.items.map((item) => (item === existing ? updated : item)));
    }
    if (loaded.items.length >= AGENDA_LIMITS.items) return fail({ kind: 'tooManyItems' });
    const added: AgendaItem = {
      id: `item-${randomUUID()}`,
      title: title ?? '',
      ...details,
      origin: { type: 'topic' },
      submissionIds: [],
    };
    const at = loaded.items.findIndex(
      (item) => item.origin.type === 'report' || (item.origin.type === 'standard' && item.origin.standard === 'other'),
    );
    const items = [...loaded.items];
    items.splice(at < 0 ? items.length : at, 0, added);
    return ok(items);
  });
}

/**
 * Applies a change to the agenda the card showed: refused when the session is past building
 * its agenda, or when the agenda changed since the card was rendered (the current one comes
 * back instead, unchanged).
 */
async function changeAgenda(
  deps: AppDependencies,
  { committee, session }: SessionAccess,
  by: string,
  revision: unknown,
  change: (
    loaded: LoadedAgenda,
  ) => Result<readonly AgendaItem[], Exclude<AgendaRefusal, { kind: 'outdated' | 'wrongState' }>>,
): Promise<Result<AgendaView, AgendaRefusal>> {
  if (!isBeforeHeld(session.state)) return fail(wrongState(session, 'agenda'));
  const loaded = await loadAgenda(deps.store, committee.committeeId, session);
  if (revision !== loaded.revision) return fail({ kind: 'outdated', view: agendaView(committee, session, loaded) });
  const changed = change(loaded);
  if (!changed.ok) return changed;
  const nowIso = nowUtcIso(deps.clock);
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(committee.committeeId, [
      agendaWrite(committee.committeeId, session, loaded, { items: changed.value }, nowIso, by),
    ]),
  );
  const view = agendaView(committee, session, await loadAgenda(deps.store, committee.committeeId, session));
  return saved.ok ? ok(view) : fail({ kind: 'outdated', view });
}

/** The builder's data for a loaded agenda. */
export function agendaView(
  committee: Pick<CommitteeDocument, 'timeZone' | 'leadTimes'>,
  session: SessionDocument,
  loaded: LoadedAgenda,
): AgendaView {
  const published = loaded.stored?.published;
  return {
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    revision: loaded.revision,
    items: loaded.items,
    totalMinutes: totalMinutes(loaded.items),
    sessionMinutes: Math.round(
      DateTime.fromISO(session.endsAt).diff(DateTime.fromISO(session.startsAt), 'minutes').minutes,
    ),
    editable: isBeforeHeld(session.state),
    ...(published ? { published: { version: published.version, at: published.publishedAt } } : {}),
    unpublished: !published || !sameAgenda(published.items, loaded.items),
    dueAt: agendaDueAt(committee, session),
    agreements: agendaAgreementReport(loaded.agreements),
  };
}

/** When the agenda is due: the agenda lead time before the session, at the start of the office day. */
export function agendaDueAt(
  committee: Pick<CommitteeDocument, 'timeZone' | 'leadTimes'>,
  session: Pick<SessionDocument, 'startsAt'>,
): string {
  return sessionDeadlines(session.startsAt, committee.leadTimes, committee.timeZone).find(
    (deadline) => deadline.kind === 'agendaDispatch',
  )!.dueAt;
}
