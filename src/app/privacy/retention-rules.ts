import type { NameFinder } from '../../domain/name-finder';
import {
  COMMITTEE_ROUTE_TYPE,
  PERSON_COMMITTEES_TYPE,
  type CommitteeRouteDocument,
  type PersonCommitteesDocument,
} from '../committees/directory-documents';
import type { TenantView } from '../committees/tenant-view';
import { isCancelled, isFinished } from '../../domain/sessions/session-state';
import type { AgreementDocument } from '../agreements/agreement-document';
import type { AgendaDocument, PublishedAgenda } from '../agenda/agenda-document';
import type { AuditRecord } from '../audit/audit-record';
import type { DispatchDocument, OutboxRecord } from '../delivery/outbox-record';
import type { CommitteeDocument, ConversationDocument, PersonDocument } from '../documents';
import type { MinutesDocument, MinutesVersionDocument } from '../minutes/minutes-document';
import type { MinutesResponseDocument } from '../minutes/minutes-response-document';
import type { Document, Query, QueryOperator } from '../ports/document-store';
import type { JobDocument } from '../scheduling/job';
import type { AttendanceDocument } from '../sessions/attendance';
import type { RsvpDocument } from '../sessions/rsvp-document';
import type { SessionDocument } from '../sessions/session-document';
import type { WorkingGroupDocument } from '../working-groups/working-group-document';
import type { DataExportDocument } from './data-export-document';
import { LINK_TYPE, type LinkDocument } from '../links/link-document';
import { CALENDAR_FEED_TYPE, type CalendarFeedDocument } from '../feed/feed-document';
import { LANGUAGE_PREFERENCE_TYPE, type LanguagePreferenceDocument } from '../preferences/language-preference';
import {
  CONTACT_AFTER_LEAVING_DAYS,
  DELIVERY_RECORD_DAYS,
  FINISHED_JOB_DAYS,
  IDLE_CONVERSATION_DAYS,
  UNUSED_CONVERSATION_DAYS,
  UNUSED_LANGUAGE_CHOICE_DAYS,
} from './lifetimes';
import { withMentionsReplaced } from './name-mentions';
import { ERASED_PSEUDONYM } from './pseudonym';

/** What a retention run knows about the partition it works on. */
export interface RetentionScope {
  readonly committeeId: string;
  /** Undefined in a partition without a committee: a tenant where "meine daten" was asked, say. */
  readonly committee?: CommitteeDocument;
  readonly nowIso: string;
  /** The instant the committee's retention period reaches back to: records ended before it are due. */
  readonly periodCutoff: string;
  /** The instant `days` days ago. */
  daysAgo(days: number): string;
  /** Sessions whose retention period has passed (see `sessionRetentionStart`). */
  readonly expiredSessions: ReadonlySet<string>;
  /** The partition's people by Entra object id. */
  readonly people: ReadonlyMap<string, PersonDocument>;
  /** People who hold a seat, or are responsible for an action item not done: still part of the work. */
  readonly stillNeeded: ReadonlySet<string>;
  /** The names of the partition's people and of the expired sessions' lists, to remove from their texts. */
  readonly names?: NameFinder;
  /**
   * For a tenant's directory (which the committee of before homes shares): what the tenant's
   * committees say about its documents. Its conversation references, routes and people's indexes
   * are judged by every committee of the tenant, never by the one partition's roster.
   */
  readonly directory?: TenantView;
}

/** What becomes of one document: kept as it is (undefined), deleted, or written as returned. */
export type RetentionChange = Document | 'delete' | undefined;

/**
 * One row of the retention table: how long documents of one type live and what happens then.
 * The texts are the README's table (see `scripts/retention-table.ts`); the functions are what
 * the daily run does, so the table cannot say one thing while the run does another.
 */
