import {
  AppCredentials,
  AuthenticationConstants,
  type ServiceClientCredentials,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { ConversationAddress } from '../app/documents';
import type {
  ConversationMember,
  DeliveryAttempt,
  MemberListAddress,
  Messenger,
  OutgoingMessage,
  PersonalConversationTarget,
} from '../app/ports/messenger';

export interface BotFrameworkMessengerOptions {
  /** The bot's app id; without one (local mode) requests go out without a token. */
  readonly botAppId?: string;
  /**
   * Issues the bot's tokens; pass the factory the adapter was built with, so outgoing messages
   * are signed by the same registration (password, certificate or managed identity).
   */
  readonly credentialsFactory?: ServiceClientCredentialsFactory;
  /** Replaceable so that a test can answer in the connector's place. */
  readonly fetch?: typeof fetch;
  /** How long to wait for the connector before reporting "no answer" (status null). */
  readonly timeoutMs?: number;
}

type Failure = Extract<DeliveryAttempt, { ok: false }>;
type PostOutcome =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly failure: Failure };

const DEFAULT_TIMEOUT_MS = 10_000;
/** Teams' largest page of members; fewer requests keep the bot within its member-list rate. */
const MEMBER_PAGE_SIZE = 500;
/** A connector that keeps answering with a continuation token must not keep the sender reading. */
const MAX_MEMBER_PAGES = 100;

/**
 * Proactive messages through the Bot Framework connector's REST API, one HTTP request per call.
 *
 * Why not `CloudAdapter.continueConversationAsync` and `context.sendActivity`: botbuilder sends
 * through botframework-connector's `ConnectorClient`, whose @azure/core-client pipeline always
 * contains core-rest-pipeline's `defaultRetryPolicy` (up to 3 retries: 429 and 503 after their
 * Retry-After, other 5xx and 408 with exponential backoff, and refused or reset connections).
 * It cannot be switched off: botbuilder-stdlib's `ServiceClientContext` passes no `retryOptions`
 * on to the pipeline, and `ConnectorFactoryImpl` overwrites `requestPolicyFactories`. Measured
 * with botframework-connector 4.23.3: a connector answering 429 with `Retry-After: 1` got 4
 * requests in 3 s, a 503 got 4 requests in 6 s, a refused port was retried for 4.7 s. Hidden
 * retries would blur the outbox sender's rate budget and its retry rules, so this adapter posts
 * with `fetch` and reports every answer as it came.
 *
 * What is kept from botbuilder is the identity: the token comes from the same credentials
 * factory the adapter uses, for the public cloud's audience and login endpoint, exactly as
 * `ConfigurationBotFrameworkAuthentication` asks for them; botframework-connector caches tokens.
 */
export class BotFrameworkMessenger implements Messenger {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private credentials?: Promise<ServiceClientCredentials>;

