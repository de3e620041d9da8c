import { createHash } from 'node:crypto';
import { isWithoutTeamsPersonId } from '../../domain/email-address';
import type { PersonalConversationTarget } from '../ports/messenger';
import type { MessageSpec } from '../ports/message-renderer';
import type { LinkRecipient } from '../links/link-document';
import { UNCLAIMED, type LeasedDocument } from '../leases';
import type { BatchOperation, Document } from '../ports/document-store';

/** Who receives an outbox record. */
export type Recipient =
  /** A conversation the bot already knows: a channel, a group chat or a person's 1:1 chat. */
  | { readonly kind: 'conversation'; readonly conversationDocumentId: string }
  /**
   * A person: their stored 1:1 conversation, or, when the bot has none yet, one opened from their
   * team membership.
   */
  | {
      readonly kind: 'person';
      readonly aadObjectId: string;
      readonly teamMember?: PersonalConversationTarget;
      /** A person without a Teams account: such a draft is never queued (see `reachableInTeams`). */
      readonly withoutTeams?: true;
    }
  /**
   * The session's event in the organiser mailbox's calendar (Microsoft Graph): the sender
   * reconciles it with the session as it is now; Outlook tells the attendees.
   */
  | { readonly kind: 'organiserCalendar'; readonly sessionId: string }
  /**
   * An e-mail from the organiser mailbox (Microsoft Graph) to a person without Teams, with their
   * calendar subscription address: the sender reads the person, makes the address and writes the
   * mail when it sends, so neither the address nor its token is ever stored in the outbox.
   */
  | { readonly kind: 'organiserMail'; readonly personId: string };

/** Who a message's links are issued to: the person, or the conversation everyone in it reads. */
export function linkRecipientOf(recipient: Recipient): LinkRecipient {
  if (recipient.kind === 'organiserCalendar' || recipient.kind === 'organiserMail')
    throw new Error('the organiser mailbox receives no links');
  return recipient.kind === 'person'
    ? { kind: 'person', id: recipient.aadObjectId }
    : { kind: 'conversation', id: recipient.conversationDocumentId };
}

/** A person as a recipient: their 1:1 chat, opened from their team membership when the bot has none yet. */
export function personRecipient(person: {
  readonly aadObjectId: string;
  readonly contact?: PersonalConversationTarget;
  readonly withoutTeams?: boolean;
}): Recipient {
  return {
    kind: 'person',
    aadObjectId: person.aadObjectId,
    ...(person.contact ? { teamMember: person.contact } : {}),
    ...(person.withoutTeams ? { withoutTeams: true as const } : {}),
  };
}

/** One message to each of the people, keyed per person under `dispatchId`. */
export function draftsForPeople(
  dispatchId: string,
  people: ReadonlyArray<{
    readonly aadObjectId: string;
    readonly displayName: string;
    readonly contact?: PersonalConversationTarget;
    readonly withoutTeams?: boolean;
  }>,
  message: MessageSpec,
): OutboxDraft[] {
  return people.map((person) => ({
    key: `${dispatchId}:${person.aadObjectId}`,
    recipient: personRecipient(person),
    recipientLabel: person.displayName,
    message,
  }));
}