export interface RetentionRule {
  readonly type: string;
  /** README: the personal data such a document holds. */
  readonly holds: string;
  /** README: how long it is kept as it is. */
  readonly kept: string;
  /** README: what the retention run does then. */
  readonly atEnd: string;
  /** README: whether Cosmos DB removes it by itself, and when. */
  readonly timeToLive?: string;
  /** Queries for the documents of the partition that may have reached their end. */
  readonly candidates: (scope: RetentionScope) => readonly Query[];
  /** The change at the end, for one candidate; undefined while it is still kept or nothing is left to remove. */
  readonly atEndOf: (document: Document, scope: RetentionScope) => RetentionChange;
  /**
   * A query over all partitions for documents of this type that may have reached their end in
   * a partition without a committee (which has no retention job); see `ensureRetentionJobs`.
   */
  readonly withoutCommittee?: (scope: Pick<RetentionScope, 'nowIso' | 'periodCutoff' | 'daysAgo'>) => Query;
  /** Whether the end of such a document takes the person's name out of every record (see `forgetPerson`). */
  readonly forgetsName?: (document: Document, scope: RetentionScope) => boolean;
}

/** What replaces a name that retention removes from a text (German, like every record text). */
export const REMOVED_NAME = '[Name entfernt]';

/** The period rule of every record that belongs to a session, in the table's words. */
const SESSION_PERIOD = text(
  "until the session's retention period ends: the committee's period (default 24 months) after its",
  'minutes were approved; a cancelled session or one without minutes, after its end',
);
/**
 * Since when a finished session's personal data count towards the period: the approval of its
 * minutes, or its end for a cancelled session and one without minutes. Undefined while it is not
 * finished (a closed session always has approved minutes).
 */
export function sessionRetentionStart(session: SessionDocument, minutes?: MinutesDocument): string | undefined {
  if (!isFinished(session.state)) return undefined;
  return minutes?.approval?.at ?? (isCancelled(session.state) || !minutes ? session.endsAt : undefined);
}

/** A README text written over several source lines. */
/**
 * Whether what a person holds for all their committees (a language choice, a calendar
 * subscription) is no longer needed: they are active on no roster of the tenant (every roster
 * counts), and the later of `since` and their last leaving is `UNUSED_LANGUAGE_CHOICE_DAYS` ago.
 */
function unusedByPerson(personId: string, since: string, scope: RetentionScope): boolean {
  const tenant = scope.directory;
  const person = scope.people.get(personId);
  const key = personId.toLowerCase();
  if (tenant ? tenant.active.has(key) : person?.active) return false;
  const left = tenant ? tenant.lastLeft.get(key) : person?.leftAt;
  const lastNeeded = left && left > since ? left : since;
  return lastNeeded <= scope.daysAgo(UNUSED_LANGUAGE_CHOICE_DAYS);
}

function text(...parts: string[]): string {
  return parts.join(' ');
}

/** A query of one type with conditions. */
function where(type: string, ...conditions: Array<[string, QueryOperator, string]>): Query {
  return { type, where: conditions.map(([field, op, value]) => ({ field, op, value })) };
}

/** Every document of the type, once any session has expired (each rule then picks its own). */
const bySession = (type: string) => (scope: RetentionScope) => (scope.expiredSessions.size > 0 ? [{ type }] : []);
/** Whether the document belongs to a session whose period has passed. */
const expired = (document: Document, scope: RetentionScope) =>
  scope.expiredSessions.has((document as unknown as { readonly sessionId: string }).sessionId);

/** The document with the names of its people replaced in every free-text field. */
function withoutNames<T>(document: T, scope: RetentionScope): T {
  return scope.names ? withMentionsReplaced(document, scope.names, REMOVED_NAME) : document;
}

/** The document without the fields, or the same object when it has none of them. */
function without<T extends object>(document: T, ...fields: string[]): T {
  if (!fields.some((field) => field in document)) return document;
  const dropped = new Set(fields);
  return Object.fromEntries(Object.entries(document).filter(([field]) => !dropped.has(field))) as T;
}

/** A list of named lines with every name blanked (the lines and their institutions stay). */
function blankNames<T extends { readonly name: string }>(lines: readonly T[]): T[] {
  return lines.map((line) => (line.name === '' ? line : { ...line, name: '' }));
}

/** The change, or undefined when it changed nothing (so a second run writes nothing). */
function changed(before: Document, after: Document): RetentionChange {
  return JSON.stringify(after) === JSON.stringify(before) ? undefined : after;
}

/** Agenda items without presenters. */
function withoutPresenters<T extends { readonly presenter?: string }>(items: readonly T[]): T[] {
  return items.map((item) => without(item, 'presenter'));
}

/** A published agenda without presenters, on the agenda document or on the session. */
function publishedWithoutPresenters(published: PublishedAgenda): PublishedAgenda {
  return { ...published, items: withoutPresenters(published.items), removed: withoutPresenters(published.removed) };
}

