import { DateTime } from 'luxon';
import type { ItemOrigin, StandardItem } from '../agenda/agenda-items';
import { nameFinder } from '../name-finder';
import type { SessionState } from '../sessions/session-state';
import {
  agendaItemPath,
  bodyPath,
  committeeMeetingsPath,
  committeePath,
  filePath,
  institutionPath,
  locationPath,
  meetingPath,
  membershipPath,
  workingGroupPath,
  type OparlKind,
  type SessionFile,
} from './oparl-paths';
import type { OparlTexts, PublicAgreement } from './oparl-texts';
import { meetingStateOf, ORGANIZATION_TYPES } from './oparl-vocabulary';

/**
 * The public record of one committee: what its OParl objects say, computed from what the
 * committee has decided to make known, and from nothing else. This is the one place that decides
 * what may be public; the interface serves what comes out of it and nothing besides.
 *
 * Public: the committee's name; the institutions holding seats (never the people in them: see
 * the data-protection note in the README); the temporary working groups' names and terms (never
 * their members or mandate); each session's number, time, place and state (never the online
 * meeting link, the chair or the RSVPs); the agenda as last published (titles only, never the
 * presenters, the draft or topic submissions not taken up); and once the minutes are approved,
 * per item its result and agreements (what, which institution, by when; never the responsible
 * person, the discussion, the participants or objections), from the version last sent out, never
 * from a later draft. Names of the committee's people are taken out of every free text.
 */

/** What is public of the committee itself. */
export interface PublicCommitteeFacts {
  readonly committeeId: string;
  readonly name: string;
  readonly shortName: string;
  readonly timeZone: string;
}

/** What the mapping reads of a session; a stored session document has all of it. */
export interface PublicSessionFacts {
  readonly id: string;
  readonly number: string;
  readonly extra: boolean;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place?: string;
  readonly state: SessionState;
  /** The agenda as last published; absent before the first version went out. */
  readonly agenda?: {
    readonly version: number;
    readonly publishedAt: string;
    readonly items: ReadonlyArray<{ readonly id: string; readonly title: string; readonly origin: ItemOrigin }>;
  };
}

/** The approved minutes of a session, in the version last sent out. */
export interface ApprovedMinutesFacts {
  readonly sessionId: string;
  readonly version: number;
  /** UTC instant of the approval. */
  readonly approvedAt: string;
  readonly items: ReadonlyArray<{
    readonly itemId: string;
    readonly title: string;
    readonly standard?: StandardItem;
    readonly result: string;
    readonly agreements: readonly PublicAgreement[];
  }>;
}

/** What the mapping reads of a temporary working group. */
export interface WorkingGroupFacts {
  readonly id: string;
  readonly name: string;
  /** Local calendar dates, `yyyy-MM-dd`. */
  readonly startsOn: string;
  readonly plannedEndOn: string;
  readonly state: 'active' | 'ended';
  readonly endedAt?: string;
}

/** What the mapping reads of a seat: the institution, and whether it has a deputy's place. */
export interface SeatFacts {
  readonly id: string;
  readonly institution: string;
  readonly deputyId?: string;
}

export interface PublicationInput {
  /** The interface's absolute address, `<publicBaseUrl>/oparl/v1`, without a trailing slash. */
  readonly base: string;
  readonly bodyKey: string;
  readonly committee: PublicCommitteeFacts;
  readonly sessions: readonly PublicSessionFacts[];
  /** By session id, only sessions whose minutes are approved. */
  readonly approvedMinutes: ReadonlyMap<string, ApprovedMinutesFacts>;
  readonly workingGroups: readonly WorkingGroupFacts[];
  readonly seats: readonly SeatFacts[];
  /** Names of the committee's people, taken out of every public text. */
  readonly names: readonly string[];
}

/** What a public file holds: a text made here, or the public extract of a session's approved minutes. */
export type PublicFileContent =
  | { readonly kind: 'text'; readonly mimeType: 'text/plain'; readonly text: string }
  | { readonly kind: 'results'; readonly sessionId: string };

/**
 * One public object before the interface gives it its times: where it lives, its properties as
 * served on its own (without `id`, `type`, `created`, `modified`), and which properties embed
 * other objects of the record (by their paths), which are complete objects with times of their
 * own. Objects come in an order in which everything embedded comes before what embeds it.
 */
