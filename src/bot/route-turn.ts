import type { TurnContext } from 'botbuilder';
import type { CommitteeChoice } from '../app/committees/my-committees';
import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import type { Logger } from '../app/ports/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { Payload, Verb } from '../domain/verb-registry';
import type { Translator } from '../i18n/translator';

/** What a route reads when nothing came with the request but the command word. */
export type NoPayload = Readonly<Record<never, never>>;

/**
 * One request as every route receives it: who asks (from the activity, never from card data),
 * in which language, where, with what. The turn pipeline builds it after the tenant gate, the
 * identity and, for a card click, the role check and the reading of the card's data.
 */
export interface RouteTurn<P = NoPayload> {
  readonly deps: AppDependencies;
  readonly actor: Actor;
  readonly i18n: Translator;
  /** Where the request came from: some routes read the chat's members or its kind. */
  readonly context: TurnContext;
  readonly logger: Logger;
  /** The bot's public origin, for links to its own endpoints; none where no link can be made. */
  readonly publicBaseUrl?: string;
  /** The text after a typed command's word ('' when none); undefined for a card click. */
  readonly argument?: string;
  /** The card's data as its verb reads it (see readPayload); for a typed command, a card without data. */
  readonly payload: P;
  /**
   * The person's committees, for a command answered across them (`acrossCommittees`) in a
   * personal chat of someone in several who has not chosen one: the actor then belongs to none.
   */
  readonly committees?: readonly CommitteeChoice[];
}

/** Every command, card verb and chat line is answered by one of these: a request in, a card out. */
export type Route<P = NoPayload> = (turn: RouteTurn<P>) => Promise<AdaptiveCardJson>;

/**
 * The turn of a click on the verb's card, with the card's data as the verb reads it; also the
 * turn of a typed command answered like that click (then `argument` is set and the data empty).
 */
export type VerbTurn<V extends Verb> = RouteTurn<Payload<V>>;
