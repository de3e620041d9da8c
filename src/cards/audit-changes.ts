import type { AuditChange, AuditValue } from '../app/audit/audit-record';
import { REDACTED } from '../app/audit/audit-record';
import type { AuditEntry } from '../app/audit/audit-trail';
import { ROLES, type Role } from '../domain/roles';
import { SESSION_STATES } from '../domain/sessions/session-state';
import { formatLocalDate, formatTimestamp } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { escapeMarkdown } from './escape-markdown';

/**
 * The change log in words: what changed in a record, named as the cards name it ("Ort",
 * „Sitzung 2027/1“, "Sabine Hoffmann"), never by the stored field's name or a document's id.
 * A field without a label, or a value a reader could not read (an id, an internal name, a
 * structure), is not written out: the line says that the field changed, or the entry counts the
 * unnamed ones.
 */

/** What the card knows to write ids in words: people's names, session numbers, seats' institutions, the time zone. */
export interface AuditWording {
  readonly timeZone: string;
  readonly names: Readonly<Record<string, string>>;
  readonly sessions: Readonly<Record<string, string>>;
  readonly seats: Readonly<Record<string, string>>;
}

/** Fields with a label in the locale files (`audit.fields`); the compiler holds each to its label. */
const LABELLED_FIELDS = [
  'name',
  'shortName',
  'timeZone',
  'terms',
  'sessionLengthMinutes',
  'chairRotation',
  'leadTimes',
  'autoPublishAgenda',
  'workingGroupConversationId',
  'minutes',
  'retentionMonths',
  'publishOparl',
  'home',
  'language',
  'displayName',
  'roles',
  'active',
  'institution',
  'leftAt',
  'erasedAt',
  'pseudonymisedAt',
  'memberId',
  'deputyId',
  'startsAt',
  'endsAt',
  'place',
  'onlineLink',
  'chair',
  'state',
  'status',
  'extra',
  'invitedSeats',
  'invitedAt',
  'remindedAt',
  'agenda',
  'items',
  'published',
  'recipients',
  'content',
  'personId',
  'personName',
  'decision',
  'deferredFrom',
  'missedSessionId',
  'text',
  'responsibleId',
  'dueDate',
  'history',
  'proposedDueDate',
  'doneAt',
  'itemTitle',
  'itemStandard',
  'entries',
  'choice',
  'delegateName',
  'answeredAt',
  'answer',
  'comment',
  'version',
  'participants',
  'circulation',
  'publishedVersion',
  'approval',
  'kind',
  'changedItemIds',
  'itemId',
  'mandate',
  'members',
  'startsOn',
  'plannedEndOn',
  'reportSessionId',
  'endedAt',
  'seatId',
] as const;
type LabelledField = (typeof LABELLED_FIELDS)[number];
const LABELLED: ReadonlySet<string> = new Set(LABELLED_FIELDS);

/**
 * Fields the entry's heading says already (when, who, which session) or that only the software
 * reads (revision counters, keys derived from other fields, where Teams is reached): not listed.
 */
const UNSHOWN: ReadonlySet<string> = new Set([
  'revision',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'savedAt',
  'savedBy',
  // The minutes head's note of the version it holds: the version and the heading say it already.
  'saved',
  'recordedAt',
  'recordedBy',
  'sessionId',
  'sessionNumber',
  'number',
  'year',
  'sequence',
  'titleKey',
  'draftId',
  'responsibleName',
  'aadObjectId',
  'tenantId',
  'serviceUrl',
  'botId',
  'userId',
  'userAadObjectId',
  'contact',
]);

/** Fields that name a person by object id, and fields that name a session by id. */
const PERSON_FIELDS: ReadonlySet<string> = new Set(['personId', 'responsibleId', 'memberId', 'deputyId']);
const SESSION_FIELDS: ReadonlySet<string> = new Set(['reportSessionId', 'missedSessionId', 'deferredFrom']);

/** Fields whose values are words of a fixed list, each with its own label (`audit.values`). */
const VALUE_WORDS = {
  // A session's states and a working group's.
  state: [...SESSION_STATES, 'active', 'ended'],
  status: [
    'open',
    'inProgress',
    'blocked',
    'done',
    'submitted',
    'accepted',
    'merged',
    'declined',
    'withdrawn',
    'draft',
    'circulated',
    'approved',
  ],
  choice: ['inPerson', 'online', 'declined', 'deputy', 'delegate'],
  answer: ['agree', 'object'],
  kind: ['draft', 'revision', 'correction'],
  language: ['de', 'en'],
  itemStandard: ['opening', 'agreements', 'other'],
} as const;
type WordField = keyof typeof VALUE_WORDS;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A camelCase name, as fields, states and jobs are called inside Gremium. */
export const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;
/** A GUID, as people and tenants are known to Entra ID. */
export const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** A document id as Gremium makes them: `session-2027-1`, `seat-ihk`, `agreement-…`, `workingGroup-…`. */
export const DOCUMENT_ID =
  /\b(?:session|person|seat|agreement|agreements|topic|item|minutes|rsvp|attendance|agenda|workingGroup|language|committee|committees|tenant|job|outbox|dispatch|conversation|link|report|home|personal|audit)-[A-Za-z0-9][\w-]*/;
/** What no reader should meet in a sentence. */
function isInternal(text: string): boolean {
  return CAMEL_CASE.test(text) || GUID.test(text) || DOCUMENT_ID.test(text);
}

