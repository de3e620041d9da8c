import { listGroupConversations } from '../app/group-conversations';
import { actorIn, type Actor } from '../app/identify-actor';
import { openSetup, setupView } from '../app/open-setup';
import { saveSetup } from '../app/save-setup';
import { committeeLanguageOf, type CommitteeSettingsInput } from '../domain/committee';
import { translator } from '../i18n/translator';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderCommitteeCard } from '../cards/committee-card';
import { describeSettingsProblems } from '../cards/settings-problems';
import { renderSetupCard, submittedWorkingGroup } from '../cards/setup-card';
import { conversationScopeOf } from './conversation-scope';
import { notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';

/** `einrichten`, or the committee card's button: the set-up card for this person, or why they may not see it. */
async function open(turn: RouteTurn<unknown>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const result = await openSetup(deps, actor);
  if (!result.ok) return refusal(turn, result.error.kind);
  return renderSetupCard(result.value, i18n);
}

/** Saves the set-up card's answers and answers with the card to show in its place. */
async function save(turn: VerbTurn<'setup.save'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, payload: fields } = turn;
  const answers: CommitteeSettingsInput = {
    name: fields.name,
    shortName: fields.shortName,
    timeZone: fields.timeZone,
    terms: fields.terms,
    sessionLengthMinutes: fields.sessionLengthMinutes,
    firstChair: fields.firstChair,
    rotatingChairs: fields.rotatingChairs,
    callForTopicsDays: fields.callForTopicsDays,
    topicDeadlineDays: fields.topicDeadlineDays,
    agendaDispatchDays: fields.agendaDispatchDays,
    rsvpReminderDays: fields.rsvpReminderDays,
    workingGroupConversationId: submittedWorkingGroup(fields.workingGroupConversationId),
    objectionDays: fields.objectionDays,
    retentionMonths: fields.retentionMonths,
    autoApprove: fields.autoApprove,
    autoPublishAgenda: fields.autoPublishAgenda,
    publishOparl: fields.publishOparl,
    language: fields.language,
  };
  const result = await saveSetup(deps, actor, { revision: fields.revision, answers });
  if (result.ok) {
    const committee = result.value;
    // A channel or group chat speaks the committee's language from this answer on.
    const answerIn = conversationScopeOf(turn.context) === 'shared' ? translator(committeeLanguageOf(committee)) : i18n;
    const conversations = await listGroupConversations(deps.store, actor);
    const workingGroup = conversations.find((conversation) => conversation.id === committee.workingGroupConversationId);
    return renderCommitteeCard(
      committee,
      {
        banner: committee.revision === 1 ? 'created' : 'saved',
        workingGroup: workingGroup && {
          id: workingGroup.id,
          kind: workingGroup.kind,
          title: workingGroup.title ?? workingGroup.id,
        },
        canEdit: true,
      },
      answerIn,
    );
  }
  switch (result.error.kind) {
    case 'notAllowed':
    case 'noHome':
      return refusal(turn, result.error.kind);
    case 'invalid':
      return renderSetupCard(await setupView(deps, actor), i18n, {
        answers,
        banner: {
          title: i18n.t('problems.title'),
          text: i18n.t('problems.intro'),
          lines: describeSettingsProblems(result.error.problems, i18n, answers as Readonly<Record<string, unknown>>),
        },
      });
    case 'outdated': {
      // Someone saved first; a committee created meanwhile lives here now.
      const reread = await actorIn(deps, actor.identity, actor.committeeId, actor.place);
      const current: Actor =
        reread.committee?.home && reread.place.kind === 'unclaimed' ? { ...reread, place: { kind: 'home' } } : reread;
      const reopened = await openSetup(deps, current);
      if (!reopened.ok) return refusal(turn, reopened.error.kind);
      return renderSetupCard(reopened.value, i18n, {
        banner: { title: i18n.t('notices.outdatedTitle'), text: i18n.t('notices.outdatedSetup'), lines: [] },
      });
    }
  }
}

/** Why the set-up card is not shown: not the secretariat, or no committee here to set up (a personal chat). */
function refusal(turn: RouteTurn<unknown>, kind: 'notAllowed' | 'noHome'): AdaptiveCardJson {
  return kind === 'noHome'
    ? notice(turn.i18n, 'default', 'notices.noHomeTitle', 'notices.noHome')
    : notice(turn.i18n, 'attention', 'notices.notAllowedTitle', 'notices.notAllowedSetup');
}

/** Setting up the committee, and changing its settings. */
export const setupRoutes = { open, save };
