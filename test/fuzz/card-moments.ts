import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { auditedStore } from '../../src/app/audit/audited-store';
import type { Messenger } from '../../src/app/ports/messenger';
import { personIdForEmail } from '../../src/app/roster/person-without-teams-id';
import { VERBS } from '../../src/cards/verbs';
import { senderFor } from '../app/delivery/delivery-fixtures';
import { chatPerson, type PersonKey, type SessionWorld } from '../app/sessions/session-world';
import { base, BotHarness, cardText, firstCard, type Person } from '../support/bot-harness';
import { FakeMessenger } from '../support/fake-messenger';
import { openTempStore } from '../support/temp-store';
import { isRefusal } from './answer-kind';
import { cardInputs, plainlyFilled, type CardInput } from './form-filling';
import {
  actionsOf,
  committeeDocuments,
  crawl,
  errorRecordingLogger,
  receivedCards,
  seedRichWorld,
  type CrawledCard,
  type ErrorLog,
} from './fuzz-world';
import { StoreSnapshots, type StoreSnapshot } from './store-snapshots';

/** How many moments per verb are tried, and how many of those whose plain click is accepted are kept. */
const CANDIDATES_PER_VERB = 8;
const MOMENTS_PER_VERB = 4;

/**
 * One moment a card offered a verb: who saw it, the card's inputs and the button's data, the
 * stored state then, and the click with the form filled in plainly, which was accepted there.
 */
export interface Moment {
  readonly who: PersonKey;
  readonly inputs: readonly CardInput[];
  readonly data: Record<string, unknown>;
  readonly state: StoreSnapshot;
  readonly plain: Record<string, unknown>;
}

/** The rich world, its bot, and the moments at which a click on each verb is accepted. */
export interface MomentsWorld {
  readonly bot: BotHarness;
  readonly log: ErrorLog;
  readonly snapshots: StoreSnapshots;
  /** The day the world's clock shows, for filling in dates. */
  readonly today: string;
  readonly moments: ReadonlyMap<string, readonly Moment[]>;
  /** Every value and field name the cards carried, and the stored documents' ids, for tampering. */
  readonly realValues: readonly unknown[];
  readonly fieldNames: readonly string[];
  close(): Promise<void>;
}

/** Sends an Action.Execute as it arrives over the wire (JSON), and returns the invoke response. */
export async function invoke(
  bot: BotHarness,
  who: Person,
  verb: string,
  data: unknown,
  locale: string,
): Promise<{ status: number; card: Record<string, unknown> }> {
  const wire = JSON.parse(JSON.stringify({ action: { type: 'Action.Execute', verb, data: data ?? null } })) as unknown;
  const activity = {
    ...base(who),
    locale,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: wire,
  } as Partial<Activity>;
  const replies = await bot.send(activity);
  const response = replies.find((reply) => reply.type === 'invokeResponse')?.value as
    { status?: number; body?: { value?: Record<string, unknown> } } | undefined;
  return { status: response?.status ?? 0, card: response?.body?.value ?? {} };
}

/**
 * Builds the rich world (with every write audited, as in production), adds what it lacks, and
 * crawls it, keeping for each verb the moments a card offered it with the stored state then.
 * A moment is kept only if its click, with the form filled in plainly, is accepted there: a
 * fuzz case that starts from it (the state put back first) starts from a click that works.
 */
