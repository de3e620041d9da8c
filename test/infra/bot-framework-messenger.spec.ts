import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import {
  MicrosoftAppCredentials,
  ServiceClientCredentialsFactory,
  type ServiceClientCredentials,
} from 'botframework-connector';
import type { ConversationAddress } from '../../src/app/documents';
import type { DeliveryAttempt, OutgoingMessage, PersonalConversationTarget } from '../../src/app/ports/messenger';
import { BotFrameworkMessenger } from '../../src/infra/bot-framework-messenger';
import { ConnectorDouble, type ConnectorDoubleOptions } from '../support/connector-double';

const TENANT = '11111111-2222-3333-4444-555555555555';
const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Gremium' };
const APP_ID = '00000000-0000-0000-0000-00000000a99';
const CHANNEL = '19:abc123@thread.tacv2';

const CARD_MESSAGE: OutgoingMessage = {
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Sitzung am 3. April' }] },
    },
  ],
};

function channelAt(serviceUrl: string, conversationId = CHANNEL): ConversationAddress {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversationId,
    conversationType: 'channel',
    tenantId: TENANT,
    botId: BOT.id,
    botName: BOT.name,
  };
}

function memberAt(serviceUrl: string, userId: string): PersonalConversationTarget {
  return {
    serviceUrl,
    tenantId: TENANT,
    botId: BOT.id,
    userId,
    userAadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  };
}

function failureOf(attempt: DeliveryAttempt | { ok: true }): Extract<DeliveryAttempt, { ok: false }> {
  if (attempt.ok) throw new assert.AssertionError({ message: 'expected a failed attempt', actual: attempt });
  return attempt;
}

/** Credentials that hand out a fixed token, so the signing path runs without Entra ID. */
class FixedTokenCredentials extends MicrosoftAppCredentials {
  constructor(private readonly token: string | Error) {
    super(APP_ID, 'unused');
  }

  override async getToken(): Promise<string> {
    if (this.token instanceof Error) throw this.token;
    return this.token;
  }
}

/** Stands in for the adapter's ConfigurationServiceClientCredentialFactory and notes what it is asked. */
class RecordingCredentialsFactory extends ServiceClientCredentialsFactory {
  readonly requests: Array<{
    appId: string;
    audience: string | undefined;
    loginEndpoint: string;
    validateAuthority: boolean;
  }> = [];

