import type { MinutesItem } from '../../domain/minutes/minutes-content';
import { publicTextFor, type ApprovedMinutesFacts, type PublicationInput } from '../../domain/oparl/public-record';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../documents';
import {
  minutesVersionDocumentId,
  type MinutesDocument,
  type MinutesVersionDocument,
} from '../minutes/minutes-document';
import type { MinutesPrint } from '../minutes/minutes-print';
import type { DocumentStore } from '../ports/document-store';
import type { SessionDocument } from '../sessions/session-document';
import type { WorkingGroupDocument } from '../working-groups/working-group-document';

/** What responsible persons are replaced by in the public extract: nobody is named there. */
export const NOBODY_NAMED = '–';

/** The approved minutes of a session as last sent out, with what the public extract needs besides. */
interface PublishedMinutes {
  readonly session: SessionDocument;
  readonly version: number;
  readonly items: readonly MinutesItem[];
  readonly savedAt: string;
  readonly approvedAt: string;
  readonly correction: boolean;
}

/** Everything the public record of a committee is computed from, read from its partition. */
export interface CommitteeSources {
  readonly input: PublicationInput;
  /** The public extract of each session's approved minutes, by session id. */
  readonly prints: ReadonlyMap<string, MinutesPrint>;
}

/**
 * Reads what the committee's public record is made of, in a handful of queries inside its
 * partition: sessions, approved minutes (in the version last sent out, never a later draft),
 * temporary working groups, seats, and the names of its people, which are kept out of every
 * public text. Nothing else is read, so nothing else can be published.
 */
export async function committeeSources(
  store: DocumentStore,
  committee: CommitteeDocument,
  base: string,
  bodyKey: string,
): Promise<CommitteeSources> {
  const committeeId = committee.committeeId;
  const [sessions, approved, groups, seats, people] = await Promise.all([
    store.query<SessionDocument>(committeeId, { type: 'session' }),
    store.query<MinutesDocument>(committeeId, {
      type: 'minutes',
      where: [{ field: 'status', op: '=', value: 'approved' }],
    }),
    store.query<WorkingGroupDocument>(committeeId, { type: 'workingGroup' }),
    store.query<SeatDocument>(committeeId, { type: 'seat' }),
    store.query<PersonDocument>(committeeId, { type: 'person' }),
  ]);
  const sessionsById = new Map(sessions.map((session) => [session.id, session]));
  const published = (
    await Promise.all(approved.map((minutes) => publishedMinutes(store, minutes, sessionsById.get(minutes.sessionId))))
  ).filter((minutes): minutes is PublishedMinutes => minutes !== undefined);

  const names = [
    ...people.map((person) => person.displayName),
    ...approved.flatMap((minutes) => minutes.participants.map((participant) => participant.name)),
  ].filter((name) => name.trim().length > 0);
  const publicText = publicTextFor(names);

  const approvedMinutes = new Map<string, ApprovedMinutesFacts>(
    published.map((minutes) => [
      minutes.session.id,
      {
        sessionId: minutes.session.id,
        version: minutes.version,
        approvedAt: minutes.approvedAt,
        items: minutes.items,
      },
    ]),
  );
  const prints = new Map(
    published.map((minutes) => [minutes.session.id, publicPrint(committee, minutes, publicText)] as const),
  );
  return {
    input: {
      base,
      bodyKey,
      committee: {
        committeeId,
        name: committee.name,
        shortName: committee.shortName,
        timeZone: committee.timeZone,
      },
      sessions,
      approvedMinutes,
      workingGroups: groups,
      seats,
      names,
    },
    prints,
  };
}

/**
 * The version of approved minutes last sent out: the head when it is that version, else its
 * saved version document. Undefined when the minutes are not approved, the session is gone, or
 * the version cannot be read (then nothing of them is published rather than a wrong version).
 */
async function publishedMinutes(
  store: DocumentStore,
  minutes: MinutesDocument,
  session: SessionDocument | undefined,
): Promise<PublishedMinutes | undefined> {
  const version = minutes.publishedVersion;
  if (minutes.status !== 'approved' || !minutes.approval || version === undefined || !session) return undefined;
  const stored = await store.get<MinutesVersionDocument>(
    minutes.committeeId,
    minutesVersionDocumentId(minutes.sessionId, version),
  );
  const common = { session, version, approvedAt: minutes.approval.at };
  if (stored?.type === 'minutesVersion' && stored.sessionId === minutes.sessionId && stored.version === version) {
    return { ...common, items: stored.items, savedAt: stored.savedAt, correction: stored.kind === 'correction' };
  }
  if (version !== minutes.version) return undefined;
  return { ...common, items: minutes.items, savedAt: minutes.updatedAt, correction: false };
}

/**
 * The public extract of approved minutes as the PDF shows it: per agenda item its result and
 * agreements (what, which institution, by when), the way the working group's extract shows them,
 * but without the chair, without any responsible person's name, and with the names of the
 * committee's people taken out of every text. Never the discussion or the participants.
 */
function publicPrint(
  committee: CommitteeDocument,
  minutes: PublishedMinutes,
  publicText: (text: string) => string,
): MinutesPrint {
  const { session } = minutes;
  const place = session.place ? publicText(session.place) : '';
  return {
    committeeName: committee.name,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: committee.timeZone,
    ...(place ? { place } : {}),
    version: minutes.version,
    savedAt: minutes.savedAt,
    status: 'approved',
    approvedAt: minutes.approvedAt,
    correction: minutes.correction,
    extract: true,
    participants: [],
    items: minutes.items.map((item, index) => ({
      number: index + 1,
      title: item.standard ? '' : publicText(item.title),
      ...(item.standard ? { standard: item.standard } : {}),
      result: publicText(item.result),
      agreements: item.agreements.map((agreement) => ({
        text: publicText(agreement.text),
        institution: publicText(agreement.institution),
        responsibleName: NOBODY_NAMED,
        dueDate: agreement.dueDate,
      })),
    })),
  };
}
