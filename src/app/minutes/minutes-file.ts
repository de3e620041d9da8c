import { COMMITTEE_DOCUMENT_ID, isSafeIdPart } from '../../domain/ids';
import type { Language } from '../../domain/language';
import type { MinutesItem, MinutesParticipant } from '../../domain/minutes/minutes-content';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, PersonDocument } from '../documents';
import { openLink } from '../links/open-link';
import { readsOnce } from '../reads-once';
import { recipientLanguage } from '../preferences/recipient-language';
import type { Stored } from '../ports/document-store';
import { nameOf, type RosterSnapshot } from '../sessions/roster-snapshot';
import type { SessionDocument } from '../sessions/session-document';
import {
  minutesDocumentId,
  minutesVersionDocumentId,
  MINUTES_VERSION_KINDS,
  type MinutesDocument,
  type MinutesSaved,
  type MinutesVersionDocument,
} from './minutes-document';
import type { MinutesPrint, PrintedItem } from './minutes-print';

/** The minutes of a session as a file to lay out, with the name under which browsers save it. */
export interface MinutesFile {
  /** `Protokoll-KOG-2027-1.pdf` or `Protokoll-Auszug-KOG-2027-1.pdf`: readable in a downloads folder. */
  readonly fileName: string;
  readonly print: MinutesPrint;
  /** The language of the link's holder (see `recipientLanguage`); undefined: the server's default. */
  readonly language?: Language;
  /**
   * What the print was made of: the link's kind and version and the stored version (ETag) of
   * every document read for it (the minutes, the version shown, the session, the committee and
   * the people named). The same key always means the same print, so a renderer may keep the file
   * by it instead of digesting the print on every download (see `CachedPdfRenderer`); any save,
   * reschedule, renaming or erasure gives another key.
   */
  readonly sourceKey: string;
}

/** What one version of the minutes says, whether read from the head or from a version document. */
interface MinutesContent {
  readonly version: number;
  readonly items: readonly MinutesItem[];
  readonly participants: readonly MinutesParticipant[];
  readonly chair?: string;
  readonly savedAt: string;
  readonly correction: boolean;
  /** The version document it was read from, with its ETag; `head` when the head stood in for it. */
  readonly source: string;
}

/** What a minutes link answers when a newer version was sent out since it was issued. */
export interface MinutesSuperseded {
  readonly superseded: true;
}

export const MINUTES_SUPERSEDED: MinutesSuperseded = { superseded: true };

/** Whether a minutes link's answer is the superseded page rather than a file. */
export function isSuperseded(answer: MinutesFile | MinutesSuperseded): answer is MinutesSuperseded {
  return 'superseded' in answer && answer.superseded === true;
}

/**
 * The minutes behind a PDF link, for whoever holds it. The link (see `openLink`) decides what
 * they get:
 * - a `minutes` link gives the full minutes (attendees and secretariat);
 * - an `extract` link gives the working group's extract, results and agreements only, and only of
 *   approved minutes, as the Leipzig decision gives the working group the outcome, not the
 *   internal discussion.
 *
 * The file is printed in the language of the one the link was issued to (a person's, or for a
 * channel or group chat its committee's; see `recipientLanguage`), wherever it is opened.
 *
 * A link shows exactly the version it was issued for, and only while that is the version last
 * sent out (`publishedVersion`). Once a newer version went out, the link answers "superseded"
 * (a page that says to ask the secretariat), never the newer version: whoever still receives
 * the minutes got the newer one with a link of its own, and a link forwarded to, or kept by,
 * someone who no longer attends shows nothing they were not sent. An earlier version that was
 * corrected for a reason (a wrong name, a wrong result) also stops circulating.
 *
 * Anything else (an unsafe id, no such minutes, a token that is wrong, expired, revoked, another
 * session's, another committee's or another kind's) answers undefined alike, so a caller cannot
 * tell which part was wrong.
 */
