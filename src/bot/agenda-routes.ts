import {
  AGENDA_OPEN_STATES,
  agendaItemForm,
  moveAgendaItem,
  openAgenda,
  saveAgendaItem,
  type AgendaRefusal,
} from '../app/agenda/build-agenda';
import { publishAgendaAsSecretariat } from '../app/agenda/publish-agenda';
import { topicOverview } from '../app/agenda/topic-overview';
import { decideTopic, decisionForm, submissionForTriage } from '../app/agenda/triage-topics';
import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { chosenSessionForCommand, sessionForCommand, type SessionAccess } from '../app/sessions/find-session';
import type { CommandId } from '../domain/permissions';
import type { Result } from '../domain/result';
import { renderAgendaCard } from '../cards/agenda-card';
import { renderAgendaItemCard } from '../cards/agenda-item-card';
import { cardBanner, cardButton, type CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderConfirmCard } from '../cards/confirm-card';
import { escapeMarkdown } from '../cards/escape-markdown';
import { formatDateTime } from '../i18n/format-date';
import { stateLabel } from '../cards/session-label';
import { renderTopicDecisionCard } from '../cards/topic-decision-card';
import { renderTopicsCard } from '../cards/topics-card';
import { VERBS } from '../cards/verbs';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import { accessRefusal } from './session-access-refusal';
import { cardField, cardFields } from './card-data';

/**
 * The secretariat's side of the agenda: triage of submissions, the agenda builder and its
 * publication, mapped to use cases; every refusal a localised card.
 */
