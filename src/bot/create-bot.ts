import { Application, type AdaptiveCard, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import { auditContext } from '../app/audit/audit-context';
import type { AppDependencies } from '../app/dependencies';
import { identifyActor, type Actor } from '../app/identify-actor';
import type { Logger } from '../app/ports/logger';
import { rememberConversation } from '../app/remember-conversation';
import { importMembers, markMembersLeft, type TeamMember } from '../app/roster/import-members';
import { showHelp } from '../app/show-help';
import { ANY_TENANT, isTenantAllowed, type TenantAllowance } from '../app/tenant-gate';
import { personalChatOnlyCommand, type CommandId } from '../domain/permissions';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderHelpCard } from '../cards/help-card';
import { VERBS } from '../cards/verbs';
import type { Locale, Translator } from '../i18n/translator';
import { MAX_MESSAGE_LENGTH, parseCommand } from './command-parser';
import { channelSighting, sightingOf } from './conversation-address';
import { conversationScopeOf, personalChatHint } from './conversation-scope';
import { notice } from './notices';
import { deliveryCardFor, retryDeliveryCard } from './delivery-routes';
import { sessionCards } from './session-routes';
import { agendaCards } from './agenda-routes';
import { topicCards } from './topic-routes';
import { parseTopicLine } from './topic-line-parser';
import { workingGroupCards } from './working-group-routes';
import { actionCards } from './action-item-routes';
import { auditCardFor } from './audit-routes';
import { admitted } from './action-admission';
import { minutesCards } from './minutes-routes';
import {
  importMembersCard,
  personFormCard,
  removeSeatCard,
  rosterCard,
  saveRolesCard,
  saveSeatCard,
  seatFormCard,
  setActiveCard,
  type RosterTurn,
} from './roster-routes';
import { saveSetupCard, setupCardFor } from './setup-routes';
import { eraseCard, myDataCard } from './privacy-routes';
import { isTeamOrGroupChat, leavers, memberSourceOf, readConversationMembers, readJoinedMembers } from './team-members';
import { identityOf } from './turn-identity';
import { languageOf } from './turn-language';
import { tenantsNamedBy } from './turn-tenant';

export interface BotOptions {
  readonly deps: AppDependencies;
  readonly adapter: TeamsAdapter;
  readonly defaultLocale: Locale;
  readonly logger: Logger;
  /** The bot's public origin, for links to its own endpoints (the sessions' .ics). */
  readonly publicBaseUrl?: string;
  /** The tenants served; activities from others are refused before anything is read or written. Default: any. */
  readonly allowedTenants?: TenantAllowance;
}

/**
 * Produces the card that answers a command or a card action for a resolved actor. `data` is the
 * command's argument text for typed commands and the card's (untrusted) data for card actions;
 * `context` tells where the card is (some actions, such as reading a chat's members, need it).
 */
type CardProducer = (actor: Actor, i18n: Translator, data: unknown, context: TurnContext) => Promise<AdaptiveCardJson>;

/**
 * The Teams side of Gremium: routes from commands, card verbs and installations to use cases,
 * and from their results to cards. Nothing here decides what is allowed; the use cases do.
 */
