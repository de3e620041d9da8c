import type {
  Attendee,
  DateTimeTimeZone,
  Event,
  Message,
  NullableOption,
  ResponseType,
} from '@microsoft/microsoft-graph-types';
import type {
  GraphOutcome,
  MeetingEvent,
  MeetingEventRequest,
  OrganiserCalendar,
  OrganiserMail,
  OutlookResponse,
} from '../app/ports/organiser-calendar';

/** The application permission scope of Graph for a managed identity or app registration. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Gives a bearer token for Graph; absent for a local Graph double that needs none. */
export type GraphTokenSource = () => Promise<string>;

export interface GraphOrganiserCalendarOptions {
  /** `https://graph.microsoft.com/v1.0` (see GRAPH_BASE_URL), or a local double's address in local mode. */
  readonly baseUrl: string;
  /** The organiser mailbox, e.g. `gremien@example.org`. */
  readonly mailbox: string;
  readonly token?: GraphTokenSource;
  /** The time zone Graph answers event times in (`Prefer: outlook.timezone`). */
  readonly timeZone?: string;
  /** A request that takes longer than this counts as no answer (status null), and is retried. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** What Gremium reads of an event: enough for the meeting document and the answers. */
const EVENT_FIELDS = 'id,isCancelled,webLink,onlineMeeting,attendees';

/**
 * The organiser mailbox's calendar over Microsoft Graph's REST interface, with Node's own fetch:
 * five requests with JSON bodies need no SDK, and the official client (`@microsoft/microsoft-graph-client`)
 * would add its own retry handler, which must not compete with the outbox's retry rules.
 * Requests and answers are typed with Microsoft's published Graph types. Every failure comes back
 * as a value with the status, the Retry-After in milliseconds, Graph's error code and a log-safe
 * detail (never a body, an address or a token).
 */
export class GraphOrganiserCalendar implements OrganiserCalendar {
  private readonly mailboxPath: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: GraphOrganiserCalendarOptions) {
    this.mailboxPath = `${options.baseUrl.replace(/\/+$/, '')}/users/${encodeURIComponent(options.mailbox)}`;
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async createEvent(request: MeetingEventRequest): Promise<GraphOutcome<MeetingEvent>> {
    const body: Event = {
      ...eventBody(request),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      ...(request.transactionId ? { transactionId: request.transactionId } : {}),
    };
    const answer = await this.call<Event>('POST', '/events', body);
    return answer.ok ? { ok: true, value: meetingEventOf(answer.value) } : answer;
  }

  async updateEvent(eventId: string, request: MeetingEventRequest): Promise<GraphOutcome<MeetingEvent>> {
    const answer = await this.call<Event>('PATCH', `/events/${encodeURIComponent(eventId)}`, eventBody(request));
    return answer.ok ? { ok: true, value: meetingEventOf(answer.value) } : answer;
  }

  async cancelEvent(eventId: string, comment: string): Promise<GraphOutcome<void>> {
    const answer = await this.call('POST', `/events/${encodeURIComponent(eventId)}/cancel`, { comment });
    return answer.ok ? { ok: true, value: undefined } : answer;
  }

  async getEvent(eventId: string): Promise<GraphOutcome<MeetingEvent>> {
    const answer = await this.call<Event>('GET', `/events/${encodeURIComponent(eventId)}?$select=${EVENT_FIELDS}`);
    return answer.ok ? { ok: true, value: meetingEventOf(answer.value) } : answer;
  }

  async sendMail(mail: OrganiserMail): Promise<GraphOutcome<void>> {
    const message: Message = {
      subject: mail.subject,
      body: { contentType: 'html', content: mail.bodyHtml },
      toRecipients: [{ emailAddress: { address: mail.to.email, name: mail.to.name } }],
    };
    const answer = await this.call('POST', '/sendMail', { message, saveToSentItems: true });
    return answer.ok ? { ok: true, value: undefined } : answer;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<GraphOutcome<T>> {
    let response: Response;
    try {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(this.options.timeZone ? { Prefer: `outlook.timezone="${this.options.timeZone}"` } : {}),
      };
      if (this.options.token) headers.Authorization = `Bearer ${await this.options.token()}`;
      response = await this.fetch(`${this.mailboxPath}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // Network failure, timeout or no token: no answer from Graph, retried like a 503.
      return { ok: false, status: null, detail: `${method} ${safePath(path)}: ${errorName(error)}` };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true, value: (text ? JSON.parse(text) : undefined) as T };
    const code = graphErrorCode(text);
    const retryAfterMs = retryAfterMsOf(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      detail: `${method} ${safePath(path)} answered ${response.status}${code ? ` ${code}` : ''}`,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(code ? { code } : {}),
    };
  }
}

/** The fields of an event that Gremium sets, alike on create and update. */
function eventBody(request: MeetingEventRequest): Event {
  return {
    subject: request.subject,
    body: { contentType: 'html', content: request.bodyHtml },
    start: zoned(request.start),
    end: zoned(request.end),
    ...(request.location ? { location: { displayName: request.location } } : {}),
    attendees: request.attendees.map((attendee): Attendee => ({
      emailAddress: { address: attendee.email, name: attendee.name },
      type: attendee.type,
    })),
  };
}

function zoned(time: { readonly dateTime: string; readonly timeZone: string }): DateTimeTimeZone {
  return { dateTime: time.dateTime, timeZone: time.timeZone };
}

const RESPONSES: ReadonlySet<string> = new Set<ResponseType>([
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
]);

/** An event as Graph answers it, in the port's terms. */
export function meetingEventOf(event: Event): MeetingEvent {
  return {
    id: event.id ?? '',
    ...(event.onlineMeeting?.joinUrl ? { joinUrl: event.onlineMeeting.joinUrl } : {}),
    ...(event.webLink ? { webLink: event.webLink } : {}),
    cancelled: event.isCancelled === true,
    attendees: (event.attendees ?? []).flatMap((attendee) => {
      const email = attendee.emailAddress?.address;
      if (!email) return [];
      const response = responseOf(attendee.status?.response);
      const time = attendee.status?.time;
      return [{ email, response, ...(time && !time.startsWith('0001-') ? { respondedAt: utcIso(time) } : {}) }];
    }),
  };
}

function responseOf(value: NullableOption<ResponseType> | undefined): OutlookResponse {
  return value && RESPONSES.has(value) ? value : 'none';
}

/** Graph's response time (`2027-01-20T09:00:00Z` or with fractions) as ISO UTC with milliseconds. */
function utcIso(time: string): string {
  const parsed = new Date(/Z|[+-]\d\d:\d\d$/.test(time) ? time : `${time}Z`);
  return Number.isNaN(parsed.getTime()) ? time : parsed.toISOString();
}

/**
 * Retry-After as Graph sends it (seconds; an HTTP date is allowed by HTTP and honoured too), in
 * milliseconds; undefined when absent or unreadable.
 */
export function retryAfterMsOf(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Graph's error code from its error body (`{ error: { code } }`), if it is a plain word. */
function graphErrorCode(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Za-z0-9_.]{1,80}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The request path without the event id or query, safe for a log. */
function safePath(path: string): string {
  return path.replace(/\/events\/[^/?]+/, '/events/…').replace(/\?.*$/, '');
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'error';
}
