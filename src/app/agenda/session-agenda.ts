import { withStandardItems, type AgendaItem } from '../../domain/agenda/agenda-items';
import { agreementsReportedAt, type AgendaAgreement } from '../agreements/agenda-report';
import type { AgreementDocument } from '../agreements/agreement-document';
import type { PersonDocument, SeatDocument } from '../documents';
import type { DocumentStore, Stored, BatchOperation } from '../ports/document-store';
import { queryByType } from '../query-by-type';
import { rosterOf, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import { groupsReportingAt } from '../working-groups/working-group-document';
import { agendaDocumentId, type AgendaDocument } from './agenda-document';

/** A session's agenda as it stands: the stored draft (if any) and its items with the standard ones in place. */
export interface LoadedAgenda {
  readonly stored?: Stored<AgendaDocument>;
  readonly items: readonly AgendaItem[];
  /** The draft's revision as cards carry it; 0 before the first save. */
  readonly revision: number;
  /** The agreements the item "status of agreements" reports; the item is there when any are. */
  readonly agreements: readonly AgendaAgreement[];
}

/**
 * Reads the session's agenda and puts the standard items that apply today in place, with the
 * agreements that its "status of agreements" reports (open ones of earlier sessions, and those
 * closed since the session before): three requests at once, the agreements and the sessions
 * they are dated by in one query.
 */
export async function loadAgenda(
  store: DocumentStore,
  committeeId: string,
  session: Pick<SessionDocument, 'id' | 'startsAt'>,
): Promise<LoadedAgenda> {
  return (await readAgenda(store, committeeId, session, false)).loaded;
}

/**
 * `loadAgenda`, with the committee's seats and people read in the same query as the agreements
 * and sessions: a publication needs the roster too, and so reads it without a request of its own.
 */
export async function loadAgendaWithRoster(
  store: DocumentStore,
  committeeId: string,
  session: Pick<SessionDocument, 'id' | 'startsAt'>,
): Promise<{ readonly loaded: LoadedAgenda; readonly roster: RosterSnapshot }> {
  const { loaded, found } = await readAgenda(store, committeeId, session, true);
  return { loaded, roster: rosterOf(found.of('seat'), found.of('person')) };
}

async function readAgenda(
  store: DocumentStore,
  committeeId: string,
  session: Pick<SessionDocument, 'id' | 'startsAt'>,
  withRoster: boolean,
) {
  const [stored, groups, found] = await Promise.all([
    store.get<AgendaDocument>(committeeId, agendaDocumentId(session.id)),
    groupsReportingAt(store, committeeId, session.id),
    // No condition: each type is read whole, so none can leave another's documents out.
    queryByType<AgreementDocument | SessionDocument | SeatDocument | PersonDocument>(store, committeeId, {
      type: withRoster ? ['agreement', 'session', 'seat', 'person'] : ['agreement', 'session'],
    }),
  ]);
  const agreements = agreementsReportedAt(found.of('agreement'), found.of('session'), session);
  const items = withStandardItems(stored?.items ?? [], {
    reportingGroups: groups.map(({ id, name }) => ({ id, name })),
    hasOpenAgreements: agreements.length > 0,
  });
  const loaded: LoadedAgenda = {
    ...(stored ? { stored } : {}),
    items,
    revision: stored?.revision ?? 0,
    agreements,
  };
  return { loaded, found };
}

/**
 * The batch operation that writes the agenda over the version it was loaded at: a create the
 * first time (two first saves race for one id), a replace with the ETag after that. Either way
 * a concurrent change fails the batch instead of being overwritten.
 */
export function agendaWrite(
  committeeId: string,
  session: Pick<SessionDocument, 'id'>,
  loaded: LoadedAgenda,
  changes: Partial<Pick<AgendaDocument, 'items' | 'published' | 'recipients'>>,
  nowIso: string,
  by: string,
): BatchOperation {
  const document: AgendaDocument = {
    id: agendaDocumentId(session.id),
    committeeId,
    type: 'agenda',
    sessionId: session.id,
    items: loaded.items,
    recipients: loaded.stored?.recipients ?? [],
    ...(loaded.stored?.published ? { published: loaded.stored.published } : {}),
    ...changes,
    revision: loaded.revision + 1,
    updatedAt: nowIso,
    updatedBy: by,
  };
  return loaded.stored ? { op: 'replace', document, ifMatch: loaded.stored._etag } : { op: 'create', document };
}
