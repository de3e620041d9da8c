import { withStandardItems, type AgendaItem } from '../../domain/agenda/agenda-items';
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
}

/**
 * Agreements come from the minutes of earlier sessions; while any is not done, its status is an
 * item of the next agenda.
 */
export async function hasOpenAgreements(store: DocumentStore, committeeId: string): Promise<boolean> {
  const open = await store.query(committeeId, { type: 'agreement', where: [{ field: 'status', op: '!=', value: 'done' }], limit: 1 });
  return open.length > 0;
}

/** Reads the session's agenda and puts the standard items that apply today in place. */
export async function loadAgenda(store: DocumentStore, committeeId: string, session: Pick<SessionDocument, 'id'>): Promise<LoadedAgenda> {
  const [stored, groups, agreementsOpen] = await Promise.all([
    store.get<AgendaDocument>(committeeId, agendaDocumentId(session.id)),
    groupsReportingAt(store, committeeId, session.id),
    hasOpenAgreements(store, committeeId),
  ]);
  const items = withStandardItems(stored?.items ?? [], { reportingGroups: groups.map(({ id, name }) => ({ id, name })), hasOpenAgreements: agreementsOpen });
  return { ...(stored ? { stored } : {}), items, revision: stored?.revision ?? 0 };
}

/**
 * The batch operation that writes the agenda over the version it was loaded at: a create the
 * first time (two first saves race for one id), a replace with the ETag after that. Either way
 * a concurrent change fails the batch instead of being overwritten.
 */
export function agendaWrite(committeeId: string, session: Pick<SessionDocument, 'id'>, loaded: LoadedAgenda, changes: Partial<Pick<AgendaDocument, 'items' | 'published' | 'recipients'>>, nowIso: string, by: string): BatchOperation {
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