  constructor(private readonly token: string | Error) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(
    appId: string,
    audience: string | undefined,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<ServiceClientCredentials> {
    this.requests.push({ appId, audience, loginEndpoint, validateAuthority });
    return new FixedTokenCredentials(this.token);
  }
}

/** A server that takes connections and never answers them. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('BotFrameworkMessenger', () => {
  let now: number;
  const doubles: ConnectorDouble[] = [];

  async function startDouble(options: ConnectorDoubleOptions = {}): Promise<ConnectorDouble> {
    const double = await ConnectorDouble.start({ clock: () => now, ...options });
    doubles.push(double);
    return double;
  }

  beforeEach(() => {
    now = Date.parse('2025-04-03T16:00:00.000Z');
  });

  afterEach(async () => {
    await Promise.all(doubles.splice(0).map((double) => double.close()));
  });

  describe('send', () => {
    it('posts the card as a message activity and reports the activity id', async () => {
      const double = await startDouble();
      const messenger = new BotFrameworkMessenger();

      const attempt = await messenger.send(channelAt(double.url), CARD_MESSAGE);

      const [delivered] = double.delivered();
      assert.ok(delivered);
      assert.deepEqual(attempt, { ok: true, activityId: delivered.activityId });
      assert.equal(delivered.conversationId, CHANNEL);
      assert.equal(delivered.activity.type, 'message');
      assert.deepEqual(delivered.activity.attachments, CARD_MESSAGE.attachments);
      assert.deepEqual(delivered.activity['conversation'], { id: CHANNEL });
      assert.deepEqual(delivered.activity['from'], BOT);
      assert.deepEqual(delivered.activity['channelData'], { tenant: { id: TENANT } });
      assert.equal(delivered.activity['recipient'], undefined, 'a channel has no single recipient');
      assert.equal(delivered.authorization, undefined, 'local mode sends no token');
    });

    it('sends text as it is', async () => {
      const double = await startDouble();

      await new BotFrameworkMessenger().send(channelAt(double.url), { text: 'Erinnerung: **morgen** Sitzung' });

      assert.equal(double.delivered()[0]?.activity.text, 'Erinnerung: **morgen** Sitzung');
    });

    it('reports 429 with the Retry-After in milliseconds, after exactly one request', async () => {
      const double = await startDouble();
      const messenger = new BotFrameworkMessenger();
      const address = channelAt(double.url);
      for (let index = 0; index < 7; index++) assert.equal((await messenger.send(address, CARD_MESSAGE)).ok, true);

      const attempt = await messenger.send(address, CARD_MESSAGE);

      const failure = failureOf(attempt);
      assert.equal(failure.status, 429);
      assert.equal(failure.retryAfterMs, 1_000);
      assert.match(failure.detail, /429/);
      assert.deepEqual(double.requests(), { 201: 7, 429: 1 });
    });

    it('passes on a long Retry-After as it came', async () => {
      const double = await startDouble();
      double.answerNextWith({ status: 429, retryAfterSeconds: 30 });

      const failure = failureOf(await new BotFrameworkMessenger().send(channelAt(double.url), CARD_MESSAGE));

      assert.equal(failure.retryAfterMs, 30_000);
    });

    it('reads a Retry-After given as an HTTP date', async () => {
      const retryAt = new Date(Date.now() + 120_000);
      const requestedUrls: string[] = [];
      const answeringFetch: typeof fetch = async (url) => {
        requestedUrls.push(String(url));
        return new Response('{}', { status: 503, headers: { 'retry-after': retryAt.toUTCString() } });
      };

      const failure = failureOf(
        await new BotFrameworkMessenger({ fetch: answeringFetch }).send(
          channelAt('https://smba.example/teams/'),
          CARD_MESSAGE,
        ),
      );

      assert.deepEqual(requestedUrls, [
        'https://smba.example/teams/v3/conversations/19%3Aabc123%40thread.tacv2/activities',
      ]);
      assert.equal(failure.status, 503);
      assert.ok(
        failure.retryAfterMs !== undefined && failure.retryAfterMs > 110_000 && failure.retryAfterMs <= 120_000,
        `got ${failure.retryAfterMs}`,
      );
    });

    it('reports 503 after exactly one request', async () => {
      const double = await startDouble();
      double.answerNextWith({ status: 503 });

      const failure = failureOf(await new BotFrameworkMessenger().send(channelAt(double.url), CARD_MESSAGE));

      assert.equal(failure.status, 503);
      assert.equal(failure.retryAfterMs, undefined);
      assert.deepEqual(double.requests(), { 503: 1 });
    });

    it('makes exactly one request per send while the connector keeps failing', async () => {
      const double = await startDouble({ inject: { transientRate: 1, seed: 11 } });
      const messenger = new BotFrameworkMessenger();

      const attempts: DeliveryAttempt[] = [];
      for (let index = 0; index < 12; index++)
        attempts.push(await messenger.send(channelAt(double.url, `a:${index}`), CARD_MESSAGE));

      const statuses = attempts.map((attempt) => failureOf(attempt).status);
      assert.ok(statuses.includes(429) && statuses.includes(503), `both kinds occurred: ${statuses.join(', ')}`);
      const requests = double.requests();
      assert.equal((requests[429] ?? 0) + (requests[503] ?? 0), 12);
      assert.deepEqual(Object.keys(requests).sort(), ['429', '503']);
    });

    it('reports a blocked bot (403) and a vanished conversation (404)', async () => {
      const double = await startDouble({
        permanent: new Map<string, 403 | 404>([
          ['a:blocked', 403],
          [CHANNEL, 404],
        ]),
      });
      const messenger = new BotFrameworkMessenger();

      const blocked = failureOf(await messenger.send(channelAt(double.url, 'a:blocked'), CARD_MESSAGE));
      const gone = failureOf(await messenger.send(channelAt(double.url), CARD_MESSAGE));

      assert.equal(blocked.status, 403);
      assert.match(blocked.detail, /ConversationBlockedByUser/);
      assert.equal(blocked.code, 'ConversationBlockedByUser');
      assert.equal(gone.status, 404);
      assert.equal(gone.code, 'ConversationNotFound');
      assert.deepEqual(double.requests(), { 403: 1, 404: 1 });
    });

    it('reports status null when nothing listens', async () => {
      const double = await ConnectorDouble.start();
      const deadUrl = double.url;
      await double.close();

      const failure = failureOf(await new BotFrameworkMessenger().send(channelAt(deadUrl), CARD_MESSAGE));

      assert.equal(failure.status, null);
      assert.match(failure.detail, /ECONNREFUSED/);
    });

    it('reports status null when the connector does not answer in time', async () => {
      const silent = await startSilentServer();
      try {
        const failure = failureOf(
          await new BotFrameworkMessenger({ timeoutMs: 100 }).send(channelAt(silent.url), CARD_MESSAGE),
        );

        assert.equal(failure.status, null);
        assert.match(failure.detail, /within 100 ms/);
      } finally {
        await silent.close();
      }
    });
  });

  describe('serviceUrl', () => {
    it('works with and without a trailing slash', async () => {
      const double = await startDouble();
      const messenger = new BotFrameworkMessenger();

      const bare = await messenger.send(channelAt(double.url), CARD_MESSAGE);
      const slashed = await messenger.send(channelAt(`${double.url}/`), CARD_MESSAGE);

      assert.equal(bare.ok, true);
      assert.equal(slashed.ok, true);
      assert.deepEqual(double.requests(), { 201: 2 });
    });

    it("keeps a path prefix such as the playground's /_connector", async () => {
      const double = await startDouble({ pathPrefix: '/_connector' });
      const messenger = new BotFrameworkMessenger();

      const bare = await messenger.send(channelAt(double.url), CARD_MESSAGE);
      const slashed = await messenger.send(channelAt(`${double.url}/`), CARD_MESSAGE);
      const opened = await messenger.openPersonalConversation(memberAt(`${double.url}/`, '29:alice'));

      assert.equal(bare.ok, true);
      assert.equal(slashed.ok, true);
      assert.equal(opened.ok, true);
      assert.deepEqual(double.requests(), { 201: 3 });
    });
  });

  describe('openPersonalConversation', () => {
    it('returns the same 1:1 address for a member every time, and send reaches it', async () => {
      const double = await startDouble();
      const messenger = new BotFrameworkMessenger();
      const target = memberAt(double.url, '29:alice');

      const first = await messenger.openPersonalConversation(target);
      const again = await messenger.openPersonalConversation(target);
      assert.ok(first.ok && again.ok);
      const sent = await messenger.send(first.address, { text: 'Hallo Alice' });

      assert.deepEqual(first.address, {
        serviceUrl: double.url,
        channelId: 'msteams',
        conversationId: ConnectorDouble.personalConversationIdOf('29:alice'),
        conversationType: 'personal',
        tenantId: TENANT,
        botId: BOT.id,
        userId: '29:alice',
        userAadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
      });
      assert.equal(again.address.conversationId, first.address.conversationId);
      assert.equal(sent.ok, true);
      const [delivered] = double.delivered();
      assert.equal(delivered?.conversationId, first.address.conversationId);
      assert.deepEqual(delivered?.activity['recipient'], {
        id: '29:alice',
        aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
      });
      assert.deepEqual(
        double.createdConversations().map(({ memberId, tenantId }) => ({ memberId, tenantId })),
        [
          { memberId: '29:alice', tenantId: TENANT },
          { memberId: '29:alice', tenantId: TENANT },
        ],
      );
    });

    it('reports a refusal as a failed attempt', async () => {
      const blockedConversation = ConnectorDouble.personalConversationIdOf('29:mallory');
      const double = await startDouble({ permanent: new Map([[blockedConversation, 403 as const]]) });
      const messenger = new BotFrameworkMessenger();

      const blocked = failureOf(await messenger.openPersonalConversation(memberAt(double.url, '29:mallory')));
      double.answerNextWith({ status: 503 });
      const unavailable = failureOf(await messenger.openPersonalConversation(memberAt(double.url, '29:alice')));

      assert.equal(blocked.status, 403);
      assert.equal(unavailable.status, 503);
      assert.deepEqual(double.requests(), { 403: 1, 503: 1 });
    });

    it('reports a refused opening with the connector’s code', async () => {
      const double = await startDouble({ forbiddenMembers: new Set(['29:yusuf']) });
      const refused = failureOf(
        await new BotFrameworkMessenger().openPersonalConversation(memberAt(double.url, '29:yusuf')),
      );
      assert.deepEqual([refused.status, refused.code], [403, 'ForbiddenOperationException']);
    });
  });

  describe('listMembers', () => {
    const TEAM = '19:kog-team@thread.tacv2';
    const where = (serviceUrl: string) => ({ serviceUrl, tenantId: TENANT, botId: BOT.id, conversationId: TEAM });

    it("reads a team's member list page by page, with each member's Teams user id and Entra object id", async () => {
      const double = await startDouble({ pathPrefix: '/_connector' });
      const people = Array.from({ length: 1_201 }, (_, index) => ({
        id: `29:member-${index}`,
        aadObjectId: `aaaaaaaa-0000-0000-0000-${String(index).padStart(12, '0')}`,
        email: `member-${index}@kog.example`,
      }));
      for (const person of people) double.addMember(TEAM, person);
      const messenger = new BotFrameworkMessenger();

      const read = await messenger.listMembers(where(double.url));

      assert.ok(read.ok);
      assert.deepEqual(
        read.members,
        people.map((person) => ({ userId: person.id, aadObjectId: person.aadObjectId, email: person.email })),
      );
      assert.deepEqual(
        double.memberListReads(),
        [
          { conversationId: TEAM },
          { conversationId: TEAM, continuationToken: '500' },
          { conversationId: TEAM, continuationToken: '1000' },
        ],
        'three pages of 500',
      );
      const sabine = read.members[2]!;
      const opened = await messenger.openPersonalConversation({ ...where(double.url), userId: sabine.userId });
      assert.equal(opened.ok, true);
      assert.deepEqual(
        double.createdConversations().map((created) => created.memberId),
        ['29:member-2'],
      );
    });

    it("gives a member's e-mail address, else the user principal name Teams lists", async () => {
      const double = await startDouble();
      double.addMember(TEAM, {
        id: '29:alice',
        aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
        email: 'a@kog.example',
      });
      double.addMember(TEAM, {
        id: '29:bob',
        aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000002',
        email: '',
        userPrincipalName: 'bob@kog.example',
      });
      const read = await new BotFrameworkMessenger().listMembers(where(double.url));
      assert.ok(read.ok);
      assert.deepEqual(
        read.members.map((member) => member.email),
        ['a@kog.example', 'bob@kog.example'],
      );
    });

    it('reports a list it cannot read as a failed attempt', async () => {
      const double = await startDouble();
      const messenger = new BotFrameworkMessenger();

      const unknown = failureOf(await messenger.listMembers(where(double.url)));
      double.addMember(TEAM, { id: '29:alice', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001' });
      double.answerNextWith({ status: 503 });
      const busy = failureOf(await messenger.listMembers(where(double.url)));

      assert.deepEqual([unknown.status, unknown.code], [404, 'ConversationNotFound']);
      assert.equal(busy.status, 503);
      assert.deepEqual(double.requests(), { 404: 1, 503: 1 });
    });
  });

  describe('authentication', () => {
    it('signs with a token from the credentials factory, asked for the Bot Framework audience once', async () => {
      const double = await startDouble();
      const credentialsFactory = new RecordingCredentialsFactory('token-for-tests');
      const messenger = new BotFrameworkMessenger({ botAppId: APP_ID, credentialsFactory });

      await messenger.send(channelAt(double.url), CARD_MESSAGE);
      await messenger.send(channelAt(double.url), CARD_MESSAGE);

      assert.deepEqual(
        double.delivered().map((delivery) => delivery.authorization),
        ['Bearer token-for-tests', 'Bearer token-for-tests'],
      );
      assert.deepEqual(credentialsFactory.requests, [
        {
          appId: APP_ID,
          audience: 'https://api.botframework.com',
          loginEndpoint: 'https://login.microsoftonline.com/botframework.com',
          validateAuthority: true,
        },
      ]);
    });

    it('reports status null without calling the connector when no token can be had', async () => {
      const double = await startDouble();
      const credentialsFactory = new RecordingCredentialsFactory(new Error('AADSTS7000215: invalid client secret'));
      const messenger = new BotFrameworkMessenger({ botAppId: APP_ID, credentialsFactory });

      const failure = failureOf(await messenger.send(channelAt(double.url), CARD_MESSAGE));

      assert.equal(failure.status, null);
      assert.match(failure.detail, /no token/);
      assert.doesNotMatch(failure.detail, /AADSTS|secret/, 'the detail stays log-safe');
      assert.deepEqual(double.requests(), {});
    });

    it('refuses an app id without a way to sign', () => {
      assert.throws(() => new BotFrameworkMessenger({ botAppId: APP_ID }), /credentialsFactory/);
    });
  });
});
