import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { deliveryReport, type DispatchSummary } from '../../../src/app/delivery/delivery-report';
import type { OutboxRecord } from '../../../src/app/delivery/outbox-record';
import { OutboxSender, type SenderOptions } from '../../../src/app/delivery/outbox-sender';
import type { CommitteeDocument, PersonDocument, SeatDocument } from '../../../src/app/documents';
import { committeeIdForHome } from '../../../src/app/committees/committee-id';
import { actorIn, type Actor } from '../../../src/app/identify-actor';
import {
  sessionMeetingDocumentId,
  type SessionMeetingDocument,
} from '../../../src/app/meetings/session-meeting-document';
import type { DocumentStore, Stored } from '../../../src/app/ports/document-store';
import { silentLogger } from '../../../src/app/ports/logger';
import { planSessions } from '../../../src/app/sessions/plan-sessions';
import { sessionDocumentId, type SessionDocument } from '../../../src/app/sessions/session-document';
import { createMailRenderer } from '../../../src/cards/feed-link-mail';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import { SendRateLimiter } from '../../../src/domain/delivery/send-rate-limiter';
import { COMMITTEE_DOCUMENT_ID, personDocumentId, seatDocumentId } from '../../../src/domain/ids';
import type { Role } from '../../../src/domain/roles';
import { GraphOrganiserCalendar } from '../../../src/infra/graph-organiser-calendar';
import { FakeMessenger } from '../../support/fake-messenger';
import type { GraphDouble } from '../../support/graph-double';
import { ManualClock } from '../../support/manual-clock';
import { KOG_TEAM, setUpCommittee } from '../sessions/session-fixtures';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const COMMITTEE = committeeIdForHome(TENANT, KOG_TEAM);
export const MAILBOX = 'gremien@kog.example';
export const SESSION_1 = sessionDocumentId(2027, 1);
/** The bot's public origin, which e-mailed calendar addresses start with. */
export const PUBLIC_BASE_URL = 'https://gremium.example';

/** Who is on the roster: five seats, two with a deputy; one member has no Teams. */
export const PEOPLE = {
  katrin: { id: 'aaaaaaaa-0000-0000-0000-000000000001', name: 'Katrin Albers', roles: ['secretariat'] },
  sabine: {
    id: 'bbbbbbbb-0000-0000-0000-000000000002',
    name: 'Sabine Hoffmann',
    roles: ['member'],
    email: 's.hoffmann@jobcenter.example',
  },
  thomas: {
    id: 'cccccccc-0000-0000-0000-000000000003',
    name: 'Thomas Richter',
    roles: ['deputy'],
    email: 't.richter@jobcenter.example',
  },
  birgit: {
    id: 'dddddddd-0000-0000-0000-000000000004',
    name: 'Birgit Lehmann',
    roles: ['member'],
    email: 'b.lehmann@arbeitsagentur.example',
  },
  yusuf: {
    id: 'eeeeeeee-0000-0000-0000-000000000005',
    name: 'Yusuf Demir',
    roles: ['member'],
    email: 'y.demir@ihk.example',
  },
  yara: {
    id: 'ffffffff-0000-0000-0000-000000000006',
    name: 'Yara Nowak',
    roles: ['deputy'],
    email: 'y.nowak@ihk.example',
  },
  jonas: {
    id: '12121212-0000-0000-0000-000000000008',
    name: 'Jonas Berg',
    roles: ['member'],
    email: 'j.berg@sozialministerium.example',
  },
  /** On the roster without Teams: reached by Outlook only. */
  petra: {
    id: 'extern-3c1f0b2a9d',
    name: 'Petra Krause',
    roles: ['member'],
    email: 'p.krause@handwerkskammer.example',
    withoutTeams: true,
  },
} as const satisfies Record<
  string,
  { id: string; name: string; roles: Role[]; email?: string; withoutTeams?: boolean }
>;
export type PersonKey = keyof typeof PEOPLE;

export const SEATS = [
  { id: seatDocumentId('agentur'), institution: 'Agentur für Arbeit Leipzig', memberId: PEOPLE.birgit.id },
  { id: seatDocumentId('ihk'), institution: 'IHK zu Leipzig', memberId: PEOPLE.yusuf.id, deputyId: PEOPLE.yara.id },
  {
    id: seatDocumentId('jobcenter'),
    institution: 'Jobcenter Leipzig',
    memberId: PEOPLE.sabine.id,
    deputyId: PEOPLE.thomas.id,
  },
  { id: seatDocumentId('ministerium'), institution: 'Sozialministerium', memberId: PEOPLE.jonas.id },
  { id: seatDocumentId('hwk'), institution: 'Handwerkskammer zu Leipzig', memberId: PEOPLE.petra.id },
] as const;

/**
 * A committee on a real store, with the Graph double as the organiser mailbox's calendar
 * (through the real HTTP adapter), an outbox sender on a manual clock, and helpers to read what
 * the event and the delivery report say.
 */