export function agendaCards(deps: AppDependencies) {
  const nowIso = (): string => deps.clock.now().toUTC().toISO()!;

  /** The session a command names or means, or the one a card names, for a secretariat command. */
  async function sessionFor(
    actor: Actor,
    command: CommandId,
    argumentOrData: unknown,
  ): Promise<Result<SessionAccess, Parameters<typeof accessRefusal>[1]>> {
    return typeof argumentOrData === 'string'
      ? chosenSessionForCommand(deps.store, actor, command, argumentOrData, AGENDA_OPEN_STATES, nowIso())
      : sessionForCommand(deps.store, actor, command, cardField(argumentOrData, 'sessionId'));
  }

  async function topicsCard(
    access: SessionAccess,
    i18n: Translator,
    page: unknown,
    banner?: CardBanner,
  ): Promise<AdaptiveCardJson> {
    return renderTopicsCard(await topicOverview(deps, access.committee, access.session, page), i18n, banner);
  }

  async function agendaCard(access: SessionAccess, i18n: Translator, banner?: CardBanner): Promise<AdaptiveCardJson> {
    return renderAgendaCard(await openAgenda(deps, access), i18n, banner);
  }

  /** An agenda change refused: the builder again with why, or a notice when the session is past it. */
  async function agendaRefusal(
    access: SessionAccess,
    i18n: Translator,
    refusal: AgendaRefusal,
  ): Promise<AdaptiveCardJson> {
    switch (refusal.kind) {
      case 'illegalState':
        return notice(i18n, 'attention', 'agendaErrors.title', 'sessionErrors.illegalState', {
          number: refusal.session.number,
          state: stateLabel(refusal.session.state, i18n),
        });
      case 'outdated':
        return renderAgendaCard(
          refusal.view,
          i18n,
          cardBanner('warning', i18n.t('notices.outdatedTitle'), i18n.t('agendaErrors.outdated')),
        );
      default:
        return agendaCard(access, i18n, cardBanner('attention', i18n.t(`agendaErrors.${refusal.kind}`)));
    }
  }

  const handlers = {
    /** `themen [2027/1]`, or paging on the triage card. */
    async topics(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionFor(actor, 'topics', argumentOrData);
      if (!access.ok) return accessRefusal(i18n, access.error);
      return topicsCard(access.value, i18n, cardField(argumentOrData, 'page'));
    },

    async decisionForm(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const found = await submissionForTriage(deps, actor, cardField(data, 'submissionId'));
      if (!found.ok)
        return found.error.kind === 'unknownSubmission'
          ? notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission')
          : accessRefusal(i18n, { kind: found.error.kind });
      return renderTopicDecisionCard(await decisionForm(deps, actor.committee!, found.value), i18n);
    },

    async decide(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const input = {
        decision: cardField(data, 'decision'),
        presenter: cardField(data, 'presenter'),
        minutes: cardField(data, 'minutes'),
        kind: cardField(data, 'kind'),
        mergeInto: cardField(data, 'mergeInto'),
        reason: cardField(data, 'reason'),
      };
      const result = await decideTopic(
        deps,
        actor,
        cardField(data, 'submissionId'),
        cardField(data, 'revision'),
        input,
      );
      if (result.ok) {
        const { submission, session } = result.value;
        const decided = cardBanner(
          'good',
          i18n.t(`agendaResult.decided.${submission.decision!.type}`, {
            title: escapeMarkdown(submission.content.title),
          }),
        );
        return topicsCard({ committee: actor.committee!, session }, i18n, 1, decided);
      }
      const refusal = result.error;
      const found = await submissionForTriage(deps, actor, cardField(data, 'submissionId'));
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
                { committee: actor.committee!, session: found.value.session },
                i18n,
                1,
                cardBanner('warning', i18n.t(`agendaErrors.${refusal.kind}`)),
              )
            : notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission');
        case 'illegalState':
          return notice(i18n, 'attention', 'agendaErrors.title', 'sessionErrors.illegalState', {
            number: refusal.session.number,
            state: stateLabel(refusal.session.state, i18n),
          });
        case 'unknownSubmission':
          return notice(i18n, 'attention', 'agendaErrors.title', 'submission.errors.unknownSubmission');
        case 'noFollowingSession':
        case 'tooManyItems':
          return notice(i18n, 'attention', 'agendaErrors.title', `agendaErrors.${refusal.kind}`);
        default:
          return accessRefusal(i18n, { kind: refusal.kind });
      }
    },

    /** `tagesordnung [2027/1]`, or the way back from a form. */
    async agenda(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionFor(actor, 'agenda', argumentOrData);
      return access.ok ? agendaCard(access.value, i18n) : accessRefusal(i18n, access.error);
    },

    async move(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionFor(actor, 'agenda', cardFields(data));
      if (!access.ok) return accessRefusal(i18n, access.error);
      const result = await moveAgendaItem(
        deps,
        access.value,
        actor.identity.aadObjectId,
        cardField(data, 'revision'),
        cardField(data, 'itemId'),
        cardField(data, 'direction'),
      );
      return result.ok ? renderAgendaCard(result.value, i18n) : agendaRefusal(access.value, i18n, result.error);
    },

    async itemForm(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionFor(actor, 'agenda', cardFields(data));
      if (!access.ok) return accessRefusal(i18n, access.error);
      const form = await agendaItemForm(deps, access.value, cardField(data, 'itemId'));
      return form.ok
        ? renderAgendaItemCard(form.value.view, form.value.item, i18n)
        : agendaRefusal(access.value, i18n, form.error);
    },

    async itemSave(actor: Actor, i18n: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionFor(actor, 'agenda', cardFields(data));
      if (!access.ok) return accessRefusal(i18n, access.error);
      const input = {
        title: cardField(data, 'title'),
        presenter: cardField(data, 'presenter'),
        minutes: cardField(data, 'minutes'),
        kind: cardField(data, 'kind'),
      };
      const result = await saveAgendaItem(
        deps,
        access.value,
        actor.identity.aadObjectId,
        cardField(data, 'revision'),
        cardField(data, 'itemId'),
        input,
      );
      if (result.ok) return renderAgendaCard(result.value, i18n, cardBanner('good', i18n.t('agendaResult.saved')));
      if (result.error.kind === 'invalid')
        return renderAgendaItemCard(await openAgenda(deps, access.value), result.error.item, i18n, {
          input,
          problems: result.error.problems,
        });
      return agendaRefusal(access.value, i18n, result.error);
    },

    /** `tagesordnung veröffentlichen [2027/1]`, or the agenda card's button; late, it asks first. */
    async publish(actor: Actor, i18n: Translator, argumentOrData: unknown): Promise<AdaptiveCardJson> {
      const access = await sessionFor(actor, 'publishAgenda', argumentOrData);
      if (!access.ok) return accessRefusal(i18n, access.error);
      const { session, committee } = access.value;
      const result = await publishAgendaAsSecretariat(
        deps,
        actor,
        session,
        cardField(argumentOrData, 'confirmed') === true,
      );
      if (result.ok) {
        const { version, people, toWorkingGroupConversation } = result.value;
        const text = i18n.t(
          toWorkingGroupConversation ? 'agendaResult.publishedToChannel' : 'agendaResult.publishedToPeople',
          { count: people },
        );
        return agendaCard(
          { committee, session: result.value.session },
          i18n,
          cardBanner('good', i18n.t('agendaResult.published', { version, number: session.number }), text),
        );
      }
      const refusal = result.error;
      switch (refusal.kind) {
        case 'confirmLate':
          return renderConfirmCard({
            title: i18n.t('agendaResult.lateTitle', { number: session.number }),
            text: i18n.t('agendaResult.lateText', { due: formatDateTime(refusal.dueAt, committee.timeZone, i18n) }),
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
            access.value,
            i18n,
            cardBanner('accent', i18n.t('agendaResult.unchanged', { version: refusal.version })),
          );
        case 'illegalState':
          return notice(i18n, 'attention', 'agendaErrors.title', 'sessionErrors.illegalState', {
            number: session.number,
            state: stateLabel('current' in refusal ? refusal.current : refusal.session.state, i18n),
          });
        case 'noSeats':
          return notice(i18n, 'attention', 'agendaErrors.title', 'sessionErrors.noSeats');
        case 'outdated':
          return agendaCard(
            access.value,
            i18n,
            cardBanner('warning', i18n.t('notices.outdatedTitle'), i18n.t('agendaErrors.outdated')),
          );
        default:
          return accessRefusal(i18n, refusal);
      }
    },
  };
  return handlers;
}
