import type { RosterView } from '../app/roster/load-roster';
import { EMAIL_LIMITS } from '../domain/email-address';
import type { Person } from '../domain/roster';
import { ASSIGNABLE_ROLES, type AssignableRole } from '../domain/roster-changes';
import { formatDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { personLabel } from './person-choices';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/roster-person.json`. */
export interface RosterPersonCardData {
  readonly banner: { readonly title: string; readonly text: string } | null;
  readonly title: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly rolesHeading: string;
  readonly rolesHint: string;
  readonly toggles: ReadonlyArray<{ readonly id: string; readonly title: string; readonly value: 'true' | 'false' }>;
  readonly revision: number;
  readonly personId: string;
  readonly save: { readonly title: string; readonly verb: string };
  readonly activity: { readonly title: string; readonly verb: string; readonly active: boolean };
  readonly back: { readonly title: string; readonly verb: string };
  /** A person without Teams: their address to change; none for a Teams member (Teams supplies theirs). */
  readonly emailForm: {
    readonly label: string;
    readonly value: string;
    readonly maxLength: number;
    readonly title: string;
    readonly verb: string;
  } | null;
  /** A person without Teams cannot ask for their data themselves: the secretariat exports it for them. */
  readonly exportData: { readonly title: string; readonly verb: string } | null;
  /** Erasing (Art. 17 GDPR) asks once more before anything happens; none for an erased person. */
  readonly erase: { readonly title: string; readonly verb: string } | null;
}

export interface RosterPersonCardOptions {
  /** Whether Gremium reaches people without Teams through Outlook (an organiser mailbox is set). */
  readonly outlook?: boolean;
  /** The address as typed on a refused change, shown again so nothing typed is lost. */
  readonly typedEmail?: unknown;
}

/** The input id of a role's toggle on the person card. */
export function roleToggleId(role: AssignableRole): string {
  return `role_${role}`;
}

/**
 * The roles the toggles of a submitted person card stand for, or undefined when a toggle is
 * missing or holds anything but "true" or "false": no honest card sends that.
 */
export function submittedRoles(data: Readonly<Record<string, unknown>>): AssignableRole[] | undefined {
  const roles: AssignableRole[] = [];
  for (const role of ASSIGNABLE_ROLES) {
    const value = data[roleToggleId(role)];
    if (value === 'true' || value === true) roles.push(role);
    else if (value !== 'false' && value !== false) return undefined;
  }
  return roles;
}

/** The person card's activity action as sent: a boolean, or "true"/"false" from clients that send text. */
export function submittedActive(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/**
 * One person's card: their status and seats, their assignable roles as toggles, and whether
 * they take part. Member and deputy are shown but not toggled: they follow from the seats.
 */
export function renderRosterPersonCard(
  view: RosterView,
  person: Person & { readonly erasedAt?: string },
  timeZone: string,
  i18n: Translator,
  banner?: RosterPersonCardData['banner'],
  options: RosterPersonCardOptions = {},
): AdaptiveCardJson {
  const erased = person.erasedAt !== undefined;
  const holds = (field: 'memberId' | 'deputyId', key: 'roster.personForm.memberOf' | 'roster.personForm.deputyOf') =>
    view.seats
      .filter((seat) => seat[field] === person.aadObjectId)
      .map((seat) => i18n.t(key, { institution: escapeMarkdown(seat.institution) }));
  const seats = [
    ...holds('memberId', 'roster.personForm.memberOf'),
    ...holds('deputyId', 'roster.personForm.deputyOf'),
  ];
  const status = person.active
    ? i18n.t('roster.personForm.active')
    : person.leftAt
      ? i18n.t('roster.personForm.inactiveLeft', { date: formatDate(person.leftAt, timeZone, i18n) })
      : i18n.t('roster.personForm.inactive');
  const data: RosterPersonCardData = {
    banner: banner ?? null,
    title: escapeMarkdown(personLabel(person, i18n)),
    facts: [
      { title: i18n.t('roster.personForm.status'), value: status },
      { title: i18n.t('roster.personForm.seats'), value: seats.join('; ') || i18n.t('roster.personForm.noSeat') },
      ...(person.email ? [{ title: i18n.t('withoutTeams.person.email'), value: escapeMarkdown(person.email) }] : []),
      ...(person.withoutTeams
        ? [
            {
              title: i18n.t('withoutTeams.person.teams'),
              value: i18n.t(options.outlook ? 'withoutTeams.person.viaOutlook' : 'withoutTeams.person.unreachable'),
            },
          ]
        : []),
    ],
    rolesHeading: i18n.t('roster.personForm.rolesHeading'),
    rolesHint: i18n.t('roster.personForm.rolesHint'),
    toggles: ASSIGNABLE_ROLES.map((role) => ({
      id: roleToggleId(role),
      title: i18n.t(`roles.${role}`),
      value: person.roles.includes(role) ? 'true' : 'false',
    })),
    revision: view.revision,
    personId: person.aadObjectId,
    save: { title: i18n.t('roster.personForm.save'), verb: VERBS.rosterSaveRoles },
    activity: {
      title: i18n.t(person.active ? 'roster.personForm.deactivate' : 'roster.personForm.reactivate'),
      verb: VERBS.rosterSetActive,
      active: !person.active,
    },
    back: { title: i18n.t('roster.personForm.back'), verb: VERBS.rosterOpen },
    emailForm:
      person.withoutTeams && !erased
        ? {
            label: i18n.t('withoutTeams.person.emailInput'),
            value:
              options.typedEmail !== undefined
                ? shownAgain(options.typedEmail, EMAIL_LIMITS.address)
                : (person.email ?? ''),
            maxLength: typingLimit(EMAIL_LIMITS.address),
            title: i18n.t('withoutTeams.person.saveEmail'),
            verb: VERBS.rosterSaveEmail,
          }
        : null,
    exportData:
      person.withoutTeams && !erased ? { title: i18n.t('withoutTeams.export.button'), verb: VERBS.personExport } : null,
    erase: erased ? null : { title: i18n.t('roster.personForm.erase'), verb: VERBS.personErase },
  };
  return expandCard('roster-person', data);
}