/** A session's minutes, or one version of them, at the end: no participant names, no chair, no names in the texts. */
function minutesAtEnd(document: Document, scope: RetentionScope): RetentionChange {
  if (!expired(document, scope)) return undefined;
  const minutes = without(document as MinutesVersionDocument, 'chair');
  return changed(document, withoutNames({ ...minutes, participants: blankNames(minutes.participants) }, scope));
}

/** Whether the person left the team longer than the period ago and nothing still needs them. */
function forgetsLeaver(person: PersonDocument, scope: RetentionScope): boolean {
  if (person.active || person.erasedAt || person.pseudonymisedAt || person.leftAt === undefined) return false;
  return person.leftAt <= scope.periodCutoff && !scope.stillNeeded.has(person.aadObjectId);
}

/**
 * Every document type Gremium stores, each with its lifetime: the daily retention run
 * (`applyRetention`) follows these rows on every store, the README's table is printed from them,
 * and a test fails when the code writes a type that has no row here.
 */
export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    type: 'committee',
    holds: 'object ids of whoever set the committee up and changed it last',
    kept: 'as long as the committee works',
    atEnd: 'nothing automatic: the operator removes a committee that ends, with its partition',
    candidates: () => [],
    atEndOf: () => undefined,
  },
  {
    type: 'roster',
    holds: "the object id of whoever changed the roster last (the roster's revision counter)",
    kept: 'as long as the committee works',
    atEnd: 'nothing automatic (see committee)',
    candidates: () => [],
    atEndOf: () => undefined,
  },
  {
    type: 'seat',
    holds: "institution, the member's and the deputy's object ids",
    kept: 'while the seat exists',
    atEnd: text(
      'the secretariat removes it on the roster card; erasing its member removes it, erasing its deputy',
      "empties the deputy's place",
    ),
    candidates: () => [],
    atEndOf: () => undefined,
  },
  {
    type: 'person',
    holds: text(
      'name, Entra object id (for a person without Teams an id made from the e-mail address), roles,',
      'institution, e-mail address, Teams contact (to open a 1:1 chat)',
    ),
    kept: text(
      "while a member of the committee's team or chat; after leaving it: the Teams contact",
      `${CONTACT_AFTER_LEAVING_DAYS} days, the name the committee's period, once the person holds no seat and no open`,
      'action item. A person the secretariat deactivated, and a person without Teams (who never leaves a',
      'team), is kept until it erases them',
    ),
    atEnd: text(
      'the contact and the e-mail address are removed; at the end of the period the person is pseudonymised',
      'as by an erasure: "ehemalige Person" in every record, institution and roles removed. Coming back to the',
      'team brings the name and the address back from Teams',
    ),
    candidates: (scope) => [where('person', ['leftAt', '<=', scope.daysAgo(CONTACT_AFTER_LEAVING_DAYS)])],
    atEndOf: (document, scope) => {
      const person = document as PersonDocument;
      if (person.active || !person.leftAt || person.erasedAt) return undefined;
      if (!forgetsLeaver(person, scope)) return changed(person, without(person, 'contact', 'email'));
      const rest = without(person, 'contact', 'institution', 'email');
      return { ...rest, displayName: ERASED_PSEUDONYM, roles: [], pseudonymisedAt: scope.nowIso } as PersonDocument;
    },
    forgetsName: (document, scope) => forgetsLeaver(document as PersonDocument, scope),
  },
  {
    type: 'conversation',
    holds: "Teams conversation and user ids, the name of a 1:1 chat's person, a channel's or chat's title",
    kept: text(
      "1:1 chats while their person is an active member of one of the organisation's committees, otherwise",
      `${UNUSED_CONVERSATION_DAYS} days after the reference last changed (or the person last left a committee, if`,
      "later); channels and group chats while they are a committee's (its home team's channels, its group chat,",
      `its working group's), others ${IDLE_CONVERSATION_DAYS} days after the last change`,
    ),
    atEnd: 'deleted; a message from that chat brings it back',
    candidates: (scope) => [where('conversation', ['updatedAt', '<=', scope.daysAgo(UNUSED_CONVERSATION_DAYS)])],
    atEndOf: (document, scope) => {
      const conversation = document as ConversationDocument;
      const tenant = scope.directory;
      if (conversation.kind !== 'personal') {
        const committees = tenant
          ? tenant.homeless || tenant.workingGroups.has(conversation.id) || tenant.homes.has(homeKeyOf(conversation))
          : scope.committee !== undefined;
        return committees || conversation.updatedAt > scope.daysAgo(IDLE_CONVERSATION_DAYS) ? undefined : 'delete';
      }
      const personId = conversation.aadObjectId?.toLowerCase();
      const person = conversation.aadObjectId ? scope.people.get(conversation.aadObjectId) : undefined;
      const active = tenant ? !!personId && tenant.active.has(personId) : person?.active;
      if (active) return undefined;
      const left = tenant ? personId && tenant.lastLeft.get(personId) : person?.leftAt;
      const lastNeeded = left && left > conversation.updatedAt ? left : conversation.updatedAt;
      return lastNeeded <= scope.daysAgo(UNUSED_CONVERSATION_DAYS) ? 'delete' : undefined;
    },
    withoutCommittee: (scope) => where('conversation', ['updatedAt', '<=', scope.daysAgo(UNUSED_CONVERSATION_DAYS)]),
  },
  {
    type: COMMITTEE_ROUTE_TYPE,
    holds: "none (which conversation is which committee's home or working group's)",
    kept: 'while its committee exists and still claims the conversation',
    atEnd: 'deleted',
    candidates: (scope) => (scope.directory ? [{ type: COMMITTEE_ROUTE_TYPE }] : []),
    atEndOf: (document, scope) => {
      const route = document as CommitteeRouteDocument;
      const committee = scope.directory?.committees.get(route.belongsTo);
      if (!scope.directory) return undefined;
      const claimed =
        route.role === 'home' ? committee?.home?.id === route.key : committee?.workingGroupConversationId === route.key;
      return claimed ? undefined : 'delete';
    },
  },
  {
    type: PERSON_COMMITTEES_TYPE,
    holds: "a person's object id, the committees they belong to and the one they chose for their personal chat",
    kept: "while the person has a roster entry in one of the organisation's committees",
    atEnd: text(
      'committees without their entry (erased, or the committee gone) are taken out; the document is deleted',
      'once none is left. The daily run adds what a roster change left out',
    ),
    candidates: (scope) => (scope.directory ? [{ type: PERSON_COMMITTEES_TYPE }] : []),
    atEndOf: (document, scope) => {
      if (!scope.directory) return undefined;
      const index = document as PersonCommitteesDocument;
      const held = scope.directory.entries.get(index.personId.toLowerCase()) ?? new Set<string>();
      const committeeIds = index.committeeIds.filter((id) => held.has(id));
      if (committeeIds.length === 0) return 'delete';
      const current =
        index.currentCommitteeId && held.has(index.currentCommitteeId) ? index.currentCommitteeId : undefined;
      const { currentCommitteeId: _current, ...rest } = index;
      const kept: PersonCommitteesDocument = {
        ...rest,
        committeeIds,
        ...(current ? { currentCommitteeId: current } : {}),
      };
      return changed(document, kept);
    },
  },
  {
    type: LANGUAGE_PREFERENCE_TYPE,
    holds: "the person's object id and the language they chose for Gremium's answers",
    kept: text(
      "while the person is an active member of one of the organisation's committees, otherwise",
      `${UNUSED_LANGUAGE_CHOICE_DAYS} days after it was last chosen (or the person last left a committee, if later)`,
    ),
    atEnd: text(
      'deleted, and at once when the person is erased or pseudonymised; Gremium then answers in the language of the',
      "person's Teams",
    ),
    candidates: (scope) => [unusedLanguageChoices(scope)],
    atEndOf: (document, scope) => {
      const choice = document as LanguagePreferenceDocument;
      return unusedByPerson(choice.personId, choice.updatedAt, scope) ? 'delete' : undefined;
    },
    withoutCommittee: (scope) => unusedLanguageChoices(scope),
  },
  {
    type: 'session',
    holds: 'chair, the published agenda (presenters), free text that may name people',
    kept: SESSION_PERIOD,
    atEnd: text(
      'chair and presenters removed, names of people replaced by "[Name entfernt]" in its texts; date,',
      'number, place and the invited institutions stay',
    ),
    candidates: bySession('session'),
    atEndOf: (document, scope) => {
      if (!scope.expiredSessions.has(document.id)) return undefined;
      const session = without(document as SessionDocument, 'chair');
      const agenda = session.agenda ? { agenda: publishedWithoutPresenters(session.agenda) } : {};
      return changed(document, withoutNames({ ...session, ...agenda }, scope));
    },
  },
  {
    type: 'extraSessionClaim',
    holds: 'none (the id of the extra session it made)',
    kept: SESSION_PERIOD,
    atEnd: 'deleted',
    candidates: bySession('extraSessionClaim'),
    atEndOf: (document, scope) => (expired(document, scope) ? 'delete' : undefined),
  },
  {
    type: 'sessionMeeting',
    holds: "the Outlook event's id and Teams link, the attendees' e-mail addresses",
    kept: SESSION_PERIOD,
    atEnd: "deleted (the event itself is kept, or not, by the mailbox's own retention in Exchange Online)",
    candidates: bySession('sessionMeeting'),
    atEndOf: (document, scope) => (expired(document, scope) ? 'delete' : undefined),
  },
  {
    type: 'rsvp',
    holds: "the person's object id and answer, a delegate's name",
    kept: SESSION_PERIOD,
    atEnd: "the delegate's name removed (the answer stays, for the counts)",
    candidates: bySession('rsvp'),
    atEndOf: (document, scope) => {
      if (!expired(document, scope)) return undefined;
      return changed(document, withoutNames(without(document as RsvpDocument, 'delegateName'), scope));
    },
  },
  {
    type: 'attendance',
    holds: 'the name of whoever represented each institution',
    kept: SESSION_PERIOD,
    atEnd: 'names blanked (institutions and presence stay)',
    candidates: bySession('attendance'),
    atEndOf: (document, scope) => {
      if (!expired(document, scope)) return undefined;
      const attendance = document as AttendanceDocument;
      return changed(document, withoutNames({ ...attendance, entries: blankNames(attendance.entries) }, scope));
    },
  },
  {
    type: 'agenda',
    holds: "presenters' names, item titles that may name people",
    kept: SESSION_PERIOD,
    atEnd: 'presenters removed, names replaced by "[Name entfernt]" in the titles',
    candidates: bySession('agenda'),
    atEndOf: (document, scope) => {
      if (!expired(document, scope)) return undefined;
      const agenda = document as AgendaDocument;
      const published = agenda.published ? { published: publishedWithoutPresenters(agenda.published) } : {};
      const items = withoutPresenters(agenda.items);
      return changed(document, withoutNames({ ...agenda, items, ...published }, scope));
    },
  },
  {
    type: 'topicSubmission',
    holds: "submitter's object id and name, the submitted text",
    kept: SESSION_PERIOD,
    atEnd: 'deleted (the agenda keeps the item it became)',
    candidates: bySession('topicSubmission'),
    atEndOf: (document, scope) => (expired(document, scope) ? 'delete' : undefined),
  },
  {
    type: 'minutes',
    holds: "participants' names, chair, free text (summaries, results, agreements) that may name people",
    kept: SESSION_PERIOD,
    atEnd: text(
      'participant names blanked, chair removed, names replaced by "[Name entfernt]" in the texts (file',
      'the approved PDF before, if the names must be kept)',
    ),
    candidates: bySession('minutes'),
    atEndOf: minutesAtEnd,
  },
  {
    type: 'minutesVersion',
    holds: 'the same as the minutes, for every saved version',
    kept: SESSION_PERIOD,
    atEnd: 'the same as the minutes, in every version',
    candidates: bySession('minutesVersion'),
    atEndOf: minutesAtEnd,
  },
  {
    type: 'minutesResponse',
    holds: "the person's object id, agree or object per item, the objection's comment",
    kept: SESSION_PERIOD,
    atEnd: 'the comment removed (the answer stays, for the counts)',
    candidates: bySession('minutesResponse'),
    atEndOf: (document, scope) => {
      if (!expired(document, scope)) return undefined;
      return changed(document, without(document as MinutesResponseDocument, 'comment'));
    },
  },
  {
    type: 'agreement',
    holds: "the responsible person's object id and name, the agreement's text, history with notes",
    kept: "while open; once done, the committee's period after it was done",
    atEnd: text(
      'the name, the notes of its history and a pending due-date proposal removed, names replaced by',
      '"[Name entfernt]" in the text; status and dates stay',
    ),
    candidates: () => [where('agreement', ['status', '=', 'done'])],
    atEndOf: (document, scope) => {
      const agreement = document as AgreementDocument;
      if (agreement.status !== 'done' || !agreement.doneAt || agreement.doneAt > scope.periodCutoff) return undefined;
      const history = agreement.history.map((event) => without(event, 'note'));
      const rest = without(agreement, 'responsibleName', 'proposedDueDate');
      return changed(document, withoutNames({ ...rest, history }, scope));
    },
  },
  {
    type: 'workingGroup',
    holds: 'the member list (free text, often people outside the roster), mandate',
    kept: "while active; once ended, the committee's period after it ended",
    atEnd: 'the member list emptied, names replaced by "[Name entfernt]" in name and mandate',
    candidates: () => [where('workingGroup', ['state', '=', 'ended'])],
    atEndOf: (document, scope) => {
      const group = document as WorkingGroupDocument;
      if (group.state !== 'ended' || (group.endedAt ?? group.updatedAt) > scope.periodCutoff) return undefined;
      return changed(document, withoutNames({ ...group, members: '' }, scope));
    },
  },
  {
    type: 'dispatch',
    holds: 'recipients (object ids, names, Teams contacts) and the messages as sent: names, minutes text, links',
    kept: `until expanded into messages, then ${DELIVERY_RECORD_DAYS} days`,
    atEnd: 'deleted',
    timeToLive: `${DELIVERY_RECORD_DAYS} days after it was expanded`,
    candidates: (scope) =>
      ['expanded', 'finished'].map((status) => where('dispatch', ['status', '=', status], deliveredBefore(scope))),
    atEndOf: (document) => ((document as DispatchDocument).status !== 'new' ? 'delete' : undefined),
  },
  {
    type: 'outbox',
    holds: 'one recipient (object id, name, Teams contact) and the message as sent: names, minutes text, links',
    kept: `until sent or failed for good, then ${DELIVERY_RECORD_DAYS} days (the delivery report's horizon)`,
    atEnd: 'deleted',
    timeToLive: `${DELIVERY_RECORD_DAYS} days after it was sent or failed (sending it again removes it)`,
    candidates: (scope) =>
      ['sent', 'failed'].map((status) => where('outbox', ['status', '=', status], deliveredBefore(scope))),
    atEndOf: (document, scope) => {
      const record = document as OutboxRecord;
      if (record.status === 'pending') return undefined;
      const settledAt = record.sentAt ?? record.failure?.at ?? record.createdAt;
      return settledAt <= scope.daysAgo(DELIVERY_RECORD_DAYS) ? 'delete' : undefined;
    },
  },
  {
    type: 'job',
    holds: 'none (job kind, session or committee id)',
    kept: `while scheduled; once done, failed or cancelled, ${FINISHED_JOB_DAYS} days`,
    atEnd: 'deleted',
    timeToLive: `${FINISHED_JOB_DAYS} days after it finished`,
    candidates: (scope) => [finishedJobs(scope)],
    atEndOf: (document) => ((document as JobDocument).status === 'scheduled' ? undefined : 'delete'),
    withoutCommittee: (scope) => finishedJobs(scope),
  },
  {
    type: 'dataExport',
    holds: "one person's request for their data: their object id and the committee they asked in (no copy of the data)",
    kept: 'until its link expires (24 hours)',
    atEnd: 'deleted',
    timeToLive: '24 hours after it was made',
    candidates: (scope) => [where('dataExport', ['expiresAt', '<=', scope.nowIso])],
    atEndOf: (document, scope) => ((document as DataExportDocument).expiresAt <= scope.nowIso ? 'delete' : undefined),
    withoutCommittee: (scope) => where('dataExport', ['expiresAt', '<=', scope.nowIso]),
  },
  {
    type: LINK_TYPE,
    holds: "the hash of one download link's token and the object id of the person (or the channel) it was issued to",
    kept: text(
      'calendar: two weeks after the session ends; minutes and extract: 90 days after sending; export: 24 hours;',
      'status report (PDF and CSV): 7 days',
    ),
    atEnd: 'deleted; a revoked link is deleted at once, when its holder leaves, is deactivated or erased',
    candidates: (scope) => [where(LINK_TYPE, ['expiresAt', '<=', scope.nowIso])],
    atEndOf: (document, scope) => ((document as LinkDocument).expiresAt <= scope.nowIso ? 'delete' : undefined),
    withoutCommittee: (scope) => where(LINK_TYPE, ['expiresAt', '<=', scope.nowIso]),
  },
  {
    type: CALENDAR_FEED_TYPE,
    holds: "the hash of a person's calendar subscription token and their object id",
    kept: text(
      "while the person is an active member of one of the organisation's committees, otherwise",
      `${UNUSED_LANGUAGE_CHOICE_DAYS} days after it was made (or the person last left a committee, if later);`,
      'while they are on no roster it shows nothing and answers like an unknown address',
    ),
    atEnd: 'deleted, and at once when the person makes a new address or is erased',
    candidates: (scope) => [unusedCalendarFeeds(scope)],
    atEndOf: (document, scope) => {
      const feed = document as CalendarFeedDocument;
      return unusedByPerson(feed.personId, feed.issuedAt, scope) ? 'delete' : undefined;
    },
    withoutCommittee: (scope) => unusedCalendarFeeds(scope),
  },
  {
    type: 'oparlObject',
    holds:
      "the committee's public record as the OParl interface serves it; no names of people (taken out of every text)",
    kept: text(
      'while the committee publishes; an object no longer public (or all, once publication is switched off)',
      'keeps only its address and times, so that clients learn of the deletion',
    ),
    atEnd: text(
      "nothing automatic: the interface's refresh keeps it in step with the committee's records, so what",
      'retention or erasure removes there leaves it within a minute',
    ),
    candidates: () => [],
    atEndOf: () => undefined,
  },
  {
    type: 'oparlCommittee',
    holds: "a committee that published: its id, its organisation's tenant id, its name and short name",
    kept: 'as long as the committee exists, so that its body can be stated as deleted after publication ends',
    atEnd: 'nothing automatic (see committee)',
    candidates: () => [],
    atEndOf: () => undefined,
  },
  {
    type: 'audit',
    holds: "who changed what when, with the changed fields' values before and after (names among them)",
    kept: "the committee's period (default 24 months) after the change; without a committee the default period",
    atEnd: text(
      'deleted. Before that, when retention or erasure removes a value from a record, the records of',
      'that record lose the value too (that the field changed stays)',
    ),
    candidates: (scope) => [where('audit', ['at', '<=', scope.periodCutoff])],
    atEndOf: (document, scope) => ((document as AuditRecord).at <= scope.periodCutoff ? 'delete' : undefined),
    withoutCommittee: (scope) => where('audit', ['at', '<=', scope.periodCutoff]),
  },
];

