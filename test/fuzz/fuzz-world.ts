import assert from 'node:assert/strict';
import type { Logger } from '../../src/app/ports/logger';
import { silentLogger } from '../../src/app/ports/logger';
import type { DocumentStore } from '../../src/app/ports/document-store';
import { VERBS } from '../../src/cards/verbs';
import { COMMANDS } from '../../src/domain/permissions';
import { translator } from '../../src/i18n/translator';
import { approveAgreements, minutesWith } from '../app/agreements/agreement-fixtures';
import { holdSession } from '../app/minutes/minutes-world';
import { chatPerson, COMMITTEE, PEOPLE, SessionWorld, type PersonKey } from '../app/sessions/session-world';
import type { DispatchDocument } from '../../src/app/delivery/outbox-record';
import { createMessageRenderer } from '../../src/cards/outgoing-messages';
import { AG3_FORM } from '../app/working-groups/working-group-fixtures';
import { BotHarness, firstCard } from '../support/bot-harness';

/** Every kind of document a committee holds, to read or rewrite the whole committee. */
export const DOCUMENT_TYPES = [
  'committee',
  'person',
  'seat',
  'roster',
  'session',
  'rsvp',
  'attendance',
  'topicSubmission',
  'topic',
  'agenda',
  'workingGroup',
  'minutes',
  'minutesVersion',
  'minutesResponse',
  'agreement',
  'dispatch',
  'outbox',
  'job',
  'conversation',
  'extraSessionClaim',
] as const;

/** What a turn logged as an error: a producer threw, which the person sees as the generic error card. */
export interface ErrorLog {
  readonly errors: unknown[];
  readonly logger: Logger;
}

export function errorRecordingLogger(): ErrorLog {
  const errors: unknown[] = [];
  const logger: Logger = {
    ...silentLogger,
    error: (fields, message) => {
      errors.push({ fields, message });
    },
  };
  return { errors, logger };
}

/**
 * A committee with something behind every card: people and seats, the year planned, a topic
 * submitted, a working group, session 2027/1 with a published agenda, held, and its agreements
 * approved (so there are minutes-approval messages and action items).
 */
export async function seedRichWorld(store: DocumentStore): Promise<SessionWorld> {
  const world = await SessionWorld.create(store);
  const bot = new BotHarness(world.deps);
  firstCard(await bot.message(chatPerson('lena'), 'thema: Ausbildungsabbrüche – Zahlen der Kammern'));
  firstCard(await bot.message(chatPerson('katrin'), 'sondersitzung 2027-05-20'));
  await bot.execute(chatPerson('katrin'), VERBS.workingGroupSave, { ...AG3_FORM, revision: 0 });
  await holdSession(world);
  await approveAgreements(
    world,
    minutesWith([
      { id: 'a1', dueDate: '2027-03-31' },
      { id: 'a2', dueDate: '2027-04-30', institution: 'Agentur für Arbeit Leipzig' },
    ]),
  );
  return world;
}

/** The typed commands worth sending, with the arguments that open something real. */
export function commandLines(): string[] {
  const words = COMMANDS.map((command) => translator('de').t(`commands.${command}.word`));
  const withArguments = [
    'themen 2027/1',
    'tagesordnung 2027/1',
    'rückmeldungen 2027/1',
    'anwesenheit 2027/1',
    'protokoll 2027/1',
    'aufgaben alle',
    'sitzungen planen 2027',
  ];
  return [...words, ...withArguments];
}

/** One action found on a card: its verb and the data it sends (verb removed). */
export interface FoundAction {
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

/** Every Action.Execute (and its Action.Submit fallback) data on a card. */
export function actionsOf(card: unknown): FoundAction[] {
  const found: FoundAction[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const candidate = value as { type?: unknown; verb?: unknown; data?: unknown } | null;
    if (candidate && candidate.type === 'Action.Execute' && typeof candidate.verb === 'string') {
      const { verb: _verb, ...data } = (candidate.data ?? {}) as Record<string, unknown>;
      found.push({ verb: candidate.verb, data });
    }
    return value;
  });
  return found;
}

