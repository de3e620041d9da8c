import { agendaChanges, sameAgenda, totalMinutes } from '../../domain/agenda/agenda-items';
import { nowUtcIso } from '../../domain/clock';
import { reasonsBeforePublishingAgenda } from '../../domain/confirmation/before-agenda-publication';
import { askFirst, type AskFirst, type GoAhead } from '../../domain/confirmation/go-ahead';
import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { invitationsAreOut, isBeforeHeld } from '../../domain/sessions/session-state';
import { wrongState, type WrongState } from '../../domain/sessions/wrong-state';
import type { AppDependencies } from '../dependencies';
import { draftsForPeople, enqueueOperation, personIdsOf, type OutboxDraft } from '../delivery/outbox-record';
import type { CommitteeDocument } from '../documents';
import type { Actor } from '../identify-actor';
import { withoutEtag, type BatchOperation, type Stored } from '../ports/document-store';
import { savedUnlessChanged } from '../saved-unless-changed';
import { answersOf, draftsForInvitees } from '../sessions/invitation-drafts';
import { ensureOutlookAnswerJob } from '../meetings/outlook-answer-jobs';
import { invitationOperations, type InviteRefusal } from '../sessions/invite-to-session';
import type { SessionDocument } from '../sessions/session-document';
import { agendaAgreementReport, type AgendaAgreementReport } from '../agreements/agenda-report';
import type { PublishedAgenda } from './agenda-document';
import { agendaWrite, loadAgendaWithRoster } from './session-agenda';

/** The outbox message kind of a published agenda sent on its own (to the working group, or to someone no longer invited). */
export const AGENDA_MESSAGE_KIND = 'agenda';

/** What the published agenda card shows. */
export interface AgendaMessage {
  readonly committeeName: string;
  readonly timeZone: string;
  readonly sessionNumber: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place?: string;
  readonly onlineLink?: string;
  readonly agenda: PublishedAgenda;
  /** The agreements its "status of agreements" reports, as they stood at publication. */
  readonly agreements?: AgendaAgreementReport;
}

/** Who `by` is when the scheduler publishes at the agenda lead time. */
export const SCHEDULER = 'scheduler';

export type PublishRefusal =
  | WrongState
  /** Nothing changed since the version everyone has. */
  | { readonly kind: 'unchanged'; readonly version: number }
  /** A person is asked first (see `reasonsBeforePublishingAgenda`); nothing was sent. */
  | AskFirst
  | Exclude<InviteRefusal, { kind: 'alreadyInvited' }>;

/** What a publication sent, as the secretariat is told it. */
export interface PublicationSummary {
  readonly version: number;
  /** Agenda items of the version. */
  readonly items: number;
  /** People told 1:1 (invitations and agenda cards). */
  readonly people: number;
  readonly toWorkingGroupConversation: boolean;
}

export interface Published extends Omit<PublicationSummary, 'items'> {
  readonly session: Stored<SessionDocument>;
}

/**
 * Publishes the session's agenda as a new version, in one batch with everything it sends:
 * members get it with their invitation (the session is invited now if it was not yet, or every
 * invitee gets the invitation again showing the agenda), the working group gets it in its
 * conversation (or 1:1 when none is set up), and anyone who had an earlier version and is no
 * longer invited gets the new one too. A later version marks what changed. A person who has not
 * confirmed is asked first (`goAhead`) when the agenda runs over the session, topics may still
 * come, the lead time has passed, or the invitations it sends would lack details; what is
 * already published or not possible is answered before any question. The scheduler publishes at
 * the lead time without asking.
 * `alongside` adds writes that belong to the publication (the scheduler's notice of what went
 * out) to the same batch, so they happen exactly when it does.
 */
