import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import type { PersonDocument } from '../../../src/app/documents';
import {
  SESSION_MEETING_TYPE,
  sessionMeetingDocumentId,
  type SessionMeetingDocument,
} from '../../../src/app/meetings/session-meeting-document';
import type { Logger } from '../../../src/app/ports/logger';
import { personDocumentId } from '../../../src/domain/ids';
import { COMMITTEE, PEOPLE, SESSION_1, type PersonKey, type SessionWorld } from '../sessions/session-world';
import { FakeOrganiserCalendar } from './fake-organiser-calendar';

/** The address each person of the session world has on the roster, in the case they typed it. */
export const ADDRESSES: Record<PersonKey, string> = {
  katrin: 'Katrin.Albers@leipzig.example',
  sabine: 'Sabine.Hoffmann@jobcenter.example',
  thomas: 'Thomas.Richter@jobcenter.example',
  birgit: 'Birgit.Lehmann@arbeitsagentur.example',
  yusuf: 'Yusuf.Demir@ihk.example',
  yara: 'Yara.Nowak@ihk.example',
  lena: 'Lena.Vogt@leipzig.example',
};

export const EVENT_ID = 'AAMkAGI2-event-2027-1';

/** Every line a logger was given, as level, fields and message. */
export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; fields: object; message?: string }> = [];
  debug = (fields: object, message?: string) => void this.lines.push({ level: 'debug', fields, message });
  info = (fields: object, message?: string) => void this.lines.push({ level: 'info', fields, message });
  warn = (fields: object, message?: string) => void this.lines.push({ level: 'warn', fields, message });
  error = (fields: object, message?: string) => void this.lines.push({ level: 'error', fields, message });
}

/**
 * The session world with Graph configured: everyone has an e-mail address on the roster, the
 * organiser calendar is a fake holding session 2027/1's event, and `deps` carry both.
 */
export async function withOutlook(world: SessionWorld): Promise<{
  readonly deps: AppDependencies;
  readonly calendar: FakeOrganiserCalendar;
  readonly logger: RecordingLogger;
}> {
  for (const key of Object.keys(PEOPLE) as PersonKey[]) {
    const person = await world.store.get<PersonDocument>(COMMITTEE, personDocumentId(PEOPLE[key]));
    assert.ok(person);
    const { _etag: _ignored, ...rest } = person;
    await world.store.upsert<PersonDocument>({ ...rest, email: ADDRESSES[key] });
  }
  const calendar = new FakeOrganiserCalendar(EVENT_ID);
  const logger = new RecordingLogger();
  const deps: AppDependencies = {
    ...world.deps,
    organiserMailbox: 'gremien@leipzig.example',
    organiserCalendar: calendar,
    logger,
  };
  return { deps, calendar, logger };
}

/** Session 2027/1's event as the meeting sync leaves it once Graph made it. */
export async function giveSessionItsEvent(world: SessionWorld, sessionId = SESSION_1): Promise<void> {
  await world.store.upsert<SessionMeetingDocument>({
    id: sessionMeetingDocumentId(sessionId),
    committeeId: COMMITTEE,
    type: SESSION_MEETING_TYPE,
    sessionId,
    transactionId: `tx-${sessionId}`,
    eventId: EVENT_ID,
    updatedAt: world.clock.now().toUTC().toISO()!,
  });
}
