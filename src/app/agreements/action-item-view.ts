import type { StandardItem } from '../../domain/agenda/agenda-items';
import type { Role } from '../../domain/roles';
import type { PersonDocument } from '../documents';
import type { DocumentStore, Stored } from '../ports/document-store';
import { SCHEDULER } from '../agenda/publish-agenda';
import type { AgreementDocument, AgreementEvent, AgreementStatus } from './agreement-document';

/** History entries an item card shows: the latest few; the rest stays stored. */
export const HISTORY_SHOWN = 5;

/** What an action item card shows, for one reader; names resolved, nothing translated yet. */
export interface ActionItemView {
  readonly agreementId: string;
  /** The card carries it; a click on a card of an older revision changes nothing. */
  readonly revision: number;
  readonly timeZone: string;
  readonly text: string;
  readonly sessionNumber: string;
  readonly itemTitle: string;
  readonly itemStandard?: StandardItem;
  readonly institution: string;
  readonly responsibleName: string;
  /** `yyyy-MM-dd`, a calendar day in the committee's time zone. */
  readonly dueDate: string;
  readonly status: AgreementStatus;
  readonly overdue: boolean;
  readonly proposal?: { readonly dueDate: string; readonly byName: string; readonly note?: string };
  /** The latest entries, newest first. */
  readonly history: ReadonlyArray<{
    readonly at: string;
    readonly byName: string;
    readonly kind: AgreementEvent['kind'];
    readonly status?: AgreementStatus;
    readonly note?: string;
    readonly dueDate?: string;
  }>;
  /** Whether the reader may change the status and propose a due date (responsible person or secretariat). */
  readonly canChange: boolean;
  /** Whether the reader decides proposals and may reopen a done item (secretariat). */
  readonly canDecide: boolean;
}

/** Who reads the card, as the view needs it. */
export interface ActionReader {
  readonly aadObjectId: string;
  readonly roles: readonly Role[];
}

/** Names of the committee's people by Entra object id, for histories and lists. */
export type PeopleById = ReadonlyMap<
  string,
  Pick<PersonDocument, 'displayName' | 'active' | 'roles' | 'aadObjectId'> & Partial<Pick<PersonDocument, 'contact'>>
>;

/** The committee's people, by object id. */
export async function peopleById(
  store: DocumentStore,
  committeeId: string,
): Promise<Map<string, Stored<PersonDocument>>> {
  const people = await store.query<PersonDocument>(committeeId, { type: 'person' });
  return new Map(people.map((person) => [person.aadObjectId, person]));
}

/** The active secretariat: who is alerted when an item is blocked and who decides proposals. */
export function secretariatOf(people: ReadonlyMap<string, Stored<PersonDocument>>): Array<Stored<PersonDocument>> {
  return [...people.values()].filter((person) => person.active && person.roles.includes('secretariat'));
}

/** The card's data for one reader of the item. */
export function actionItemView(
  item: AgreementDocument,
  people: PeopleById,
  reader: ActionReader,
  timeZone: string,
  today: string,
): ActionItemView {
  const name = (id: string): string =>
    (id === SCHEDULER ? 'Gremium' : undefined) ??
    people.get(id)?.displayName ??
    (id === item.responsibleId ? item.responsibleName : undefined) ??
    id;
  const secretariat = reader.roles.includes('secretariat');
  return {
    agreementId: item.id,
    revision: item.revision,
    timeZone,
    text: item.text,
    sessionNumber: item.sessionNumber,
    itemTitle: item.itemTitle,
    ...(item.itemStandard ? { itemStandard: item.itemStandard } : {}),
    institution: item.institution,
    responsibleName: name(item.responsibleId),
    dueDate: item.dueDate,
    status: item.status,
    overdue: item.status !== 'done' && item.dueDate < today,
    ...(item.proposedDueDate
      ? {
          proposal: {
            dueDate: item.proposedDueDate.dueDate,
            byName: name(item.proposedDueDate.by),
            ...(item.proposedDueDate.note ? { note: item.proposedDueDate.note } : {}),
          },
        }
      : {}),
    history: item.history
      .slice(-HISTORY_SHOWN)
      .reverse()
      .map((event) => ({
        at: event.at,
        byName: name(event.by),
        kind: event.kind,
        ...(event.status ? { status: event.status } : {}),
        ...(event.note ? { note: event.note } : {}),
        ...(event.dueDate ? { dueDate: event.dueDate } : {}),
      })),
    canChange: (reader.aadObjectId === item.responsibleId || secretariat) && (item.status !== 'done' || secretariat),
    canDecide: secretariat,
  };
}
