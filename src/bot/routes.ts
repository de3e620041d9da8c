import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { myCommittees } from '../app/committees/my-committees';
import { showHelp } from '../app/show-help';
import { escapeMarkdown } from '../cards/escape-markdown';
import { renderCommandLineCard } from '../cards/command-line-card';
import { renderHelpCard } from '../cards/help-card';
import { VERB_LIST, type CommandId, type Payload, type Verb } from '../domain/verb-registry';
import { actionItemRoutes } from './action-item-routes';
import { agendaRoutes } from './agenda-routes';
import { auditRoutes } from './audit-routes';
import { emptyPayload } from './card-payload';
import { languageRoutes } from './language-routes';
import {
  MAX_MESSAGE_LENGTH,
  parseAddressedLine,
  parseCommand,
  parseOverlongCommand,
  type ParsedCommand,
} from './command-parser';
import { commandLineRoutes } from './command-line-routes';
import { committeeRoutes } from './committee-routes';
import { suggestedCommand } from './command-suggestion';
import { conversationScopeOf } from './conversation-scope';
import { deliveryRoutes } from './delivery-routes';
import { minutesRoutes } from './minutes-routes';
import { notice } from './notices';
import { privacyRoutes } from './privacy-routes';
import { reportRoutes } from './report-routes';
import { rosterRoutes } from './roster-routes';
import type { Route } from './route-turn';
import { sessionRoutes } from './session-routes';
import { setupRoutes } from './setup-routes';
import { parseTopicLine, type TopicChatLine } from './topic-line-parser';
import { topicRoutes } from './topic-routes';
import type { TurnPipeline } from './turn-pipeline';
import { workingGroupRoutes } from './working-group-routes';

/** The route of every registered card verb; a verb without one does not compile. */
export type CardRoutes = { readonly [V in Verb]: Route<Payload<V>> };

/**
 * Every card verb of the registry (src/domain/verb-registry.ts) and the route that answers it.
 * Each route receives the card's data as its verb's registry entry reads it.
 */
export const CARD_ROUTES: CardRoutes = {
  'committee.choose': committeeRoutes.choose((command) => COMMAND_ROUTES[command]),
  'command.run': commandLineRoutes.run((command) => COMMAND_ROUTES[command]),
  'setup.open': setupRoutes.open,
  'setup.save': setupRoutes.save,
  'delivery.retry': deliveryRoutes.retry,
  'delivery.open': deliveryRoutes.open,
  'session.list': sessionRoutes.list,
  'session.edit': sessionRoutes.editForm,
  'session.save': sessionRoutes.save,
  'session.step': sessionRoutes.step,
  'session.invite': sessionRoutes.invite,
  'invitation.view': sessionRoutes.invitation,
  'rsvp.answer': sessionRoutes.answer,
  'rsvps.open': sessionRoutes.overview,
  'rsvps.remind': sessionRoutes.remind,
  'attendance.open': sessionRoutes.attendance,
  'attendance.save': sessionRoutes.saveAttendance,
  'topic.form': topicRoutes.form,
  'topic.submit': topicRoutes.submit,
  'topic.withdraw': topicRoutes.withdraw,
  'topics.open': agendaRoutes.topics,
  'topics.call': topicRoutes.call,
  'topic.decideForm': agendaRoutes.decideForm,
  'topic.decide': agendaRoutes.decide,
  'agenda.open': agendaRoutes.agenda,
  'agenda.move': agendaRoutes.move,
  'agenda.itemForm': agendaRoutes.itemForm,
  'agenda.itemSave': agendaRoutes.itemSave,
  'agenda.publish': agendaRoutes.publish,
  'workingGroups.open': workingGroupRoutes.list,
  'workingGroup.form': workingGroupRoutes.form,
  'workingGroup.save': workingGroupRoutes.save,
  'workingGroup.end': workingGroupRoutes.end,
  'minutes.open': minutesRoutes.open,
  'minutes.itemForm': minutesRoutes.itemForm,
  'minutes.itemSave': minutesRoutes.itemSave,
  'minutes.circulate': minutesRoutes.circulate,
  'minutes.respond': minutesRoutes.respond,
  'minutes.approve': minutesRoutes.approve,
  'actions.open': actionItemRoutes.list,
  'action.open': actionItemRoutes.open,
  'action.status': actionItemRoutes.status,
  'action.proposeDue': actionItemRoutes.proposeDue,
  'action.decideDue': actionItemRoutes.decideDue,
  'roster.open': rosterRoutes.open,
  'roster.import': rosterRoutes.importMembers,
  'roster.newSeat': rosterRoutes.newSeat,
  'roster.editSeat': rosterRoutes.editSeat,
  'roster.saveSeat': rosterRoutes.saveSeat,
  'roster.removeSeat': rosterRoutes.removeSeat,
  'roster.editPerson': rosterRoutes.editPerson,
  'roster.saveRoles': rosterRoutes.saveRoles,
  'roster.setActive': rosterRoutes.setActive,
  'roster.withoutTeamsForm': rosterRoutes.withoutTeamsForm,
  'roster.addWithoutTeams': rosterRoutes.addWithoutTeams,
  'roster.saveEmail': rosterRoutes.saveEmail,
  'person.erase': privacyRoutes.erase,
  'person.export': privacyRoutes.exportForPerson,
  'audit.open': auditRoutes.trail,
  'feed.renew': privacyRoutes.renewFeed,
};

