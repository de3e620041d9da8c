import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework connector that Teams runs behind `serviceUrl`, so the
 * messenger and the outbox sender can be tested over real HTTP against the limits Teams
 * documents (docs/teams-platform.md) instead of against hopes. Time is read from an injectable
 * clock, so a test moves through rate windows without sleeping.
 */
export interface ConnectorDoubleOptions {
  /** Requests per second the whole app may make (Teams: about 50 per app and tenant). */
  readonly globalPerSecond?: number;
  /**
   * Random transient trouble, as a busy connector shows it: a share of requests answered 429
   * (with Retry-After) or 503. The seed makes the same request sequence fail the same way.
   */
  readonly inject?: { readonly transientRate: number; readonly seed: number };
  /** Conversations the bot can never post into again: 403 (blocked, uninstalled) or 404 (gone). */
  readonly permanent?: ReadonlyMap<string, 403 | 404>;
  /** Milliseconds; defaults to Date.now. */
  readonly clock?: () => number;
  /**
   * A path the connector lives under, as the Agents Playground's `/_connector`; requests outside
   * it are answered 404, which proves a client kept the path of its serviceUrl.
   */
  readonly pathPrefix?: string;
  /**
   * Members Teams does not let the bot start a 1:1 chat with (403 ForbiddenOperationException), as
   * when the app is not allowed for them; by Teams user id.
   */
  readonly forbiddenMembers?: ReadonlySet<string>;
}

/** A member of a team or group chat as the connector lists them. */
export interface RosterMember {
  /** The Teams user id (29:…). */
  readonly id: string;
  readonly aadObjectId: string;
  readonly name?: string;
  /** The work address Teams lists; without one, the double makes one from the name, as a tenant would have. */
  readonly email?: string;
  readonly userPrincipalName?: string;
}

/** The activity as the client sent it; the typed fields are those tests look at most. */
export interface RecordedActivity {
  readonly type?: string;
  readonly text?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: unknown }>;
  readonly [field: string]: unknown;
}

export interface DeliveredActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: RecordedActivity;
  /** Clock time of acceptance, in milliseconds. */
  readonly at: number;
  /** The Authorization header as it arrived; absent for an unauthenticated (local mode) client. */
  readonly authorization?: string;
}

export interface UpdatedActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly activity: RecordedActivity;
  readonly at: number;
}

export interface CreatedConversation {
  readonly conversationId: string;
  readonly memberId: string;
  readonly tenantId: string;
  readonly at: number;
}

/** A status the double answers once, for the next request, whatever the limits say. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly retryAfterSeconds?: number;
}

interface Window {
  readonly limit: number;
  readonly durationMs: number;
}

/**
 * Teams' documented limits per bot and conversation for sending, updating and creating a
 * conversation (MicrosoftDocs/msteams-docs, bots/how-to/rate-limit.md).
 */
const PER_CONVERSATION_WINDOWS: readonly Window[] = [
  { limit: 7, durationMs: 1_000 },
  { limit: 8, durationMs: 2_000 },
  { limit: 60, durationMs: 30_000 },
  { limit: 1_800, durationMs: 3_600_000 },
];

const DEFAULT_GLOBAL_PER_SECOND = 50;
const INJECTED_RETRY_AFTER_SECONDS = 1;

/**
 * Remembers when requests were accepted, and says how long until one more fits. Only accepted
 * requests count: a refused one did not reach Teams' conversation.
 */
class SlidingWindow {
  private readonly acceptedAt: number[] = [];

  constructor(private readonly window: Window) {}

  /** 0 when a request may pass at `now`; otherwise milliseconds until the oldest blocking entry leaves. */
  waitMs(now: number): number {
    while (this.acceptedAt.length > 0 && this.acceptedAt[0]! + this.window.durationMs <= now) this.acceptedAt.shift();
    if (this.acceptedAt.length < this.window.limit) return 0;
    return this.acceptedAt[this.acceptedAt.length - this.window.limit]! + this.window.durationMs - now;
  }

  record(now: number): void {
    this.acceptedAt.push(now);
  }
}

/** xorshift32 with a scrambled seed: enough randomness for fault injection, and reproducible. */
function seededRandom(seed: number): () => number {
  let state = Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) || 0x2545f491;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let warmUp = 0; warmUp < 8; warmUp++) next();
  return next;
}

