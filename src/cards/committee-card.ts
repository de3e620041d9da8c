import type { CommitteeDocument } from '../app/documents';
import { autoPublishAgendaOf, committeeLanguageOf, minutesSettingsOf, publishOparlOf } from '../domain/committee';
import type { ConversationChoice } from '../app/open-setup';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { termsLabel } from './terms-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/committee.json`. */
export interface CommitteeCardData {
  readonly banner: { readonly title: string; readonly text: string } | null;
  readonly name: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly revisionLine: string;
  readonly editAction: { readonly title: string; readonly verb: string } | null;
}

export interface CommitteeCardOptions {
  readonly banner?: 'created' | 'saved';
  readonly workingGroup?: ConversationChoice;
  readonly canEdit: boolean;
}

/** The committee's settings at a glance, shown after saving and on request. */
export function renderCommitteeCard(
  committee: CommitteeDocument,
  options: CommitteeCardOptions,
  i18n: Translator,
): AdaptiveCardJson {
  const { leadTimes, chairRotation } = committee;
  const hours = committee.sessionLengthMinutes / 60;
  const data: CommitteeCardData = {
    banner:
      options.banner === 'created'
        ? { title: i18n.t('committee.createdTitle'), text: i18n.t('committee.createdText') }
        : options.banner === 'saved'
          ? { title: i18n.t('committee.savedTitle'), text: '' }
          : null,
    name: escapeMarkdown(committee.name),
    facts: [
      { title: i18n.t('committee.shortName'), value: escapeMarkdown(committee.shortName) },
      { title: i18n.t('committee.timeZone'), value: escapeMarkdown(committee.timeZone) },
      { title: i18n.t('committee.terms'), value: termsLabel(committee.terms, i18n) },
      {
        title: i18n.t('committee.sessionLength'),
        value: Number.isInteger(hours)
          ? i18n.t('committee.sessionLengthValue', { hours })
          : i18n.t('committee.sessionLengthMinutesValue', { minutes: committee.sessionLengthMinutes }),
      },
      {
        title: i18n.t('committee.chair'),
        value: i18n.t('committee.chairValue', {
          first: escapeMarkdown(chairRotation.firstSessionOfYear),
          rotating: chairRotation.rotating.map(escapeMarkdown).join(', ') || '–',
        }),
      },
      {
        title: i18n.t('committee.leadTimes'),
        value: i18n.t('committee.leadTimesValue', {
          callForTopics: leadTimes.callForTopicsDays,
          topicDeadline: leadTimes.topicDeadlineDays,
          agenda: leadTimes.agendaDispatchDays,
          reminder: leadTimes.rsvpReminderDays,
        }),
      },
      {
        title: i18n.t('committee.agendaPublication'),
        value: i18n.t(
          autoPublishAgendaOf(committee) ? 'committee.agendaPublicationAutomatic' : 'committee.agendaPublicationManual',
        ),
      },
      {
        title: i18n.t('committee.publication'),
        value: i18n.t(publishOparlOf(committee) ? 'committee.publicationOn' : 'committee.publicationOff'),
      },
      {
        title: i18n.t('committee.minutes'),
        value: i18n.t(
          minutesSettingsOf(committee).autoApprove
            ? 'committee.minutesValueAutoApprove'
            : 'committee.minutesValueManualApproval',
          { days: minutesSettingsOf(committee).objectionDays },
        ),
      },
      {
        title: i18n.t('committee.language'),
        value: i18n.t(`setup.languageNames.${committeeLanguageOf(committee)}`),
      },
      {
        title: i18n.t('committee.workingGroup'),
        value: options.workingGroup ? escapeMarkdown(options.workingGroup.title) : i18n.t('committee.workingGroupNone'),
      },
    ],
    revisionLine: i18n.t('committee.revision', {
      revision: committee.revision,
      at: formatDateTime(committee.updatedAt, committee.timeZone, i18n),
    }),
    editAction: options.canEdit ? { title: i18n.t('committee.edit'), verb: VERBS.setupOpen } : null,
  };
  return expandCard('committee', data);
}