/**
 * A command answered as a click on the verb's card would be, with the text after the command's
 * word as `argument` and a card without data ("rückmeldungen 2027/1" and the sessions card's button
 * show the same answers).
 */
function asVerb<V extends Verb>(verb: V): Route {
  const route: Route<Payload<V>> = CARD_ROUTES[verb];
  return (turn) => route({ ...turn, payload: emptyPayload(verb) });
}

/**
 * `hilfe`: what this person can do here; in a personal chat also which committees they belong to
 * and how to switch or name one.
 */
const help: Route = async (turn) => {
  const committees =
    turn.committees ??
    (conversationScopeOf(turn.context) === 'personal'
      ? (await myCommittees(turn.deps, turn.actor.identity)).choices
      : []);
  return renderHelpCard(showHelp(turn.actor, conversationScopeOf(turn.context), committees), turn.i18n);
};

/** Every command of the registry and the route that answers it; a command without one does not compile. */
export const COMMAND_ROUTES: { readonly [C in CommandId]: Route } = {
  help,
  committees: committeeRoutes.list,
  sessions: sessionRoutes.sessions,
  setup: setupRoutes.open,
  members: asVerb('roster.open'),
  planSessions: sessionRoutes.plan,
  extraSession: sessionRoutes.extra,
  callForTopics: asVerb('topics.call'),
  topics: asVerb('topics.open'),
  agenda: asVerb('agenda.open'),
  publishAgenda: asVerb('agenda.publish'),
  workingGroups: asVerb('workingGroups.open'),
  invite: asVerb('session.invite'),
  rsvps: asVerb('rsvps.open'),
  attendance: asVerb('attendance.open'),
  minutes: asVerb('minutes.open'),
  circulateMinutes: asVerb('minutes.circulate'),
  approveMinutes: asVerb('minutes.approve'),
  actions: asVerb('actions.open'),
  statusReport: reportRoutes.statusReport,
  audit: asVerb('audit.open'),
  myData: privacyRoutes.myData,
  language: languageRoutes.choose,
  delivery: asVerb('delivery.open'),
};

/** A topic submitted as one chat line (`thema: Titel – Beschreibung`), in any conversation with the bot. */
export const TOPIC_LINE_ROUTE: Route<TopicChatLine> = topicRoutes.chatLine;

/**
 * Registers the routes with teams-ai, in the order it tries them: typed commands, topic lines,
 * the card verbs (Action.Execute, and Action.Submit from clients without it), an unknown verb,
 * and last any other chat line.
 */
