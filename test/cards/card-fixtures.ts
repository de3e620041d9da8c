import type { CommitteeDocument } from '../../src/app/documents';
import type { SetupView } from '../../src/app/open-setup';
import { DEFAULT_COMMITTEE_SETTINGS } from '../../src/domain/committee';

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
