import assert from 'node:assert/strict';
import { saveAgendaItem } from '../../../src/app/agenda/build-agenda';
import { publishAgendaAsSecretariat } from '../../../src/app/agenda/publish-agenda';
import type { DispatchDocument, OutboxDraft } from '../../../src/app/delivery/outbox-record';
import type { CommitteeDocument } from '../../../src/app/documents';
import { minutesDocumentId, type MinutesDocument } from '../../../src/app/minutes/minutes-document';
import { recordAttendance } from '../../../src/app/sessions/attendance';
import type { SessionAccess } from '../../../src/app/sessions/find-session';
import { COMMITTEE_DOCUMENT_ID, seatDocumentId } from '../../../src/domain/ids';
import { COMMITTEE, SESSION_1, type SessionWorld } from '../sessions/session-world';
import { NO_QUESTIONS } from '../../../src/domain/confirmation/go-ahead';

/** The time of the session 2027/1 (Thursday 11 February 2027, 14:00 Berlin), just after it ended. */
export const AFTER_SESSION = '2027-02-11T17:00:00.000Z';

/**
 * Brings the world's session 2027/1 to "held": an agenda with one item of the secretariat's own
 * published (which invites), then attendance recorded on the session day: Sabine's deputy Thomas
 * for the Jobcenter, Birgit in person, the IHK absent.
 */
export async function holdSession(world: SessionWorld): Promise<void> {
  const katrin = await world.actor('katrin');
  const access = async (): Promise<SessionAccess> => ({
    committee: (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!,
    session: await world.session(),
  });
  const added = await saveAgendaItem(world.deps, await access(), katrin.identity.aadObjectId, 0, '', {
    title: 'Ausbildungsabbrüche',
    minutes: '30',
    kind: 'decision',
    presenter: 'Lena Vogt',
  });
  assert.ok(added.ok, JSON.stringify(!added.ok && added.error));
  const published = await publishAgendaAsSecretariat(world.deps, katrin, await world.session(), NO_QUESTIONS);
  assert.ok(published.ok, JSON.stringify(!published.ok && published.error));
  world.clock.advance(Date.parse(AFTER_SESSION) - world.clock.now().toMillis());
  const recorded = await recordAttendance(world.deps, katrin, SESSION_1, 0, {
    [`presence-${seatDocumentId('jobcenter')}`]: 'inPerson',
    [`name-${seatDocumentId('jobcenter')}`]: 'Thomas Richter',
    [`presence-${seatDocumentId('agentur')}`]: 'online',
    [`name-${seatDocumentId('agentur')}`]: 'Birgit Lehmann',
    [`presence-${seatDocumentId('ihk')}`]: 'absent',
    [`name-${seatDocumentId('ihk')}`]: '',
  });
  assert.ok(recorded.ok, JSON.stringify(!recorded.ok && recorded.error));
  assert.equal((await world.session()).state, 'held');
}

export async function committeeAndSession(world: SessionWorld): Promise<SessionAccess> {
  return {
    committee: (await world.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID))!,
    session: await world.session(),
  };
}

export async function storedMinutes(world: SessionWorld): Promise<MinutesDocument> {
  const minutes = await world.store.get<MinutesDocument>(COMMITTEE, minutesDocumentId(SESSION_1));
  assert.ok(minutes);
  return minutes;
}

/** Every draft of the dispatches whose id starts with the prefix. */
export async function draftsOf(world: SessionWorld, prefix: string): Promise<OutboxDraft[]> {
  return (await world.store.query<DispatchDocument>(COMMITTEE, { type: 'dispatch' }))
    .filter((dispatch) => dispatch.dispatchId.startsWith(prefix))
    .flatMap((dispatch) => dispatch.drafts);
}
