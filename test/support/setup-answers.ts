import { DEFAULT_COMMITTEE_SETTINGS, formatTerms, type CommitteeSettingsInput } from '../../src/domain/committee';

/**
 * What a secretariat saves on the set-up card when it keeps every default but the names: tests and
 * benchmarks set their committees up through the same use case and checks as a real one.
 */
export function defaultSetupAnswers(name: string, shortName: string): CommitteeSettingsInput {
  const d = DEFAULT_COMMITTEE_SETTINGS;
  return {
    name,
    shortName,
    timeZone: d.timeZone,
    terms: formatTerms(d.terms),
    sessionLengthMinutes: 180,
    firstChair: d.chairRotation.firstSessionOfYear,
    rotatingChairs: d.chairRotation.rotating.join('\n'),
    ...d.leadTimes,
  };
}
