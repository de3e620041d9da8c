import type { WorkingGroupFormView } from '../app/working-groups/open-working-group-form';
import {
  WORKING_GROUP_LIMITS,
  type WorkingGroupField,
  type WorkingGroupInput,
  type WorkingGroupProblem,
} from '../domain/working-groups/working-group';
import { formatDay } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { shownAgain, tooLongLine, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/**
 * The choice value for "no report session yet": Adaptive Cards need a non-empty value for every
 * choice, so the empty choice has a name of its own.
 */
export const NO_REPORT_SESSION = 'none';

/** The report session as the form submitted it, with the "none yet" choice as empty. */
export function submittedReportSession(value: unknown): unknown {
  return value === NO_REPORT_SESSION ? '' : value;
}

type Field = WorkingGroupField;

/** Data model of `adaptiveCards/working-group-form.json`. */
export interface WorkingGroupFormCardData {
  readonly banner: { readonly title: string; readonly text: string; readonly lines: readonly string[] } | null;
  readonly title: string;
  readonly intro: string;
  readonly labels: Readonly<
    Record<Field | 'namePlaceholder' | 'membersPlaceholder' | 'reportHint' | 'required' | 'save' | 'back', string>
  >;
  readonly values: Readonly<Record<Field, string>>;
  /** What a client lets a person type into each text field (see `typingLimit`). */
  readonly limits: Readonly<Record<'name' | 'mandate' | 'members', number>>;
  readonly sessionChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly save: CardButton['data'];
  readonly back: CardButton['data'];
}

/** What the form held when it was sent, and why it was not saved. */
export interface WorkingGroupFormRetry {
  readonly input: WorkingGroupInput;
  readonly problems: readonly WorkingGroupProblem[];
}

/**
 * The form for a new temporary working group or a running one, with the sessions it may report
 * at. When it comes back with problems it shows what was typed, so nothing is lost.
 */
export function renderWorkingGroupFormCard(
  form: WorkingGroupFormView,
  i18n: Translator,
  retry?: WorkingGroupFormRetry,
): AdaptiveCardJson {
  const group = 'group' in form ? form.group : undefined;
  const sessionChoices = [
    { title: i18n.t('workingGroups.form.noReport'), value: NO_REPORT_SESSION },
    ...form.reportSessions.map((session) => ({
      title: `${sessionTitle(session, i18n)}, ${formatDay(session.startsAt, form.timeZone, i18n)}`,
      value: session.id,
    })),
  ];
  const typed = (field: Field, max: number, stored: string | undefined): string =>
    retry ? echo(retry.input[field], max) : (stored ?? '');
  const chosen = typed('reportSessionId', 100, group?.reportSessionId);
  const data: WorkingGroupFormCardData = {
    banner: retry
      ? {
          title: i18n.t('problems.title'),
          text: i18n.t('problems.intro'),
          lines: retry.problems.map((problem) => describeProblem(problem, i18n, retry.input[problem.field])),
        }
      : null,
    title: group
      ? i18n.t('workingGroups.form.titleEdit', { name: escapeMarkdown(group.name) })
      : i18n.t('workingGroups.form.titleNew'),
    intro: i18n.t('workingGroups.form.intro'),
    labels: {
      name: i18n.t('workingGroups.fields.name'),
      mandate: i18n.t('workingGroups.fields.mandate'),
      members: i18n.t('workingGroups.form.membersLabel'),
      startsOn: i18n.t('workingGroups.fields.startsOn'),
      plannedEndOn: i18n.t('workingGroups.fields.plannedEndOn'),
      reportSessionId: i18n.t('workingGroups.fields.reportSessionId'),
      namePlaceholder: i18n.t('workingGroups.form.namePlaceholder'),
      membersPlaceholder: i18n.t('workingGroups.form.membersPlaceholder'),
      reportHint: i18n.t('workingGroups.form.reportHint'),
      required: i18n.t('workingGroups.form.required'),
      save: i18n.t('workingGroups.form.save'),
      back: i18n.t('workingGroups.form.back'),
    },
    values: {
      name: typed('name', WORKING_GROUP_LIMITS.name, group?.name),
      mandate: typed('mandate', WORKING_GROUP_LIMITS.mandate, group?.mandate),
      members: typed('members', WORKING_GROUP_LIMITS.members, group?.members),
      startsOn: typed('startsOn', 10, group?.startsOn),
      plannedEndOn: typed('plannedEndOn', 10, group?.plannedEndOn),
      reportSessionId: sessionChoices.some((choice) => choice.value === chosen) ? chosen : NO_REPORT_SESSION,
    },
    limits: {
      name: typingLimit(WORKING_GROUP_LIMITS.name),
      mandate: typingLimit(WORKING_GROUP_LIMITS.mandate),
      members: typingLimit(WORKING_GROUP_LIMITS.members),
    },
    sessionChoices,
    save: cardButton(
      '',
      VERBS.workingGroupSave,
      group ? { groupId: group.id, revision: group.revision } : { formId: 'formId' in form ? form.formId : '' },
    ).data,
    back: cardButton('', VERBS.workingGroupsOpen).data,
  };
  return expandCard('working-group-form', data);
}

function describeProblem(problem: WorkingGroupProblem, i18n: Translator, typed: unknown): string {
  const field = i18n.t(`workingGroups.fields.${problem.field}`);
  switch (problem.code) {
    case 'tooLong':
      return tooLongLine(
        i18n.t('workingGroups.problems.tooLong', { field, max: problem.max }),
        typed,
        problem.max,
        i18n,
      );
    case 'invalid':
      return i18n.t(
        problem.field === 'startsOn' || problem.field === 'plannedEndOn'
          ? 'workingGroups.problems.invalidDate'
          : 'workingGroups.problems.invalid',
        { field },
      );
    default:
      return i18n.t(`workingGroups.problems.${problem.code}`, { field });
  }
}

/** What was typed, shown again whole (see `shownAgain`); a number is no answer to any of these fields. */
function echo(value: unknown, max: number): string {
  return typeof value === 'string' ? shownAgain(value, max) : '';
}
