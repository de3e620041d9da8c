import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Attendee, Event, ResponseType } from '@microsoft/microsoft-graph-types';

/**
 * A stand-in for Microsoft Graph's calendar of one or more mailboxes, speaking the shapes Graph
 * documents for `POST /users/{id}/events`, `PATCH …/events/{id}`, `POST …/events/{id}/cancel`,
 * `GET …/events/{id}` and `POST /users/{id}/sendMail`: events with `start`/`end` as `dateTime` +
 * `timeZone`, attendees with `emailAddress`, `type` and `status { response, time }`, an online
 * meeting's `joinUrl` when `isOnlineMeeting` is asked for, and Graph's error body
 * `{ error: { code, message } }`. A create with a `transactionId` already seen answers the event
 * made the first time, as Graph does. Trouble is injected per test: 429 with Retry-After, 503,
 * 400 (`ErrorInvalidRecipients`, a refused address), an event deleted in Outlook (404 `ErrorItemNotFound`).
 */
export interface GraphRequest {
  readonly method: string;
  /** Path under the base URL, query included. */
  readonly path: string;
  readonly body?: unknown;
  readonly authorization?: string;
  readonly prefer?: string;
}

/** An event as the double keeps it, in Graph's shape. */
export type StoredEvent = Event & { readonly mailbox: string };

export interface SentMail {
  readonly mailbox: string;
  readonly message: unknown;
}

type Injected = { readonly status: 429 | 503 | 500 | 502 | 400; readonly retryAfterSeconds?: number };

export class GraphDouble {
  readonly requests: GraphRequest[] = [];
  readonly mails: SentMail[] = [];
  /** Cancel requests as they came, with their comment. */
  readonly cancellations: Array<{ readonly eventId: string; readonly comment: string }> = [];
  private readonly events = new Map<string, StoredEvent>();
  private readonly byTransaction = new Map<string, string>();
  private readonly injected: Injected[] = [];
  private server: Server | undefined;
  private address = '';

  /** The base URL, `/v1.0` included, as GRAPH_BASE_URL takes it. */
  get baseUrl(): string {
    return `${this.address}/v1.0`;
  }

  static async start(): Promise<GraphDouble> {
    const double = new GraphDouble();
    await double.listen();
    return double;
  }

