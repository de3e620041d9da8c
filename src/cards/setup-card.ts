import {
  autoPublishAgendaOf,
  committeeLanguageOf,
  DEFAULT_AUTO_PUBLISH_AGENDA,
  formatTerms,
  minutesSettingsOf,
  parseTerms,
  publishOparlOf,
  retentionMonthsOf,
  TEXT_LIMITS,
  type CommitteeSettingsInput,
} from '../domain/committee';
import { isLanguage, LANGUAGES } from '../domain/language';
import { DEFAULT_MINUTES_SETTINGS } from '../domain/minutes/minutes-content';
import type { SetupView } from '../app/open-setup';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { STANDARD_TERMS, termsLabel } from './terms-label';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** The values shown in the form's inputs: plain text and numbers, never markdown. */
export interface SetupFormValues {
  readonly name: string;
  readonly shortName: string;
  readonly timeZone: string;
  readonly terms: string;
  readonly sessionLengthMinutes: string;
  readonly firstChair: string;
  readonly rotatingChairs: string;
  readonly callForTopicsDays: string;
  readonly topicDeadlineDays: string;
  readonly agendaDispatchDays: string;
  readonly rsvpReminderDays: string;
  /** 'true' or 'false', as the toggle sends it. */
  readonly autoPublishAgenda: string;
  readonly workingGroupConversationId: string;
  readonly objectionDays: string;
  /** 'true' or 'false', as the toggle sends it. */
  readonly autoApprove: string;
  readonly retentionMonths: string;
  /** 'true' or 'false', as the toggle sends it. */
  readonly publishOparl: string;
  /** The committee's language, 'de' or 'en' (see `committeeLanguageOf`). */
  readonly language: string;
}

/** Data model of `adaptiveCards/setup.json`. */
export interface SetupCardData {
  readonly banner: { readonly title: string; readonly text: string; readonly lines: readonly string[] } | null;
  readonly title: string;
  readonly intro: string;
  /** Where the committee lives (or will, once saved). */
  readonly home: string;
  readonly lastChange: string;
  readonly revision: number;
  readonly values: SetupFormValues;
  readonly termChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly conversationChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly languageChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly limits: {
    readonly name: number;
    readonly shortName: number;
    readonly institution: number;
    readonly rotatingChairs: number;
  };
  readonly labels: Readonly<Record<string, string>>;
  readonly verbs: { readonly save: string };
}

export interface SetupCardOptions {
  /** A notice above the form: why nothing was saved. */
  readonly banner?: SetupCardData['banner'];
  /** Answers to show again instead of the stored settings, so nothing typed is lost. */
  readonly answers?: CommitteeSettingsInput;
}

/**
 * The choice value for "no working group yet": Adaptive Cards require every choice to have a
 * non-empty value, so the empty choice needs a name of its own.
 */
export const NO_WORKING_GROUP = 'none';

/** The working group conversation as the form submitted it, with the "none" choice as empty. */
export function submittedWorkingGroup(value: unknown): unknown {
  return value === NO_WORKING_GROUP ? '' : value;
}

const ROTATING_MAX_LENGTH = TEXT_LIMITS.rotatingInstitutions * (TEXT_LIMITS.institution + 1);

/** The form to create or edit the committee. */
export function renderSetupCard(view: SetupView, i18n: Translator, options: SetupCardOptions = {}): AdaptiveCardJson {
  const values = options.answers ? valuesFromAnswers(options.answers) : valuesFromView(view);
  const data: SetupCardData = {
    banner: options.banner ?? null,
    title: i18n.t(view.isNew ? 'setup.titleNew' : 'setup.titleEdit'),
    intro: view.isNew ? i18n.t('setup.introNew') : '',
    home: homeLine(view, i18n),
    lastChange: view.lastChange
      ? i18n.t('setup.lastChange', {
          at: formatDateTime(view.lastChange.at, view.settings.timeZone, i18n),
          by: escapeMarkdown(view.lastChange.byName || '–'),
        })
      : '',
    revision: view.revision,
    values,
    termChoices: termChoices(values.terms, i18n),
    conversationChoices: [
      { title: i18n.t('setup.workingGroupNone'), value: NO_WORKING_GROUP },
      ...view.conversations.map((conversation) => ({
        title: `${i18n.t(`setup.conversationKind.${conversation.kind}`)}: ${conversation.title}`,
        value: conversation.id,
      })),
    ],
    languageChoices: LANGUAGES.map((language) => ({
      title: i18n.t(`setup.languageNames.${language}`),
      value: language,
    })),
    limits: {
      name: typingLimit(TEXT_LIMITS.name),
      shortName: typingLimit(TEXT_LIMITS.shortName),
      institution: typingLimit(TEXT_LIMITS.institution),
      rotatingChairs: typingLimit(ROTATING_MAX_LENGTH),
    },
    labels: labels(i18n),
    verbs: { save: VERBS.setupSave },
  };
  return expandCard('setup', data);
}

function valuesFromView({ settings }: SetupView): SetupFormValues {
  return {
    name: settings.name,
    shortName: settings.shortName,
    timeZone: settings.timeZone,
    terms: formatTerms(settings.terms),
    sessionLengthMinutes: String(settings.sessionLengthMinutes),
    firstChair: settings.chairRotation.firstSessionOfYear,
    rotatingChairs: settings.chairRotation.rotating.join('\n'),
    callForTopicsDays: String(settings.leadTimes.callForTopicsDays),
    topicDeadlineDays: String(settings.leadTimes.topicDeadlineDays),
    agendaDispatchDays: String(settings.leadTimes.agendaDispatchDays),
    rsvpReminderDays: String(settings.leadTimes.rsvpReminderDays),
    autoPublishAgenda: String(autoPublishAgendaOf(settings)),
    workingGroupConversationId: settings.workingGroupConversationId ?? NO_WORKING_GROUP,
    objectionDays: String(minutesSettingsOf(settings).objectionDays),
    autoApprove: String(minutesSettingsOf(settings).autoApprove),
    retentionMonths: String(retentionMonthsOf(settings)),
    publishOparl: String(publishOparlOf(settings)),
    language: committeeLanguageOf(settings),
  };
}

