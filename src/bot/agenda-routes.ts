import {
  agendaItemForm,
  moveAgendaItem,
  openAgenda,
  saveAgendaItem,
  type AgendaRefusal,
} from '../app/agenda/build-agenda';
import { publishAgendaAsSecretariat } from '../app/agenda/publish-agenda';
import { topicOverview } from '../app/agenda/topic-overview';
import { decideTopic, decisionForm, submissionForTriage } from '../app/agenda/triage-topics';
import type { SessionAccess } from '../app/sessions/find-session';
import type { CommandId } from '../domain/permissions';
import type { Result } from '../domain/result';
import { isBeforeHeld } from '../domain/sessions/session-state';
import { renderAgendaCard } from '../cards/agenda-card';
import { renderAgendaItemCard } from '../cards/agenda-item-card';
import { cardBanner, cardButton, type CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderConfirmCard } from '../cards/confirm-card';
import { escapeMarkdown } from '../cards/escape-markdown';
import { formatDeadline } from '../i18n/format-date';
import { renderTopicDecisionCard } from '../cards/topic-decision-card';
import { renderTopicsCard } from '../cards/topics-card';
import { VERBS } from '../cards/verbs';
import { notice } from './notices';
import { sessionOfTurn, type SessionTurn } from './session-of-turn';
import type { RouteTurn, VerbTurn } from './route-turn';
import { accessRefusal, wrongStateNotice } from './session-access-refusal';

/** The session a command names or means, or the one a card names, for a secretariat command. */
async function sessionFor(
  turn: SessionTurn,
  command: CommandId,
): Promise<Result<SessionAccess, Parameters<typeof accessRefusal>[1]>> {
  return sessionOfTurn(turn, command, isBeforeHeld);
}

async function topicsCard(
  turn: RouteTurn<unknown>,
  access: SessionAccess,
  page: unknown,
  banner?: CardBanner,
): Promise<AdaptiveCardJson> {
  const overview = await topicOverview(turn.deps, access.committee, access.session, page);
  return renderTopicsCard(overview, turn.i18n, banner);
}

async function agendaCard(
  turn: RouteTurn<unknown>,
  access: SessionAccess,
  banner?: CardBanner,
): Promise<AdaptiveCardJson> {
  return renderAgendaCard(await openAgenda(turn.deps, access), turn.i18n, banner);
}

/** An agenda change refused: the builder again with why, or a notice when the session is past it. */
async function agendaRefusal(
  turn: RouteTurn<unknown>,
  access: SessionAccess,
  refusal: AgendaRefusal,
): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  switch (refusal.kind) {
    case 'wrongState':
      return wrongStateNotice(i18n, refusal);
    case 'outdated':
      return renderAgendaCard(
        refusal.view,
        i18n,
        cardBanner('warning', i18n.t('notices.outdatedTitle'), i18n.t('agendaErrors.outdated')),
      );
    default:
      return agendaCard(turn, access, cardBanner('attention', i18n.t(`agendaErrors.${refusal.kind}`)));
  }
}

/** `themen [2027/1]`, or paging on the triage card. */
async function topics(turn: VerbTurn<'topics.open'>): Promise<AdaptiveCardJson> {
  const access = await sessionFor(turn, 'topics');
  if (!access.ok) return accessRefusal(turn.i18n, access.error);
  return topicsCard(turn, access.value, turn.payload.page);
}

async function decideForm(turn: VerbTurn<'topic.decideForm'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const found = await submissionForTriage(deps, actor, turn.payload.submissionId);
  if (!found.ok)
    return found.error.kind === 'unknownSubmission'
      ? notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission')
      : accessRefusal(i18n, { kind: found.error.kind });
  return renderTopicDecisionCard(await decisionForm(deps, actor.committee!, found.value), i18n);
}

async function decide(turn: VerbTurn<'topic.decide'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, payload } = turn;
  const input = {
    decision: payload.decision,
    presenter: payload.presenter,
    minutes: payload.minutes,
    kind: payload.kind,
    mergeInto: payload.mergeInto,
    reason: payload.reason,
  };
  const result = await decideTopic(deps, actor, payload.submissionId, payload.revision, input);
  if (result.ok) {
    const { submission, session } = result.value;
    const decided = cardBanner(
      'good',
      i18n.t(`agendaResult.decided.${submission.decision!.type}`, {
        title: escapeMarkdown(submission.content.title),
      }),
    );
    return topicsCard(turn, { committee: actor.committee!, session }, 1, decided);
  }
  const refusal = result.error;
  const found = await submissionForTriage(deps, actor, payload.submissionId);
  switch (refusal.kind) {
    case 'invalid':
      return found.ok
        ? renderTopicDecisionCard(await decisionForm(deps, actor.committee!, found.value), i18n, {
            input,
            problems: refusal.problems,
          })
        : notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission');
    case 'alreadyDecided':
    case 'outdated':
      return found.ok
        ? topicsCard(
            turn,
            { committee: actor.committee!, session: found.value.session },
            1,
            cardBanner('warning', i18n.t(`agendaErrors.${refusal.kind}`)),
          )
        : notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission');
    case 'wrongState':
      return wrongStateNotice(i18n, refusal);
    case 'unknownSubmission':
      return notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission');
    case 'noFollowingSession':
    case 'tooManyItems':
      return notice(i18n, 'attention', 'agendaErrors.title', `agendaErrors.${refusal.kind}`);
    default:
      return accessRefusal(i18n, { kind: refusal.kind });
  }
}