type Route =
  | { readonly kind: 'send'; readonly conversationId: string }
  | { readonly kind: 'create' }
  | { readonly kind: 'update'; readonly conversationId: string; readonly activityId: string }
  | { readonly kind: 'members'; readonly conversationId: string };

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterSeconds?: number;
}

function errorAnswer(status: number, code: string, message: string, retryAfterSeconds?: number): Answer {
  return { status, body: { error: { code, message } }, retryAfterSeconds };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The in-process connector; start it with `ConnectorDouble.start()` and pass `url` as serviceUrl. */
export class ConnectorDouble {
  private readonly server: Server;
  private readonly clock: () => number;
  private readonly pathPrefix: string;
  private globalWindow: SlidingWindow;
  private conversationWindows = new Map<string, SlidingWindow[]>();
  private random: () => number;
  private deliveries: DeliveredActivity[] = [];
  private updates: UpdatedActivity[] = [];
  private creations: CreatedConversation[] = [];
  private statusCounts = new Map<number, number>();
  private scripted: ScriptedAnswer[] = [];
  private nextActivityNumber = 1;
  private baseUrl?: string;
  private readonly rosters = new Map<string, RosterMember[]>();
  private rosterReads: Array<{ readonly conversationId: string; readonly continuationToken?: string }> = [];

  private constructor(private readonly options: ConnectorDoubleOptions) {
    this.clock = options.clock ?? Date.now;
    this.pathPrefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
    this.globalWindow = this.newGlobalWindow();
    this.random = seededRandom(options.inject?.seed ?? 0);
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  /** Listens on 127.0.0.1 and a free port. */
  static async start(options: ConnectorDoubleOptions = {}): Promise<ConnectorDouble> {
    const double = new ConnectorDouble(options);
    await new Promise<void>((resolve, reject) => {
      double.server.once('error', reject);
      double.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = double.server.address() as AddressInfo;
    double.baseUrl = `http://127.0.0.1:${port}${double.pathPrefix}`;
    return double;
  }

  /** The serviceUrl to give a client: no trailing slash, with the path prefix if any. */
  get url(): string {
    if (!this.baseUrl) throw new Error('the connector double is not listening');
    return this.baseUrl;
  }

  /**
   * The id Teams keeps for the 1:1 conversation of the bot with a member. Derived from the member
   * id, so it is the same on every call, after reset, and in every double.
   */
  static personalConversationIdOf(memberId: string): string {
    return `a:1${createHash('sha256').update(memberId).digest('base64url').slice(0, 32)}`;
  }

  /** Sends the connector accepted, in order; refused ones never appear. */
  delivered(): DeliveredActivity[] {
    return [...this.deliveries];
  }

  updated(): UpdatedActivity[] {
    return [...this.updates];
  }

  createdConversations(): CreatedConversation[] {
    return [...this.creations];
  }

  /**
   * Makes a person a member of a team (by the team's id) or group chat, as its member list then
   * answers. Teams keeps rosters across resets, and so does the double.
   */
  addMember(conversationId: string, member: RosterMember): void {
    this.rosters.set(conversationId, [...(this.rosters.get(conversationId) ?? []), member]);
  }

  /** The pages of member lists answered, in order. */
  memberListReads(): Array<{ readonly conversationId: string; readonly continuationToken?: string }> {
    return [...this.rosterReads];
  }

  /** Every request answered, counted by status: `{ 201: 7, 429: 1 }`. */
  requests(): Record<number, number> {
    return Object.fromEntries(this.statusCounts);
  }

  deliveredPerConversation(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { conversationId } of this.deliveries) counts.set(conversationId, (counts.get(conversationId) ?? 0) + 1);
    return counts;
  }

  /**
   * Answers the next request with this status instead of judging it, for the failure a test
   * needs exactly once (a 503, a 429 with a long Retry-After). Several calls queue up.
   */
  answerNextWith(answer: ScriptedAnswer): void {
    this.scripted.push(answer);
  }

  /**
   * Forgets traffic: records, counts, rate windows and scripted answers, and restarts the fault
   * injection from its seed. Conversation ids stay what they were, as they do in Teams.
   */
  reset(): void {
    this.conversationWindows = new Map();
    this.globalWindow = this.newGlobalWindow();
    this.random = seededRandom(this.options.inject?.seed ?? 0);
    this.deliveries = [];
    this.updates = [];
    this.creations = [];
    this.statusCounts = new Map();
    this.scripted = [];
    this.rosterReads = [];
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let answer: Answer;
    try {
      const text = await readBody(request);
      answer = this.answer(request.method ?? 'GET', request.url ?? '/', text, request.headers.authorization);
    } catch {
      answer = errorAnswer(500, 'InternalError', 'the double failed to read the request');
    }
    this.statusCounts.set(answer.status, (this.statusCounts.get(answer.status) ?? 0) + 1);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (answer.retryAfterSeconds !== undefined) headers['retry-after'] = String(answer.retryAfterSeconds);
    response.writeHead(answer.status, headers);
    response.end(JSON.stringify(answer.body));
  }

  private answer(method: string, rawUrl: string, text: string, authorization: string | undefined): Answer {
    const url = new URL(rawUrl, 'http://connector');
    const route = this.route(method, url.pathname);
    if (!route) return errorAnswer(404, 'NotFound', `no route for ${method} ${rawUrl}`);
    if (route.kind === 'members') return this.members(route.conversationId, url.searchParams);

    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return errorAnswer(400, 'BadArgument', 'the body is not JSON');
    }
    if (!isRecord(body)) return errorAnswer(400, 'BadArgument', 'the body must be a JSON object');

    let conversationId: string;
    let memberId = '';
    let tenantId = '';
    if (route.kind === 'create') {
      const members = body['members'];
      const firstMember: unknown = Array.isArray(members) ? members[0] : undefined;
      memberId = isRecord(firstMember) && typeof firstMember['id'] === 'string' ? firstMember['id'] : '';
      const channelData = body['channelData'];
      const channelTenant =
        isRecord(channelData) && isRecord(channelData['tenant']) ? channelData['tenant']['id'] : undefined;
      const tenant = body['tenantId'] ?? channelTenant;
      tenantId = typeof tenant === 'string' ? tenant : '';
      if (!memberId) return errorAnswer(400, 'BadArgument', 'members[0].id is required');
      if (!tenantId)
        return errorAnswer(400, 'BadArgument', 'a tenant id is required to create a conversation in Teams');
      conversationId = ConnectorDouble.personalConversationIdOf(memberId);
    } else {
      if (typeof body['type'] !== 'string') return errorAnswer(400, 'BadArgument', 'the activity needs a type');
      conversationId = route.conversationId;
    }

    const scripted = this.scripted.shift();
    if (scripted)
      return errorAnswer(scripted.status, 'Scripted', 'answered as the test asked', scripted.retryAfterSeconds);

    const permanent = this.options.permanent?.get(conversationId);
    if (permanent === 403) return errorAnswer(403, 'ConversationBlockedByUser', 'the user blocked the bot');
    if (permanent === 404) return errorAnswer(404, 'ConversationNotFound', 'the conversation does not exist');

    const injected = this.injectedFault();
    if (injected) return injected;

    const now = this.clock();
    const windows = this.windowsOf(conversationId);
    const waitMs = Math.max(this.globalWindow.waitMs(now), ...windows.map((window) => window.waitMs(now)));
    if (waitMs > 0) return errorAnswer(429, 'Throttled', 'too many requests', Math.max(1, Math.ceil(waitMs / 1_000)));
    this.globalWindow.record(now);
    for (const window of windows) window.record(now);

    const activity = body as RecordedActivity;
    switch (route.kind) {
      case 'create':
        if (this.options.forbiddenMembers?.has(memberId))
          return errorAnswer(403, 'ForbiddenOperationException', 'the bot may not start a conversation with this user');
        this.creations.push({ conversationId, memberId, tenantId, at: now });
        return { status: 201, body: { id: conversationId } };
      case 'send': {
        const activityId = `1:${this.nextActivityNumber++}`;
        this.deliveries.push({
          conversationId,
          activityId,
          activity,
          at: now,
          ...(authorization ? { authorization } : {}),
        });
        return { status: 201, body: { id: activityId } };
      }
      case 'update': {
        const known = this.deliveries.some(
          (delivery) => delivery.conversationId === conversationId && delivery.activityId === route.activityId,
        );
        if (!known) return errorAnswer(404, 'ActivityNotFound', 'no such activity in this conversation');
        this.updates.push({ conversationId, activityId: route.activityId, activity, at: now });
        return { status: 200, body: { id: route.activityId } };
      }
    }
  }

  private route(method: string, pathname: string): Route | undefined {
    if (!pathname.startsWith(`${this.pathPrefix}/`)) return undefined;
    const segments = pathname.slice(this.pathPrefix.length + 1).split('/');
    let decoded: string[];
    try {
      decoded = segments.map((segment) => decodeURIComponent(segment));
    } catch {
      return undefined;
    }
    const [version, conversations, conversationId, activities, activityId, ...rest] = decoded;
    if (version !== 'v3' || conversations !== 'conversations' || rest.length > 0) return undefined;
    if (method === 'POST' && conversationId === undefined) return { kind: 'create' };
    if (method === 'GET' && conversationId && activities === 'pagedmembers' && activityId === undefined)
      return { kind: 'members', conversationId };
    if (!conversationId || activities !== 'activities') return undefined;
    if (method === 'POST' && activityId === undefined) return { kind: 'send', conversationId };
    if (method === 'PUT' && activityId) return { kind: 'update', conversationId, activityId };
    return undefined;
  }

  /**
   * A page of the member list of a team (by the team's id) or group chat, as Teams answers
   * `GET /v3/conversations/{id}/pagedmembers?pageSize=…&continuationToken=…`: the members in a
   * stable order with their Teams user id and Entra object id, and a token while more follow.
   * A conversation nobody added members to is unknown: 404 ConversationNotFound. Scripted answers
   * and the app's rate apply as to every request.
   */
  private members(conversationId: string, query: URLSearchParams): Answer {
    const continuationToken = query.get('continuationToken') ?? undefined;
    this.rosterReads.push({ conversationId, ...(continuationToken ? { continuationToken } : {}) });
    const scripted = this.scripted.shift();
    if (scripted)
      return errorAnswer(scripted.status, 'Scripted', 'answered as the test asked', scripted.retryAfterSeconds);
    const now = this.clock();
    const waitMs = this.globalWindow.waitMs(now);
    if (waitMs > 0) return errorAnswer(429, 'Throttled', 'too many requests', Math.max(1, Math.ceil(waitMs / 1_000)));
    this.globalWindow.record(now);
    const roster = this.rosters.get(conversationId);
    if (!roster) return errorAnswer(404, 'ConversationNotFound', 'the conversation does not exist');
    const pageSize = Math.min(500, Math.max(1, Number(query.get('pageSize')) || 200));
    const start = continuationToken ? Number(continuationToken) || 0 : 0;
    const page = roster.slice(start, start + pageSize);
    return {
      status: 200,
      body: {
        members: page.map((member) => ({
          id: member.id,
          aadObjectId: member.aadObjectId,
          name: member.name,
          email: member.email ?? addressOf(member),
          userPrincipalName: member.userPrincipalName ?? (member.email || addressOf(member)),
        })),
        ...(start + pageSize < roster.length ? { continuationToken: String(start + pageSize) } : {}),
      },
    };
  }

  private newGlobalWindow(): SlidingWindow {
    return new SlidingWindow({ limit: this.options.globalPerSecond ?? DEFAULT_GLOBAL_PER_SECOND, durationMs: 1_000 });
  }

  private windowsOf(conversationId: string): SlidingWindow[] {
    let windows = this.conversationWindows.get(conversationId);
    if (!windows) {
      windows = PER_CONVERSATION_WINDOWS.map((window) => new SlidingWindow(window));
      this.conversationWindows.set(conversationId, windows);
    }
    return windows;
  }

  private injectedFault(): Answer | undefined {
    const inject = this.options.inject;
    if (!inject || inject.transientRate <= 0) return undefined;
    if (this.random() >= inject.transientRate) return undefined;
    return this.random() < 0.5
      ? errorAnswer(429, 'Throttled', 'injected throttling', INJECTED_RETRY_AFTER_SECONDS)
      : errorAnswer(503, 'ServiceUnavailable', 'injected outage');
  }
}

/** A member's address as a tenant would have it, made from their name or, without one, their object id. */
function addressOf(member: RosterMember): string {
  const local = (member.name ?? member.aadObjectId)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');
  return `${local || member.aadObjectId}@contoso.example`;
}
