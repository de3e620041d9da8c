import { localToday } from '../../domain/agreements/due-dates';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import { draftsForPeople, type OutboxDraft } from '../delivery/outbox-record';
import type { MinutesDocument } from '../minutes/minutes-document';
import type { BatchOperation } from '../ports/document-store';
import type { SessionDocument } from '../sessions/session-document';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import { actionItemMessage, unreachableMessage } from './action-item-messages';
import { actionItemView, peopleById, secretariatOf } from './action-item-view';
import { agreementDocumentId, type AgreementDocument } from './agreement-document';
import { ensureAgreementFollowUp } from './agreement-follow-up';

/** What approving minutes adds to its batch for the agreements: the action items and their first messages. */
export interface ActionItemsOnApproval {
  readonly operations: readonly BatchOperation[];
  readonly drafts: readonly OutboxDraft[];
}

/**
 * Turns every agreement of the approved minutes into an action item (a create, so approving twice
 * fails the batch instead of duplicating one), and the 1:1 card to each responsible person.
 * A responsible person who is not (or no longer) an active person of the roster cannot be
 * reached: the item is created all the same (it is listed and reported at the next session),
 * and the secretariat is told 1:1 instead, so that nobody waits for a card that never comes.
 */
export async function actionItemsOnApproval(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId'> & Partial<Pick<CommitteeDocument, 'timeZone'>>,
  session: Pick<SessionDocument, 'id' | 'number'>,
  minutes: Pick<MinutesDocument, 'items'>,
  by: string,
  nowIso: string,
): Promise<ActionItemsOnApproval> {
  const people = await peopleById(deps.store, committee.committeeId);
  const timeZone =
    committee.timeZone ??
    (await deps.store.get<CommitteeDocument>(committee.committeeId, COMMITTEE_DOCUMENT_ID))?.timeZone ??
    'Europe/Berlin';
  const today = localToday(deps.clock.now(), timeZone);
  const operations: BatchOperation[] = [];
  const drafts: OutboxDraft[] = [];
  for (const item of minutes.items) {
    for (const agreement of item.agreements) {
      const responsible = people.get(agreement.responsibleId);
      const document: AgreementDocument = {
        id: agreementDocumentId(session.id, agreement.id),
        committeeId: committee.committeeId,
        type: 'agreement',
        sessionId: session.id,
        sessionNumber: session.number,
        draftId: agreement.id,
        itemTitle: item.title,
        ...(item.standard ? { itemStandard: item.standard } : {}),
        text: agreement.text,
        institution: agreement.institution,
        responsibleId: agreement.responsibleId,
        ...(responsible ? { responsibleName: responsible.displayName } : {}),
        dueDate: agreement.dueDate,
        status: 'open',
        revision: 1,
        history: [{ at: nowIso, by, kind: 'created', status: 'open', dueDate: agreement.dueDate }],
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      operations.push({ op: 'create', document });
      const dispatchKey = `action-created:${document.id}`;
      if (responsible?.active) {
        drafts.push(
          ...draftsForPeople(
            dispatchKey,
            [responsible],
            actionItemMessage('created', actionItemView(document, people, responsible, timeZone, today)),
          ),
        );
      } else {
        drafts.push(
          ...draftsForPeople(
            dispatchKey,
            secretariatOf(people),
            unreachableMessage(
              actionItemView(document, people, { aadObjectId: '', roles: ['secretariat'] }, timeZone, today),
            ),
          ),
        );
      }
    }
  }
  return { operations, drafts };
}

/**
 * Makes sure the committee's action items are followed up (reminders, escalation) once approved
 * minutes have created some. Called after the approval's batch; safe to call again.
 */
export async function followUpActionItems(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'committeeId' | 'timeZone'>,
): Promise<void> {
  await ensureAgreementFollowUp(deps, committee);
}