export async function collectMoments(): Promise<MomentsWorld> {
  const temp = await openTempStore();
  const world = await seedRichWorld(temp.store);
  const log = errorRecordingLogger();
  const bot = new BotHarness({ ...world.deps, store: auditedStore(world.deps.store, world.clock) }, log.logger);
  const snapshots = new StoreSnapshots(temp.dataDir);
  const today = world.clock.now().toISODate()!;
  const candidates = new Map<string, Array<Omit<Moment, 'plain'>>>();
  const drawn = ({ who, card }: CrawledCard): void => {
    let state: StoreSnapshot | undefined;
    const inputs = cardInputs(card);
    for (const action of actionsOf(card)) {
      const known = candidates.get(action.verb) ?? [];
      if (known.length >= CANDIDATES_PER_VERB) continue;
      state ??= snapshots.take();
      candidates.set(action.verb, [...known, { who, inputs, data: action.data, state }]);
    }
  };

  const more = await momentsTheWorldLacks(world, bot);
  const fill = (card: Record<string, unknown>) => plainlyFilled(cardInputs(card), today);
  await crawl(
    bot,
    ['katrin', 'yusuf', 'sabine', 'lena'],
    2,
    [...(await receivedCards(temp.store)), ...more],
    drawn,
    fill,
  );
  // What the clicks sent 1:1 (reviews, due dates proposed), drawn now from the state now; the
  // minutes with objections, whose approval asks to confirm first; and the audit trail of the
  // secretariat's work, which only now has more than one page.
  const received = await receivedCards(temp.store);
  received.forEach(drawn);
  await objectToMinutes(bot, received);
  for (const line of ['protokoll', 'änderungen Katrin']) {
    drawn({ who: 'katrin', via: line, card: firstCard(await bot.message(chatPerson('katrin'), line)) });
  }
  assert.deepEqual(log.errors, [], 'the crawl itself met an error');

  const moments = new Map<string, Moment[]>();
  for (const [verb, list] of candidates) {
    for (const candidate of list) {
      if ((moments.get(verb)?.length ?? 0) >= MOMENTS_PER_VERB) break;
      // Some forms need a text the card does not mark as required, others refuse a word where a link belongs.
      for (const everyText of [false, true]) {
        snapshots.restore(candidate.state);
        const plain = { ...plainlyFilled(candidate.inputs, today, everyText), ...candidate.data };
        const { card } = await invoke(bot, chatPerson(candidate.who), verb, plain, 'de-DE');
        if (isRefusal(card, verb)) continue;
        moments.set(verb, [...(moments.get(verb) ?? []), { ...candidate, plain }]);
        break;
      }
    }
  }
  assert.deepEqual(log.errors, [], 'trying the moments met an error');

  const values = new Set<unknown>();
  const names = new Set<string>();
  for (const { data, inputs } of [...candidates.values()].flat()) {
    for (const [name, value] of Object.entries(data)) {
      names.add(name);
      values.add(value);
    }
    for (const input of inputs) {
      names.add(input.id);
      values.add(input.value ?? '');
    }
  }
  for (const document of await committeeDocuments(temp.store)) values.add(document.id);
  return {
    bot,
    log,
    snapshots,
    today,
    moments,
    realValues: [...values],
    fieldNames: [...names],
    async close() {
      snapshots.close();
      await temp.cleanup();
    },
  };
}

/**
 * What the rich world does not reach by itself: attendance of the held session, and the year's
 * sessions that open it; topics called (confirmed on the question's card) and submitted for the
 * next one, its agenda, its invitation (confirmed too) and the answers to it; a later due date
 * asked for an action item; messages whose delivery failed for good.
 */
