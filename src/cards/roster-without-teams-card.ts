import type { RosterView } from '../app/roster/load-roster';
import { EMAIL_LIMITS } from '../domain/email-address';
import { TEXT_FIELDS } from '../domain/text-input';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/roster-without-teams.json`. */
export interface RosterWithoutTeamsCardData {
  readonly banner: { readonly title: string; readonly text: string; readonly lines: readonly string[] } | null;
  readonly title: string;
  readonly intro: string;
  readonly revision: number;
  readonly values: { readonly displayName: string; readonly institution: string; readonly email: string };
  readonly limits: { readonly displayName: number; readonly institution: number; readonly email: number };
  readonly labels: Readonly<Record<string, string>>;
  readonly verbs: { readonly save: string; readonly back: string };
}

/** What the form held when it was sent: shown again, so that a refused form loses nothing typed. */
export interface WithoutTeamsAnswers {
  readonly displayName?: unknown;
  readonly institution?: unknown;
  readonly email?: unknown;
}

/**
 * The secretariat's form for a person without a Teams account: name, institution and e-mail
 * address. It carries the roster's revision like every roster card, so a form left open while
 * the roster changed is refused as outdated rather than saved over the change.
 */
export function renderRosterWithoutTeamsCard(
  view: RosterView,
  i18n: Translator,
  answers: WithoutTeamsAnswers = {},
  banner: RosterWithoutTeamsCardData['banner'] = null,
): AdaptiveCardJson {
  const data: RosterWithoutTeamsCardData = {
    banner,
    title: i18n.t('withoutTeams.form.title'),
    intro: i18n.t('withoutTeams.form.intro'),
    revision: view.revision,
    values: {
      displayName: shownAgain(answers.displayName, TEXT_FIELDS.personName.max),
      institution: shownAgain(answers.institution, TEXT_FIELDS.institution.max),
      email: shownAgain(answers.email, EMAIL_LIMITS.address),
    },
    limits: {
      displayName: typingLimit(TEXT_FIELDS.personName.max),
      institution: typingLimit(TEXT_FIELDS.institution.max),
      email: typingLimit(EMAIL_LIMITS.address),
    },
    labels: {
      displayName: i18n.t('withoutTeams.form.name'),
      institution: i18n.t('withoutTeams.form.institution'),
      email: i18n.t('withoutTeams.form.email'),
      emailPlaceholder: i18n.t('withoutTeams.form.emailPlaceholder'),
      save: i18n.t('withoutTeams.form.save'),
      back: i18n.t('withoutTeams.form.back'),
    },
    verbs: { save: VERBS.rosterAddWithoutTeams, back: VERBS.rosterOpen },
  };
  return expandCard('roster-without-teams', data);
}
