import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import { auditContext } from '../app/audit/audit-context';
import type { AppDependencies } from '../app/dependencies';
import { identifyActor, type CommitteeRequest } from '../app/committees/identify-committee';
import type { CommitteeChoice } from '../app/committees/my-committees';
import type { Actor } from '../app/identify-actor';
import type { Logger } from '../app/ports/logger';
import type { ConversationDocument } from '../app/documents';
import { keepSpokenLanguage, turnLanguage } from '../app/preferences/conversation-language';
import { languagePreferenceOf } from '../app/preferences/language-preference';
import { rememberConversation, type ConversationSighting } from '../app/remember-conversation';
import { readAheadStore } from '../app/read-ahead-store';
import { ANY_TENANT, isTenantAllowed, type TenantAllowance } from '../app/tenant-gate';
import { cardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { withCommittee } from '../cards/committee-context';
import { renderCommitteesCard } from '../cards/committees-card';
import { escapeMarkdown } from '../cards/escape-markdown';
import {
  ACROSS_COMMITTEES,
  ACROSS_COMMITTEES_VERBS,
  personalChatOnlyCommand,
  type CommandId,
} from '../domain/permissions';
import type { Payload, Verb } from '../domain/verb-registry';
import { translator, type Locale, type Translator } from '../i18n/translator';
import { admissionRefusal } from './action-admission';
import { readCardCommittee, readPayload, type PayloadMisfit } from './card-payload';
import { sightingOf as sightingOfActivity, turnConversationOf } from './conversation-address';
import { conversationScopeOf, personalChatHint } from './conversation-scope';
import { notice } from './notices';
import type { Route, RouteTurn } from './route-turn';
import { identityOf } from './turn-identity';
import { clientLanguageOf, languageOf } from './turn-language';
import { readAheadKeys, readAlongKeys } from './turn-read-ahead';
import { tenantsNamedBy } from './turn-tenant';

export interface TurnPipelineOptions {
  readonly deps: AppDependencies;
  readonly defaultLocale: Locale;
  readonly logger: Logger;
  /** The bot's public origin, for links to its own endpoints (the sessions' .ics). */
  readonly publicBaseUrl?: string;
  /** The tenants served; activities from others are refused before anything is read or written. Default: any. */
  readonly allowedTenants?: TenantAllowance;
}

/**
 * What every request goes through before and after its route, and how its answer reaches Teams.
 * Each `answer…` resolves to the card to show; nothing is sent by it.
 */
export interface TurnPipeline {
  /**
   * The translator for every answer in the activity's conversation (see `turnLanguage`): a
   * channel's or group chat's committee's language, a 1:1 chat's person's.
   */
  languageOf(context: TurnContext): Promise<Translator>;
  /**
   * The conversation the activity came from, to remember, in a 1:1 chat with the language of its
   * person (see `rememberConversation`).
   */
  sightingOf(context: TurnContext): Promise<ConversationSighting | undefined>;
  /** A typed command with the text after its word, and the committee it was addressed to, if named. */
  answerCommand(
    context: TurnContext,
    command: CommandId,
    argument: string,
    route: Route,
    named?: string,
  ): Promise<AdaptiveCardJson>;
  /** A click on a card verb, with the card's data as it arrived. */
  answerClick<V extends Verb>(
    context: TurnContext,
    verb: V,
    data: unknown,
    route: Route<Payload<V>>,
  ): Promise<AdaptiveCardJson>;
  /** A chat line read as something other than a command (a topic), as its parser read it. */
  answerLine<P>(context: TurnContext, line: P, route: Route<P>, named?: string): Promise<AdaptiveCardJson>;
  /** Posts the card into the conversation. */
  sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<void>;
  /** Answers an Action.Execute with the card, for the person who clicked. */
  answerInvoke(context: TurnContext, card: AdaptiveCardJson): Promise<AdaptiveCard>;
}

/** The turn without what came with the request: the route's turn once the payload is added. */
type TurnBase = Omit<RouteTurn<never>, 'payload' | 'argument'>;

/** What the request brings for finding its committee, and what a command's choice of one must answer. */
interface TurnRequest extends CommitteeRequest {
  /** Answered across the person's committees, without a choice of one (see `ACROSS_COMMITTEES`). */
  readonly acrossCommittees?: boolean;
  /** The typed command, for the choice card to answer once a committee is chosen. */
  readonly pending?: { readonly command: CommandId; readonly argument: string };
}

/**
 * The turn pipeline: the tenant gate before every activity (with the conversation remembered),
 * and for every request the refusal of what is for the person alone in a shared chat, the acting
 * person from the activity, the language of every answer (the conversation's: see
 * `turnLanguage`), the audit context every write is recorded under, for a card click
 * the role check and the reading of the card's data, and failures turned into notices. Routes
 * only map a request to a use case and its result to a card.
 */
export function createTurnPipeline(app: Application<TurnState>, options: TurnPipelineOptions): TurnPipeline {
  const { deps: sharedDeps, defaultLocale, logger, publicBaseUrl, allowedTenants = ANY_TENANT } = options;

  /**
   * The dependencies of one turn: the store seen through the turn's read-ahead (see
   * `readAheadStore` and `readAheadKeys`), which fetches what the turn reads first in one request
   * once the tenant gate has let the activity in. Made per turn and dropped with it.
   */
  const turns = new WeakMap<TurnContext, { deps: AppDependencies; prefetch: () => Promise<void> }>();
  const turnOfContext = (context: TurnContext) => {
    let turn = turns.get(context);
    if (!turn) {
      const readAhead = readAheadStore(sharedDeps.store, {
        readAlong: (committeeId) => readAlongKeys(context, committeeId),
      });
      turn = {
        deps: { ...sharedDeps, store: readAhead.store },
        prefetch: () =>
          readAhead.prefetch(readAheadKeys(context)).catch((error: unknown) => {
            logger.warn({ err: error, activityId: context.activity.id }, 'could not read ahead for the turn');
          }),
      };
      turns.set(context, turn);
    }
    return turn;
  };
  const depsOf = (context: TurnContext): AppDependencies => turnOfContext(context).deps;

  /**
   * The language the activity's person chose, read once per turn however often it is asked for
   * (remembering the conversation, the answer, a refusal). Best effort: a store that cannot be
   * read leaves the client's language, and the failure is logged.
   */
  const choices = new WeakMap<TurnContext, Promise<Locale | undefined>>();
  const chosenLanguage = (context: TurnContext): Promise<Locale | undefined> => {
    let choice = choices.get(context);
    if (!choice) {
      const identity = identityOf(context);
      choice = identity
        ? languagePreferenceOf(depsOf(context).store, identity).catch((error: unknown) => {
            logger.warn({ err: error, activityId: context.activity.id }, 'could not read the language chosen');
            return undefined;
          })
        : Promise.resolve(undefined);
      choices.set(context, choice);
    }
    return choice;
  };
  /** The 1:1 chat as the turn's start remembered it (see `rememberSighting`), so it is not read again. */
  const personalChats = new WeakMap<TurnContext, ConversationDocument>();
  /**
   * The language of the activity's conversation, found once per turn (see `turnLanguage`). A 1:1
   * chat answered before Gremium knew its person's language keeps what it spoke (see
   * `keepSpokenLanguage`). Best effort: a store that cannot be read leaves the client's language,
   * else the default, and the failure is logged.
   */
  const languages = new WeakMap<TurnContext, Promise<Locale>>();
  const findLanguage = async (context: TurnContext): Promise<Locale> => {
    const identity = identityOf(context);
    if (!identity) return clientLanguageOf(context, defaultLocale).locale;
    const conversation = turnConversationOf(context);
    const personalChat = personalChats.get(context);
    const choice = await chosenLanguage(context);
    const deps = depsOf(context);
    try {
      const found = await turnLanguage(
        deps,
        {
          tenantId: identity.tenantId,
          aadObjectId: identity.aadObjectId,
          ...(conversation ? { conversation } : {}),
          ...(choice ? { choice } : {}),
          ...(context.activity.locale ? { clientLocale: context.activity.locale } : {}),
          ...(personalChat ? { personalChat } : {}),
        },
        defaultLocale,
      );
      if (found.source === 'fallback' && (!conversation || conversation.kind === 'personal'))
        await keepSpokenLanguage(deps, identity.tenantId, identity.aadObjectId, found.language);
      return found.language;
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not find the language of the conversation');
      return languageOf(context, choice, defaultLocale).locale;
    }
  };
  const language = async (context: TurnContext): Promise<Translator> => {
    let found = languages.get(context);
    if (!found) {
      found = findLanguage(context);
      languages.set(context, found);
    }
    return translator(await found);
  };
  /** A 1:1 chat remembers its person's language; channels and group chats speak their committee's. */
  const sightingOf = async (context: TurnContext): Promise<ConversationSighting | undefined> => {
    const sighting = sightingOfActivity(context);
    if (!sighting) return undefined;
    const chosen = await chosenLanguage(context);
    return chosen ? { ...sighting, locale: chosen } : sighting;
  };

  /**
   * Resolves the actor from the activity and the committee the turn acts on (see
   * `identifyActor`), runs the route's part and marks its card as that committee's (header and
   * the committee in every action's data); failures become notices. Every write made there is
   * recorded in the audit trail under this actor. A turn that cannot tell its committee gets the
   * choice of the person's committees (in a personal chat) or says whose conversation this is.
   */
  const run = async (
    context: TurnContext,
    request: TurnRequest,
    answer: (turn: TurnBase) => Promise<AdaptiveCardJson>,
  ): Promise<AdaptiveCardJson> => {
    const i18n = await language(context);
    const identity = identityOf(context);
    if (!identity) return notice(i18n, 'attention', 'notices.noTenantTitle', 'notices.noTenant');
    const deps = depsOf(context);
    try {
      const identified = await identifyActor(deps, identity, turnConversationOf(context), request);
      const turnOf = (actor: Actor, committees?: readonly CommitteeChoice[]): TurnBase => ({
        deps,
        actor,
        i18n,
        context,
        logger,
        ...(publicBaseUrl ? { publicBaseUrl } : {}),
        ...(committees ? { committees } : {}),
      });
      return await auditContext.run({ actorId: identity.aadObjectId, source: 'bot' }, async () => {
        switch (identified.kind) {
          case 'foreign':
            return identified.committeeName
              ? notice(i18n, 'attention', 'committees.foreignTitle', 'committees.otherHere', {
                  name: escapeMarkdown(identified.committeeName),
                })
              : notice(i18n, 'attention', 'committees.foreignTitle', 'committees.foreign');
          case 'unknownName':
            return renderCommitteesCard(
              {
                choices: identified.choices,
                ...(request.pending ? { pending: request.pending } : {}),
                banner: cardBanner(
                  'attention',
                  i18n.t('committees.unknownTitle', { name: escapeMarkdown(identified.name) }),
                  i18n.t('committees.unknown'),
                ),
              },
              i18n,
            );
          case 'undecided':
            if (request.acrossCommittees) return answer(turnOf(identified.actor, identified.choices));
            return renderCommitteesCard(
              { choices: identified.choices, ...(request.pending ? { pending: request.pending } : {}) },
              i18n,
            );
          case 'actor': {
            const { actor } = identified;
            const card = await answer(turnOf(actor));
            return withCommittee(card, { committeeId: actor.committeeId, shortName: actor.committee?.shortName ?? '' });
          }
        }
      });
    } catch (error) {
      logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'turn failed');
      return notice(i18n, 'warning', 'notices.errorTitle', 'notices.error');
    }
  };

  /**
   * A command or card action for the person alone, asked for in a channel or group chat: the
   * hint where to ask instead, in the conversation's language (its committee's), before anything
   * else of the committee is read; undefined where it may be answered.
   */
  const personalChatRefusal = async (
    context: TurnContext,
    commandOrVerb: string,
  ): Promise<AdaptiveCardJson | undefined> => {
    const command = personalChatOnlyCommand(commandOrVerb);
    if (!command || conversationScopeOf(context) === 'personal') return undefined;
    return personalChatHint(await language(context), command);
  };

  const sendCard = async (context: TurnContext, card: AdaptiveCardJson): Promise<void> => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  };

  /**
   * Returned to teams-ai, a card with a `refresh` would make it first replace the message for
   * everyone through the connector: an extra request per click that, if Teams throttled it, would
   * turn a stored answer into an error. Cards with a refresh live in 1:1 chats, where the clicker
   * is everyone.
   */
  const answerInvoke = async (context: TurnContext, card: AdaptiveCardJson): Promise<AdaptiveCard> => {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
    return card as unknown as AdaptiveCard;
  };

  /**
   * An activity from a tenant this deployment does not serve: a short refusal to a person who
   * wrote or clicked (as the invoke's answer for a click), silence for everything else, and a
   * warning for the operator. Nothing is read from or written to the store.
   */
  const refuseForeignTenant = async (context: TurnContext): Promise<void> => {
    const { activity } = context;
    logger.warn(
      { tenantIds: tenantsNamedBy(context).map((id) => id.slice(0, 64)), activityId: activity.id, type: activity.type },
      'activity from a tenant that is not allowed was refused',
    );
    const refusal = () =>
      notice(
        clientLanguageOf(context, defaultLocale),
        'attention',
        'notices.tenantRefusedTitle',
        'notices.tenantRefused',
      );
    if (activity.type === ActivityTypes.Message) await sendCard(context, refusal());
    else if (activity.type === ActivityTypes.Invoke) await answerInvoke(context, refusal());
  };

  /**
   * Keeps the conversation reference of every conversation the bot hears from, in the language
   * of the person who wrote (see `sightingOf`). Best effort: a store hiccup here must not cost the
   * person their answer; the next activity tries again.
   */
  const rememberSighting = async (context: TurnContext): Promise<void> => {
    try {
      const sighting = await sightingOf(context);
      if (!sighting) return;
      const remembered = await rememberConversation(depsOf(context), sighting);
      if (remembered.kind === 'personal') personalChats.set(context, remembered);
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not remember the conversation');
    }
  };

  /**
   * A click whose data does not fit its verb: a tampered card or an unusual client, worth an
   * operator's look. Field names only, never values; a family's names come from the client, so
   * they are cut short, and so is their number.
   */
  const logMisfits = (context: TurnContext, verb: Verb, misfits: readonly PayloadMisfit[]): void => {
    const fields = misfits.slice(0, 10).map(({ field, kind }) => ({ field: field.slice(0, 80), kind }));
    logger.warn({ verb, misfits: fields, activityId: context.activity.id }, 'card data that does not fit its verb');
  };

  app.turn('beforeTurn', async (context) => {
    if (!isTenantAllowed(allowedTenants, tenantsNamedBy(context))) {
      await refuseForeignTenant(context);
      return false;
    }
    await turnOfContext(context).prefetch();
    await rememberSighting(context);
    return true;
  });

  app.error(async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'unhandled turn error');
    if (context.activity.type === ActivityTypes.Message)
      await sendCard(context, notice(await language(context), 'warning', 'notices.errorTitle', 'notices.error'));
  });

  return {
    languageOf: language,
    sightingOf,
    sendCard,
    answerInvoke,
    async answerCommand(context, command, argument, route, named) {
      const request: TurnRequest = {
        ...(named !== undefined ? { named } : {}),
        acrossCommittees: ACROSS_COMMITTEES.has(command),
        pending: { command, argument },
      };
      return (
        (await personalChatRefusal(context, command)) ??
        (await run(context, request, (turn) => route({ ...turn, argument, payload: {} })))
      );
    },
    async answerClick(context, verb, data, route) {
      return (
        (await personalChatRefusal(context, verb)) ??
        (await run(
          context,
          {
            cardCommitteeId: readCardCommittee(data),
            ...(ACROSS_COMMITTEES_VERBS.has(verb) ? { acrossCommittees: true } : {}),
          },
          async (turn) => {
            const refused = admissionRefusal(verb, turn.actor, turn.i18n);
            if (refused) return refused;
            const { payload, misfits } = readPayload(verb, data);
            if (misfits.length > 0) logMisfits(context, verb, misfits);
            return route({ ...turn, payload });
          },
        ))
      );
    },
    async answerLine(context, line, route, named) {
      return run(context, named !== undefined ? { named } : {}, (turn) => route({ ...turn, payload: line }));
    },
  };
}
