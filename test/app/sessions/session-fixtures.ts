import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { actorIn, type ActorIdentity } from '../../../src/app/identify-actor';
import { saveSetup } from '../../../src/app/save-setup';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { DEFAULT_COMMITTEE_SETTINGS, type CommitteeHome } from '../../../src/domain/committee';
import { defaultSetupAnswers } from '../../support/setup-answers';

export const ONLINE_LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

/** The committee's team, as the bot harness's channel names it: where the test committees live. */
export const KOG_TEAM: CommitteeHome = { kind: 'team', id: '19:kog-team@thread.tacv2', title: 'KOG' };

/**
 * Sets up a committee with the KOG's settings through the real use case, as its secretariat
 * would in its team (by default the KOG's). Answers the committee's id.
 */
export async function setUpCommittee(
  deps: AppDependencies,
  tenantId: string,
  shortName = 'KOG',
  home: CommitteeHome = KOG_TEAM,
): Promise<string> {
  const secretariat: ActorIdentity = {
    tenantId,
    aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001',
    displayName: 'Geschäftsstelle',
  };
  const committeeId = committeeIdForHome(tenantId, home);
  const actor = await actorIn(deps, secretariat, committeeId, { kind: 'unclaimed', home });
  const saved = await saveSetup(deps, actor, {
    revision: 0,
    answers: defaultSetupAnswers(DEFAULT_COMMITTEE_SETTINGS.name, shortName),
  });
  assert.ok(saved.ok);
  return committeeId;
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
