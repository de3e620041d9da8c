import type { Invitation } from '../../domain/sessions/invitation';
import { latestOf } from '../../domain/sessions/invitation';
import { deputyToInvite, type RsvpAnswer } from '../../domain/sessions/rsvp';
import type { AppDependencies } from '../dependencies';
import { enqueueOperation } from '../delivery/outbox-record';
import { meetingSyncOperations } from '../meetings/meeting-sync-dispatch';
import type { CommitteeDocument } from '../documents';
import type { BatchOperation } from '../ports/document-store';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { invitationDraft } from './invitation-drafts';
import { invitationView } from './invitation-view';
import { rsvpDocumentId, type RsvpDocument } from './rsvp-document';
import type { RosterSnapshot } from './roster-snapshot';
import type { SessionDocument } from './session-document';

/**
 * How the answer is written over the person's document: unconditionally (a click in Teams is the
 * person's latest word), or only if the document is still as read (`etag`, or `absent` when there
 * was none), so that an answer read from Outlook never overwrites a click that came meanwhile.
 */
export type AnswerWrite = { readonly kind: 'always' } | { readonly kind: 'ifUnchanged'; readonly etag?: string };

/**
 * Stores the answer in the one document of that person and session and, when the deputy rule
 * calls the seat's deputy in (the member declined or sent the deputy), queues the deputy's
 * invitation in the same batch, once: a deputy invited before is not invited again. Used for
 * clicks on the card and for answers read from Outlook alike, so a decline counts the same
 * wherever it was given. Answers false when a guarded write found the document changed.
 */
export async function saveAnswer(
  deps: AppDependencies,
  committee: Pick<CommitteeDocument, 'name' | 'timeZone' | 'committeeId'>,
  session: SessionDocument,
  invitation: Invitation,
  roster: RosterSnapshot,
  answers: readonly RsvpAnswer[],
  answer: RsvpAnswer,
  nowIso: string,
  write: AnswerWrite = { kind: 'always' },
): Promise<boolean> {
  const document: RsvpDocument = {
    ...answer,
    id: rsvpDocumentId(session.id, answer.personId),
    committeeId: committee.committeeId,
    type: 'rsvp',
    sessionId: session.id,
  };
  const answerOperation: BatchOperation =
    write.kind === 'always'
      ? { op: 'upsert', document }
      : write.etag
        ? { op: 'replace', document, ifMatch: write.etag }
        : { op: 'create', document };
  const writeAlone = () =>
    answerOperation.op === 'replace'
      ? deps.store.replace(document, answerOperation.ifMatch)
      : answerOperation.op === 'create'
        ? deps.store.create(document)
        : deps.store.upsert(document);
  const deputyId = deputyToInvite(invitation.seat, answer);
  try {
    if (!deputyId) {
      await writeAlone();
      return true;
    }
    const afterAnswer = [...answers.filter((other) => other.personId !== answer.personId), answer];
    const deputyView = invitationView(
      committee,
      session,
      { seat: invitation.seat, as: 'deputy' },
      deputyId,
      roster,
      latestOf(afterAnswer, invitation.seat.id, deputyId),
      nowIso,
      'deputyInvited',
    );
    const key = `invite:${session.id}:${deputyId}`;
    try {
      await deps.store.batch(committee.committeeId, [
        answerOperation,
        enqueueOperation(committee.committeeId, key, [invitationDraft(key, deputyId, roster, deputyView)], nowIso, {
          kind: 'deputyInvitation',
          audience: 'recipients',
          sessionNumber: session.number,
        }),
        // With an organiser mailbox, the deputy becomes an attendee of the Outlook event too.
        ...meetingSyncOperations(deps, session, nowIso, `deputy:${deputyId}`),
      ]);
    } catch (error) {
      // The deputy was invited before (the member declined earlier): only the answer is new.
      if (!(error instanceof ConflictError)) throw error;
      await writeAlone();
    }
    return true;
  } catch (error) {
    if (write.kind === 'ifUnchanged' && (error instanceof ConflictError || error instanceof ConcurrencyError))
      return false;
    throw error;
  }
}
