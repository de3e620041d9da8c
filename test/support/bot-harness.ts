import { TestAdapter, type Activity } from 'botbuilder';
import type { AppDependencies } from '../../src/app/dependencies';
import { silentLogger, type Logger } from '../../src/app/ports/logger';
import { createAdapter } from '../../src/bot/create-adapter';
import { createBot, type BotOptions } from '../../src/bot/create-bot';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const BOT = { id: '28:gremium-bot', name: 'Gremium' };

export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const alice: Person = {
  id: '29:alice',
  aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
  name: 'Alice Adler',
};
export const bob: Person = { id: '29:bob', aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002', name: 'Bob Berg' };

/** Drives the real Application through botbuilder's TestAdapter and collects what it sends. */
export class BotHarness {
  private readonly adapter: TestAdapter;

  constructor(
    deps: AppDependencies,
    logger: Logger = silentLogger,
    publicBaseUrl?: string,
    options: Pick<BotOptions, 'allowedTenants'> = {},
  ) {
    const app = createBot({
      deps,
      adapter: createAdapter({ type: 'MultiTenant' }),
      defaultLocale: 'de',
      logger,
      ...(publicBaseUrl ? { publicBaseUrl } : {}),
      ...options,
    });
    this.adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
  }

  /** Sends one activity and returns every activity the bot sent in reply. */
  async send(activity: Partial<Activity>): Promise<Array<Partial<Activity>>> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity(activity);
    return this.adapter.activeQueue.splice(0);
  }

  /** A chat line from a person in their 1:1 chat with the bot. */
  message(from: Person, text: string, extra: Partial<Activity> = {}): Promise<Array<Partial<Activity>>> {
    return this.send({ ...base(from), type: 'message', text, ...extra });
  }

  /** An Action.Execute click; resolves with the card the bot answers with. */
  async execute(
    from: Person,
    verb: string,
    data: Record<string, unknown>,
    extra: Partial<Activity> = {},
  ): Promise<Record<string, unknown>> {
    const replies = await this.send({
      ...base(from),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      ...extra,
    });
    const response = replies.find((reply) => reply.type === 'invokeResponse');
    const body = (response?.value as { body?: { value?: Record<string, unknown> } } | undefined)?.body;
    if (!body?.value) throw new Error(`no card in invoke response: ${JSON.stringify(replies)}`);
    return body.value;
  }

  /**
   * A command that may ask first: its answer, or, when the answer is a question card, the answer
   * to the click on its confirming button (the step's verb with `confirmed`).
   */
  async confirmed(from: Person, text: string, extra: Partial<Activity> = {}): Promise<Record<string, unknown>> {
    const card = firstCard(await this.message(from, text, extra));
    const confirm = confirmingAction(card);
    return confirm ? this.execute(from, String(confirm.verb), confirm, extra) : card;
  }
}

/** The committee's group chat and a channel of its team: conversations others read along. */
export const SHARED_CONVERSATIONS: ReadonlyArray<readonly [string, Partial<Activity>]> = [
  [
    'group chat',
    {
      conversation: {
        id: '19:kog-chat@thread.v2',
        conversationType: 'groupChat',
        tenantId: TENANT,
        isGroup: true,
        name: 'KOG Vorbereitung',
      },
    },
  ],
  [
    'channel',
    {
      conversation: {
        id: '19:kog-team@thread.tacv2;messageid=1',
        conversationType: 'channel',
        tenantId: TENANT,
        isGroup: true,
        name: '',
      },
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:kog-team@thread.tacv2', name: 'KOG' },
        channel: { id: '19:kog-team@thread.tacv2', name: 'Allgemein' },
      },
    },
  ],
];
export function base(from: Person): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/emea/',
    locale: 'de-DE',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: BOT.id, name: BOT.name },
    conversation: {
      id: `a:personal-${from.id}`,
      conversationType: 'personal',
      tenantId: TENANT,
      isGroup: false,
      name: '',
    },
    channelData: { tenant: { id: TENANT } },
  };
}

/** The Adaptive Card of the first attachment of the replies. */
export function firstCard(replies: Array<Partial<Activity>>): Record<string, unknown> {
  const card = replies
    .flatMap((reply) => reply.attachments ?? [])
    .find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no card in ${JSON.stringify(replies)}`);
  return card.content as Record<string, unknown>;
}

/** All visible text of a card, for assertions on what a person reads. */
export function cardText(card: Record<string, unknown>): string {
  const texts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (['text', 'title', 'value', 'label'].includes(key) && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.join('\n');
}

/** The data of the first action in the card with this verb (and these data fields). */
export function actionData(card: unknown, verb: string, match: Record<string, unknown> = {}): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    const data = (value as { data?: Record<string, unknown> } | null)?.data;
    if (
      !found &&
      data &&
      data.verb === verb &&
      Object.entries(match).every(([field, expected]) => data[field] === expected)
    )
      found = data;
    return value;
  });
  if (!found)
    throw new Error(`no action ${verb} ${JSON.stringify(match)} in ${cardText(card as Record<string, unknown>)}`);
  return found;
}

/** The data of a question card's confirming button, if the card asks: the first action with `confirmed: true`. */
export function confirmingAction(card: unknown): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    const data = (value as { data?: Record<string, unknown> } | null)?.data;
    if (!found && data && typeof data.verb === 'string' && data.confirmed === true) found = data;
    return value;
  });
  return found;
}

/** Whether the card offers an action with this verb (and these data fields). */
export function hasAction(card: unknown, verb: string, match: Record<string, unknown> = {}): boolean {
  try {
    actionData(card, verb, match);
    return true;
  } catch {
    return false;
  }
}

/** A channel of the KOG's team, where the test committees live: set-up there creates the committee homed in it. */
export const IN_KOG_TEAM: Partial<Activity> = SHARED_CONVERSATIONS.find(([where]) => where === 'channel')![1];
