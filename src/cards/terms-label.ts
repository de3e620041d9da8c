import { formatTerms, type Term } from '../domain/committee';
import type { MessageKey, Translator } from '../i18n/translator';

/** The cadences offered on the set-up card; any other is shown as a custom one. */
export const STANDARD_TERMS: ReadonlyArray<{ readonly value: string; readonly label: MessageKey }> = [
  { value: '1-4,5-8,9-12', label: 'setup.termsThree' },
  { value: '1-6,7-12', label: 'setup.termsTwo' },
  { value: '1-3,4-6,7-9,10-12', label: 'setup.termsFour' },
];

/** A readable name of a cadence in the reader's language. */
export function termsLabel(terms: readonly Term[], i18n: Translator): string {
  const value = formatTerms(terms);
  const standard = STANDARD_TERMS.find((choice) => choice.value === value);
  return standard ? i18n.t(standard.label) : i18n.t('setup.termsCustom', { terms: value });
}
