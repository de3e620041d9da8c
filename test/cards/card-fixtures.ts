import type { CommitteeDocument } from '../../src/app/documents';
import type { SetupView } from '../../src/app/open-setup';
import type { RosterView } from '../../src/app/roster/load-roster';
import { DEFAULT_COMMITTEE_SETTINGS, TEXT_LIMITS } from '../../src/domain/committee';
import type { Person, Seat } from '../../src/domain/roster';
import { ROSTER_LIMITS } from '../../src/domain/roster-changes';

/** A committee as stored, for rendering tests. */
export function sampleCommittee(overrides: Partial<CommitteeDocument> = {}): CommitteeDocument {
  return {
    ...DEFAULT_COMMITTEE_SETTINGS,
    id: 'committee',
    committeeId: 'tenant-t1',
    type: 'committee',
    tenantId: 't1',
    revision: 3,
    createdAt: '2026-11-01T09:00:00.000Z',
    createdBy: 'a1',
    updatedAt: '2026-11-20T13:30:00.000Z',
    updatedBy: 'a1',
    workingGroupConversationId: 'conversation-ag',
    ...overrides,
  };
}

/** The set-up view of a stored committee with one channel to choose from. */
export function sampleSetupView(overrides: Partial<SetupView> = {}): SetupView {
  return {
    isNew: false,
    revision: 3,
    settings: DEFAULT_COMMITTEE_SETTINGS,
    conversations: [{ id: 'conversation-ag', kind: 'channel', title: 'KOG › AG Ausbildung und Arbeit' }],
    lastChange: { at: '2026-11-20T13:30:00.000Z', byName: 'Katrin Albers' },
    ...overrides,
  };
}

/**
 * The largest roster a card must carry: the most seats allowed, with the longest institutions,
 * and a team of hundreds with long names, every kind of role and inactive people among them.
 */
export function sampleLargeRosterView(): RosterView {
  const people: Person[] = Array.from({ length: 500 }, (_, index) => ({
    aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    displayName: `Dr. Erika Mustermann-Beispielname-Überlang ${index} `.repeat(5),
    roles: index < 30 ? ['secretariat', 'chair', 'workingGroup'] : index < 110 ? ['member', 'deputy'] : [],
    active: index % 7 !== 0,
    ...(index % 14 === 0 ? { leftAt: '2026-10-01T08:00:00.000Z' } : {}),
  }));
  const seats: Seat[] = Array.from({ length: ROSTER_LIMITS.seats }, (_, index) => ({
    id: `seat-00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    institution: `Sächsisches Staatsministerium für Soziales und Gesellschaftlichen Zusammenhalt ${index} `
      .repeat(3)
      .slice(0, TEXT_LIMITS.institution),
    memberId: people[30 + index * 2]!.aadObjectId,
    deputyId: people[31 + index * 2]!.aadObjectId,
  }));
  return { revision: 12, people, seats };
}

/** A small roster: the Jobcenter's seat with member and deputy, a secretariat and a newcomer. */
export function sampleRosterView(): RosterView {
  return {
    revision: 3,
    people: [
      { aadObjectId: 'b', displayName: 'Birgit Lehmann', roles: [], active: true },
      { aadObjectId: 'k', displayName: 'Katrin Albers', roles: ['secretariat'], active: true },
      {
        aadObjectId: 's',
        displayName: 'Sabine Hoffmann',
        roles: ['member'],
        active: false,
        leftAt: '2026-10-01T08:00:00.000Z',
      },
      { aadObjectId: 't', displayName: 'Thomas Richter', roles: ['deputy'], active: true },
    ],
    seats: [{ id: 'seat-jobcenter', institution: 'Jobcenter Leipzig', memberId: 's', deputyId: 't' }],
  };
}
