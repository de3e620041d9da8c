import { isBeforeInvitation, isCancelled, isFinished, type SessionState } from '../sessions/session-state';

/** The OParl version this interface speaks. */
export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

/** The object types of OParl 1.1 that this interface outputs, by their short names. */
export const OPARL_TYPES = {
  system: 'https://schema.oparl.org/1.1/System',
  body: 'https://schema.oparl.org/1.1/Body',
  organization: 'https://schema.oparl.org/1.1/Organization',
  membership: 'https://schema.oparl.org/1.1/Membership',
  meeting: 'https://schema.oparl.org/1.1/Meeting',
  agendaItem: 'https://schema.oparl.org/1.1/AgendaItem',
  file: 'https://schema.oparl.org/1.1/File',
  location: 'https://schema.oparl.org/1.1/Location',
} as const;

/**
 * The licence of everything the interface publishes: Creative Commons Attribution 4.0. Public
 * bodies publish open data under attribution licences (CC BY or the equivalent Datenlizenz
 * Deutschland), so portals may reuse it while naming the committee; the card that switches
 * publication on names it.
 */
export const OPARL_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * The meeting states the OParl specification recommends: `terminiert` (scheduled), `eingeladen`
 * (from the invitation until the minutes are approved) and `durchgeführt` (once they are). A
 * cancelled session keeps the state it had reached as far as the public can tell (invited if an
 * agenda went out) and says `cancelled: true`.
 */
export function meetingStateOf(state: SessionState, agendaPublished: boolean): string {
  if (isCancelled(state)) return agendaPublished ? 'eingeladen' : 'terminiert';
  if (isBeforeInvitation(state)) return 'terminiert';
  if (isFinished(state)) return 'durchgeführt';
  return 'eingeladen';
}

/** `organizationType` values of the specification's list, in its (German) words. */
export const ORGANIZATION_TYPES = { committee: 'Gremium', institution: 'Institution' } as const;
