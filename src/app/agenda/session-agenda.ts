import { withStandardItems, type AgendaItem } from '../../domain/agenda/agenda-items';
import { agreementsReportedAt, type AgendaAgreement } from '../agreements/agenda-report';
import type { DocumentStore, Stored, BatchOperation } from '../ports/document-store';
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
 * closed since the session before).
 */
export async function loadAgenda(
  store: DocumentStore,
  committeeId: string,
  session: Pick<SessionDocument, 'id' | 'startsAt'>,
): Promise<LoadedAgenda> {
  const [stored, groups, agreements] = await Promise.all([
    store.get<AgendaDocument>(committeeId, agendaDocumentId(session.id)),
    groupsReportingAt(store, committeeId, session.id),
    agreementsReportedAt(store, committeeId, session),
  ]);
  const items = withStandardItems(stored?.items ?? [], {
    reportingGroups: groups.map(({ id, name }) => ({ id, name })),
    hasOpenAgreements: agreements.length > 0,
  });
  return { ...(stored ? { stored } : {}), items, revision: stored?.revision ?? 0, agreements };
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
