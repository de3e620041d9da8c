import assert from 'node:assert/strict';
import { ConnectorDouble, type ConnectorDoubleOptions } from './connector-double';

/** A Teams channel id with every character that needs encoding in a path. */
const CHANNEL = '19:abc123@thread.tacv2;messageid=1712345678901';
const TENANT = '11111111-2222-3333-4444-555555555555';

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: { id?: string; error?: { code?: string } };
}

async function request(
  method: 'POST' | 'PUT',
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Answer['body'],
  };
}

function sendTo(
  double: ConnectorDouble,
  conversationId: string,
  text = 'hello',
  headers?: Record<string, string>,
): Promise<Answer> {
  return request(
    'POST',
    `${double.url}/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
    { type: 'message', text },
    headers,
  );
}

function createWith(double: ConnectorDouble, memberId: string): Promise<Answer> {
  return request('POST', `${double.url}/v3/conversations`, {
    isGroup: false,
    bot: { id: '28:bot' },
    members: [{ id: memberId }],
    tenantId: TENANT,
    channelData: { tenant: { id: TENANT } },
  });
}

async function statusesOf(answers: Promise<Answer>[]): Promise<number[]> {
  return (await Promise.all(answers)).map((answer) => answer.status);
}

describe('ConnectorDouble', () => {
  let now: number;
  const doubles: ConnectorDouble[] = [];

  async function startDouble(options: ConnectorDoubleOptions = {}): Promise<ConnectorDouble> {
    const double = await ConnectorDouble.start({ clock: () => now, ...options });
    doubles.push(double);
    return double;
  }

  /** Sends one at a time, so that the order of acceptance is the order of the calls. */
  async function sendSeries(double: ConnectorDouble, conversationId: string, count: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let index = 0; index < count; index++) statuses.push((await sendTo(double, conversationId)).status);
    return statuses;
  }

  beforeEach(() => {
    now = Date.parse('2025-03-30T00:59:59.000Z');
  });

  afterEach(async () => {
    await Promise.all(doubles.splice(0).map((double) => double.close()));
  });

  describe('sending', () => {
    it('accepts a send with or without a bearer token, answers 201 with a fresh id and records the activity', async () => {
      const double = await startDouble();

      const first = await sendTo(double, CHANNEL, 'one', { authorization: 'Bearer token-1' });
      const second = await sendTo(double, CHANNEL, 'two');

      assert.equal(first.status, 201);
      assert.equal(second.status, 201);
      assert.ok(first.body.id && second.body.id);
      assert.notEqual(first.body.id, second.body.id);
      const [one, two] = double.delivered();
      assert.equal(one?.conversationId, CHANNEL, 'the id is URL-decoded');
      assert.equal(one?.activity.text, 'one');
      assert.equal(one?.activityId, first.body.id);
      assert.equal(one?.authorization, 'Bearer token-1');
      assert.equal(one?.at, now);
      assert.equal(two?.authorization, undefined);
      assert.deepEqual(double.deliveredPerConversation(), new Map([[CHANNEL, 2]]));
      assert.deepEqual(double.requests(), { 201: 2 });
    });

    it('answers 400 for a body that is no activity and 404 for an unknown route', async () => {
      const double = await startDouble();

      const noType = await request('POST', `${double.url}/v3/conversations/a%3A1/activities`, { text: 'no type' });
      const unknown = await request('POST', `${double.url}/v3/teams/x`, { type: 'message' });

      assert.equal(noType.status, 400);
      assert.equal(unknown.status, 404);
      assert.deepEqual(double.delivered(), []);
      assert.deepEqual(double.requests(), { 400: 1, 404: 1 });
    });

    it('serves under a path prefix, as the playground does, and nowhere else', async () => {
      const double = await startDouble({ pathPrefix: '/_connector' });
      const origin = new URL(double.url).origin;

      assert.match(double.url, /^http:\/\/127\.0\.0\.1:\d+\/_connector$/);
      assert.equal((await sendTo(double, 'a:1')).status, 201);
      assert.equal(
        (await request('POST', `${origin}/v3/conversations/a%3A1/activities`, { type: 'message' })).status,
        404,
      );
    });

    it('records updates of a delivered activity and refuses unknown ones', async () => {
      const double = await startDouble();
      const sent = await sendTo(double, CHANNEL, 'first version');
      const path = `${double.url}/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`;

      const updated = await request('PUT', `${path}/${encodeURIComponent(sent.body.id ?? '')}`, {
        type: 'message',
        text: 'second version',
      });
      const unknown = await request('PUT', `${path}/1%3A999`, { type: 'message', text: 'lost' });

      assert.equal(updated.status, 200);
      assert.equal(unknown.status, 404);
      assert.deepEqual(
        double
          .updated()
          .map(({ conversationId, activityId, activity }) => ({ conversationId, activityId, text: activity.text })),
        [{ conversationId: CHANNEL, activityId: sent.body.id, text: 'second version' }],
      );
    });
  });

  describe('limits per conversation', () => {
    it('accepts 7 sends in one second, answers the 8th 429 with Retry-After 1, and leaves other conversations alone', async () => {
      const double = await startDouble();

      const statuses = await sendSeries(double, CHANNEL, 8);
      const throttled = await sendTo(double, CHANNEL);
      const elsewhere = await sendTo(double, 'a:other');

      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201, 201, 429]);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.retryAfter, '1');
      assert.equal(throttled.body.error?.code, 'Throttled');
      assert.equal(elsewhere.status, 201);
      assert.equal(double.deliveredPerConversation().get(CHANNEL), 7);
    });

    it('frees the one-second window exactly one second after the oldest send', async () => {
      const double = await startDouble();
      await sendSeries(double, CHANNEL, 7);

      now += 999;
      const tooEarly = await sendTo(double, CHANNEL);
      now += 1;
      const inTime = await sendTo(double, CHANNEL);

      assert.equal(tooEarly.status, 429);
      assert.equal(tooEarly.retryAfter, '1', 'a wait of 1 ms is still announced as a whole second');
      assert.equal(inTime.status, 201);
    });

    it('allows 8 sends in two seconds', async () => {
      const double = await startDouble();
      await sendSeries(double, CHANNEL, 7);
      now += 1_000;
      const eighth = await sendTo(double, CHANNEL);

      const ninth = await sendTo(double, CHANNEL);
      now += 999;
      const stillBlocked = await sendTo(double, CHANNEL);
      now += 1;
      const freed = await sendTo(double, CHANNEL);

      assert.equal(eighth.status, 201);
      assert.equal(ninth.status, 429);
      assert.equal(ninth.retryAfter, '1');
      assert.equal(stillBlocked.status, 429);
      assert.equal(freed.status, 201);
    });

    it('allows 60 sends in 30 seconds and names the wait until the oldest leaves the window', async () => {
      const double = await startDouble();
      const started = now;
      const statuses: number[] = [];
      for (let index = 0; index < 60; index++) {
        now = started + index * 250;
        statuses.push((await sendTo(double, CHANNEL)).status);
      }

      now = started + 15_000;
      const sixtyFirst = await sendTo(double, CHANNEL);
      now = started + 30_000;
      const afterWindow = await sendTo(double, CHANNEL);

      assert.ok(
        statuses.every((status) => status === 201),
        'four a second stays within 7/1 s and 8/2 s',
      );
      assert.equal(sixtyFirst.status, 429);
      assert.equal(sixtyFirst.retryAfter, '15');
      assert.equal(afterWindow.status, 201);
    });

    it('allows 1800 sends in an hour', async function () {
      this.slow(8_000);
      const double = await startDouble();
      const started = now;
      // Batches of six at one instant, every 3 s: exactly 60 in every 30 s, and quick to run.
      let accepted = 0;
      for (let batch = 0; batch < 300; batch++) {
        now = started + batch * 3_000;
        const statuses = await statusesOf(Array.from({ length: 6 }, () => sendTo(double, CHANNEL)));
        accepted += statuses.filter((status) => status === 201).length;
      }

      now = started + 300 * 3_000;
      const beyond = await sendTo(double, CHANNEL);

      assert.equal(accepted, 1_800);
      assert.equal(beyond.status, 429);
      assert.equal(beyond.retryAfter, String(3_600 - 900), 'the first send leaves the hour 45 minutes later');
    });

    it('counts creating a conversation against that conversation', async () => {
      const double = await startDouble();
      const created = await createWith(double, '29:alice');
      const conversationId = created.body.id ?? '';

      const statuses = await sendSeries(double, conversationId, 7);

      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201, 429]);
    });
  });

  describe('global budget', () => {
    it('answers 429 once the app exceeds its requests per second, whichever conversations they go to', async () => {
      const double = await startDouble({ globalPerSecond: 3 });
      const early = await statusesOf([sendTo(double, 'a:1'), sendTo(double, 'a:2')]);
      now += 400;
      const third = await sendTo(double, 'a:3');
      const fourth = await sendTo(double, 'a:4');
      now += 600;
      const afterFirstLeft = await sendTo(double, 'a:4');

      assert.deepEqual(early, [201, 201]);
      assert.equal(third.status, 201);
      assert.equal(fourth.status, 429);
      assert.equal(fourth.retryAfter, '1', 'the first sends leave the window 600 ms later');
      assert.equal(afterFirstLeft.status, 201);
    });

    it('allows 50 requests a second by default', async () => {
      const double = await startDouble();

      const statuses = await statusesOf(Array.from({ length: 51 }, (_, index) => sendTo(double, `a:${index}`)));

      assert.equal(statuses.filter((status) => status === 201).length, 50);
      assert.equal(statuses.filter((status) => status === 429).length, 1);
      assert.equal(double.delivered().length, 50);
    });
  });

  describe('creating a 1:1 conversation', () => {
    it('gives a member the same conversation id every time, and another member another', async () => {
      const double = await startDouble();

      const first = await createWith(double, '29:alice');
      const again = await createWith(double, '29:alice');
      const other = await createWith(double, '29:bob');

      assert.equal(first.status, 201);
      assert.ok(first.body.id);
      assert.equal(again.body.id, first.body.id);
      assert.notEqual(other.body.id, first.body.id);
      assert.equal(first.body.id, ConnectorDouble.personalConversationIdOf('29:alice'));
      assert.deepEqual(
        double.createdConversations().map(({ memberId, tenantId }) => ({ memberId, tenantId })),
        [
          { memberId: '29:alice', tenantId: TENANT },
          { memberId: '29:alice', tenantId: TENANT },
          { memberId: '29:bob', tenantId: TENANT },
        ],
      );
    });

    it('keeps the ids across a reset and across doubles, as Teams keeps them', async () => {
      const double = await startDouble();
      const before = await createWith(double, '29:alice');
      double.reset();
      const after = await createWith(double, '29:alice');
      const elsewhere = await createWith(await startDouble(), '29:alice');

      assert.equal(after.body.id, before.body.id);
      assert.equal(elsewhere.body.id, before.body.id);
    });

    it('refuses a request without a member or a tenant', async () => {
      const double = await startDouble();

      const noMember = await request('POST', `${double.url}/v3/conversations`, {
        isGroup: false,
        members: [],
        tenantId: TENANT,
      });
      const noTenant = await request('POST', `${double.url}/v3/conversations`, {
        isGroup: false,
        members: [{ id: '29:alice' }],
      });

      assert.equal(noMember.status, 400);
      assert.equal(noTenant.status, 400);
    });
  });

  describe('permanent failures', () => {
    it('answers 403 and 404 for the conversations configured so, and delivers elsewhere', async () => {
      const blocked = 'a:blocked';
      const gone = '19:gone@thread.v2';
      const double = await startDouble({
        permanent: new Map<string, 403 | 404>([
          [blocked, 403],
          [gone, 404],
        ]),
      });

      const toBlocked = await sendTo(double, blocked);
      const toGone = await sendTo(double, gone);
      const toOther = await sendTo(double, 'a:fine');

      assert.equal(toBlocked.status, 403);
      assert.equal(toBlocked.retryAfter, null);
      assert.equal(toGone.status, 404);
      assert.equal(toOther.status, 201);
      assert.deepEqual([...double.deliveredPerConversation().keys()], ['a:fine']);
    });

    it('refuses to open a conversation where Teams does not allow one, with its own code', async () => {
      const strict = await startDouble({ forbiddenMembers: new Set(['29:yusuf']) });
      const refused = await createWith(strict, '29:yusuf');
      assert.deepEqual([refused.status, refused.body.error?.code], [403, 'ForbiddenOperationException']);
      assert.equal((await createWith(strict, '29:alice')).status, 201);
      assert.deepEqual(
        strict.createdConversations().map((created) => created.memberId),
        ['29:alice'],
      );
    });

    it('refuses to open a conversation with a member who blocked the bot', async () => {
      const blockedConversation = ConnectorDouble.personalConversationIdOf('29:mallory');
      const strict = await startDouble({ permanent: new Map([[blockedConversation, 403 as const]]) });

      assert.equal((await createWith(strict, '29:mallory')).status, 403);
      assert.equal((await createWith(strict, '29:alice')).status, 201);
    });
  });

  describe('member look-ups', () => {
    const TEAM = '19:team@thread.tacv2';

    it("answers a team's member list in pages with a continuation token, and 404 for an unknown conversation", async () => {
      const double = await startDouble();
      for (let index = 0; index < 3; index += 1)
        double.addMember(TEAM, { id: `29:m${index}`, aadObjectId: `aaaaaaaa-0000-0000-0000-00000000000${index}` });
      const page = async (conversationId: string, token?: string) => {
        const query = new URLSearchParams({ pageSize: '2', ...(token ? { continuationToken: token } : {}) });
        const response = await fetch(
          `${double.url}/v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers?${query.toString()}`,
        );
        return {
          status: response.status,
          body: (await response.json()) as {
            members?: Array<{ id: string; aadObjectId: string }>;
            continuationToken?: string;
            error?: { code?: string };
          },
        };
      };

      const first = await page(TEAM);
      const second = await page(TEAM, first.body.continuationToken);
      const elsewhere = await page('19:other@thread.tacv2');

      assert.deepEqual(
        first.body.members?.map((member) => member.id),
        ['29:m0', '29:m1'],
      );
      assert.equal(first.body.members?.[1]?.aadObjectId, 'aaaaaaaa-0000-0000-0000-000000000001');
      assert.deepEqual(
        [second.body.members?.map((member) => member.id), second.body.continuationToken],
        [['29:m2'], undefined],
      );
      assert.deepEqual([elsewhere.status, elsewhere.body.error?.code], [404, 'ConversationNotFound']);
      assert.equal(double.memberListReads().length, 3);
    });
  });

  describe('injected transient failures', () => {
    async function statusSequence(seed: number): Promise<Answer[]> {
      const double = await startDouble({ inject: { transientRate: 0.3, seed } });
      const answers: Answer[] = [];
      for (let index = 0; index < 60; index++) {
        now += 1_000;
        answers.push(await sendTo(double, `a:${index % 5}`));
      }
      return answers;
    }

    it('fails the same requests the same way for the same seed', async () => {
      const first = (await statusSequence(42)).map((answer) => answer.status);
      const second = (await statusSequence(42)).map((answer) => answer.status);
      const otherSeed = (await statusSequence(7)).map((answer) => answer.status);

      assert.deepEqual(second, first);
      assert.notDeepEqual(otherSeed, first);
    });

    it('mixes 429 with Retry-After and 503 at about the configured rate', async () => {
      const answers = await statusSequence(42);

      const throttled = answers.filter((answer) => answer.status === 429);
      const unavailable = answers.filter((answer) => answer.status === 503);
      const failed = throttled.length + unavailable.length;
      assert.ok(
        throttled.length > 0 && unavailable.length > 0,
        `both kinds occur: ${throttled.length} × 429, ${unavailable.length} × 503`,
      );
      assert.ok(failed >= 8 && failed <= 30, `${failed} of 60 failed at a rate of 0.3`);
      assert.ok(throttled.every((answer) => Number(answer.retryAfter) >= 1));
      assert.equal(answers.filter((answer) => answer.status === 201).length, 60 - failed, 'nothing else refused them');
    });

    it('restarts from the seed after a reset', async () => {
      const double = await startDouble({ inject: { transientRate: 0.5, seed: 3 } });
      const run = async (): Promise<number[]> => {
        const statuses: number[] = [];
        for (let index = 0; index < 20; index++) {
          now += 1_000;
          statuses.push((await sendTo(double, 'a:1')).status);
        }
        return statuses;
      };

      const before = await run();
      double.reset();
      const after = await run();

      assert.deepEqual(after, before);
    });
  });

  describe('bookkeeping', () => {
    it('answers a scripted status once, then judges again', async () => {
      const double = await startDouble();
      double.answerNextWith({ status: 503 });
      double.answerNextWith({ status: 429, retryAfterSeconds: 30 });

      const statuses = await sendSeries(double, 'a:1', 2);
      const third = await sendTo(double, 'a:1');

      assert.deepEqual(statuses, [503, 429]);
      assert.equal(third.status, 201);
      assert.deepEqual(double.requests(), { 201: 1, 429: 1, 503: 1 });
    });

    it('forgets traffic and rate windows on reset', async () => {
      const double = await startDouble();
      await sendSeries(double, CHANNEL, 8);

      double.reset();
      const afterReset = await sendTo(double, CHANNEL);

      assert.equal(afterReset.status, 201);
      assert.equal(double.delivered().length, 1);
      assert.deepEqual(double.requests(), { 201: 1 });
    });
  });
});
