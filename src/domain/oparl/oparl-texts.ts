import type { StandardItem } from '../agenda/agenda-items';
import type { SeatRole } from './oparl-paths';

/** An agreement as the public record states it: what, which institution, by when; never who. */
export interface PublicAgreement {
  readonly text: string;
  readonly institution: string;
  /** `yyyy-MM-dd` in the committee's time zone. */
  readonly dueDate: string;
}

/** What a session's public invitation says: when, where, and the agenda's titles. */
export interface PublicInvitation {
  readonly committeeName: string;
  readonly sessionNumber: string;
  readonly extra: boolean;
  /** UTC instants. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly place?: string;
  /** The published agenda's version and when it was published (UTC). */
  readonly version: number;
  readonly publishedAt: string;
  /** Item titles in order, standard items already in words. */
  readonly items: readonly string[];
}

/**
 * The words of the public record, in the language the interface publishes in (the server's
 * default language). The mapping is pure and language-free; these come from the locale files.
 */
export interface OparlTexts {
  /** "KOG – Sitzung 2027/1", "KOG – Sondersitzung 2027/S1". */
  meetingName(shortName: string, sessionNumber: string, extra: boolean): string;
  standardItemTitle(standard: StandardItem): string;
  /** "Mitglied", "Stellvertretung". */
  membershipRole(role: SeatRole): string;
  /** The classification of a temporary working group: "Arbeitsgruppe". */
  workingGroupClassification(): string;
  /** "Einladung zur Sitzung 2027/1". */
  invitationName(sessionNumber: string): string;
  /** "Ergebnisse und Vereinbarungen der Sitzung 2027/1". */
  resultsName(sessionNumber: string): string;
  /** One agreement as a line of an agenda item's resolution text. */
  agreementLine(agreement: PublicAgreement): string;
  /** The invitation as plain text: the public file of a published agenda. */
  invitationText(invitation: PublicInvitation): string;
  /** A body's name when the operator has not configured one: after its published committees. */
  bodyName(committees: ReadonlyArray<{ readonly name: string; readonly shortName: string }>): string;
}
