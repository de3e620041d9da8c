import assert from 'node:assert/strict';
import type { PersonDocument } from '../../../src/app/documents';
import { meetingPlanOf } from '../../../src/app/meetings/meeting-event-request';
import { cancellationComment } from '../../../src/app/meetings/sync-session-meeting';
import type { Stored } from '../../../src/app/ports/document-store';
import type { RosterSnapshot } from '../../../src/app/sessions/roster-snapshot';
import type { RsvpAnswer } from '../../../src/domain/sessions/rsvp';
import { sessionDocument } from '../sessions/session-fixtures';

const COMMITTEE = { name: 'Koordinierungsgremium <KOG> & Partner', shortName: 'KOG', timeZone: 'Europe/Berlin' };

function person(id: string, displayName: string, extra: Partial<PersonDocument> = {}): Stored<PersonDocument> {
  return {
    id: `person-${id}`,
    committeeId: 'c',
    type: 'person',
    aadObjectId: id,
    displayName,
    roles: ['member'],
    active: true,
    _etag: 'e',
    ...extra,
  };
}

const ROSTER: RosterSnapshot = {
  seats: [
    { id: 'seat-a', institution: 'Agentur', memberId: 'anna', deputyId: 'dora' },
    { id: 'seat-b', institution: 'Kammer', memberId: 'bert' },
    { id: 'seat-c', institution: 'Ministerium', memberId: 'carl' },
  ],
  people: new Map([
    ['anna', person('anna', 'Anna Schulz', { email: 'anna@agentur.example' })],
    ['dora', person('dora', 'Dora Weiß', { email: 'dora@agentur.example' })],
    ['bert', person('bert', 'Bert Extern', { email: 'bert@kammer.example', withoutTeams: true })],
    ['carl', person('carl', 'Carl Ohnemail')],
  ]),
};

const INVITED = sessionDocument('c', {
  invitedSeats: ROSTER.seats,
  place: 'Raum "Elbe"',
  chair: 'Dr. <i>Weber</i>',
});

describe('app/meetings: the Outlook event a session should be', () => {
  it('has local times in the committee’s zone, in winter and in summer', () => {
    const winter = meetingPlanOf(COMMITTEE, INVITED, ROSTER, []);
    assert.deepEqual(winter.request.start, { dateTime: '2027-03-11T14:00:00', timeZone: 'Europe/Berlin' });
    assert.deepEqual(winter.request.end, { dateTime: '2027-03-11T17:00:00', timeZone: 'Europe/Berlin' });
    const summer = meetingPlanOf(
      COMMITTEE,
      { ...INVITED, startsAt: '2027-06-10T08:00:00.000Z', endsAt: '2027-06-10T10:30:00.000Z' },
      ROSTER,
      [],
    );
    assert.deepEqual(summer.request.start, { dateTime: '2027-06-10T10:00:00', timeZone: 'Europe/Berlin' });
  });

  it('escapes the committee, place and chair in its HTML body, and names a Sondersitzung', () => {
    const plan = meetingPlanOf(COMMITTEE, INVITED, ROSTER, []);
    assert.match(plan.request.bodyHtml, /Koordinierungsgremium &lt;KOG&gt; &amp; Partner/);
    assert.match(plan.request.bodyHtml, /Sitzungsleitung: Dr\. &lt;i&gt;Weber&lt;\/i&gt;/);
    assert.match(plan.request.bodyHtml, /Ort: Raum &quot;Elbe&quot;/);
    assert.equal(plan.request.location, 'Raum "Elbe"');
    assert.equal(plan.request.subject, 'KOG: Sitzung 2027/1');
    assert.equal(
      meetingPlanOf(COMMITTEE, { ...INVITED, extra: true, number: '2027/S1' }, ROSTER, []).request.subject,
      'KOG: Sondersitzung 2027/S1',
    );
  });

  it('has no attendees before the invitation', () => {
    const { invitedSeats: _seats, ...planned } = INVITED;
    assert.deepEqual(meetingPlanOf(COMMITTEE, { ...planned, state: 'planned' }, ROSTER, []).request.attendees, []);
  });

  it('invites the members by e-mail, the one without Teams too, and names who has no address', () => {
    const plan = meetingPlanOf(COMMITTEE, INVITED, ROSTER, []);
    assert.deepEqual(plan.request.attendees, [
      { email: 'anna@agentur.example', name: 'Anna Schulz', type: 'required' },
      { email: 'bert@kammer.example', name: 'Bert Extern', type: 'required' },
    ]);
    assert.deepEqual(plan.unreachable, ['Carl Ohnemail (Ministerium)']);
  });

  it('adds the deputy a member sent, and leaves out whoever can no longer answer', () => {
    const sent: RsvpAnswer = {
      seatId: 'seat-a',
      personId: 'anna',
      choice: 'deputy',
      answeredAt: '2027-02-01T10:00:00.000Z',
    };
    const people = new Map(ROSTER.people);
    people.set('bert', person('bert', 'Bert Extern', { email: 'bert@kammer.example', active: false }));
    const plan = meetingPlanOf(COMMITTEE, INVITED, { ...ROSTER, people }, [sent]);
    assert.deepEqual(
      plan.request.attendees.map((attendee) => attendee.email),
      ['anna@agentur.example', 'dora@agentur.example'],
    );
  });

  it('says which session is cancelled, with the reason when the secretariat gave one', () => {
    assert.equal(
      cancellationComment({ name: 'KOG' }, { number: '2027/1', extra: false }),
      'Die Sitzung 2027/1 des Gremiums KOG entfällt.',
    );
    assert.equal(
      cancellationComment(
        { name: 'KOG' },
        { number: '2027/S1', extra: true, cancellationReason: 'Zu wenige Zusagen.' },
      ),
      'Die Sondersitzung 2027/S1 des Gremiums KOG entfällt. Grund: Zu wenige Zusagen.',
    );
  });
});