export async function publishAgenda(
  deps: AppDependencies,
  committee: Stored<CommitteeDocument>,
  session: Stored<SessionDocument>,
  by: string,
  goAhead: GoAhead,
  alongside: (summary: PublicationSummary) => readonly BatchOperation[] = () => [],
): Promise<Result<Published, PublishRefusal>> {
  if (!isBeforeHeld(session.state)) return fail(wrongState(session, 'agenda'));
  // The roster comes with the agenda's reads, in the query of its agreements: both branches
  // below need it, and the people for the working group and former recipients are in it.
  const { loaded, roster } = await loadAgendaWithRoster(deps.store, committee.committeeId, session);
  const previous = loaded.stored?.published;
  if (previous && sameAgenda(previous.items, loaded.items))
    return fail({ kind: 'unchanged', version: previous.version });
  const nowIso = nowUtcIso(deps.clock);

  const changes = previous ? agendaChanges(previous.items, loaded.items) : undefined;
  const version = (previous?.version ?? 0) + 1;
  const agenda: PublishedAgenda = {
    version,
    publishedAt: nowIso,
    items: loaded.items.map((item) => ({
      ...item,
      ...(changes?.marks.get(item.id) ? { change: changes.marks.get(item.id)! } : {}),
    })),
    removed: changes?.removed ?? [],
  };
  const withAgenda: SessionDocument = { ...withoutEtag(session), agenda, updatedAt: nowIso, updatedBy: by };
  const dispatchId = `agenda:${session.id}:v${version}`;

  const operations: BatchOperation[] = [];
  let invitees: readonly string[];
  if (invitationsAreOut(session.state)) {
    const answers = await answersOf(deps.store, committee.committeeId, session.id);
    const drafts = draftsForInvitees(
      committee,
      withAgenda,
      roster,
      answers,
      nowIso,
      previous ? 'agendaChanged' : 'agendaPublished',
      (personId) => `${dispatchId}:${personId}`,
    );
    operations.push(
      { op: 'replace', document: withAgenda, ifMatch: session._etag },
      enqueueOperation(committee.committeeId, `${dispatchId}:invitees`, drafts, nowIso, {
        kind: 'agendaInvitation',
        audience: 'invitees',
        sessionNumber: session.number,
      }),
    );
    invitees = personIdsOf(drafts);
  } else {
    const invitation = await invitationOperations(deps, committee, session, withAgenda, by, nowIso, roster);
    if (!invitation.ok)
      return invitation.error.kind === 'alreadyInvited' ? fail({ kind: 'outdated' }) : fail(invitation.error);
    operations.push(...invitation.value.operations);
    invitees = invitation.value.invitees;
  }

  const message = {
    kind: AGENDA_MESSAGE_KIND,
    data: {
      ...agendaMessage(committee, withAgenda, agenda),
      ...(loaded.agreements.length > 0 ? { agreements: agendaAgreementReport(loaded.agreements) } : {}),
    },
  };
  const people = [...roster.people.values()];
  const invited = new Set(invitees);
  const formerRecipients = people.filter(
    (person) => loaded.stored?.recipients.includes(person.aadObjectId) && !invited.has(person.aadObjectId),
  );
  const workingGroupPeople = committee.workingGroupConversationId
    ? []
    : people.filter(
        (person) =>
          person.active &&
          person.roles.includes('workingGroup') &&
          !invited.has(person.aadObjectId) &&
          !formerRecipients.includes(person),
      );
  const drafts: OutboxDraft[] = [
    ...(committee.workingGroupConversationId
      ? [
          {
            key: `${dispatchId}:conversation`,
            recipient: { kind: 'conversation' as const, conversationDocumentId: committee.workingGroupConversationId },
            recipientLabel: 'working group',
            message,
          },
        ]
      : []),
    ...draftsForPeople(dispatchId, [...formerRecipients, ...workingGroupPeople], message),
  ];
  const recipients = [
    ...new Set([
      ...(loaded.stored?.recipients ?? []),
      ...invitees,
      ...workingGroupPeople.map((person) => person.aadObjectId),
    ]),
  ];
  const summary: PublicationSummary = {
    version,
    items: agenda.items.length,
    people: invitees.length + formerRecipients.length + workingGroupPeople.length,
    toWorkingGroupConversation: Boolean(committee.workingGroupConversationId),
  };
  operations.push(
    agendaWrite(committee.committeeId, session, loaded, { published: agenda, recipients }, nowIso, by),
    enqueueOperation(committee.committeeId, dispatchId, drafts, nowIso, {
      kind: 'agenda',
      audience: 'recipients',
      sessionNumber: session.number,
    }),
    ...alongside(summary),
  );

  const question = askFirst(
    reasonsBeforePublishingAgenda(
      {
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        agendaMinutes: totalMinutes(loaded.items),
        leadTimes: committee.leadTimes,
        timeZone: committee.timeZone,
        ...(invitationsAreOut(session.state) ? {} : { inviting: session }),
      },
      nowIso,
    ),
    { revision: session.revision, agendaRevision: loaded.revision },
    goAhead,
  );
  if (question) return fail(question);

  // A lost race is outdated even when someone invited meanwhile: this publication sent nothing.
  const saved = await savedUnlessChanged(() => deps.store.batch(committee.committeeId, operations));
  if (!saved.ok) return saved;
  await ensureOutlookAnswerJob(deps, committee.committeeId);
  const { items: _items, ...published } = summary;
  return ok({ session: saved.value[0] as Stored<SessionDocument>, ...published });
}

/** The secretariat's publication, by command or from the agenda card; it asks first where it must. */
export async function publishAgendaAsSecretariat(
  deps: AppDependencies,
  actor: Actor,
  session: Stored<SessionDocument>,
  goAhead: GoAhead,
): Promise<Result<Published, PublishRefusal | { readonly kind: 'notAllowed' | 'noCommittee' }>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('publishAgenda', actor)) return fail({ kind: 'notAllowed' });
  return publishAgenda(deps, actor.committee, session, actor.identity.aadObjectId, goAhead);
}

function agendaMessage(
  committee: Pick<CommitteeDocument, 'name' | 'timeZone'>,
  session: SessionDocument,
  agenda: PublishedAgenda,
): AgendaMessage {
  return {
    committeeName: committee.name,
    timeZone: committee.timeZone,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    ...(session.place ? { place: session.place } : {}),
    ...(session.onlineLink ? { onlineLink: session.onlineLink } : {}),
    agenda,
  };
}