/** Characters of a value shown on the card; the record keeps up to 500 (see `auditValue`). */
export const SHOWN_VALUE_CHARS = 60;

/** Changed fields listed per record; the rest is counted, so a page stays within Teams' size. */
export const LISTED_CHANGES = 5;

/**
 * The lines of one entry's changes: each labelled field, with its values where a reader can read
 * them, else that it changed; the fields without a label are counted in one last line.
 */
export function changeLines(entry: AuditEntry, wording: AuditWording, i18n: Translator): string[] {
  const shown = entry.changes.filter((change) => !UNSHOWN.has(change.field));
  const labelled = shown.filter((change) => LABELLED.has(change.field));
  const listed = labelled.slice(0, LISTED_CHANGES).map((change) => changeLine(change, entry, wording, i18n));
  const more = shown.length - listed.length;
  return more > 0 ? [...listed, i18n.t('audit.moreChanges', { count: more })] : listed;
}

/** What the record is about, in words: „Sitzung 2027/1“, „Person Sabine Hoffmann“, „Aufgabe · Sitzung 2027/1“. */
export function subjectText(entry: AuditEntry, typeText: string, wording: AuditWording, i18n: Translator): string {
  const session = (id: string | undefined) => (id ? wording.sessions[id] : undefined);
  if (entry.documentType === 'session') {
    const number = session(entry.documentId);
    return number ? i18n.t('audit.session', { number: escapeMarkdown(number) }) : typeText;
  }
  if (entry.documentType === 'person') {
    const name = nameOf(entry.documentId.replace(/^person-/, ''), wording);
    return name ? i18n.t('audit.subject', { type: typeText, name: escapeMarkdown(name) }) : typeText;
  }
  return typeText;
}

/** The subject's session, when it is not the subject itself. */
export function sessionOfEntry(entry: AuditEntry, wording: AuditWording): string | undefined {
  if (entry.documentType === 'session' || !entry.sessionId) return undefined;
  return wording.sessions[entry.sessionId];
}

function changeLine(change: AuditChange, entry: AuditEntry, wording: AuditWording, i18n: Translator): string {
  const field = i18n.t(`audit.fields.${change.field as LabelledField}`);
  const before = readable(change.field, change.before, wording, i18n);
  const after = readable(change.field, change.after, wording, i18n);
  if (before === undefined || after === undefined) return i18n.t('audit.changedField', { field });
  if (entry.operation === 'created' || change.before === undefined)
    return i18n.t('audit.setField', { field, value: after });
  return i18n.t('audit.change', { field, before, after });
}

/** A value as a reader reads it, or undefined where the card cannot say it in words. */
function readable(field: string, value: AuditValue | undefined, wording: AuditWording, i18n: Translator) {
  if (value === undefined || value === null || value === '') return i18n.t('audit.empty');
  if (value === REDACTED) return i18n.t('audit.redacted');
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return listText(field, value, i18n);
  if (typeof value === 'object') {
    const summary = value as { omitted?: unknown; entries?: number };
    return summary.omitted === 'array' ? i18n.t('audit.omittedArray', { count: summary.entries ?? 0 }) : undefined;
  }
  const text = value as string;
  if (PERSON_FIELDS.has(field)) return escapeOrUndefined(nameOf(text, wording));
  if (field === 'seatId') return escapeOrUndefined(wording.seats[text]);
  if (SESSION_FIELDS.has(field)) {
    const number = wording.sessions[text] ?? (/^\d{4}\/S?\d+$/.test(text) ? text : undefined);
    return number ? i18n.t('audit.session', { number: escapeMarkdown(number) }) : undefined;
  }
  if (field in VALUE_WORDS) {
    const words: readonly string[] = VALUE_WORDS[field as WordField];
    if (!words.includes(text)) return undefined;
    // A state added later without its word in the locale files is said to have changed, not named.
    const key = `audit.values.${field as WordField}.${text}` as MessageKey;
    const word = i18n.t(key);
    return word === key ? undefined : word;
  }
  // Stored instants and calendar days read as dates in the committee's time zone, not as ISO text.
  if (ISO_INSTANT.test(text)) return formatTimestamp(text, wording.timeZone, i18n);
  if (ISO_DAY.test(text)) return formatLocalDate(text, i18n);
  if (isInternal(text)) return undefined;
  const oneLine = text.replace(/\s+/g, ' ');
  return escapeMarkdown(oneLine.length > SHOWN_VALUE_CHARS ? `${oneLine.slice(0, SHOWN_VALUE_CHARS)}…` : oneLine);
}

/** A list: roles by their names, anything else by how many entries it has. */
function listText(field: string, values: readonly unknown[], i18n: Translator): string {
  if (field === 'roles' && values.every((role) => (ROLES as readonly unknown[]).includes(role)))
    return values.length > 0 ? values.map((role) => i18n.t(`roles.${role as Role}`)).join(', ') : i18n.t('audit.empty');
  return i18n.t('audit.omittedArray', { count: values.length });
}

/** A person's name by object id (as the roster writes it, whatever its case). */
function nameOf(id: string, wording: AuditWording): string | undefined {
  return (
    wording.names[id] ?? Object.entries(wording.names).find(([key]) => key.toLowerCase() === id.toLowerCase())?.[1]
  );
}

function escapeOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeMarkdown(text);
}
