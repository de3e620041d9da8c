import type { AuditEntry, AuditTrailView } from '../app/audit/audit-trail';
import type { AuditChange, AuditValue } from '../app/audit/audit-record';
import { REDACTED } from '../app/audit/audit-record';
import { formatLocalDate, formatTimestamp } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

/** Changed fields listed per record; the rest is counted, so a page stays within Teams' size. */
export const LISTED_CHANGES = 5;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Characters of a value shown on the card; the record keeps up to 500 (see `auditValue`). */
export const SHOWN_VALUE_CHARS = 60;

/** Data model of `adaptiveCards/audit.json`. */
export interface AuditCardData {
  readonly title: string;
  readonly intro: string;
  readonly none: string;
  readonly entries: ReadonlyArray<{
    readonly heading: string;
    readonly what: string;
    readonly changes: readonly string[];
  }>;
  readonly pages: ReadonlyArray<{
    readonly title: string;
    readonly verb: string;
    readonly query: string;
    readonly page: number;
  }>;
}

/** The scheduled jobs that change records, each named in words on the card. */
const KNOWN_JOBS = new Set([
  'callForTopics',
  'topicDeadline',
  'agendaReview',
  'agendaDispatch',
  'rsvpReminder',
  'minutesObjectionDeadline',
  'agreementFollowUp',
  'privacyRetention',
]);

const KNOWN_TYPES = new Set([
  'committee',
  'person',
  'seat',
  'session',
  'rsvp',
  'attendance',
  'agenda',
  'topicSubmission',
  'workingGroup',
  'minutes',
  'minutesVersion',
  'minutesResponse',
  'agreement',
  'languagePreference',
]);

/**
 * One page of the audit trail: per record when (committee time zone), who, what (operation and
 * document type, localised) and the changed fields with their values before and after. Read
 * only: the only actions leaf to newer or older records.
 */
export function renderAuditCard(view: AuditTrailView, i18n: Translator): AdaptiveCardJson {
  const pages: Array<AuditCardData['pages'][number]> = [];
  if (view.page > 1)
    pages.push({ title: i18n.t('audit.newer'), verb: VERBS.auditOpen, query: view.query, page: view.page - 1 });
  if (view.hasMore)
    pages.push({ title: i18n.t('audit.older'), verb: VERBS.auditOpen, query: view.query, page: view.page + 1 });
  const data: AuditCardData = {
    title:
      view.subject.kind === 'session'
        ? i18n.t('audit.titleSession', { number: escapeMarkdown(view.subject.number) })
        : i18n.t('audit.titlePerson', { name: escapeMarkdown(view.subject.name) }),
    intro: i18n.t('audit.intro', { page: view.page }),
    none: i18n.t('audit.none'),
    entries: view.entries.map((entry) => entryLines(entry, view.timeZone, i18n)),
    pages,
  };
  return expandCard('audit', data);
}

function entryLines(entry: AuditEntry, timeZone: string, i18n: Translator): AuditCardData['entries'][number] {
  const listed = entry.changes.slice(0, LISTED_CHANGES).map((change) => changeLine(change, timeZone, i18n));
  const more = entry.changes.length - listed.length;
  return {
    heading: i18n.t('audit.heading', {
      at: formatTimestamp(entry.at, timeZone, i18n),
      who: whoText(entry, i18n),
    }),
    what: i18n.t('audit.what', {
      operation: i18n.t(`audit.${entry.operation}`, { type: typeText(entry.documentType, i18n) }),
      id: escapeMarkdown(entry.documentId),
    }),
    changes: more > 0 ? [...listed, i18n.t('audit.moreChanges', { count: more })] : listed,
  };
}

function whoText(entry: AuditEntry, i18n: Translator): string {
  if (entry.source === 'bot') return escapeMarkdown(entry.actorName ?? '');
  if (entry.source === 'scheduler') {
    // A job's internal name ("rsvpReminder") is no word for a reader; an unknown one is left out.
    return entry.reason && KNOWN_JOBS.has(entry.reason)
      ? i18n.t('audit.sourceScheduler', { reason: i18n.t(`audit.jobs.${entry.reason}` as MessageKey) })
      : i18n.t('audit.sourceSchedulerUnknown');
  }
  return i18n.t(entry.source === 'teams' ? 'audit.sourceTeams' : 'audit.sourceSystem');
}

function typeText(type: string, i18n: Translator): string {
  return KNOWN_TYPES.has(type)
    ? i18n.t(`audit.types.${type}` as MessageKey)
    : i18n.t('audit.unknownType', { type: escapeMarkdown(type) });
}

function changeLine(change: AuditChange, timeZone: string, i18n: Translator): string {
  return i18n.t('audit.change', {
    field: escapeMarkdown(change.field),
    before: valueText(change.before, timeZone, i18n),
    after: valueText(change.after, timeZone, i18n),
  });
}

/** A recorded value on one line: cut to `SHOWN_VALUE_CHARS`, summaries localised, user text escaped. */
function valueText(value: AuditValue | undefined, timeZone: string, i18n: Translator): string {
  if (value === undefined || value === null || value === '') return i18n.t('audit.empty');
  // Stored instants and calendar days read as dates in the committee's time zone, not as ISO text.
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatTimestamp(value, timeZone, i18n);
  if (typeof value === 'string' && ISO_DAY.test(value)) return formatLocalDate(value, i18n);
  if (value === REDACTED) return i18n.t('audit.redacted');
  if (typeof value === 'object' && !Array.isArray(value) && 'omitted' in value) {
    const summary = value as { omitted: string; entries?: number; fields?: number };
    return summary.omitted === 'array'
      ? i18n.t('audit.omittedArray', { count: summary.entries ?? 0 })
      : i18n.t('audit.omittedObject', { count: summary.fields ?? 0 });
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return escapeMarkdown(oneLine.length > SHOWN_VALUE_CHARS ? `${oneLine.slice(0, SHOWN_VALUE_CHARS)}…` : oneLine);
}
