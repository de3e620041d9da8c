import type { RosterView } from '../app/roster/load-roster';
import { ASSIGNABLE_ROLES } from '../domain/roster-changes';
import { activeRoles, type Person } from '../domain/roster';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { FILTER_LIMIT, NAME_SHOWN, personChoices, personLabel, shortened, submittedFilter } from './person-choices';
import { VERBS } from './verbs';

/** People offered in the overview's person choice; the search reaches everyone else. */
export const OVERVIEW_PERSON_CHOICES = 30;
/**
 * Characters of names listed per role on the overview; the rest are counted. A budget rather
 * than a number of names, so that short names show more people in the same space.
 */
export const NAME_LIST_CHARACTERS = 500;
const SEAT_CHOICE_TITLE = 50;

/** A line above the roster: what was just done, or why nothing was. */
export interface RosterBanner {
  readonly style: 'good' | 'attention';
  readonly title: string;
  readonly text: string;
}

/** Data model of `adaptiveCards/roster.json`. */
export interface RosterCardData {
  readonly banner: RosterBanner | null;
  readonly title: string;
  /** When and by whom the roster was last changed, in words; empty before the first change. */
  readonly revisionLine: string;
  readonly seatsHeading: string;
  readonly noSeats: string;
  readonly seats: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly rolesHeading: string;
  readonly roles: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly seatChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly personChoices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly filter: string;
  readonly filterLimit: number;
  readonly shownHint: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly verbs: Readonly<
    Record<'editSeat' | 'newSeat' | 'search' | 'editPerson' | 'import' | 'withoutTeams', string>
  >;
  readonly canImport: boolean;
}

export interface RosterCardOptions {
  readonly banner?: RosterBanner;
  /** The search text for the person choice. */
  readonly filter?: string;
  /** Whether this conversation has a member list to take over: a team or group chat. */
  readonly canImport: boolean;
  /** The committee's time zone, for when the roster was last changed. */
  readonly timeZone?: string;
}

/**
 * The roster at a glance: each seat with member and deputy, the other roles, and who has none.
 * Changes happen on a seat's or a person's own card, which keeps this one small enough for
 * Teams even with every seat and a team of hundreds.
 */
export function renderRosterCard(view: RosterView, options: RosterCardOptions, i18n: Translator): AdaptiveCardJson {
  const byId = new Map(view.people.map((person) => [person.aadObjectId, person]));
  const name = (id: string | undefined) =>
    escapeMarkdown(personLabel(id === undefined ? undefined : byId.get(id), i18n));
  const active = view.people.filter((person) => person.active);
  const filter = submittedFilter(options.filter);
  const people = personChoices(view.people, { filter, limit: OVERVIEW_PERSON_CHOICES }, i18n);
  const data: RosterCardData = {
    banner: options.banner ?? null,
    title: i18n.t('roster.title'),
    // The revision counter is the cards' business, not the reader's: they read when and by whom.
    revisionLine: view.lastChange
      ? i18n.t('setup.lastChange', {
          at: formatDateTime(view.lastChange.at, options.timeZone ?? 'Europe/Berlin', i18n),
          by: name(view.lastChange.by),
        })
      : '',
    seatsHeading: i18n.t('roster.seatsHeading', { count: view.seats.length }),
    noSeats: i18n.t('roster.noSeats'),
    seats: view.seats.map((seat) => ({
      title: escapeMarkdown(seat.institution),
      value: i18n.t('roster.seatValue', { member: name(seat.memberId), deputy: name(seat.deputyId) }),
    })),
    rolesHeading: i18n.t('roster.rolesHeading'),
    roles: [
      ...ASSIGNABLE_ROLES.map((role) => ({
        title: i18n.t(`roles.${role}`),
        value: nameList(
          active.filter((person) => person.roles.includes(role)),
          i18n,
        ),
      })),
      {
        title: i18n.t('roster.withoutRoleHeading'),
        value: nameList(
          active.filter((person) => activeRoles(person).length === 0),
          i18n,
        ),
      },
      ...withoutTeamsRow(active, i18n),
      {
        title: i18n.t('roster.inactiveHeading'),
        value: nameList(
          view.people.filter((person) => !person.active),
          i18n,
        ),
      },
    ],
    seatChoices: view.seats.map((seat) => ({ title: shortened(seat.institution, SEAT_CHOICE_TITLE), value: seat.id })),
    personChoices: people.choices,
    filter,
    filterLimit: FILTER_LIMIT,
    shownHint:
      people.matching > people.choices.length
        ? i18n.t('roster.shown', { shown: people.choices.length, total: people.matching })
        : '',
    labels: {
      seat: i18n.t('roster.seat'),
      seatPlaceholder: i18n.t('roster.seatPlaceholder'),
      editSeat: i18n.t('roster.editSeat'),
      newSeat: i18n.t('roster.newSeat'),
      filter: i18n.t('roster.filter'),
      filterPlaceholder: i18n.t('roster.filterPlaceholder'),
      search: i18n.t('roster.search'),
      person: i18n.t('roster.person'),
      personPlaceholder: i18n.t('roster.personPlaceholder'),
      editPerson: i18n.t('roster.editPerson'),
      import: i18n.t('roster.import'),
      withoutTeams: i18n.t('withoutTeams.add'),
    },
    verbs: {
      editSeat: VERBS.rosterEditSeat,
      newSeat: VERBS.rosterNewSeat,
      search: VERBS.rosterOpen,
      editPerson: VERBS.rosterEditPerson,
      import: VERBS.rosterImport,
      withoutTeams: VERBS.rosterWithoutTeamsForm,
    },
    canImport: options.canImport,
  };
  return expandCard('roster', data);
}

/**
 * The active people without Teams with their addresses, where the secretariat checks that the
 * invitations go to the right mailbox; no row while there are none.
 */
function withoutTeamsRow(active: readonly Person[], i18n: Translator): Array<{ title: string; value: string }> {
  const people = active.filter((person) => person.withoutTeams);
  if (people.length === 0) return [];
  return [
    {
      title: i18n.t('withoutTeams.heading'),
      value: nameList(people, i18n, (person) =>
        i18n.t('withoutTeams.entry', {
          name: escapeMarkdown(shortened(person.displayName, NAME_SHOWN)),
          email: escapeMarkdown(person.email ?? ''),
        }),
      ),
    },
  ];
}

function nameList(
  people: readonly Person[],
  i18n: Translator,
  label: (person: Person) => string = (person) => escapeMarkdown(personLabel(person, i18n)),
): string {
  if (people.length === 0) return i18n.t('roster.nobody');
  const listed: string[] = [];
  let length = 0;
  for (const person of people) {
    const name = label(person);
    if (listed.length > 0 && length + name.length > NAME_LIST_CHARACTERS) break;
    listed.push(name);
    length += name.length + 2;
  }
  const more = people.length - listed.length;
  return more > 0 ? `${listed.join(', ')} ${i18n.t('roster.more', { count: more })}` : listed.join(', ');
}