async function momentsTheWorldLacks(world: SessionWorld, bot: BotHarness): Promise<CrawledCard[]> {
  const cards: CrawledCard[] = [];
  const say = async (who: PersonKey, line: string): Promise<Record<string, unknown>> => {
    const card = firstCard(await bot.message(chatPerson(who), line));
    cards.push({ who, via: line, card });
    return card;
  };
  await say('katrin', 'anwesenheit 2027/1');
  // The year's sessions while 2027/1 is held, whose attendance opens from there; later in the
  // crawl its minutes go out, and inviting (which asks first) answers with its question instead.
  await say('katrin', 'sitzungen planen 2027');
  // The call for topics asks first; its confirmation sends it.
  const call = actionsOf(await say('katrin', 'themenaufruf 2027/2')).find((action) => action.verb === VERBS.topicsCall);
  assert.ok(call, 'no call for topics to confirm');
  cards.push({
    who: 'katrin',
    via: 'themenaufruf',
    card: await bot.execute(chatPerson('katrin'), VERBS.topicsCall, call.data),
  });
  await say('lena', 'thema: Sprachkurse – Wartezeiten in Leipzig');
  await say('yusuf', 'praxis: Ausbildung in Teilzeit – Erfahrungen der Kammer');
  await say('katrin', 'tagesordnung 2027/2');
  // Inviting asks first (place and link are missing); its confirmation invites, and the answers
  // to the invitation can then be followed and reminded of.
  const invite = actionsOf(await say('katrin', 'einladen 2027/2')).find(
    (action) => action.verb === VERBS.sessionInvite && action.data.confirmed === true,
  );
  assert.ok(invite, 'no invitation to confirm');
  cards.push({
    who: 'katrin',
    via: 'einladen',
    card: await bot.execute(chatPerson('katrin'), VERBS.sessionInvite, invite.data),
  });
  await say('katrin', 'rückmeldungen 2027/2');
  // A person without Teams: the form that adds one, and the card of one added (address, export).
  const withoutTeams = await bot.execute(chatPerson('katrin'), VERBS.rosterWithoutTeamsForm, {});
  cards.push({ who: 'katrin', via: 'Person ohne Teams hinzufügen', card: withoutTeams });
  const add = actionsOf(withoutTeams).find((action) => action.verb === VERBS.rosterAddWithoutTeams);
  assert.ok(add, 'no form for a person without Teams');
  const petra = { displayName: 'Petra Albrecht', institution: 'Landkreis Leipzig', email: 'petra@lk-leipzig.de' };
  const added = await bot.execute(chatPerson('katrin'), VERBS.rosterAddWithoutTeams, { ...add.data, ...petra });
  assert.ok(!isRefusal(added, VERBS.rosterAddWithoutTeams), cardText(added));
  cards.push({
    who: 'katrin',
    via: 'ihre Karte',
    card: await bot.execute(chatPerson('katrin'), VERBS.rosterEditPerson, { personId: personIdForEmail(petra.email) }),
  });
  const open = actionsOf(await say('yusuf', 'aufgaben alle')).find((action) => action.verb === VERBS.actionOpen);
  assert.ok(open, 'no action item to open');
  const item = await bot.execute(chatPerson('yusuf'), VERBS.actionOpen, open.data);
  const propose = actionsOf(item).find((action) => action.verb === VERBS.actionProposeDue);
  assert.ok(propose, 'no due date to propose');
  const proposed = await bot.execute(chatPerson('yusuf'), VERBS.actionProposeDue, {
    ...propose.data,
    dueDate: '2027-06-30',
    note: 'Die Kammern liefern später.',
  });
  assert.ok(!isRefusal(proposed, VERBS.actionProposeDue), cardText(proposed));
  await say('katrin', 'aufgaben alle');
  // A command typed with too long a text: its card shows the text to shorten, and as a person
  // shortens it there, sends it.
  const overlong = await say('yusuf', `aufgaben ${'Agentur für Arbeit Leipzig '.repeat(10)}`);
  cards.push({ who: 'yusuf', via: 'the text shortened', card: withValue(overlong, 'argument', 'Agentur für Arbeit') });
  const messenger = new FakeMessenger(world.clock);
  const blocked: Messenger = {
    send: async () => ({ ok: false, status: 403, detail: 'blocked' }),
    openPersonalConversation: async (target) => messenger.openPersonalConversation(target),
    listMembers: async (where) => messenger.listMembers(where),
  };
  await senderFor(world.deps, world.clock, blocked).drainOnce();
  await say('katrin', 'zustellung');
  // "My data" offers the calendar subscription's button where the bot has a public address.
  const published = new BotHarness(world.deps, undefined, 'https://gremium.example.org');
  cards.push({
    who: 'sabine',
    via: 'meine daten',
    card: firstCard(await published.message(chatPerson('sabine'), 'meine daten')),
  });
  return cards;
}

/** The card with one input showing another value, as a person changed it before clicking. */
function withValue(card: Record<string, unknown>, id: string, value: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(card), (_key, element: unknown) => {
    const input = element as { type?: unknown; id?: unknown } | null;
    return input && typeof input.type === 'string' && input.type.startsWith('Input.') && input.id === id
      ? { ...input, value }
      : element;
  }) as Record<string, unknown>;
}

/** An attendee objects to every item of the circulated minutes, with a reason. */
async function objectToMinutes(bot: BotHarness, received: readonly CrawledCard[]): Promise<void> {
  for (const { who, card } of received.filter((candidate) => candidate.who === 'thomas').reverse()) {
    const respond = actionsOf(card).find((action) => action.verb === VERBS.minutesRespond);
    if (!respond) continue;
    const answers = Object.fromEntries(
      cardInputs(card).map((input) => [input.id, input.type === 'Input.ChoiceSet' ? 'object' : 'Die Zahlen fehlen.']),
    );
    const answered = await bot.execute(chatPerson(who), VERBS.minutesRespond, { ...answers, ...respond.data });
    if (!isRefusal(answered, VERBS.minutesRespond)) return;
  }
  assert.fail('no circulated minutes to object to');
}