export async function minutesFile(
  deps: AppDependencies,
  committeeId: string,
  sessionId: string,
  token: string,
): Promise<MinutesFile | MinutesSuperseded | undefined> {
  if (!isSafeIdPart(committeeId) || !isSafeIdPart(sessionId)) return undefined;
  // The link's check reads the minutes head for a member (were they sent it?); the file reads it
  // once more. One read serves both, and both judge the same version.
  deps = { ...deps, store: readsOnce(deps.store) };
  const link = await openLink(deps, committeeId, token, ['minutes', 'extract']);
  if (!link || link.sessionId !== sessionId || typeof link.version !== 'number') return undefined;
  const minutes = await deps.store.get<MinutesDocument>(committeeId, minutesDocumentId(sessionId));
  if (minutes?.type !== 'minutes' || minutes.sessionId !== sessionId || minutes.publishedVersion === undefined)
    return undefined;
  const extract = link.kind === 'extract';
  if (extract && minutes.status !== 'approved') return undefined;
  if (link.version < minutes.publishedVersion) return MINUTES_SUPERSEDED;
  if (link.version !== minutes.publishedVersion) return undefined;

  // Only the people are read for the names of those responsible: the seats print nothing.
  const [content, session, committee, people, language] = await Promise.all([
    shownContent(deps, minutes, link.version),
    deps.store.get<SessionDocument>(committeeId, sessionId),
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
    deps.store.query<PersonDocument>(committeeId, { type: 'person' }),
    recipientLanguage(deps.store, committeeId, { kind: link.recipientKind, id: link.recipientId }),
  ]);
  if (!content || session?.type !== 'session' || committee?.type !== 'committee') return undefined;
  const roster = { people: new Map(people.map((person) => [person.aadObjectId, person])) };

  const chair = content.chair ?? session.chair;
  const print: MinutesPrint = {
    committeeName: committee.name,
    sessionNumber: session.number,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: committee.timeZone,
    ...(chair ? { chair } : {}),
    ...(session.place ? { place: session.place } : {}),
    version: content.version,
    savedAt: content.savedAt,
    status: minutes.status,
    ...(minutes.status === 'approved' && minutes.approval ? { approvedAt: minutes.approval.at } : {}),
    correction: content.correction,
    extract,
    participants: extract ? [] : content.participants,
    items: content.items.map((item, index) => printedItem(item, index, extract, roster)),
  };
  return {
    fileName: minutesFileName(committee.shortName, session.number, extract),
    print,
    ...(language ? { language: language.language } : {}),
    sourceKey: sourceKeyOf(link.kind, link.version, [minutes, session, committee, ...people], content.source),
  };
}

/**
 * The `sourceKey` of a print: everything it was made of, by identity and stored version. A
 * document's ETag changes with every write of it, so an unchanged key means unchanged documents.
 */
function sourceKeyOf(
  kind: string,
  version: number,
  read: ReadonlyArray<Stored<CommitteeDocument | SessionDocument | MinutesDocument | PersonDocument>>,
  contentSource: string,
): string {
  const documents = read.map((document) => `${document.id}@${document._etag}`).sort();
  return [`${kind}|${version}|${read[0]!.committeeId}`, `content@${contentSource}`, ...documents].join('\n');
}

/**
 * One version as it was saved. Every save writes a version document, which also says whether it
 * corrects approved minutes. The head holds the same content for its own version and, since it
 * notes the version's kind and time (`saved`), serves a link to that version on its own: the
 * usual link, to the minutes last saved and sent, reads one large document, not two. Retention
 * and erasure rewrite the head no later than its versions (`RETENTION_RULES` lists the minutes
 * first), and every rewrite changes the head's ETag in the `sourceKey`. An older version, or a
 * head without the note (saved before it was kept), is read from its version document; should
 * that be missing for the head's own version, the head stands in for it. Undefined when an older
 * version cannot be read.
 */
async function shownContent(
  deps: AppDependencies,
  minutes: MinutesDocument,
  version: number,
): Promise<MinutesContent | undefined> {
  const saved = version === minutes.version ? savedNote(minutes) : undefined;
  const head = (savedAt: string, correction: boolean): MinutesContent => ({
    version: minutes.version,
    items: minutes.items,
    participants: minutes.participants,
    ...(minutes.chair ? { chair: minutes.chair } : {}),
    savedAt,
    correction,
    source: 'head',
  });
  if (saved) return head(saved.at, saved.kind === 'correction');
  const stored = await deps.store.get<MinutesVersionDocument>(
    minutes.committeeId,
    minutesVersionDocumentId(minutes.sessionId, version),
  );
  if (stored?.type !== 'minutesVersion' || stored.sessionId !== minutes.sessionId || stored.version !== version) {
    return version === minutes.version ? head(minutes.updatedAt, false) : undefined;
  }
  return {
    version: stored.version,
    items: stored.items,
    participants: stored.participants,
    ...(stored.chair ? { chair: stored.chair } : {}),
    savedAt: stored.savedAt,
    correction: stored.kind === 'correction',
    source: `${stored.id}@${stored._etag}`,
  };
}

/** The head's note of its own version, when it has one that fits: else the version document says it. */
function savedNote(minutes: MinutesDocument): MinutesSaved | undefined {
  const saved = minutes.saved;
  if (saved?.version !== minutes.version || !MINUTES_VERSION_KINDS.includes(saved.kind)) return undefined;
  return typeof saved.at === 'string' ? saved : undefined;
}

function printedItem(
  item: MinutesItem,
  index: number,
  extract: boolean,
  roster: Pick<RosterSnapshot, 'people'>,
): PrintedItem {
  return {
    number: index + 1,
    title: item.standard ? '' : item.title,
    ...(item.standard ? { standard: item.standard } : {}),
    ...(extract ? {} : { summary: item.summary }),
    result: item.result,
    agreements: item.agreements.map((agreement) => ({
      text: agreement.text,
      institution: agreement.institution,
      responsibleName: nameOf(roster, agreement.responsibleId),
      dueDate: agreement.dueDate,
    })),
  };
}

/** Only characters every file system and the Content-Disposition header keep as they are. */
function minutesFileName(shortName: string, sessionNumber: string, extract: boolean): string {
  const safe = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^0-9A-Za-z]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${['Protokoll', extract ? 'Auszug' : undefined, safe(shortName) || undefined, safe(sessionNumber)].filter(Boolean).join('-')}.pdf`;
}