  private async listen(): Promise<void> {
    const server = createServer((request, response) => {
      void this.handle(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next requests (one per entry) are answered with this failure instead. */
  failNext(status: Injected['status'], options: { retryAfterSeconds?: number; times?: number } = {}): void {
    for (let index = 0; index < (options.times ?? 1); index += 1)
      this.injected.push({
        status,
        ...(options.retryAfterSeconds ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
      });
  }

  /** Every event not deleted, in creation order. */
  allEvents(): StoredEvent[] {
    return [...this.events.values()];
  }

  event(id: string): StoredEvent | undefined {
    return this.events.get(id);
  }

  /** A person deleted the event in Outlook: Graph answers 404 for it from now on. */
  deleteEvent(id: string): void {
    this.events.delete(id);
  }

  /**
   * An attendee answered in Outlook (accepted, tentativelyAccepted, declined), at `time` (ISO
   * UTC); Graph shows it in the attendee's `status`.
   */
  respond(eventId: string, email: string, response: ResponseType, time: string): void {
    const event = this.events.get(eventId);
    if (!event) throw new Error(`no event ${eventId}`);
    const attendees = (event.attendees ?? []).map((attendee) =>
      sameAddress(attendee.emailAddress?.address, email) ? { ...attendee, status: { response, time } } : attendee,
    );
    if (!attendees.some((attendee) => sameAddress(attendee.emailAddress?.address, email)))
      throw new Error(`${email} is no attendee of ${eventId}`);
    this.events.set(eventId, { ...event, attendees });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const url = new URL(request.url ?? '/', this.address);
    this.requests.push({
      method: request.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      ...(body !== undefined ? { body } : {}),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      ...(typeof request.headers.prefer === 'string' ? { prefer: request.headers.prefer } : {}),
    });
    const injected = this.injected.shift();
    if (injected) {
      const headers: Record<string, string> = injected.retryAfterSeconds
        ? { 'Retry-After': String(injected.retryAfterSeconds) }
        : {};
      const code =
        injected.status === 429
          ? 'TooManyRequests'
          : injected.status === 400
            ? 'ErrorInvalidRecipients'
            : 'ServiceNotAvailable';
      return send(response, injected.status, { error: { code, message: 'injected' } }, headers);
    }
    const match = /^\/v1\.0\/users\/([^/]+)\/(events|sendMail)(?:\/([^/]+))?(?:\/(cancel))?$/.exec(url.pathname);
    if (!match) return send(response, 404, { error: { code: 'ResourceNotFound', message: 'unknown path' } });
    const [, mailboxPart, collection, eventId, action] = match;
    const mailbox = decodeURIComponent(mailboxPart!);
    const method = request.method ?? 'GET';
    if (collection === 'sendMail' && method === 'POST') {
      this.mails.push({ mailbox, message: (body as { message?: unknown } | undefined)?.message });
      return send(response, 202);
    }
    if (collection !== 'events') return send(response, 405);
    if (!eventId && method === 'POST') return this.create(response, mailbox, body as Event);
    const event = eventId ? this.events.get(decodeURIComponent(eventId)) : undefined;
    if (!event || event.mailbox !== mailbox)
      return send(response, 404, {
        error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
      });
    if (action === 'cancel' && method === 'POST') {
      const comment = (body as { comment?: unknown } | undefined)?.comment;
      this.cancellations.push({ eventId: event.id!, comment: typeof comment === 'string' ? comment : '' });
      this.events.set(event.id!, { ...event, isCancelled: true });
      return send(response, 202);
    }
    if (action) return send(response, 405);
    if (method === 'GET') return send(response, 200, selected(event, url.searchParams.get('$select')));
    if (method === 'PATCH') return send(response, 200, this.update(event, body as Event));
    return send(response, 405);
  }

  private create(response: ServerResponse, mailbox: string, body: Event): void {
    if (!body?.subject || !body.start?.dateTime || !body.start.timeZone || !body.end?.dateTime)
      return send(response, 400, { error: { code: 'ErrorInvalidRequest', message: 'subject, start, end' } });
    const transactionId = body.transactionId ?? undefined;
    const existing = transactionId ? this.byTransaction.get(`${mailbox}|${transactionId}`) : undefined;
    if (existing && this.events.has(existing)) return send(response, 201, this.events.get(existing));
    const id = `AAMk${randomUUID().replace(/-/g, '')}`;
    const online = body.isOnlineMeeting === true && body.onlineMeetingProvider === 'teamsForBusiness';
    const event: StoredEvent = {
      ...body,
      mailbox,
      id,
      isCancelled: false,
      webLink: `https://outlook.office365.com/owa/?itemid=${id}&exvsurl=1&path=/calendar/item`,
      ...(online
        ? { onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${id}%40thread.v2/0` } }
        : {}),
      attendees: withStatus(body.attendees ?? [], []),
    };
    this.events.set(id, event);
    if (transactionId) this.byTransaction.set(`${mailbox}|${transactionId}`, id);
    send(response, 201, event);
  }

  private update(event: StoredEvent, body: Event): StoredEvent {
    const changed: StoredEvent = {
      ...event,
      ...body,
      mailbox: event.mailbox,
      id: event.id,
      ...(body.attendees ? { attendees: withStatus(body.attendees, event.attendees ?? []) } : {}),
    };
    this.events.set(event.id!, changed);
    return changed;
  }
}

/** Attendees as Graph keeps them: a new one has not answered; a kept one keeps its answer. */
function withStatus(attendees: readonly Attendee[], before: readonly Attendee[]): Attendee[] {
  return attendees.map((attendee) => {
    const kept = before.find((old) => sameAddress(old.emailAddress?.address, attendee.emailAddress?.address));
    return { ...attendee, status: kept?.status ?? { response: 'none', time: '0001-01-01T00:00:00Z' } };
  });
}

function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a.toLowerCase() === b.toLowerCase());
}

function selected(event: StoredEvent, select: string | null): Event {
  const { mailbox: _mailbox, ...rest } = event;
  if (!select) return rest;
  const fields = select.split(',');
  return Object.fromEntries(Object.entries(rest).filter(([key]) => fields.includes(key) || key === 'id'));
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
