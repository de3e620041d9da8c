import type { Person } from '../domain/roster';
import type { Translator } from '../i18n/translator';

/** Longest name a card shows; names are rarely longer, and the card must stay small. */
export const NAME_SHOWN = 40;
/** Longest search text taken from a card. */
export const FILTER_LIMIT = 100;

/** A person as a card names them: shortened, marked without Teams and when inactive. Plain text, not markdown. */
export function personLabel(person: Person | undefined, i18n: Translator): string {
  if (!person) return i18n.t('roster.nobody');
  const shown = shortened(person.displayName.trim() || i18n.t('roster.unnamed'), NAME_SHOWN);
  // Marked, so that nobody picks a person without Teams for a task they would never hear of in Teams.
  const name = person.withoutTeams ? i18n.t('withoutTeams.mark', { name: shown }) : shown;
  return person.active ? name : i18n.t('roster.inactiveMark', { name });
}

/** Text cut to `max` characters with an ellipsis, so one long value cannot crowd out a card. */
export function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The search text as the card sent it: a string, trimmed and cut to the input's length. */
export function submittedFilter(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, FILTER_LIMIT) : '';
}

export interface PersonChoices {
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** How many people matched the search, of whom `choices` shows at most the limit. */
  readonly matching: number;
}

/**
 * The people a card offers in a choice set: those matching the search, at most `limit` of
 * them, so that a team of hundreds still fits into one card. The ones in `always` (a seat's
 * current holders) are offered whatever the search, so a form never loses its value.
 */
export function personChoices(
  people: readonly Person[],
  options: {
    readonly filter: string;
    readonly limit: number;
    readonly always?: readonly string[];
    readonly activeOnly?: boolean;
  },
  i18n: Translator,
): PersonChoices {
  const needle = options.filter.toLocaleLowerCase('de');
  const always = new Set(options.always ?? []);
  const matching = people.filter(
    (person) => (!options.activeOnly || person.active) && person.displayName.toLocaleLowerCase('de').includes(needle),
  );
  const shown = [
    ...people.filter((person) => always.has(person.aadObjectId)),
    ...matching.filter((person) => !always.has(person.aadObjectId)).slice(0, options.limit),
  ];
  return {
    choices: shown.map((person) => ({ title: personLabel(person, i18n), value: person.aadObjectId })),
    matching: matching.length,
  };
}