export function registerRoutes(app: Application<TurnState>, pipeline: TurnPipeline): void {
  const readable = (context: TurnContext) => (context.activity.text ?? '').length <= MAX_MESSAGE_LENGTH;

  app.message(
    async (context) => readable(context) && parseCommand(context.activity.text) !== undefined,
    async (context) => {
      const { command, argument } = parseCommand(context.activity.text)!;
      await pipeline.sendCard(
        context,
        await pipeline.answerCommand(context, command, argument, COMMAND_ROUTES[command]),
      );
    },
  );

  // A topic line is read at any length: one too long comes back as the topic form with its text
  // and the problem, never cut or dropped.
  app.message(
    async (context) => parseTopicLine(context.activity.text) !== undefined,
    async (context) => {
      const line = parseTopicLine(context.activity.text)!;
      await pipeline.sendCard(context, await pipeline.answerLine(context, line, TOPIC_LINE_ROUTE));
    },
  );

  // A command or topic line addressed to a committee by its short name: „KOG: rückmeldungen 2027/1“.
  app.message(
    async (context) => {
      const found = addressed(context.activity.text);
      return found !== undefined && (readable(context) || found.line !== undefined);
    },
    async (context) => {
      const { named, command, line } = addressed(context.activity.text)!;
      await pipeline.sendCard(
        context,
        command
          ? await pipeline.answerCommand(
              context,
              command.command,
              command.argument,
              COMMAND_ROUTES[command.command],
              named,
            )
          : await pipeline.answerLine(context, line!, TOPIC_LINE_ROUTE, named),
      );
    },
  );

  // A command with too long a text after its word: the text comes back to shorten and send again.
  app.message(
    async (context) => parseOverlongCommand(context.activity.text) !== undefined,
    async (context) => {
      const line = parseOverlongCommand(context.activity.text)!;
      await pipeline.sendCard(context, renderCommandLineCard(line, await pipeline.languageOf(context)));
    },
  );

  for (const verb of VERB_LIST) registerVerb(app, pipeline, verb);

  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    const i18n = await pipeline.languageOf(context);
    return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'notices.unknownAction') as unknown as AdaptiveCard;
  });

  // Last: any other chat line. Card submissions (Action.Submit) are messages too, so this
  // catch-all must come after their routes.
  app.activity(ActivityTypes.Message, async (context) => {
    const i18n = await pipeline.languageOf(context);
    if (!readable(context))
      return pipeline.sendCard(
        context,
        notice(i18n, 'attention', 'notices.tooLongTitle', 'notices.tooLong', { max: MAX_MESSAGE_LENGTH }),
      );
    const suggestion = suggestedCommand(context.activity.text, i18n);
    await pipeline.sendCard(
      context,
      suggestion
        ? notice(i18n, 'default', 'notices.unknownCommandTitle', 'sessionTracks.suggestion', {
            command: escapeMarkdown(suggestion),
          })
        : notice(i18n, 'default', 'notices.unknownCommandTitle', 'notices.unknownCommand'),
    );
  });
}

/** A line addressed to a committee whose rest is a command or a topic line. */
function addressed(
  text: string | undefined,
): { readonly named: string; readonly command?: ParsedCommand; readonly line?: TopicChatLine } | undefined {
  const found = parseAddressedLine(text);
  if (!found) return undefined;
  const command = parseCommand(found.rest);
  if (command) return { named: found.named, command };
  const line = parseTopicLine(found.rest);
  return line ? { named: found.named, line } : undefined;
}

/** One card verb: the click answered in place (Action.Execute), or as a new message (Action.Submit). */
function registerVerb<V extends Verb>(app: Application<TurnState>, pipeline: TurnPipeline, verb: V): void {
  const route: Route<Payload<V>> = CARD_ROUTES[verb];
  app.adaptiveCards.actionExecute(verb, async (context, _state, data) =>
    pipeline.answerInvoke(context, await pipeline.answerClick(context, verb, data, route)),
  );
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) =>
    pipeline.sendCard(context, await pipeline.answerClick(context, verb, data, route)),
  );
}
