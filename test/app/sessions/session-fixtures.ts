import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { identifyActor, type ActorIdentity } from '../../../src/app/identify-actor';
import { saveSetup } from '../../../src/app/save-setup';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms } from '../../../src/domain/committee';

export const ONLINE_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

/** Sets up a committee with the KOG's settings through the real use case, as its secretariat would. */
export async function setUpCommittee(deps: AppDependencies, tenantId: string, shortName = 'KOG'): Promise<void> {
  const d = DEFAULT_COMMITTEE_SETTINGS;
  const secretariat: ActorIdentity = {
    tenantId,
    aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
    displayName: 'Geschäftsstelle',
  };
  const saved = await saveSetup(deps, await identifyActor(deps, secretariat), {
    revision: 0,
    answers: {
      name: d.name,
      shortName,
      timeZone: d.timeZone,
      terms: formatTerms(d.terms),
      sessionLengthMinutes: 180,
      firstChair: d.chairRotation.firstSessionOfYear,
      rotatingChairs: d.chairRotation.rotating.join('\n'),
      ...d.leadTimes,
    },
  });
  assert.ok(saved.ok);
}

/** Session 2027/1 as planning writes it, with the place and link the secretariat added since. */
export function sessionDocument(committeeId: string, overrides: Partial<SessionDocument> = {}): SessionDocument {
  return {
    id: sessionDocumentId(2027, 1),
    committeeId,
    type: 'session',
    number: '2027/1',
    year: 2027,
    sequence: 1,
    extra: false,
    startsAt: '2027-03-11T13:00:00.000Z',
    endsAt: '2027-03-11T16:00:00.000Z',
    chair: 'Oberbürgermeister der Stadt Leipzig',
    place: 'Neues Rathaus, Raum 259',
    onlineLink: ONLINE_LINK,
    state: 'invited',
    revision: 2,
    createdAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-12-01T09:30:00.000Z',
    ...overrides,
  };
}
