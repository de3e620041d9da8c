import type { RosterView } from '../app/roster/load-roster';
import { TEXT_LIMITS } from '../domain/committee';
import type { Seat } from '../domain/roster';
import type { Translator } from '../i18n/translator';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { FILTER_LIMIT, personChoices, submittedFilter } from './person-choices';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** People offered per choice set on the seat card; the search reaches everyone else. */
export const SEAT_FORM_CHOICES = 40;

/**
 * The choice value for "no deputy": Adaptive Cards require every choice to have a non-empty
 * value, so the empty choice needs a name of its own.
 */
export const NO_DEPUTY = 'none';

/** The deputy as the form submitted it, with the "no deputy" choice as empty. */
export function submittedDeputy(value: unknown): unknown {
  return value === NO_DEPUTY ? '' : value;
}

type Choice = { readonly title: string; readonly value: string };

/** Data model of `adaptiveCards/roster-seat.json`. */
export interface RosterSeatCardData {
  readonly banner: { readonly title: string; readonly text: string; readonly lines: readonly string[] } | null;
  readonly title: string;
  readonly revision: number;
  readonly seatId: string;
  readonly values: { readonly institution: string; readonly memberId: string; readonly deputyId: string };
  readonly filter: string;
  readonly limits: { readonly institution: number; readonly filter: number };
  readonly memberChoices: readonly Choice[];
  readonly deputyChoices: readonly Choice[];
  readonly shownHint: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly verbs: { readonly save: string; readonly search: string; readonly back: string };
  readonly removeAction: { readonly title: string; readonly verb: string } | null;
}

export interface RosterSeatCardOptions {
  /** Why nothing was saved. */
  readonly banner?: RosterSeatCardData['banner'];
  /** What the form held when it was sent, shown again so nothing typed is lost. */
  readonly answers?: { readonly institution?: unknown; readonly memberId?: unknown; readonly deputyId?: unknown };
  readonly filter?: string;
}

/**
 * The form for one seat: its institution, its member and, optionally, a deputy, chosen from the
 * committee's active people (imported from the team, so this is where a team member is picked).
 * Without a seat, the form adds a new one.
 */
export function renderRosterSeatCard(
  view: RosterView,
  seat: Seat | undefined,
  options: RosterSeatCardOptions,
  i18n: Translator,
): AdaptiveCardJson {
  const answers = options.answers;
  const values = {
    institution: answers ? echo(answers.institution, TEXT_LIMITS.institution) : (seat?.institution ?? ''),
    memberId: answers ? echo(answers.memberId, 100) : (seat?.memberId ?? ''),
    deputyId: (answers ? echo(answers.deputyId, 100) : seat?.deputyId) || NO_DEPUTY,
  };
  const filter = submittedFilter(options.filter);
  const choose = (current: string) =>
    personChoices(view.people, { filter, limit: SEAT_FORM_CHOICES, always: [current], activeOnly: true }, i18n);
  const members = choose(values.memberId);
  const deputies = choose(values.deputyId);
  const data: RosterSeatCardData = {
    banner: options.banner ?? null,
    title: i18n.t(seat ? 'roster.seatForm.titleEdit' : 'roster.seatForm.titleNew'),
    revision: view.revision,
    seatId: seat?.id ?? '',
    values,
    filter,
    limits: { institution: typingLimit(TEXT_LIMITS.institution), filter: FILTER_LIMIT },
    memberChoices: members.choices,
    deputyChoices: [{ title: i18n.t('roster.seatForm.noDeputy'), value: NO_DEPUTY }, ...deputies.choices],
    shownHint:
      members.matching > SEAT_FORM_CHOICES
        ? i18n.t('roster.shown', { shown: SEAT_FORM_CHOICES, total: members.matching })
        : '',
    labels: {
      institution: i18n.t('roster.seatForm.institution'),
      member: i18n.t('roster.seatForm.member'),
      deputy: i18n.t('roster.seatForm.deputy'),
      choose: i18n.t('roster.seatForm.choose'),
      chooseHint: i18n.t('roster.seatForm.chooseHint'),
      filter: i18n.t('roster.filter'),
      filterPlaceholder: i18n.t('roster.filterPlaceholder'),
      search: i18n.t('roster.search'),
      save: i18n.t('roster.seatForm.save'),
      back: i18n.t('roster.seatForm.back'),
    },
    verbs: {
      save: VERBS.rosterSaveSeat,
      search: seat ? VERBS.rosterEditSeat : VERBS.rosterNewSeat,
      back: VERBS.rosterOpen,
    },
    removeAction: seat ? { title: i18n.t('roster.seatForm.remove'), verb: VERBS.rosterRemoveSeat } : null,
  };
  return expandCard('roster-seat', data);
}

/** A submitted text shown again whole (see `shownAgain`); a number is no answer to any of these fields. */
function echo(value: unknown, max: number): string {
  return typeof value === 'string' ? shownAgain(value, max) : '';
}