export interface PublicDraft {
  readonly kind: OparlKind;
  readonly path: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly embeds?: Readonly<Record<string, string | readonly string[]>>;
  readonly content?: PublicFileContent;
}

/** What replaces a person's name in a public text (German, like the record's texts). */
export const NAME_WITHHELD = '[Name entfernt]';

/**
 * Properties that refer back to the object an object is embedded in: output only when it is
 * fetched on its own (OParl 1.1, File.meeting, Location.meetings, AgendaItem.meeting).
 */
export const BACK_REFERENCES: readonly string[] = ['meeting', 'meetings'];

/** The object as embedded: without the back references to what embeds it. */
export function embeddedForm(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !BACK_REFERENCES.includes(key)));
}

/**
 * A free text as it may be public: every mention of one of the names replaced (see
 * `nameFinder`: whole names, "Frau Hoffmann", "S. Hoffmann", …), and trimmed.
 */
export function publicTextFor(names: readonly string[]): (text: string) => string {
  const finder = nameFinder(names);
  return (text) => (finder ? finder.replaceIn(text, NAME_WITHHELD) : text).trim();
}

/** Every public object of the committee, embedded ones before those that embed them. */
export function publicRecord(input: PublicationInput, texts: OparlTexts): PublicDraft[] {
  const { base, committee } = input;
  const url = (path: string) => `${base}/${path}`;
  const scrub = publicTextFor(input.names);
  const committeeId = committee.committeeId;
  const committeeUrl = url(committeePath(committeeId));
  const bodyUrl = url(bodyPath(input.bodyKey));
  const drafts: PublicDraft[] = [];

  const seats = [...input.seats].sort((a, b) => a.id.localeCompare(b.id));
  const memberships: string[] = [];
  for (const seat of seats) {
    const institution = url(institutionPath(committeeId, seat.id));
    drafts.push({
      kind: 'organization',
      path: institutionPath(committeeId, seat.id),
      fields: { body: bodyUrl, name: scrub(seat.institution), organizationType: ORGANIZATION_TYPES.institution },
    });
    for (const role of seat.deputyId ? (['member', 'deputy'] as const) : (['member'] as const)) {
      const path = membershipPath(committeeId, seat.id, role);
      memberships.push(url(path));
      drafts.push({
        kind: 'membership',
        path,
        fields: { organization: committeeUrl, onBehalfOf: institution, role: texts.membershipRole(role) },
      });
    }
  }

  for (const group of [...input.workingGroups].sort((a, b) => a.id.localeCompare(b.id))) {
    const endedOn = group.state === 'ended' && group.endedAt ? localDate(group.endedAt, committee.timeZone) : undefined;
    drafts.push({
      kind: 'organization',
      path: workingGroupPath(committeeId, group.id),
      fields: {
        body: bodyUrl,
        name: scrub(group.name),
        organizationType: ORGANIZATION_TYPES.committee,
        classification: texts.workingGroupClassification(),
        subOrganizationOf: committeeUrl,
        startDate: group.startsOn,
        endDate: endedOn ?? group.plannedEndOn,
      },
    });
  }

  drafts.push({
    kind: 'organization',
    path: committeePath(committeeId),
    fields: {
      body: bodyUrl,
      name: committee.name,
      shortName: committee.shortName,
      organizationType: ORGANIZATION_TYPES.committee,
      membership: memberships,
      meeting: url(committeeMeetingsPath(committeeId)),
    },
  });

  const sessions = [...input.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const session of sessions) drafts.push(...sessionRecord(input, session, texts, scrub, url, committeeUrl));
  return drafts;
}

