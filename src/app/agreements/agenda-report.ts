import { reportedAtSession } from '../../domain/agreements/agenda-agreements';
import { isCancelled } from '../../domain/sessions/session-state';
import { bySessionOrder } from '../sessions/find-session';
import type { SessionDocument } from '../sessions/session-document';
import type { AgreementDocument, AgreementStatus } from './agreement-document';

/** An agreement as the agenda's "status of agreements" shows it. */
export interface AgendaAgreement {
  readonly agreementId: string;
  readonly text: string;
  readonly institution: string;
  readonly dueDate: string;
  readonly status: AgreementStatus;
  /** The session whose minutes made it. */
  readonly sessionNumber: string;
}

/**
 * The agreements a session's agenda reports (see domain/agreements/agenda-agreements): made at
 * earlier sessions, still open or done since the start of the session before this one (the last
 * one not cancelled). Open ones first, by due date; done ones after them. Computed from the
 * committee's agreements and sessions as read (in any order), which the agenda reads in the
 * same query as the rest it needs (see `loadAgenda`).
 */
export function agreementsReportedAt(
  agreements: readonly AgreementDocument[],
  sessions: readonly SessionDocument[],
  session: Pick<SessionDocument, 'id' | 'startsAt'>,
): AgendaAgreement[] {
  if (agreements.length === 0) return [];
  const inOrder = [...sessions].sort(bySessionOrder);
  const startOf = new Map(inOrder.map((candidate) => [candidate.id, candidate.startsAt]));
  const previous = inOrder
    .filter(
      (candidate) =>
        !isCancelled(candidate.state) && candidate.id !== session.id && candidate.startsAt < session.startsAt,
    )
    .at(-1);
  return agreements
    .filter((agreement) =>
      reportedAtSession(
        {
          madeAt: startOf.get(agreement.sessionId) ?? agreement.createdAt,
          status: agreement.status,
          ...(agreement.doneAt ? { doneAt: agreement.doneAt } : {}),
        },
        session,
        previous?.startsAt,
      ),
    )
    .sort(
      (a, b) =>
        Number(a.status === 'done') - Number(b.status === 'done') ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.id.localeCompare(b.id),
    )
    .map((agreement) => ({
      agreementId: agreement.id,
      text: agreement.text,
      institution: agreement.institution,
      dueDate: agreement.dueDate,
      status: agreement.status,
      sessionNumber: agreement.sessionNumber,
    }));
}

/** Agreements an agenda card lists under the item; the rest are counted, and `aufgaben alle` shows them. */
export const AGENDA_AGREEMENTS_SHOWN = 10;
/**
 * Characters of an agreement's text and institution an agenda shows: the agenda of the most and
 * longest items must still fit into one Teams card with the agreements under it.
 */
export const AGENDA_AGREEMENT_TEXT = 100;
export const AGENDA_AGREEMENT_INSTITUTION = 60;

/** What an agenda card shows of the reported agreements: the first ones, shortened, and how many there are. */
export interface AgendaAgreementReport {
  readonly shown: readonly AgendaAgreement[];
  readonly total: number;
}

/** The reported agreements cut to what a card (and a dispatch that carries it) can hold. */
export function agendaAgreementReport(agreements: readonly AgendaAgreement[]): AgendaAgreementReport {
  return {
    shown: agreements.slice(0, AGENDA_AGREEMENTS_SHOWN).map((agreement) => ({
      ...agreement,
      text: cut(agreement.text, AGENDA_AGREEMENT_TEXT),
      institution: cut(agreement.institution, AGENDA_AGREEMENT_INSTITUTION),
    })),
    total: agreements.length,
  };
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
