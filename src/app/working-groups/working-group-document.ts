import type { Document, DocumentStore, Stored } from '../ports/document-store';

/** Whether a temporary working group still works its mandate; ended groups stay on record. */
export type WorkingGroupState = 'active' | 'ended';

/**
 * A temporary working group (temporäre AG / UAG): it works one topic between sessions and
 * reports back to the committee at a chosen session, where its report becomes an agenda item.
 * One document per group, so registering one never contends with the agenda or another group.
 */
export interface WorkingGroupDocument extends Document {
  readonly type: 'workingGroup';
  readonly name: string;
  readonly mandate: string;
  /** Who works in it, as the secretariat writes it: often people outside the committee's roster. */
  readonly members: string;
  /** Local calendar dates, `yyyy-MM-dd`. */
  readonly startsOn: string;
  readonly plannedEndOn: string;
  /** The session whose agenda carries the group's report, if one is chosen. */
  readonly reportSessionId?: string;
  readonly state: WorkingGroupState;
  readonly endedAt?: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** The groups (active or ended) that report at the session, by name. */
export async function groupsReportingAt(
  store: DocumentStore,
  committeeId: string,
  sessionId: string,
): Promise<Array<Stored<WorkingGroupDocument>>> {
  const groups = await store.query<WorkingGroupDocument>(committeeId, {
    type: 'workingGroup',
    where: [{ field: 'reportSessionId', op: '=', value: sessionId }],
  });
  return groups.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