/** Every Input id on a card with the value it shows. */
export function inputsOf(card: unknown): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  JSON.stringify(card, (_key, value: unknown) => {
    const candidate = value as { type?: unknown; id?: unknown; value?: unknown } | null;
    if (
      candidate &&
      typeof candidate.type === 'string' &&
      candidate.type.startsWith('Input.') &&
      typeof candidate.id === 'string'
    )
      inputs[candidate.id] = candidate.value ?? '';
    return value;
  });
  return inputs;
}

/** An Input.Text of a card: its id and whether it is multi-line. */
export function textInputsOf(card: unknown): string[] {
  const ids: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const candidate = value as { type?: unknown; id?: unknown } | null;
    if (candidate && candidate.type === 'Input.Text' && typeof candidate.id === 'string') ids.push(candidate.id);
    return value;
  });
  return ids;
}

/** A card a crawl reached: who saw it, and how. */
export interface CrawledCard {
  readonly who: PersonKey;
  readonly via: string;
  readonly card: Record<string, unknown>;
}

/**
 * Opens every command as each person, then clicks every action of those cards once (with the
 * inputs the card shows), and collects every card on the way. Clicks change the world; the crawl
 * is for collecting real card data (ids, revisions, forms), not for asserting outcomes.
 * `onCard` sees each card the moment it is drawn (the received ones before any click), while the
 * stored state is still the one the card shows; `fill` gives the values a click sends for the
 * card's inputs (by default the ones it shows).
 */
export async function crawl(
  bot: BotHarness,
  people: readonly PersonKey[],
  depth = 2,
  received: readonly CrawledCard[] = [],
  onCard: (card: CrawledCard) => void = () => undefined,
  fill: (card: Record<string, unknown>) => Record<string, unknown> = inputsOf,
): Promise<CrawledCard[]> {
  const cards: CrawledCard[] = [];
  const clicked = new Set<string>();
  const drawn = (card: CrawledCard): CrawledCard => (onCard(card), card);
  received.forEach(drawn);
  for (const who of people) {
    let frontier: CrawledCard[] = received.filter((card) => card.who === who);
    for (const line of commandLines()) {
      frontier.push(drawn({ who, via: line, card: firstCard(await bot.message(chatPerson(who), line)) }));
    }
    for (let level = 0; level < depth; level += 1) {
      cards.push(...frontier);
      const next: CrawledCard[] = [];
      for (const { card } of frontier) {
        const inputs = fill(card);
        for (const action of actionsOf(card)) {
          const key = `${who} ${action.verb} ${JSON.stringify(action.data)}`;
          if (clicked.has(key) || action.verb === VERBS.rosterImport) continue;
          clicked.add(key);
          const answer = await bot.execute(chatPerson(who), action.verb, { ...inputs, ...action.data });
          next.push(drawn({ who, via: action.verb, card: answer }));
        }
      }
      frontier = next;
    }
    cards.push(...frontier);
  }
  assert.ok(cards.length > 0);
  return cards;
}

/** The cards in the outbox, rendered as each person receives them 1:1. */
export async function receivedCards(store: DocumentStore, locale = 'de-DE'): Promise<CrawledCard[]> {
  const renderer = createMessageRenderer('de');
  const cards: CrawledCard[] = [];
  for (const dispatch of await store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' })) {
    for (const draft of dispatch.drafts) {
      const who =
        draft.recipient.kind === 'person'
          ? (Object.keys(PEOPLE) as PersonKey[]).find(
              (key) => PEOPLE[key] === (draft.recipient as { aadObjectId: string }).aadObjectId,
            )
          : undefined;
      const card = renderer.render(draft.message, locale, {}, { committeeId: COMMITTEE, shortName: 'KOG' })
        .attachments?.[0]?.content as Record<string, unknown> | undefined;
      if (who && card) cards.push({ who, via: `outbox ${dispatch.dispatchId}`, card });
    }
  }
  return cards;
}

/** Every document of the test committee. */
export async function committeeDocuments(store: DocumentStore): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  for (const type of DOCUMENT_TYPES)
    all.push(
      ...(await store.query<Record<string, unknown> & { id: string; committeeId: string; type: string }>(COMMITTEE, {
        type,
      })),
    );
  return all;
}
