import type {
  GraphOutcome,
  MeetingEvent,
  MeetingEventRequest,
  OrganiserCalendar,
  OrganiserMail,
  OutlookResponse,
} from '../../../src/app/ports/organiser-calendar';

/**
 * A hand-written stand-in for the organiser calendar port, for the use cases that read answers:
 * it holds one event's attendees as a test sets them, answers `getEvent` with them or with the
 * failure a test puts in, and counts the reads. Writing calls are not for these tests.
 */
export class FakeOrganiserCalendar implements OrganiserCalendar {
  attendees: Array<{ email: string; response: OutlookResponse; respondedAt?: string }> = [];
  /** The failure every read answers with while set. */
  failure: { status: number | null; retryAfterMs?: number } | undefined;
  readonly reads: string[] = [];

  constructor(readonly eventId: string) {}

  answer(email: string, response: OutlookResponse, respondedAt?: string): void {
    this.attendees = [
      ...this.attendees.filter((attendee) => attendee.email !== email),
      { email, response, ...(respondedAt ? { respondedAt } : {}) },
    ];
  }

  async getEvent(eventId: string): Promise<GraphOutcome<MeetingEvent>> {
    this.reads.push(eventId);
    if (this.failure) return { ok: false, ...this.failure, detail: 'double says no' };
    if (eventId !== this.eventId) return { ok: false, status: 404, detail: 'no such event', code: 'ErrorItemNotFound' };
    return { ok: true, value: { id: eventId, cancelled: false, attendees: this.attendees.map((one) => ({ ...one })) } };
  }

  createEvent(_event: MeetingEventRequest): Promise<GraphOutcome<MeetingEvent>> {
    throw new Error('not used by the answer reading');
  }

  updateEvent(_eventId: string, _event: MeetingEventRequest): Promise<GraphOutcome<MeetingEvent>> {
    throw new Error('not used by the answer reading');
  }

  cancelEvent(_eventId: string, _comment: string): Promise<GraphOutcome<void>> {
    throw new Error('not used by the answer reading');
  }

  sendMail(_mail: OrganiserMail): Promise<GraphOutcome<void>> {
    throw new Error('not used by the answer reading');
  }
}
