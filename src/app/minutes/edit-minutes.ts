import { randomUUID } from 'node:crypto';
import { nowUtcIso } from '../../domain/clock';
import { localToday } from '../../domain/minutes/objection-deadline';
import { parseMinutesItem, type MinutesItemProblem } from '../../domain/minutes/minutes-item-edit';
import { agreementCount, changedItemIds } from '../../domain/minutes/minutes-versions';
import type { MinutesItem } from '../../domain/minutes/minutes-content';
import type { Person } from '../../domain/roster';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import { withoutEtag, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import type { SessionAccess } from '../sessions/find-session';
import { rosterSnapshot, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { MinutesDocument, MinutesVersionKind } from './minutes-document';
import { openOrCreateMinutes, minutesView, saveVersionOperations, type MinutesView } from './open-minutes';

/** The item form's data: the item as stored, and the people who may be responsible for an agreement. */
export interface MinutesItemForm {
  readonly view: MinutesView;
  readonly item: MinutesItem;
  /** Its number on the agenda, from 1. */
  readonly number: number;
  /** Active roster people, by name. */
  readonly people: readonly Person[];
  /** A correction of approved minutes: summary and result only. */
  readonly correction: boolean;
}

export type MinutesEditRefusal =
  | { readonly kind: 'unknownItem' }
  | { readonly kind: 'outdated'; readonly view: MinutesView }
  | { readonly kind: 'invalid'; readonly form: MinutesItemForm; readonly problems: readonly MinutesItemProblem[] };

/** The form for one item of the session's minutes (opened first, if nobody has: see `openOrCreateMinutes`). */
export async function minutesItemForm(
  deps: AppDependencies,
  access: SessionAccess,
  itemId: unknown,
  by: string,
): Promise<Result<MinutesItemForm, MinutesEditRefusal>> {
  const head = await openOrCreateMinutes(deps, access.committee, access.session, by);
  const index = head.items.findIndex((item) => item.itemId === itemId);
  if (index < 0) return fail({ kind: 'unknownItem' });
  return ok(await formFor(deps, access, head, index, await rosterSnapshot(deps.store, access.committee.committeeId)));
}

/**
 * Saves one item's minutes as a new version, on the version the form showed: a draft before
 * circulation, a revision after it (sent only when circulated again), a correction after
 * approval (summary and result only; agreements already are action items). The version document
 * and the head are written in one batch, so of two editors on one version exactly one wins and
 * the other is shown the current minutes.
 */
export async function saveMinutesItem(
  deps: AppDependencies,
  access: SessionAccess,
  by: string,
  version: unknown,
  itemId: unknown,
  fields: Readonly<Record<string, unknown>>,
): Promise<Result<MinutesView, MinutesEditRefusal>> {
  const { committee, session } = access;
  const head = await openOrCreateMinutes(deps, committee, session, by);
  if (version !== head.version)
    return fail({ kind: 'outdated', view: await minutesView(deps, committee, session, head) });
  const index = head.items.findIndex((item) => item.itemId === itemId);
  if (index < 0) return fail({ kind: 'unknownItem' });
  const roster = await rosterSnapshot(deps.store, committee.committeeId);
  const existing = head.items[index]!;
  const nowIso = nowUtcIso(deps.clock);
  const parsed = parseMinutesItem(existing, fields, {
    responsibles: responsibles(roster),
    today: localToday(nowIso, committee.timeZone),
    agreementsElsewhere: agreementCount(head.items) - existing.agreements.length,
    newAgreementId: () => `agreement-${randomUUID()}`,
    agreementsFrozen: head.status === 'approved',
  });
  if (!parsed.ok)
    return fail({ kind: 'invalid', form: await formFor(deps, access, head, index, roster), problems: parsed.error });

  const items = head.items.map((item, position) => (position === index ? parsed.value : item));
  const kind: MinutesVersionKind =
    head.status === 'approved' ? 'correction' : head.status === 'circulated' ? 'revision' : 'draft';
  const next: MinutesDocument = {
    ...withoutEtag(head),
    items,
    version: head.version + 1,
    updatedAt: nowIso,
    updatedBy: by,
  };
  const saved = await savedUnlessChanged(() =>
    deps.store.batch(committee.committeeId, saveVersionOperations(head, next, kind, changedItemIds(head.items, items))),
  );
  if (saved.ok) return ok(await minutesView(deps, committee, session, next));
  return fail({
    kind: 'outdated',
    view: await minutesView(deps, committee, session, await openOrCreateMinutes(deps, committee, session, by)),
  });
}

/** Active people of the roster who may own an agreement, with their seat's institution to default to. */
function responsibles(roster: RosterSnapshot): Map<string, string> {
  const institutions = new Map<string, string>();
  for (const seat of roster.seats) {
    institutions.set(seat.memberId, seat.institution);
    if (seat.deputyId) institutions.set(seat.deputyId, seat.institution);
  }
  return new Map(
    [...roster.people.values()]
      .filter((person) => person.active)
      .map((person) => [person.aadObjectId, institutions.get(person.aadObjectId) ?? person.institution ?? '']),
  );
}

async function formFor(
  deps: AppDependencies,
  access: SessionAccess,
  head: Stored<MinutesDocument>,
  index: number,
  roster: RosterSnapshot,
): Promise<MinutesItemForm> {
  return {
    view: await minutesView(deps, access.committee, access.session, head),
    item: head.items[index]!,
    number: index + 1,
    people: [...roster.people.values()]
      .filter((person) => person.active)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de')),
    correction: head.status === 'approved',
  };
}
