import type { SettingsField, SettingsProblem } from '../domain/committee';
import type { MessageKey, Translator } from '../i18n/translator';
import { tooLongLine } from './typed-text';

const FIELD_LABELS: Readonly<Record<SettingsField, MessageKey>> = {
  name: 'setup.name',
  shortName: 'setup.shortName',
  timeZone: 'setup.timeZone',
  terms: 'setup.terms',
  sessionLengthMinutes: 'setup.sessionLengthMinutes',
  firstChair: 'setup.firstChair',
  rotatingChairs: 'setup.rotatingChairs',
  callForTopicsDays: 'setup.callForTopicsDays',
  topicDeadlineDays: 'setup.topicDeadlineDays',
  agendaDispatchDays: 'setup.agendaDispatchDays',
  rsvpReminderDays: 'setup.rsvpReminderDays',
  leadTimeOrder: 'setup.sectionLeadTimes',
  workingGroupConversationId: 'setup.workingGroupConversation',
  objectionDays: 'setup.objectionDays',
  retentionMonths: 'setup.retentionMonths',
  language: 'setup.language',
};

/**
 * One readable line per problem, naming the field as the form labels it; `answers` are what was
 * sent, for the length of a text too long to be shown again.
 */
export function describeSettingsProblems(
  problems: readonly SettingsProblem[],
  i18n: Translator,
  answers: Readonly<Record<string, unknown>> = {},
): string[] {
  return problems.map((problem) => {
    const field = i18n.t(FIELD_LABELS[problem.field]);
    switch (problem.code) {
      case 'tooLong':
        return tooLongLine(
          i18n.t('problems.tooLong', { field, max: problem.max }),
          answers[problem.field],
          problem.max,
          i18n,
        );
      case 'tooMany':
        return i18n.t(`problems.${problem.code}`, { field, max: problem.max });
      case 'outOfRange':
        return i18n.t('problems.outOfRange', { field, min: problem.min, max: problem.max });
      default:
        return i18n.t(`problems.${problem.code}`, { field });
    }
  });
}
