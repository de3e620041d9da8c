import type { AuditEntry, AuditTrailView } from '../app/audit/audit-trail';
import { formatTimestamp } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { changeLines, sessionOfEntry, subjectText, type AuditWording } from './audit-changes';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

export { LISTED_CHANGES, SHOWN_VALUE_CHARS } from './audit-changes';

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
 * the record in words, with its session) and the changed fields by their labels with their
 * values before and after where a reader can read them (see `changeLines`). Read only: the only
 * actions leaf to newer or older records. No field name, state name or document id is shown.
 */
export function renderAuditCard(view: AuditTrailView, i18n: Translator): AdaptiveCardJson {
  const pages: Array<AuditCardData['pages'][number]> = [];
  if (view.page > 1)
    pages.push({ title: i18n.t('audit.newer'), verb: VERBS.auditOpen, query: view.query, page: view.page - 1 });
  if (view.hasMore)
    pages.push({ title: i18n.t('audit.older'), verb: VERBS.auditOpen, query: view.query, page: view.page + 1 });
  const wording: AuditWording = {
    timeZone: view.timeZone,
    names: view.names,
    sessions: view.sessions,
    seats: view.seats,
  };
  const data: AuditCardData = {
    title:
      view.subject.kind === 'session'
        ? i18n.t('audit.titleSession', { number: escapeMarkdown(view.subject.number) })
        : i18n.t('audit.titlePerson', { name: escapeMarkdown(view.subject.name) }),
    intro: i18n.t('audit.intro', { page: view.page }),
    none: i18n.t('audit.none'),
    entries: view.entries.map((entry) => entryLines(entry, wording, i18n)),
    pages,
  };
  return expandCard('audit', data);
}

function entryLines(entry: AuditEntry, wording: AuditWording, i18n: Translator): AuditCardData['entries'][number] {
  const what = i18n.t(`audit.${entry.operation}`, {
    type: subjectText(entry, typeText(entry.documentType, i18n), wording, i18n),
  });
  const session = sessionOfEntry(entry, wording);
  return {
    heading: i18n.t('audit.heading', {
      at: formatTimestamp(entry.at, wording.timeZone, i18n),
      who: whoText(entry, i18n),
    }),
    what: session ? i18n.t('audit.ofSession', { what, number: escapeMarkdown(session) }) : what,
    changes: changeLines(entry, wording, i18n),
  };
}

function whoText(entry: AuditEntry, i18n: Translator): string {
  if (entry.source === 'bot') return entry.actorName ? escapeMarkdown(entry.actorName) : i18n.t('audit.formerPerson');
  if (entry.source === 'scheduler') {
    // A job's internal name ("rsvpReminder") is no word for a reader; an unknown one is left out.
    return entry.reason && KNOWN_JOBS.has(entry.reason)
      ? i18n.t('audit.sourceScheduler', { reason: i18n.t(`audit.jobs.${entry.reason}` as MessageKey) })
      : i18n.t('audit.sourceSchedulerUnknown');
  }
  return i18n.t(entry.source === 'teams' ? 'audit.sourceTeams' : 'audit.sourceSystem');
}

/** The record's kind in words; one of a kind the card does not know is an entry, never its stored name. */
function typeText(type: string, i18n: Translator): string {
  return KNOWN_TYPES.has(type) ? i18n.t(`audit.types.${type}` as MessageKey) : i18n.t('audit.unknownType');
}
