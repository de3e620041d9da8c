import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { noteMemberships } from '../../../src/app/committees/person-committees';
import { personDocumentId, seatDocumentId } from '../../../src/domain/ids';
import { setUpCommittee } from '../sessions/session-fixtures';
import { PEOPLE, type SessionWorld, TENANT } from '../sessions/session-world';

/** The home of a second committee of the tenant, the employment agency's. */
export const OTHER_HOME = { kind: 'team', id: '19:afa-team@thread.tacv2', title: 'AfA' } as const;
export const OTHER_COMMITTEE = committeeIdForHome(TENANT, OTHER_HOME);

/**
 * Sets up the second committee with Birgit as the member of its seat, noted in her index of
 * committees, so she belongs to two committees of the tenant. Answers the committee's id.
 */
export async function birgitInSecondCommittee(world: SessionWorld): Promise<string> {
  const committeeId = await setUpCommittee(world.deps, TENANT, 'AfA', OTHER_HOME);
  await world.store.upsert<PersonDocument>({
    id: personDocumentId(PEOPLE.birgit),
    committeeId: OTHER_COMMITTEE,
    type: 'person',
    aadObjectId: PEOPLE.birgit,
    displayName: 'Birgit Lehmann',
    roles: ['member'],
    active: true,
  });
  await world.store.upsert<SeatDocument>({
    id: seatDocumentId('agentur'),
    committeeId: OTHER_COMMITTEE,
    type: 'seat',
    institution: 'Agentur für Arbeit Leipzig',
    memberId: PEOPLE.birgit,
  });
  await noteMemberships(world.deps, OTHER_COMMITTEE, [PEOPLE.birgit]);
  return committeeId;
}