/** The home a channel or group chat belongs to: its team, or the chat itself. */
function homeKeyOf(conversation: ConversationDocument): string {
  return conversation.kind === 'channel' && conversation.teamId
    ? conversation.teamId
    : conversation.address.conversationId;
}

/** Language choices last made longer ago than one is kept for a person who is not an active member. */
function unusedLanguageChoices(scope: Pick<RetentionScope, 'daysAgo'>): Query {
  return where(LANGUAGE_PREFERENCE_TYPE, ['updatedAt', '<=', scope.daysAgo(UNUSED_LANGUAGE_CHOICE_DAYS)]);
}

/** Subscriptions made longer ago than an unused one is kept (whether it is unused is `atEndOf`'s to say). */
function unusedCalendarFeeds(scope: Pick<RetentionScope, 'daysAgo'>): Query {
  return where(CALENDAR_FEED_TYPE, ['issuedAt', '<=', scope.daysAgo(UNUSED_LANGUAGE_CHOICE_DAYS)]);
}

/** Created longer ago than delivery records are kept. */
function deliveredBefore(scope: Pick<RetentionScope, 'daysAgo'>): [string, QueryOperator, string] {
  return ['createdAt', '<=', scope.daysAgo(DELIVERY_RECORD_DAYS)];
}

/** Jobs done, failed or cancelled longer ago than they are kept. */
function finishedJobs(scope: Pick<RetentionScope, 'daysAgo'>): Query {
  return where('job', ['status', '!=', 'scheduled'], ['updatedAt', '<=', scope.daysAgo(FINISHED_JOB_DAYS)]);
}

/** Every document type Gremium stores. */
export const DOCUMENT_TYPES: readonly string[] = RETENTION_RULES.map((rule) => rule.type);