  constructor(private readonly options: BotFrameworkMessengerOptions = {}) {
    if (options.botAppId && !options.credentialsFactory) {
      throw new Error('BotFrameworkMessenger needs a credentialsFactory when a botAppId is given');
    }
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async send(address: ConversationAddress, message: OutgoingMessage): Promise<DeliveryAttempt> {
    const outcome = await this.post(
      address.serviceUrl,
      `v3/conversations/${encodeURIComponent(address.conversationId)}/activities`,
      activityFor(address, message),
    );
    if (!outcome.ok) return outcome.failure;
    // Teams has accepted the message; a missing id must not turn into a retry (a duplicate).
    return { ok: true, activityId: idIn(outcome.body) ?? '' };
  }

  async openPersonalConversation(
    target: PersonalConversationTarget,
  ): Promise<{ readonly ok: true; readonly address: ConversationAddress } | Failure> {
    const outcome = await this.post(target.serviceUrl, 'v3/conversations', {
      isGroup: false,
      bot: { id: target.botId },
      members: [{ id: target.userId }],
      tenantId: target.tenantId,
      channelData: { tenant: { id: target.tenantId } },
    });
    if (!outcome.ok) return outcome.failure;
    const conversationId = idIn(outcome.body);
    if (!conversationId)
      return { ok: false, status: outcome.status, detail: 'the connector answered without a conversation id' };
    return {
      ok: true,
      address: {
        serviceUrl: target.serviceUrl,
        channelId: 'msteams',
        conversationId,
        conversationType: 'personal',
        tenantId: target.tenantId,
        botId: target.botId,
        userId: target.userId,
        userAadObjectId: target.userAadObjectId,
      },
    };
  }

  /**
   * The member list of a team (asked by the team's id) or group chat, through the connector's
   * paged roster (`GET /v3/conversations/{id}/pagedmembers`), as botbuilder's
   * `TeamsInfo.getPagedMembers` reads it: 500 a page, following the continuation token.
   */
  async listMembers(
    where: MemberListAddress,
  ): Promise<{ readonly ok: true; readonly members: readonly ConversationMember[] } | Failure> {
    const members: ConversationMember[] = [];
    let continuationToken: string | undefined;
    for (let page = 0; page < MAX_MEMBER_PAGES; page += 1) {
      const query = new URLSearchParams({ pageSize: String(MEMBER_PAGE_SIZE) });
      if (continuationToken) query.set('continuationToken', continuationToken);
      const outcome = await this.request(
        'GET',
        where.serviceUrl,
        `v3/conversations/${encodeURIComponent(where.conversationId)}/pagedmembers?${query.toString()}`,
      );
      if (!outcome.ok) return outcome.failure;
      const body = (typeof outcome.body === 'object' && outcome.body !== null ? outcome.body : {}) as {
        members?: unknown;
        continuationToken?: unknown;
      };
      for (const member of Array.isArray(body.members) ? body.members : []) {
        const account = (typeof member === 'object' && member !== null ? member : {}) as Record<string, unknown>;
        const aadObjectId = account['aadObjectId'] ?? account['objectId'];
        const email = [account['email'], account['userPrincipalName']].find(
          (value): value is string => typeof value === 'string' && value !== '',
        );
        if (typeof account['id'] === 'string' && typeof aadObjectId === 'string')
          members.push({ userId: account['id'], aadObjectId, ...(email ? { email } : {}) });
      }
      continuationToken =
        typeof body.continuationToken === 'string' && body.continuationToken ? body.continuationToken : undefined;
      if (!continuationToken) break;
    }
    return { ok: true, members };
  }

  private post(serviceUrl: string, path: string, body: object): Promise<PostOutcome> {
    return this.request('POST', serviceUrl, path, body);
  }

  private async request(method: 'GET' | 'POST', serviceUrl: string, path: string, body?: object): Promise<PostOutcome> {
    let authorization: string | undefined;
    try {
      authorization = await this.authorization();
    } catch (error) {
      return {
        ok: false,
        failure: { ok: false, status: null, detail: `no token for the connector: ${errorName(error)}` },
      };
    }

    let response: Response;
    try {
      response = await this.fetch(joinUrl(serviceUrl, path), {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
          ...(authorization ? { authorization } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        // A redirect followed would be a second request; the connector does not redirect.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { ok: false, failure: { ok: false, status: null, detail: this.describeNoAnswer(error) } };
    }

    const text = await response.text().catch(() => '');
    const parsed = parseJson(text);
    if (response.ok) return { ok: true, status: response.status, body: parsed };
    const retryAfterMs = retryAfterMsOf(response.headers.get('retry-after'), Date.now());
    const code = errorCodeIn(parsed);
    return {
      ok: false,
      failure: {
        ok: false,
        status: response.status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        ...(code ? { code } : {}),
        detail: `the connector answered ${response.status}${code ? ` ${code}` : ''}`,
      },
    };
  }

  /**
   * A bearer token for the connector, or none in local mode. The credentials are made once, so
   * their MSAL client is reused; botframework-connector keeps the token in `AppCredentials.cache`
   * and renews it five minutes before it expires.
   */
  private async authorization(): Promise<string | undefined> {
    const { botAppId, credentialsFactory } = this.options;
    if (!botAppId || !credentialsFactory) return undefined;
    this.credentials ??= credentialsFactory
      .createCredentials(
        botAppId,
        AuthenticationConstants.ToChannelFromBotOAuthScope,
        AuthenticationConstants.ToChannelFromBotLoginUrl,
        true,
      )
      .catch((error: unknown) => {
        this.credentials = undefined;
        throw error;
      });
    const credentials = await this.credentials;
    if (!(credentials instanceof AppCredentials))
      throw new TypeError('the credentials factory returned credentials that issue no bearer token');
    return `Bearer ${await credentials.getToken()}`;
  }

  private describeNoAnswer(error: unknown): string {
    if (errorName(error) === 'TimeoutError') return `no answer from the connector within ${this.timeoutMs} ms`;
    const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
    return `no answer from the connector: ${typeof cause?.code === 'string' ? cause.code : errorName(error)}`;
  }
}

/**
 * The Teams activity for a proactive message. The tenant goes into channelData because Teams
 * routes proactive messages by it; the recipient is known only in a 1:1 conversation.
 */
function activityFor(address: ConversationAddress, message: OutgoingMessage): object {
  return {
    type: 'message',
    text: message.text,
    attachments: message.attachments,
    conversation: { id: address.conversationId },
    from: { id: address.botId, name: address.botName },
    recipient: address.userId ? { id: address.userId, aadObjectId: address.userAadObjectId } : undefined,
    channelData: { tenant: { id: address.tenantId } },
  };
}

/**
 * Keeps the serviceUrl's path, which the Agents Playground needs (`http://localhost:PORT/_connector`),
 * whether or not the stored serviceUrl ends with a slash (Teams' do).
 */
function joinUrl(serviceUrl: string, path: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}/${path}`;
}

/** Retry-After is either whole seconds or an HTTP date (RFC 9110, section 10.2.3). */
function retryAfterMsOf(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function idIn(body: unknown): string | undefined {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

/** The connector's error code (e.g. ConversationBlockedByUser) is log-safe; its message may not be. */
function errorCodeIn(body: unknown): string | undefined {
  const error = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown } }).error : undefined;
  const code = error?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : undefined;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
