import { nowUtcIso } from '../../domain/clock';
import { minutesSettingsOf } from '../../domain/committee';
import type { MinutesItem, MinutesParticipant } from '../../domain/minutes/minutes-content';
import { loadAgenda } from '../agenda/session-agenda';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { BatchOperation, Stored } from '../ports/document-store';
import type { LinkRequests } from '../ports/message-renderer';
import { ConflictError } from '../ports/store-errors';
import { attendanceDocumentId, type AttendanceDocument } from '../sessions/attendance';
import { nameOf, rosterSnapshot, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import {
  minutesDocumentId,
  minutesVersionDocumentId,
  type MinutesDocument,
  type MinutesVersionDocument,
  type MinutesVersionKind,
} from './minutes-document';
import { shownItems, type ShownItem } from './minutes-messages';
import type { MinutesResponseDocument } from './minutes-response-document';

/** Per item of the circulated version: how many agreed, and who objected with what. */
export interface ItemResponses {
  readonly agreed: number;
  readonly objections: ReadonlyArray<{ readonly name: string; readonly comment: string }>;
}

/** The secretariat's minutes card. */
export interface MinutesView {
  readonly committeeId: string;
  readonly timeZone: string;
  readonly sessionId: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly status: MinutesDocument['status'];
  readonly version: number;
  /** Saved after the version that went out, and not yet sent: a revision, or a correction after approval. */
  readonly unpublished: boolean;
  readonly items: readonly ShownItem[];
  readonly participants: number;
  readonly chair?: string;
  readonly lastSaved: { readonly at: string; readonly byName: string };
  readonly circulation?: {
    readonly version: number;
    readonly at: string;
    readonly objectionDeadline: string;
    readonly round: number;
  };
  readonly approval?: { readonly version: number; readonly at: string; readonly automatic: boolean };
  readonly publishedVersion?: number;
  readonly responses: Readonly<Record<string, ItemResponses>>;
  readonly objectionDays: number;
}

/** The secretariat's minutes card links the PDF of the version last sent out; none before the first. */
export function minutesCardLinks(view: Pick<MinutesView, 'sessionId' | 'publishedVersion'>): LinkRequests {
  if (view.publishedVersion === undefined) return {};
  return { pdf: { kind: 'minutes', sessionId: view.sessionId, version: view.publishedVersion } };
}

/**
 * The session's minutes, created on first open: prefilled from the published agenda (or the
 * agenda as it stands) and the recorded attendance, as version 1. Two first opens race for one
 * id; the loser reads the winner's.
 */
export async function openOrCreateMinutes(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
): Promise<Stored<MinutesDocument>> {
  const existing = await deps.store.get<MinutesDocument>(committee.committeeId, minutesDocumentId(session.id));
  if (existing) return existing;
  const nowIso = nowUtcIso(deps.clock);
  const agendaItems = session.agenda?.items ?? (await loadAgenda(deps.store, committee.committeeId, session)).items;
  const items: MinutesItem[] = agendaItems.map((item) => ({
    itemId: item.id,
    title: item.origin.type === 'standard' ? '' : item.title,
    ...(item.origin.type === 'standard' ? { standard: item.origin.standard } : {}),
    summary: '',
    result: '',
    agreements: [],
  }));
  const attendance = await deps.store.get<AttendanceDocument>(committee.committeeId, attendanceDocumentId(session.id));
  const participants: MinutesParticipant[] = (attendance?.entries ?? []).map((entry) => ({
    institution: entry.institution,
    name: entry.name,
    presence: entry.presence,
  }));
  const head: MinutesDocument = {
    id: minutesDocumentId(session.id),
    committeeId: committee.committeeId,
    type: 'minutes',
    sessionId: session.id,
    status: 'draft',
    version: 1,
    items,
    participants,
    ...(session.chair ? { chair: session.chair } : {}),
    createdAt: nowIso,
    updatedAt: nowIso,
    updatedBy: by,
  };
  try {
    const [stored] = await deps.store.batch(
      committee.committeeId,
      createVersionOperations(
        head,
        items.map((item) => item.itemId),
      ),
    );
    return stored as Stored<MinutesDocument>;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return (await deps.store.get<MinutesDocument>(committee.committeeId, minutesDocumentId(session.id)))!;
  }
}

/** The immutable record of one saved version. */
export function versionDocument(
  head: MinutesDocument,
  kind: MinutesVersionKind,
  changedItemIds: readonly string[],
  savedAt: string,
  savedBy: string,
): MinutesVersionDocument {
  return {
    id: minutesVersionDocumentId(head.sessionId, head.version),
    committeeId: head.committeeId,
    type: 'minutesVersion',
    sessionId: head.sessionId,
    version: head.version,
    kind,
    items: head.items,
    participants: head.participants,
    ...(head.chair ? { chair: head.chair } : {}),
    changedItemIds,
    savedAt,
    savedBy,
  };
}

/**
 * The head as saved with its version: noting the version's kind and time (see
 * `MinutesDocument.saved`), so a link to the version the head holds is served from the head alone.
 */
export function savedHead(head: MinutesDocument, kind: MinutesVersionKind): MinutesDocument {
  return { ...head, saved: { version: head.version, kind, at: head.updatedAt } };
}

/** The operations that create the minutes with their first version, a draft: the head and its version document. */
export function createVersionOperations(head: MinutesDocument, changedItemIds: readonly string[]): BatchOperation[] {
  return [
    { op: 'create', document: savedHead(head, 'draft') },
    { op: 'create', document: versionDocument(head, 'draft', changedItemIds, head.updatedAt, head.updatedBy) },
  ];
}

/** The operations that save a new head: its version document (a create, so two saves of one version cannot both win) and the head with its ETag. */
export function saveVersionOperations(
  stored: Stored<MinutesDocument>,
  next: MinutesDocument,
  kind: MinutesVersionKind,
  changedItemIds: readonly string[],
): BatchOperation[] {
  return [
    { op: 'create', document: versionDocument(next, kind, changedItemIds, next.updatedAt, next.updatedBy) },
    { op: 'replace', document: savedHead(next, kind), ifMatch: stored._etag },
  ];
}

/** The answers to one circulated version. */
export async function responsesTo(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  version: number,
): Promise<MinutesResponseDocument[]> {
  return deps.store.query<MinutesResponseDocument>(committeeId, {
    type: 'minutesResponse',
    where: [
      { field: 'sessionId', op: '=', value: sessionId },
      { field: 'version', op: '=', value: version },
    ],
  });
}

/** The secretariat's view of the minutes as stored, with the answers to the circulated version. */
export async function minutesView(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone' | 'minutes'>,
  session: Pick<SessionDocument, 'id' | 'number' | 'startsAt'>,
  head: MinutesDocument,
): Promise<MinutesView> {
  const roster = await rosterSnapshot(deps.store, committee.committeeId);
  const responses = head.circulation
    ? tallyResponses(await responsesTo(deps, committee.committeeId, session.id, head.circulation.version), roster)
    : {};
  return {
    committeeId: committee.committeeId,
    timeZone: committee.timeZone,
    sessionId: session.id,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    status: head.status,
    version: head.version,
    unpublished: head.publishedVersion !== undefined && head.version > head.publishedVersion,
    items: shownItems(head.items, roster, true),
    participants: head.participants.filter((participant) => participant.presence !== 'absent').length,
    ...(head.chair ? { chair: head.chair } : {}),
    lastSaved: { at: head.updatedAt, byName: nameOf(roster, head.updatedBy) },
    ...(head.circulation
      ? {
          circulation: {
            version: head.circulation.version,
            at: head.circulation.at,
            objectionDeadline: head.circulation.objectionDeadline,
            round: head.circulation.round,
          },
        }
      : {}),
    ...(head.approval
      ? { approval: { version: head.approval.version, at: head.approval.at, automatic: head.approval.automatic } }
      : {}),
    ...(head.publishedVersion !== undefined ? { publishedVersion: head.publishedVersion } : {}),
    responses,
    objectionDays: minutesSettingsOf(committee).objectionDays,
  };
}

function tallyResponses(
  responses: readonly MinutesResponseDocument[],
  roster: RosterSnapshot,
): Record<string, ItemResponses> {
  const tally: Record<string, { agreed: number; objections: Array<{ name: string; comment: string }> }> = {};
  for (const response of [...responses].sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))) {
    const entry = (tally[response.itemId] ??= { agreed: 0, objections: [] });
    if (response.answer === 'agree') entry.agreed += 1;
    else entry.objections.push({ name: nameOf(roster, response.personId), comment: response.comment ?? '' });
  }
  return tally;
}