export function createBot({
  deps,
  adapter,
  defaultLocale,
  logger,
  publicBaseUrl,
  allowedTenants = ANY_TENANT,
}: BotOptions): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, removeRecipientMention: true, startTypingTimer: false });

  /**
   * Resolves the actor from the activity and runs the producer; failures become notices. Every
   * write the producer makes is recorded in the audit trail under this actor.
   */
  const cardFor = async (context: TurnContext, produce: CardProducer, data?: unknown): Promise<AdaptiveCardJson> => {
    const i18n = languageOf(context, defaultLocale);
    const identity = identityOf(context);
    if (!identity) return notice(i18n, 'attention', 'notices.noTenantTitle', 'notices.noTenant');
    try {
      return await auditContext.run({ actorId: identity.aadObjectId, source: 'bot' }, async () =>
        produce(await identifyActor(deps, identity), i18n, data, context),
      );
    } catch (error) {
      logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'turn failed');
      return notice(i18n, 'warning', 'notices.errorTitle', 'notices.error');
    }
  };

  /**
   * A command or card action for the person alone, asked for in a channel or group chat: the
   * hint where to ask instead, before anything is read; undefined where it may be answered.
   */
  const personalChatRefusal = (context: TurnContext, commandOrVerb: string): AdaptiveCardJson | undefined => {
    const command = personalChatOnlyCommand(commandOrVerb);
    if (!command || conversationScopeOf(context) === 'personal') return undefined;
    return personalChatHint(languageOf(context, defaultLocale), command);
  };

  const sendCard = async (context: TurnContext, card: AdaptiveCardJson): Promise<void> => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  };

  const sessions = sessionCards({ deps, ...(publicBaseUrl ? { publicBaseUrl } : {}) });
  const topics = topicCards(deps);
  const agenda = agendaCards(deps);
  const workingGroups = workingGroupCards(deps);
  const actionItems = actionCards(deps);
  const minutes = minutesCards({ deps, ...(publicBaseUrl ? { publicBaseUrl } : {}) });
  /** A roster card action: the producer with what every roster card of the turn needs. */
  const roster =
    (produce: (turn: RosterTurn, data: unknown) => Promise<AdaptiveCardJson>): CardProducer =>
    async (actor, i18n, data, context) =>
      produce({ deps, actor, i18n, context, logger }, data);
  const producers: Readonly<Record<CommandId, CardProducer>> = {
    help: async (actor, i18n, _argument, context) =>
      renderHelpCard(showHelp(actor, conversationScopeOf(context)), i18n),
    setup: async (actor, i18n) => setupCardFor(deps, actor, i18n),
    delivery: async (actor, i18n) => deliveryCardFor(deps, actor, i18n),
    members: roster(async (turn) => rosterCard(turn, {})),
    planSessions: sessions.plan,
    extraSession: sessions.extra,
    invite: sessions.invite,
    rsvps: async (actor, i18n, argument) => sessions.overview(actor, i18n, argument),
    attendance: sessions.attendance,
    callForTopics: topics.call,
    topics: agenda.topics,
    agenda: agenda.agenda,
    publishAgenda: agenda.publish,
    workingGroups: workingGroups.list,
    minutes: minutes.open,
    circulateMinutes: minutes.circulate,
    approveMinutes: minutes.approve,
    audit: async (actor, i18n, argument) => auditCardFor(deps, actor, i18n, argument),
    myData: async (actor, i18n) => myDataCard(deps, actor, i18n, publicBaseUrl),
    actions: async (actor, i18n, argument) =>
      actionItems.list(actor, i18n, typeof argument === 'string' ? argument : ''),
  };
  const cardActions: ReadonlyArray<readonly [string, CardProducer]> = [
    [VERBS.setupOpen, producers.setup],
    [VERBS.setupSave, async (actor, i18n, data) => saveSetupCard(deps, actor, data, i18n)],
    [VERBS.deliveryRetry, async (actor, i18n, data) => retryDeliveryCard(deps, actor, data, i18n)],
    [VERBS.sessionList, sessions.list],
    [VERBS.sessionEdit, sessions.editForm],
    [VERBS.sessionSave, sessions.save],
    [VERBS.sessionStep, sessions.step],
    [VERBS.sessionInvite, sessions.invite],
    [VERBS.invitationView, sessions.invitation],
    [VERBS.rsvpAnswer, sessions.answer],
    [VERBS.rsvpsOpen, async (actor, i18n, data) => sessions.overview(actor, i18n, data)],
    [VERBS.rsvpsRemind, sessions.remind],
    [VERBS.attendanceOpen, sessions.attendance],
    [VERBS.attendanceSave, sessions.saveAttendance],
    [VERBS.topicForm, topics.form],
    [VERBS.topicSubmit, topics.submit],
    [VERBS.topicWithdraw, topics.withdraw],
    [VERBS.topicsOpen, agenda.topics],
    [VERBS.topicDecideForm, agenda.decisionForm],
    [VERBS.topicDecide, agenda.decide],
    [VERBS.agendaOpen, agenda.agenda],
    [VERBS.agendaMove, agenda.move],
    [VERBS.agendaItemForm, agenda.itemForm],
    [VERBS.agendaItemSave, agenda.itemSave],
    [VERBS.agendaPublish, agenda.publish],
    [VERBS.workingGroupsOpen, workingGroups.list],
    [VERBS.workingGroupForm, workingGroups.form],
    [VERBS.workingGroupSave, workingGroups.save],
    [VERBS.workingGroupEnd, workingGroups.end],
    [
      VERBS.actionsOpen,
      async (actor, i18n, data) => actionItems.list(actor, i18n, typeof data === 'object' && data !== null ? data : {}),
    ],
    [VERBS.actionOpen, actionItems.open],
    [VERBS.actionStatus, actionItems.status],
    [VERBS.actionProposeDue, actionItems.proposeDue],
    [VERBS.actionDecideDue, actionItems.decideDue],
    [VERBS.minutesOpen, minutes.open],
    [VERBS.minutesItemForm, minutes.itemForm],
    [VERBS.minutesItemSave, minutes.itemSave],
    [VERBS.minutesCirculate, minutes.circulate],
    [VERBS.minutesApprove, minutes.approve],
    [VERBS.minutesRespond, minutes.respond],
    [VERBS.rosterOpen, roster(rosterCard)],
    [VERBS.rosterImport, roster(importMembersCard)],
    [VERBS.rosterNewSeat, roster(async (turn, data) => seatFormCard(turn, data, true))],
    [VERBS.rosterEditSeat, roster(async (turn, data) => seatFormCard(turn, data, false))],
    [VERBS.rosterSaveSeat, roster(saveSeatCard)],
    [VERBS.rosterRemoveSeat, roster(removeSeatCard)],
    [VERBS.rosterEditPerson, roster(personFormCard)],
    [VERBS.rosterSaveRoles, roster(saveRolesCard)],
    [VERBS.rosterSetActive, roster(setActiveCard)],
    [VERBS.personErase, roster(eraseCard)],
    [VERBS.auditOpen, producers.audit],
  ];

  app.turn('beforeTurn', async (context) => {
    if (!isTenantAllowed(allowedTenants, tenantsNamedBy(context))) {
      await refuseForeignTenant(context);
      return false;
    }
    await rememberSighting(context);
    return true;
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    const botWasAdded = added.some((member) => member.id === context.activity.recipient.id);
    if (!botWasAdded) {
      await importMembersBestEffort(context, () => readJoinedMembers(context, added));
      return;
    }
    await rememberTeamChannels(context);
    await importMembersBestEffort(context, () => readConversationMembers(context));
    if (
      context.activity.conversation.conversationType === 'personal' ||
      !context.activity.conversation.conversationType
    ) {
      const i18n = languageOf(context, defaultLocale);
      await sendCard(context, notice(i18n, 'default', 'welcome.title', 'welcome.text'));
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const removed = context.activity.membersRemoved ?? [];
    // When the bot itself is removed, the people stay as they are: they did not leave.
    if (removed.some((member) => member.id === context.activity.recipient.id) || !isTeamOrGroupChat(context)) return;
    const source = memberSourceOf(context);
    if (!source) return;
    try {
      await auditContext.run(membershipActor(context), () => markMembersLeft(deps, source.tenantId, leavers(removed)));
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not mark members as left');
    }
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    await rememberTeamChannels(context);
    if (context.activity.action === 'add')
      await importMembersBestEffort(context, () => readConversationMembers(context));
  });

  app.message(
    async (context) =>
      (context.activity.text ?? '').length <= MAX_MESSAGE_LENGTH && parseCommand(context.activity.text) !== undefined,
    async (context) => {
      const { command, argument } = parseCommand(context.activity.text)!;
      await sendCard(
        context,
        personalChatRefusal(context, command) ?? (await cardFor(context, producers[command], argument)),
      );
    },
  );

  // A topic submitted as one chat line, in any conversation with the bot.
  app.message(
    async (context) =>
      (context.activity.text ?? '').length <= MAX_MESSAGE_LENGTH && parseTopicLine(context.activity.text) !== undefined,
    async (context) => {
      const line = parseTopicLine(context.activity.text)!;
      await sendCard(context, await cardFor(context, async (actor, i18n) => topics.chatLine(actor, i18n, line)));
    },
  );

  /**
   * Answers an Action.Execute with the card, for the person who clicked. Returned to teams-ai,
   * a card with a `refresh` would make it first replace the message for everyone through the
   * connector: an extra request per click that, if Teams throttled it, would turn a stored
   * answer into an error. Cards with a refresh live in 1:1 chats, where the clicker is everyone.
   */
  const answerInvoke = async (context: TurnContext, card: AdaptiveCardJson): Promise<AdaptiveCard> => {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
    return card as unknown as AdaptiveCard;
  };

  for (const [verb, produce] of cardActions) {
    const gated = admitted(verb, produce);
    const answer = async (context: TurnContext, data: unknown) =>
      personalChatRefusal(context, verb) ?? (await cardFor(context, gated, data));
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) =>
      answerInvoke(context, await answer(context, data)),
    );
    app.adaptiveCards.actionSubmit(verb, async (context, _state, data) =>
      sendCard(context, await answer(context, data)),
    );
  }
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    const i18n = languageOf(context, defaultLocale);
    return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'notices.unknownAction') as unknown as AdaptiveCard;
  });

  // Last: any other chat line. Card submissions (Action.Submit) are messages too, so this
  // catch-all must come after their routes.
  app.activity(ActivityTypes.Message, async (context) => {
    const i18n = languageOf(context, defaultLocale);
    const tooLong = (context.activity.text ?? '').length > MAX_MESSAGE_LENGTH;
    await sendCard(
      context,
      tooLong
        ? notice(i18n, 'attention', 'notices.tooLongTitle', 'notices.tooLong', { max: MAX_MESSAGE_LENGTH })
        : notice(i18n, 'default', 'notices.unknownCommandTitle', 'notices.unknownCommand'),
    );
  });

  app.error(async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'unhandled turn error');
    if (context.activity.type === ActivityTypes.Message) {
      const i18n = languageOf(context, defaultLocale);
      await sendCard(context, notice(i18n, 'warning', 'notices.errorTitle', 'notices.error'));
    }
  });

  /**
   * An activity from a tenant this deployment does not serve: a short refusal to a person who
   * wrote or clicked (as the invoke's answer for a click), silence for everything else, and a
   * warning for the operator. Nothing is read from or written to the store.
   */
  async function refuseForeignTenant(context: TurnContext): Promise<void> {
    const { activity } = context;
    logger.warn(
      { tenantIds: tenantsNamedBy(context).map((id) => id.slice(0, 64)), activityId: activity.id, type: activity.type },
      'activity from a tenant that is not allowed was refused',
    );
    const refusal = () =>
      notice(languageOf(context, defaultLocale), 'attention', 'notices.tenantRefusedTitle', 'notices.tenantRefused');
    if (activity.type === ActivityTypes.Message) await sendCard(context, refusal());
    else if (activity.type === ActivityTypes.Invoke) await answerInvoke(context, refusal());
  }

  /**
   * Keeps the conversation reference of every conversation the bot hears from. Best effort: a
   * store hiccup here must not cost the person their answer; the next activity tries again.
   */
  async function rememberSighting(context: TurnContext): Promise<void> {
    const sighting = sightingOf(context);
    if (!sighting) return;
    try {
      await rememberConversation(deps, sighting);
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not remember the conversation');
    }
  }

  /**
   * When installed in a team, every channel is a candidate for the working group's conversation,
   * not only the one the installation was announced in. Listing channels is best effort: the
   * installation itself is already remembered.
   */
  async function rememberTeamChannels(context: TurnContext): Promise<void> {
    const team = sightingOf(context);
    if (!team || team.address.conversationType !== 'channel' || !team.teamId) return;
    try {
      const channels = await TeamsInfo.getTeamChannels(context, team.teamId);
      for (const channel of channels) {
        if (channel.id) await rememberConversation(deps, channelSighting(team, channel.id, channel.name));
      }
    } catch (error) {
      logger.warn({ err: error, teamId: team.teamId }, 'could not list team channels');
    }
  }

  /**
   * Imports the members of a team or group chat into its tenant's committee: on installation all
   * of them, later each who joins. Best effort like the channel list: the next installation event
   * or the roster card's import button tries again.
   */
  async function importMembersBestEffort(
    context: TurnContext,
    read: () => Promise<readonly TeamMember[]>,
  ): Promise<void> {
    const source = memberSourceOf(context);
    if (!source || !isTeamOrGroupChat(context)) return;
    try {
      await auditContext.run(membershipActor(context), () => importMembers(deps, source, read));
    } catch (error) {
      logger.warn({ err: error, activityId: context.activity.id }, 'could not import members');
    }
  }

  return app;
}

/**
 * Who changed the membership, for the audit trail: Teams reports joins and leaves, naming the
 * person who added or removed members when it knows them.
 */
function membershipActor(context: TurnContext): { readonly actorId: string; readonly source: 'teams' } {
  return { actorId: context.activity.from?.aadObjectId ?? 'teams', source: 'teams' };
}
