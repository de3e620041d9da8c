import type { RemoteFailure } from './messenger';

/**
 * The organiser mailbox's calendar (a shared mailbox of the secretariat, e.g. `gremien@…`),
 * reached through Microsoft Graph when `GRAPH_ORGANIZER_MAILBOX` is set. Each session is one
 * Outlook event there with a Teams meeting; Outlook sends the invitations, updates and
 * cancellations to the attendees, inside the tenant or not, and keeps their answers.
 *
 * Failures are values, as with the messenger, so that the outbox's delivery rules (retry on
 * 429 with Retry-After and on 5xx, give up on other 4xx) decide what happens next.
 */
export interface OrganiserCalendar {
  /**
   * Creates the event. Graph keeps the `transactionId` for a while and answers a second create
   * with the same id with the event made the first time, so a create retried after a crash
   * never makes a second event.
   */
  createEvent(event: MeetingEventRequest): Promise<GraphOutcome<MeetingEvent>>;
  /** Replaces subject, times, place, body and attendees; Outlook sends the attendees an update. */
  updateEvent(eventId: string, event: MeetingEventRequest): Promise<GraphOutcome<MeetingEvent>>;
  /** Cancels the event; Outlook sends each attendee a cancellation with the comment. */
  cancelEvent(eventId: string, comment: string): Promise<GraphOutcome<void>>;
  /** The event as it stands, with every attendee's answer. */
  getEvent(eventId: string): Promise<GraphOutcome<MeetingEvent>>;
  /** Sends an e-mail from the organiser mailbox (to people without Teams). */
  sendMail(mail: OrganiserMail): Promise<GraphOutcome<void>>;
}

/** What one Graph request came to: the value, or why not (a 404 on an event: someone deleted it in Outlook). */
export type GraphOutcome<T> = { readonly ok: true; readonly value: T } | RemoteFailure;

/** A local time in a named zone, as Graph's `dateTimeTimeZone`. */
export interface ZonedTime {
  /** `2027-01-28T10:00:00`, without offset. */
  readonly dateTime: string;
  /** IANA name (`Europe/Berlin`); Graph accepts IANA and Windows names. */
  readonly timeZone: string;
}

export interface MeetingAttendee {
  readonly email: string;
  readonly name: string;
  /** Members and deputies in place of a member are required; others (guests) optional. */
  readonly type: 'required' | 'optional';
}

/** The event as Gremium wants it to be; created or updated as a whole. */
export interface MeetingEventRequest {
  readonly subject: string;
  /** HTML body: committee, Sitzungsleitung, agenda link. */
  readonly bodyHtml: string;
  readonly start: ZonedTime;
  readonly end: ZonedTime;
  readonly location?: string;
  readonly attendees: readonly MeetingAttendee[];
  /** Create only: Graph's idempotency key for the event. */
  readonly transactionId?: string;
}

/** An attendee's answer as Outlook keeps it. */
export type OutlookResponse = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface MeetingEvent {
  readonly id: string;
  /** The Teams meeting's join link, once Graph made the online meeting. */
  readonly joinUrl?: string;
  /** The event in Outlook on the web, for the secretariat. */
  readonly webLink?: string;
  readonly cancelled: boolean;
  readonly attendees: ReadonlyArray<{
    readonly email: string;
    readonly response: OutlookResponse;
    /** When the attendee answered (ISO UTC), where Outlook says. */
    readonly respondedAt?: string;
  }>;
}

export interface OrganiserMail {
  readonly to: { readonly email: string; readonly name: string };
  readonly subject: string;
  readonly bodyHtml: string;
}