/** The submitted answers as typed, each shown again whole (see `shownAgain`). */
function valuesFromAnswers(answers: CommitteeSettingsInput): SetupFormValues {
  return {
    name: echo(answers.name, TEXT_LIMITS.name),
    shortName: echo(answers.shortName, TEXT_LIMITS.shortName),
    timeZone: echo(answers.timeZone, 64),
    terms: echo(answers.terms, 40),
    sessionLengthMinutes: echo(answers.sessionLengthMinutes, 6),
    firstChair: echo(answers.firstChair, TEXT_LIMITS.institution),
    rotatingChairs: echo(answers.rotatingChairs, ROTATING_MAX_LENGTH),
    callForTopicsDays: echo(answers.callForTopicsDays, 6),
    topicDeadlineDays: echo(answers.topicDeadlineDays, 6),
    agendaDispatchDays: echo(answers.agendaDispatchDays, 6),
    rsvpReminderDays: echo(answers.rsvpReminderDays, 6),
    autoPublishAgenda:
      answers.autoPublishAgenda === undefined
        ? String(DEFAULT_AUTO_PUBLISH_AGENDA)
        : String(answers.autoPublishAgenda === true || answers.autoPublishAgenda === 'true'),
    workingGroupConversationId: echo(answers.workingGroupConversationId, 80) || NO_WORKING_GROUP,
    objectionDays: echo(answers.objectionDays, 6),
    autoApprove:
      answers.autoApprove === undefined
        ? String(DEFAULT_MINUTES_SETTINGS.autoApprove)
        : String(answers.autoApprove === true || answers.autoApprove === 'true'),
    retentionMonths: echo(answers.retentionMonths, 6),
    publishOparl: String(answers.publishOparl === true || answers.publishOparl === 'true'),
    language: isLanguage(answers.language) ? answers.language : committeeLanguageOf({}),
  };
}

function echo(value: unknown, max: number): string {
  return shownAgain(value, max);
}

function termChoices(current: string, i18n: Translator): Array<{ title: string; value: string }> {
  const choices = STANDARD_TERMS.map((choice) => ({ title: i18n.t(choice.label), value: choice.value }));
  const custom = parseTerms(current);
  if (custom && !choices.some((choice) => choice.value === formatTerms(custom))) {
    choices.push({ title: termsLabel(custom, i18n), value: formatTerms(custom) });
  }
  return choices;
}

function labels(i18n: Translator): Record<string, string> {
  return {
    wholeNumber: i18n.t('typedInput.wholeNumber', { example: 14 }),
    sectionBasics: i18n.t('setup.sectionBasics'),
    sectionCycle: i18n.t('setup.sectionCycle'),
    sectionChair: i18n.t('setup.sectionChair'),
    sectionLeadTimes: i18n.t('setup.sectionLeadTimes'),
    sectionWorkingGroup: i18n.t('setup.sectionWorkingGroup'),
    name: i18n.t('setup.name'),
    shortName: i18n.t('setup.shortName'),
    timeZone: i18n.t('setup.timeZone'),
    terms: i18n.t('setup.terms'),
    sessionLengthMinutes: i18n.t('setup.sessionLengthMinutes'),
    firstChair: i18n.t('setup.firstChair'),
    rotatingChairs: i18n.t('setup.rotatingChairs'),
    callForTopicsDays: i18n.t('setup.callForTopicsDays'),
    topicDeadlineDays: i18n.t('setup.topicDeadlineDays'),
    agendaDispatchDays: i18n.t('setup.agendaDispatchDays'),
    rsvpReminderDays: i18n.t('setup.rsvpReminderDays'),
    autoPublishAgenda: i18n.t('setup.autoPublishAgenda'),
    autoPublishAgendaHint: i18n.t('setup.autoPublishAgendaHint'),
    workingGroupConversation: i18n.t('setup.workingGroupConversation'),
    workingGroupHint: i18n.t('setup.workingGroupHint'),
    sectionMinutes: i18n.t('setup.sectionMinutes'),
    objectionDays: i18n.t('setup.objectionDays'),
    autoApprove: i18n.t('setup.autoApprove'),
    sectionPrivacy: i18n.t('setup.sectionPrivacy'),
    retentionMonths: i18n.t('setup.retentionMonths'),
    retentionHint: i18n.t('setup.retentionHint'),
    sectionPublication: i18n.t('setup.sectionPublication'),
    publishOparl: i18n.t('setup.publishOparl'),
    publishOparlHint: i18n.t('setup.publishOparlHint'),
    language: i18n.t('setup.language'),
    languageHint: i18n.t('setup.languageHint'),
    required: i18n.t('setup.required'),
    save: i18n.t('setup.save'),
  };
}

/** The line naming the committee's home: where it will live for a new one, where it lives otherwise. */
function homeLine(view: SetupView, i18n: Translator): string {
  if (!view.home) return '';
  const untitled = i18n.t(view.home.kind === 'team' ? 'setup.homeUntitledTeam' : 'setup.homeUntitledChat');
  const title = view.home.title ? escapeMarkdown(view.home.title) : untitled;
  return i18n.t(view.homeOnSave ? 'setup.homeNew' : 'setup.home', { title });
}
