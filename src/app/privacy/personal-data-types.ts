/**
 * Every kind of document that can hold a person's name or words. Erasure and the name check of
 * the tests walk all of them; a new kind of document that stores names belongs here too.
 */
export const PERSONAL_DATA_TYPES = [
  'committee',
  'person',
  'seat',
  'session',
  'rsvp',
  'attendance',
  'agenda',
  'topicSubmission',
  'workingGroup',
  'minutes',
  'minutesVersion',
  'minutesResponse',
  'agreement',
  'dispatch',
  'outbox',
  'conversation',
  'job',
  'dataExport',
] as const;

/** Compares names as people write them: case and surrounding spaces do not matter. */
export function sameName(a: string | undefined, b: string): boolean {
  return typeof a === 'string' && a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de') && b.trim() !== '';
}