export class MeetingWorld {
  readonly clock = new ManualClock('2026-11-21T10:00:00Z');
  readonly deps: AppDependencies;
  readonly calendar: GraphOrganiserCalendar;
  readonly messenger = new FakeMessenger(this.clock);

  constructor(
    readonly store: DocumentStore,
    readonly graph: GraphDouble,
    /** null: Graph not configured. */
    organiserMailbox: string | null = MAILBOX,
  ) {
    this.calendar = new GraphOrganiserCalendar({ baseUrl: graph.baseUrl, mailbox: MAILBOX, timeZone: 'UTC' });
    this.deps = {
      store,
      clock: this.clock,
      ...(organiserMailbox ? { organiserMailbox, organiserCalendar: this.calendar } : {}),
    };
  }

  /** Committee, people (with e-mail addresses), seats, and the year 2027 planned. */
  async setUp(): Promise<void> {
    await setUpCommittee(this.deps, TENANT);
    for (const person of Object.values(PEOPLE)) {
      await this.store.upsert<PersonDocument>({
        id: personDocumentId(person.id),
        committeeId: COMMITTEE,
        type: 'person',
        aadObjectId: person.id,
        displayName: person.name,
        roles: [...person.roles],
        active: true,
        ...('email' in person ? { email: person.email } : {}),
        ...('withoutTeams' in person ? { withoutTeams: person.withoutTeams } : {}),
      });
    }
    for (const seat of SEATS) await this.store.upsert<SeatDocument>({ ...seat, committeeId: COMMITTEE, type: 'seat' });
    assert.ok((await planSessions(this.deps, await this.actor('katrin'), 2027)).ok);
  }

  actor(who: PersonKey): Promise<Actor> {
    return actorIn(
      this.deps,
      { tenantId: TENANT, aadObjectId: PEOPLE[who].id, displayName: PEOPLE[who].name },
      COMMITTEE,
    );
  }

  /** A sender with the organiser calendar, one record at a time, on the world's clock. */
  sender(options: { store?: DocumentStore; instanceId?: string; sender?: SenderOptions } = {}): OutboxSender {
    return new OutboxSender(
      {
        ...this.deps,
        store: options.store ?? this.store,
        messenger: this.messenger,
        renderer: createMessageRenderer('de'),
        limiter: new SendRateLimiter(),
        logger: silentLogger,
        wait: this.clock.wait,
        random: () => 0.5,
        instanceId: options.instanceId ?? 'sender-a',
        organiserCalendar: this.calendar,
        publicBaseUrl: PUBLIC_BASE_URL,
        mailRenderer: createMailRenderer(),
      },
      { maxInFlight: 1, ...options.sender },
    );
  }

  /** Drains until nothing is due now. */
  async drain(sender = this.sender()): Promise<void> {
    for (let pass = 0; pass < 20; pass += 1) {
      const result = await sender.drainOnce();
      if (result.expanded + result.sent + result.retried + result.failed + result.finished === 0) return;
    }
  }

  session(id = SESSION_1): Promise<Stored<SessionDocument> | undefined> {
    return this.store.get<SessionDocument>(COMMITTEE, id);
  }

  committee(): Promise<Stored<CommitteeDocument> | undefined> {
    return this.store.get<CommitteeDocument>(COMMITTEE, COMMITTEE_DOCUMENT_ID);
  }

  meeting(id = SESSION_1): Promise<Stored<SessionMeetingDocument> | undefined> {
    return this.store.get<SessionMeetingDocument>(COMMITTEE, sessionMeetingDocumentId(id));
  }

  /** The events of one session in the double, by its number in the subject. */
  eventsOf(number = '2027/1') {
    return this.graph.allEvents().filter((event) => event.subject?.endsWith(` ${number}`));
  }

  /** The organiser calendar's records in the outbox. */
  async meetingRecords(): Promise<OutboxRecord[]> {
    const records = await this.store.query<OutboxRecord>(COMMITTEE, { type: 'outbox' });
    return records.filter((record) => record.recipient.kind === 'organiserCalendar');
  }

  /** The delivery report's Outlook event dispatches of a session, newest first. */
  async reportedMeetings(number = '2027/1'): Promise<DispatchSummary[]> {
    const report = await deliveryReport(this.deps, await this.actor('katrin'), { page: 1 });
    assert.ok(report.ok);
    const all: DispatchSummary[] = [];
    for (let page = 1; ; page += 1) {
      const next = await deliveryReport(this.deps, await this.actor('katrin'), { page });
      assert.ok(next.ok);
      all.push(...next.value.dispatches);
      if (!next.value.hasOlder) break;
    }
    return all.filter((dispatch) => dispatch.about?.kind === 'outlookEvent' && dispatch.about.sessionNumber === number);
  }
}

/** The attendees' addresses of an event, sorted. */
export function attendeeEmails(event: {
  attendees?: Array<{ emailAddress?: { address?: string | null } | null }> | null;
}) {
  return (event.attendees ?? []).map((attendee) => attendee.emailAddress?.address ?? '').sort();
}