/** `tagesordnung [2027/1]`, or the way back from a form. */
async function agenda(turn: VerbTurn<'agenda.open'>): Promise<AdaptiveCardJson> {
  const access = await sessionFor(turn, 'agenda');
  return access.ok ? agendaCard(turn, access.value) : accessRefusal(turn.i18n, access.error);
}

async function move(turn: VerbTurn<'agenda.move'>): Promise<AdaptiveCardJson> {
  const { payload } = turn;
  const access = await sessionFor(turn, 'agenda');
  if (!access.ok) return accessRefusal(turn.i18n, access.error);
  const result = await moveAgendaItem(
    turn.deps,
    access.value,
    turn.actor.identity.aadObjectId,
    payload.revision,
    payload.itemId,
    payload.direction,
  );
  return result.ok ? renderAgendaCard(result.value, turn.i18n) : agendaRefusal(turn, access.value, result.error);
}

async function itemForm(turn: VerbTurn<'agenda.itemForm'>): Promise<AdaptiveCardJson> {
  const access = await sessionFor(turn, 'agenda');
  if (!access.ok) return accessRefusal(turn.i18n, access.error);
  const form = await agendaItemForm(turn.deps, access.value, turn.payload.itemId);
  return form.ok
    ? renderAgendaItemCard(form.value.view, form.value.item, turn.i18n)
    : agendaRefusal(turn, access.value, form.error);
}

async function itemSave(turn: VerbTurn<'agenda.itemSave'>): Promise<AdaptiveCardJson> {
  const { deps, i18n, payload } = turn;
  const access = await sessionFor(turn, 'agenda');
  if (!access.ok) return accessRefusal(i18n, access.error);
  const input = {
    title: payload.title,
    presenter: payload.presenter,
    minutes: payload.minutes,
    kind: payload.kind,
  };
  const result = await saveAgendaItem(
    deps,
    access.value,
    turn.actor.identity.aadObjectId,
    payload.revision,
    payload.itemId,
    input,
  );
  if (result.ok) return renderAgendaCard(result.value, i18n, cardBanner('good', i18n.t('agendaResult.saved')));
  if (result.error.kind === 'invalid')
    return renderAgendaItemCard(await openAgenda(deps, access.value), result.error.item, i18n, {
      input,
      problems: result.error.problems,
    });
  return agendaRefusal(turn, access.value, result.error);
}

/** `tagesordnung veröffentlichen [2027/1]`, or the agenda card's button; late, it asks first. */
async function publish(turn: VerbTurn<'agenda.publish'>): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const access = await sessionFor(turn, 'publishAgenda');
  if (!access.ok) return accessRefusal(i18n, access.error);
  const { session, committee } = access.value;
  const result = await publishAgendaAsSecretariat(turn.deps, turn.actor, session, turn.payload.confirmed === true);
  if (result.ok) {
    const { version, people, toWorkingGroupConversation } = result.value;
    const text = i18n.t(
      toWorkingGroupConversation ? 'agendaResult.publishedToChannel' : 'agendaResult.publishedToPeople',
      { count: people },
    );
    return agendaCard(
      turn,
      { committee, session: result.value.session },
      cardBanner('good', i18n.t('agendaResult.published', { version, number: session.number }), text),
    );
  }
  const refusal = result.error;
  switch (refusal.kind) {
    case 'confirmLate':
      return renderConfirmCard({
        title: i18n.t('agendaResult.lateTitle', { number: session.number }),
        text: i18n.t('agendaResult.lateText', { due: formatDeadline(refusal.dueAt, committee.timeZone, i18n) }),
        buttons: [
          cardButton(
            i18n.t('agendaResult.lateConfirm'),
            VERBS.agendaPublish,
            { sessionId: session.id, confirmed: true },
            'positive',
          ),
          cardButton(i18n.t('agendaResult.lateBack'), VERBS.agendaOpen, { sessionId: session.id }),
        ],
      });
    case 'unchanged':
      return agendaCard(
        turn,
        access.value,
        cardBanner('accent', i18n.t('agendaResult.unchanged', { version: refusal.version })),
      );
    case 'wrongState':
      return wrongStateNotice(i18n, refusal);
    case 'noSeats':
      return notice(i18n, 'attention', 'agendaErrors.title', 'sessionErrors.noSeats');
    case 'outdated':
      return agendaCard(
        turn,
        access.value,
        cardBanner('warning', i18n.t('notices.outdatedTitle'), i18n.t('agendaErrors.outdated')),
      );
    default:
      return accessRefusal(i18n, refusal);
  }
}

/**
 * The secretariat's side of the agenda: triage of submissions, the agenda builder and its
 * publication, mapped to use cases; every refusal a localised card.
 */
export const agendaRoutes = { topics, decideForm, decide, agenda, move, itemForm, itemSave, publish };
