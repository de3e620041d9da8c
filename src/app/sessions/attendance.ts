import { nowUtcIso } from '../../domain/clock';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { attendanceOpensAt } from '../../domain/sessions/attendance-window';
import { tally, type SeatStatus } from '../../domain/sessions/rsvp';
import { allowsStep, isBetweenInvitationAndMinutes } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import type { BatchOperation, Document, Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { checkText, TEXT_FIELDS } from '../../domain/text-input';
import { sessionById } from './find-session';
import { answersOf } from './invitation-drafts';
import { nameOf, rosterSnapshot } from './roster-snapshot';
import type { SessionDocument } from './session-document';

export const PRESENCES = ['inPerson', 'online', 'absent'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Who represented one institution at the session, as the secretariat recorded it. */
export interface AttendanceEntry {
  readonly seatId: string;
  readonly institution: string;
  readonly presence: Presence;
  readonly name: string;
}

/** The attendance of one session, which the minutes take their list of participants from. */
export interface AttendanceDocument extends Document {
  readonly type: 'attendance';
  readonly sessionId: string;
  readonly entries: readonly AttendanceEntry[];
  readonly revision: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export function attendanceDocumentId(sessionId: string): string {
  return `attendance-${sessionId}`;
}

/** The attendance card: the stored record, or a proposal from the answers. */
export interface AttendanceView {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  /** 0 while nothing is recorded; saving needs the revision the card shows. */
  readonly revision: number;
  /** The institutions on this page of the card; a large committee is recorded page by page. */
  readonly entries: readonly AttendanceEntry[];
  readonly page: number;
  readonly pages: number;
  readonly recorded?: { readonly at: string; readonly byName: string };
}

export type AttendanceRefusal =
  | { readonly kind: 'notAllowed' | 'noCommittee' | 'unknownSession' | 'notInvited' }
  /** Before the attendance opens (see `attendanceOpensAt`): from when it can be recorded, a UTC instant. */
  | { readonly kind: 'tooEarly'; readonly number: string; readonly opensAt: string; readonly timeZone: string }
  | WrongState
  /** A presence that is none, or a name too long or with markup: the card to show again with what was sent. */
  | { readonly kind: 'invalid'; readonly max: number; readonly view: AttendanceView }
  | { readonly kind: 'outdated'; readonly view: AttendanceView };

/** Longest name recorded for who attended for a seat. */
export const ATTENDEE_NAME_MAX = TEXT_FIELDS.attendeeName.max;

/** Institutions per page of the attendance card, so that a page fits in one Teams message. */
export const ATTENDANCE_PAGE_SIZE = 25;

/** The attendance card for a session: from one hour before it starts on its day, for the secretariat. */
export async function openAttendance(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
  page: unknown = 1,
): Promise<Result<AttendanceView, AttendanceRefusal>> {
  const allowed = permitted(deps, actor, session);
  if (!allowed.ok) return allowed;
  return ok(await attendanceView(deps, allowed.value, session, page));
}

/**
 * Saves who attended, and marks an invited session as held, in one batch. The card's revision
 * must be the stored one, so two people recording at once cannot overwrite each other unseen.
 * A page of the card carries only its institutions; the others keep what they had.
 */
export async function recordAttendance(
  deps: AppDependencies,
  actor: Actor,
  sessionId: unknown,
  revision: unknown,
  fields: Readonly<Record<string, unknown>>,
  page: unknown = 1,
): Promise<Result<AttendanceView, AttendanceRefusal>> {
  const session = await sessionById(deps.store, actor.committeeId, sessionId);
  if (!session) return fail({ kind: actor.committee ? 'unknownSession' : 'noCommittee' });
  const allowed = permitted(deps, actor, session);
  if (!allowed.ok) return allowed;
  const committee = allowed.value;
  const stored = await deps.store.get<AttendanceDocument>(actor.committeeId, attendanceDocumentId(session.id));
  if (revision !== (stored?.revision ?? 0))
    return fail({ kind: 'outdated', view: await attendanceView(deps, committee, session, page) });

  const before = await allEntries(deps, committee, session, stored);
  let submitted = 0;
  const entries: AttendanceEntry[] = [];
  for (const entry of before) {
    const presence = fields[`presence-${entry.seatId}`];
    if (presence === undefined) {
      entries.push(entry);
      continue;
    }
    const typed = fields[`name-${entry.seatId}`];
    let refused = false;
    const name = checkText('attendeeName', typeof typed === 'string' ? typed : undefined, () => (refused = true)) ?? '';
    if (!PRESENCES.includes(presence as Presence) || refused)
      return fail({
        kind: 'invalid',
        max: ATTENDEE_NAME_MAX,
        view: await attendanceView(deps, committee, session, page),
      });
    entries.push({ ...entry, presence: presence as Presence, name });
    submitted += 1;
  }
  if (submitted === 0)
    return fail({
      kind: 'invalid',
      max: ATTENDEE_NAME_MAX,
      view: await attendanceView(deps, committee, session, page),
    });
  const nowIso = nowUtcIso(deps.clock);
  const document: AttendanceDocument = {
    id: attendanceDocumentId(session.id),
    committeeId: actor.committeeId,
    type: 'attendance',
    sessionId: session.id,
    entries,
    revision: (stored?.revision ?? 0) + 1,
    recordedAt: nowIso,
    recordedBy: actor.identity.aadObjectId,
  };
  const operations: BatchOperation[] = [
    stored ? { op: 'replace', document, ifMatch: stored._etag } : { op: 'create', document },
  ];
  if (allowsStep(session.state, 'hold')) {
    const { _etag: etag, ...rest } = session;
    const held: SessionDocument = {
      ...rest,
      state: 'held',
      revision: session.revision + 1,
      updatedAt: nowIso,
      updatedBy: actor.identity.aadObjectId,
    };
    operations.push({ op: 'replace', document: held, ifMatch: etag });
  }
  const saved = await savedUnlessChanged(() => deps.store.batch(actor.committeeId, operations));
  const view = await attendanceView(deps, committee, session, page);
  return saved.ok ? ok(view) : fail({ kind: 'outdated', view });
}

function permitted(
  deps: AppDependencies,
  actor: Actor,
  session: SessionDocument,
): Result<Stored<CommitteeDocument>, AttendanceRefusal> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('attendance', actor)) return fail({ kind: 'notAllowed' });
  if (!isBetweenInvitationAndMinutes(session.state)) return fail(wrongState(session, 'attendance'));
  if (!session.invitedSeats) return fail({ kind: 'notInvited' });
  const opensAt = attendanceOpensAt(session.startsAt, committee.timeZone);
  if (nowUtcIso(deps.clock) < opensAt)
    return fail({ kind: 'tooEarly', number: session.number, opensAt, timeZone: committee.timeZone });
  return ok(committee);
}

/** Every invited seat's entry: as recorded, or proposed from the answers. */
async function allEntries(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: SessionDocument,
  stored: AttendanceDocument | undefined,
): Promise<AttendanceEntry[]> {
  if (stored) return [...stored.entries];
  const [roster, answers] = await Promise.all([
    rosterSnapshot(deps.store, committee.committeeId),
    answersOf(deps.store, committee.committeeId, session.id),
  ]);
  return tally(session.invitedSeats ?? [], answers).seats.map(({ seat, status }) => ({
    seatId: seat.id,
    institution: seat.institution,
    ...proposal(status, nameOf(roster, seat.memberId), nameOf(roster, seat.deputyId)),
  }));
}

async function attendanceView(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  pageInput: unknown,
): Promise<AttendanceView> {
  const [stored, roster] = await Promise.all([
    deps.store.get<AttendanceDocument>(committee.committeeId, attendanceDocumentId(session.id)),
    rosterSnapshot(deps.store, committee.committeeId),
  ]);
  const all = await allEntries(deps, committee, session, stored);
  const pages = Math.max(1, Math.ceil(all.length / ATTENDANCE_PAGE_SIZE));
  const page = Number.isInteger(pageInput) ? Math.min(Math.max(1, pageInput as number), pages) : 1;
  const entries = all.slice((page - 1) * ATTENDANCE_PAGE_SIZE, page * ATTENDANCE_PAGE_SIZE);
  return {
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    revision: stored?.revision ?? 0,
    entries,
    page,
    pages,
    ...(stored ? { recorded: { at: stored.recordedAt, byName: nameOf(roster, stored.recordedBy) } } : {}),
  };
}

/** The answers' promise as the starting point: who said they would come, and how. */
function proposal(
  status: SeatStatus,
  memberName: string,
  deputyName: string,
): { readonly presence: Presence; readonly name: string } {
  // An Outlook yes does not say how: in person is proposed, and the secretariat records what happened.
  if (status.kind === 'attending')
    return {
      presence: status.mode === 'unspecified' ? 'inPerson' : status.mode,
      name: status.by === 'member' ? memberName : deputyName,
    };
  if (status.kind === 'delegated') return { presence: 'inPerson', name: status.delegateName };
  return { presence: 'absent', name: '' };
}
