import type { DocumentStore } from '../../../src/app/ports/document-store';
import type { WorkingGroupDocument } from '../../../src/app/working-groups/working-group-document';
import { COMMITTEE } from '../sessions/session-world';

/** The form of AG 3 as the secretariat fills it in, reporting at session 2027/2. */
export const AG3_FORM = {
  name: 'AG 3 Fachkräfteeinwanderungsgesetz',
  mandate: 'Erarbeitet Empfehlungen, wie Fachkräfte aus dem Ausland schneller in Ausbildung und Arbeit kommen.',
  members: 'Agentur für Arbeit Leipzig, Jobcenter Leipzig, IHK zu Leipzig, Ausländerbehörde',
  startsOn: '2027-01-15',
  plannedEndOn: '2027-06-30',
  reportSessionId: 'session-2027-2',
} as const;

/** Every stored working group of the test committee, by id: what a refusal must leave as it was. */
export async function storedGroups(store: DocumentStore): Promise<WorkingGroupDocument[]> {
  const groups = await store.query<WorkingGroupDocument>(COMMITTEE, { type: 'workingGroup' });
  return groups.sort((a, b) => a.id.localeCompare(b.id));
}
