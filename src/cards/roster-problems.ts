import type { PersonField, RosterProblem, SeatField } from '../domain/roster-changes';
import type { MessageKey, Translator } from '../i18n/translator';
import { escapeMarkdown } from './escape-markdown';
import { tooLongLine } from './typed-text';

const FIELD_LABELS: Readonly<Record<SeatField | PersonField, MessageKey>> = {
  institution: 'roster.seatForm.institution',
  memberId: 'roster.seatForm.member',
  deputyId: 'roster.seatForm.deputy',
  displayName: 'withoutTeams.form.name',
  email: 'withoutTeams.form.email',
};

/**
 * One readable line per problem of a roster change, naming the field as the form labels it.
 * Tampering (unknown ids or values) is answered with a notice instead and never reaches here.
 */
export function describeRosterProblems(
  problems: readonly RosterProblem[],
  i18n: Translator,
  answers: Readonly<Partial<Record<SeatField | PersonField, unknown>>> = {},
): string[] {
  return problems.map((problem) => {
    switch (problem.code) {
      case 'required':
        return i18n.t('problems.required', { field: i18n.t(FIELD_LABELS[problem.field]) });
      case 'tooLong':
        return tooLongLine(
          i18n.t('problems.tooLong', { field: i18n.t(FIELD_LABELS[problem.field]), max: problem.max }),
          answers[problem.field],
          problem.max,
          i18n,
        );
      case 'markup':
        return i18n.t('problems.markup', { field: i18n.t(FIELD_LABELS[problem.field]) });
      case 'inactivePerson':
      case 'sameAsMember':
        return i18n.t(`roster.problems.${problem.code}`, { field: i18n.t(FIELD_LABELS[problem.field]) });
      case 'invalidEmail':
      case 'severalEmails':
        return i18n.t(`withoutTeams.problems.${problem.code}`, { field: i18n.t(FIELD_LABELS.email) });
      case 'emailTaken':
        return i18n.t('withoutTeams.problems.emailTaken', {
          field: i18n.t(FIELD_LABELS.email),
          name: escapeMarkdown(problem.name),
        });
      case 'tooManySeats':
        return i18n.t('roster.banners.tooManySeats', { max: problem.max });
      case 'lastSecretariat':
        return i18n.t('roster.banners.lastSecretariat');
      default:
        return i18n.t('roster.tampered');
    }
  });
}