/** The people the drafts go to 1:1, by Entra object id. */
export function personIdsOf(drafts: readonly OutboxDraft[]): string[] {
  return drafts.flatMap((draft) => (draft.recipient.kind === 'person' ? [draft.recipient.aadObjectId] : []));
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export type FailureReason = 'permanent' | 'attemptsExhausted' | 'noConversation';

/**
 * Where on the way to a person a message failed: looking them up in the committee's team or chat,
 * opening a 1:1 chat with them, or posting into the conversation. A 403 means something else at
 * each step (not allowed to start a chat, or blocked), so the secretariat is told the step's reason.
 */
export type DeliveryStep = 'lookUp' | 'open' | 'send';

/**
 * One message to one recipient. Hot and contended things are separate documents: each record is
 * claimed, sent and settled on its own, so concurrent senders never fight over a shared counter.
 */
export interface OutboxRecord extends LeasedDocument {
  readonly type: 'outbox';
  /** The idempotency key, e.g. `invite:2027-1:<person>:v2`; the id is derived from it. */
  readonly key: string;
  /** Groups the records that one action sent out, for the delivery report. */
  readonly dispatchId: string;
  readonly recipient: Recipient;
  /** How the delivery report names the recipient. */
  readonly recipientLabel: string;
  readonly message: MessageSpec;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly sentAt?: string;
  /** The sent activity's id, to update the card in place later. */
  readonly activityId?: string;
  readonly conversationId?: string;
  readonly lastFailure?: { readonly status: number | null; readonly detail: string; readonly at: string };
  readonly failure?: OutboxFailure;
  /** How often the secretariat sent it again after it had failed ("Nicht Zugestelltes erneut senden"). */
  readonly resends?: number;
  /** For the organiser calendar: what reconciling the Outlook event did, for the delivery report. */
  readonly meeting?: MeetingSyncResult;
}

/**
 * What bringing a session's Outlook event up to date did: `created`, `updated`, `recreated`
 * (someone had deleted it in Outlook; a new one with a new Teams link was made), `unchanged`
 * (it already showed this revision and these attendees), `cancelled`, or `nothingToCancel`
 * (the session was cancelled before it ever had an event).
 */
export type MeetingAction = 'created' | 'updated' | 'recreated' | 'unchanged' | 'cancelled' | 'nothingToCancel';

export interface MeetingSyncResult {
  readonly action: MeetingAction;
  /** Invited people without an e-mail address, whom Outlook cannot invite („Name (Institution)“). */
  readonly unreachable: readonly string[];
}

/** Why a record failed for good, in terms the delivery report and the failure notice turn into words. */
export interface OutboxFailure {
  readonly reason: FailureReason;
  readonly status: number | null;
  readonly detail: string;
  readonly at: string;
  /** The step that failed; records failed before steps were told apart lack it (read as `send`). */
  readonly step?: DeliveryStep;
  /** The connector's error code, e.g. `ConversationBlockedByUser`; log-safe. */
  readonly code?: string;
  /**
   * For `noConversation`: whether Gremium looked for the person in a team or group chat of the
   * committee it is installed in (and did not find them there), or knew no such place at all.
   */
  readonly lookedInHome?: boolean;
}

/** What a use case decides to send to one recipient; the outbox adds the bookkeeping. */
export interface OutboxDraft {
  readonly key: string;
  readonly recipient: Recipient;
  readonly recipientLabel: string;
  readonly message: MessageSpec;
}

/** The same key always gives the same id, so writing a message twice creates one record. */
export function outboxRecordId(key: string): string {
  return `outbox-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/**
 * What a dispatch was, so that the delivery report and the failure notice can name it in the
 * reader's language („Einladung zur Sitzung 2027/1 an 12 Mitglieder“) instead of by its key.
 */
export type DispatchKind =
  | 'invitation'
  | 'invitationChange'
  | 'cancellation'
  | 'deputyInvitation'
  | 'rsvpReminder'
  | 'callForTopics'
  | 'topicsClosed'
  | 'topicDecision'
  | 'agenda'
  | 'agendaInvitation'
  | 'agendaDeadline'
  | 'minutesCirculation'
  | 'minutesObjections'
  | 'minutesApproval'
  | 'minutesCorrection'
  | 'actionItem'
  | 'actionItemReminder'
  | 'overdueDigest'
  | 'deliveryFailures'
  /** The session's Outlook event in the organiser mailbox, created, updated or cancelled. */
  | 'outlookEvent'
  /** The e-mail with a person's calendar subscription address, from the organiser mailbox. */
  | 'feedLinkMail';

/**
 * Who a dispatch was for, as a group: the members (invitations), everyone invited (changes,
 * cancellations, reminders), the working group, the secretariat, or the people it names.
 */
export type DispatchAudience =
  | 'members'
  | 'invitees'
  | 'workingGroup'
  | 'secretariat'
  | 'recipients'
  /** The organiser mailbox's calendar; Outlook tells the attendees. */
  | 'organiserMailbox';

/** What a dispatch was about; the count of its recipients is read from its drafts. */
export interface DispatchAbout {
  readonly kind: DispatchKind;
  readonly audience: DispatchAudience;
  /** The session it concerns, by its number ("2027/1"), where it concerns one. */
  readonly sessionNumber?: string;
  /**
   * The one person a dispatch is named after („Kalenderadresse per E-Mail an Petra Krause“);
   * erasure replaces it like every mention of the name.
   */
  readonly recipientName?: string;
}

/** The recipients of a dispatch: how many people 1:1, and whether a channel or group chat. */
export function audienceCounts(drafts: readonly OutboxDraft[]): {
  readonly people: number;
  readonly conversations: number;
} {
  // A person without Teams written to by e-mail counts as a person too.
  const mailed = drafts.flatMap((draft) =>
    draft.recipient.kind === 'organiserMail' ? [draft.recipient.personId] : [],
  );
  return {
    people: new Set([...personIdsOf(drafts), ...mailed]).size,
    conversations: drafts.filter((draft) => draft.recipient.kind === 'conversation').length,
  };
}

/**
 * A fan-out as one document: the use case writes it in the same batch as the state change that
 * causes it, so both happen or neither, whatever the number of recipients (a Cosmos batch holds
 * at most 100 operations). The sender expands it into one outbox record per recipient.
 */
export interface DispatchDocument extends Document {
  readonly type: 'dispatch';
  readonly dispatchId: string;
  readonly drafts: readonly OutboxDraft[];
  /**
   * `new` until the sender made a record per draft, `expanded` while records are pending,
   * `finished` once none is (and, with failures, the secretariat's notice is queued). Sending the
   * failed ones again makes it `expanded` once more, in the next `round`.
   */
  readonly status: 'new' | 'expanded' | 'finished';
  readonly createdAt: string;
  /** What it was; dispatches written before it was kept lack it and get a generic name. */
  readonly about?: DispatchAbout;
  /** How often its failed messages were sent again; each round ends with its own notice. */
  readonly round?: number;
  /**
   * How many of the people it was meant for have no Teams account and were left out: Teams
   * cannot reach them (see `reachableInTeams`). The delivery report says so instead of listing
   * them as failed.
   */
  readonly withoutTeams?: number;
}

export function dispatchDocumentId(dispatchId: string): string {
  return `dispatch-${createHash('sha256').update(dispatchId).digest('hex').slice(0, 40)}`;
}

/**
 * The batch operation that puts a dispatch into the outbox, without the drafts to people Teams
 * cannot reach (`reachableInTeams`), which it only counts. It is a create: writing the same
 * dispatch again (a re-delivered activity) fails the batch with a ConflictError, which the
 * caller treats as "already done", never as a second message.
 */
export function enqueueOperation(
  committeeId: string,
  dispatchId: string,
  drafts: readonly OutboxDraft[],
  nowIso: string,
  about: DispatchAbout,
): BatchOperation {
  const inTeams = drafts.filter(reachableInTeams);
  const withoutTeams = new Set(personIdsOf(drafts.filter((draft) => !reachableInTeams(draft)))).size;
  const document: DispatchDocument = {
    id: dispatchDocumentId(dispatchId),
    committeeId,
    type: 'dispatch',
    dispatchId,
    drafts: inTeams,
    status: 'new',
    createdAt: nowIso,
    about,
    ...(withoutTeams > 0 ? { withoutTeams } : {}),
  };
  return { op: 'create', document };
}

/**
 * Whether a draft can go through Teams at all. A person without a Teams account (marked so by
 * `personRecipient`, or known by the roster key Gremium made from their e-mail address, which
 * holds even where a caller named the person by id alone) never gets a Teams card: no chat can be opened with
 * them, and they hear of sessions through Outlook. Every fan-out passes `enqueueOperation`, so
 * this one check keeps them out of invitations, reminders, agendas, minutes and action items
 * alike, and no outbox record for them can ever fail.
 */
export function reachableInTeams(draft: OutboxDraft): boolean {
  const { recipient } = draft;
  return recipient.kind !== 'person' || !(recipient.withoutTeams || isWithoutTeamsPersonId(recipient.aadObjectId));
}

/** The pending outbox record of one draft, as the sender creates it from its dispatch. */
export function pendingRecord(
  committeeId: string,
  dispatchId: string,
  draft: OutboxDraft,
  nowIso: string,
): OutboxRecord {
  return {
    ...draft,
    dispatchId,
    id: outboxRecordId(draft.key),
    committeeId,
    type: 'outbox',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: nowIso,
    leaseUntil: UNCLAIMED,
    createdAt: nowIso,
  };
}