/** A session's meeting, with the location, files and agenda items it embeds before it. */
function sessionRecord(
  input: PublicationInput,
  session: PublicSessionFacts,
  texts: OparlTexts,
  scrub: (text: string) => string,
  url: (path: string) => string,
  committeeUrl: string,
): PublicDraft[] {
  const { committee } = input;
  const committeeId = committee.committeeId;
  const meetingUrl = url(meetingPath(committeeId, session.id));
  const drafts: PublicDraft[] = [];
  const embeds: Record<string, string | string[]> = {};
  const place = session.place ? scrub(session.place) : '';
  if (place) {
    const path = locationPath(committeeId, session.id);
    drafts.push({ kind: 'location', path, fields: { description: place, meetings: [meetingUrl] } });
    embeds.location = path;
  }

  const titleOf = (title: string, standard: StandardItem | undefined) =>
    standard ? texts.standardItemTitle(standard) : scrub(title);
  const fileName = (what: string, extension: string) =>
    `${[what, safeName(committee.shortName), safeName(session.number)].filter(Boolean).join('-')}.${extension}`;
  const file = (which: SessionFile, fields: Record<string, unknown>, content: PublicFileContent): PublicDraft => {
    const path = filePath(committeeId, session.id, which);
    return {
      kind: 'file',
      path,
      fields: {
        ...fields,
        accessUrl: url(`${path}/access`),
        downloadUrl: url(`${path}/download`),
        meeting: [meetingUrl],
      },
      content,
    };
  };

  const agenda = session.agenda;
  const agendaTitles = (agenda?.items ?? []).map((item) =>
    titleOf(item.title, item.origin.type === 'standard' ? item.origin.standard : undefined),
  );
  if (agenda) {
    const text = texts.invitationText({
      committeeName: committee.name,
      sessionNumber: session.number,
      extra: session.extra,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: committee.timeZone,
      ...(place ? { place } : {}),
      version: agenda.version,
      publishedAt: agenda.publishedAt,
      items: agendaTitles,
    });
    const invitation = file(
      'invitation',
      {
        name: texts.invitationName(session.number),
        fileName: fileName('Einladung', 'txt'),
        mimeType: 'text/plain',
        date: localDate(agenda.publishedAt, committee.timeZone),
      },
      { kind: 'text', mimeType: 'text/plain', text },
    );
    drafts.push(invitation);
    embeds.invitation = invitation.path;
  }

  const minutes = input.approvedMinutes.get(session.id);
  if (minutes) {
    const results = file(
      'results',
      {
        name: texts.resultsName(session.number),
        fileName: fileName('Protokoll-Auszug', 'pdf'),
        mimeType: 'application/pdf',
        date: localDate(minutes.approvedAt, committee.timeZone),
      },
      { kind: 'results', sessionId: session.id },
    );
    drafts.push(results);
    embeds.resultsProtocol = results.path;
  }

  const items: Array<{ id: string; name: string; result?: string; resolutionText?: string }> = minutes
    ? minutes.items.map((item) => {
        const result = scrub(item.result);
        const agreements = item.agreements.map((agreement) =>
          texts.agreementLine({
            text: scrub(agreement.text),
            institution: scrub(agreement.institution),
            dueDate: agreement.dueDate,
          }),
        );
        return {
          id: item.itemId,
          name: titleOf(item.title, item.standard),
          ...(result ? { result } : {}),
          ...(agreements.length > 0 ? { resolutionText: agreements.join('\n') } : {}),
        };
      })
    : (agenda?.items ?? []).map((item, index) => ({ id: item.id, name: agendaTitles[index]! }));
  const itemPaths = items.map((item, index) => {
    const path = agendaItemPath(committeeId, session.id, item.id);
    drafts.push({
      kind: 'agendaItem',
      path,
      fields: {
        meeting: meetingUrl,
        number: String(index + 1),
        order: index,
        name: item.name,
        // The committee meets in closed session; what is published is its record afterwards.
        public: false,
        ...(item.result ? { result: item.result } : {}),
        ...(item.resolutionText ? { resolutionText: item.resolutionText } : {}),
      },
    });
    return path;
  });
  if (itemPaths.length > 0) embeds.agendaItem = itemPaths;

  drafts.push({
    kind: 'meeting',
    path: meetingPath(committeeId, session.id),
    fields: {
      name: texts.meetingName(committee.shortName, session.number, session.extra),
      meetingState: meetingStateOf(session.state, Boolean(agenda)),
      cancelled: session.state === 'cancelled',
      start: localDateTime(session.startsAt, committee.timeZone),
      end: localDateTime(session.endsAt, committee.timeZone),
      organization: [committeeUrl],
    },
    embeds,
  });
  return drafts;
}

/** A UTC instant as the committee's calendar day, `yyyy-MM-dd`. */
function localDate(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toISODate()!;
}

/** A UTC instant with the committee's offset, as council information systems show times. */
function localDateTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toISO({ suppressMilliseconds: true })!;
}

/** Only characters every file system keeps as they are, as in the minutes' own file names. */
function safeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^0-9A-Za-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
