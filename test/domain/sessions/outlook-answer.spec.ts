import assert from 'node:assert/strict';
import { answerFromOutlook } from '../../../src/domain/sessions/outlook-answer';
import { seatStatus, tally, type RsvpAnswer } from '../../../src/domain/sessions/rsvp';
import type { InvitedSeat } from '../../../src/domain/sessions/invitation';

const WHO = { seatId: 'seat-ihk', personId: 'yusuf' };
const NOW = '2027-02-01T09:00:00.000Z';
const DEADLINE = '2027-02-10T11:00:00.000Z';

const teams = (choice: RsvpAnswer['choice'], answeredAt: string): RsvpAnswer => ({ ...WHO, choice, answeredAt });
const outlook = (choice: RsvpAnswer['choice'], answeredAt: string): RsvpAnswer => ({
  ...WHO,
  choice,
  answeredAt,
  via: 'outlook',
});
const read = (response: string, respondedAt: string | undefined, stored?: RsvpAnswer, nowIso = NOW) =>
  answerFromOutlook({ response, ...(respondedAt ? { respondedAt } : {}) }, WHO, stored, nowIso, DEADLINE);

describe('domain/sessions/outlook-answer: which answer counts', () => {
  it('maps accepted, tentatively accepted and declined, marked as given in Outlook at its time', () => {
    assert.deepEqual(read('accepted', '2027-01-20T08:15:00Z'), outlook('accepted', '2027-01-20T08:15:00.000Z'));
    assert.deepEqual(
      read('tentativelyAccepted', '2027-01-20T08:15:00Z'),
      outlook('tentative', '2027-01-20T08:15:00.000Z'),
    );
    assert.deepEqual(read('declined', '2027-01-20T08:15:00.1234567Z'), outlook('declined', '2027-01-20T08:15:00.123Z'));
  });

  it('never takes none, notResponded or the organiser, not even over nothing', () => {
    for (const response of ['none', 'notResponded', 'organizer'])
      for (const stored of [undefined, teams('inPerson', '2027-01-01T00:00:00.000Z')])
        assert.equal(read(response, '2027-01-20T08:15:00Z', stored), undefined, response);
  });

  it('keeps a Teams answer given after the Outlook reply', () => {
    const stored = teams('online', '2027-01-20T08:15:01.000Z');
    assert.equal(read('declined', '2027-01-20T08:15:00Z', stored), undefined);
  });

  it('keeps a Teams answer given at the same instant as the Outlook reply', () => {
    const stored = teams('online', '2027-01-20T08:15:00.000Z');
    assert.equal(read('declined', '2027-01-20T08:15:00Z', stored), undefined);
  });

  it('replaces a Teams answer with an Outlook reply given after it', () => {
    const stored = teams('inPerson', '2027-01-20T08:15:00.000Z');
    assert.deepEqual(
      read('declined', '2027-01-20T08:15:00.001Z', stored),
      outlook('declined', '2027-01-20T08:15:00.001Z'),
    );
  });

  it('keeps a Teams answer against an Outlook reply without a time', () => {
    assert.equal(read('declined', undefined, teams('inPerson', '2026-12-01T00:00:00.000Z')), undefined);
    assert.equal(read('declined', '0001-01-01T00:00:00Z', teams('inPerson', '2026-12-01T00:00:00.000Z')), undefined);
  });

  it('stores a first reply without a time at the time it was read, and not again', () => {
    const first = read('accepted', '0001-01-01T00:00:00Z');
    assert.deepEqual(first, outlook('accepted', NOW));
    assert.equal(read('accepted', undefined, first, '2027-02-01T10:00:00.000Z'), undefined);
    assert.deepEqual(read('declined', undefined, first, '2027-02-01T10:00:00.000Z'), {
      ...outlook('declined', '2027-02-01T10:00:00.000Z'),
    });
  });

  it('changes nothing when the same Outlook reply is read again', () => {
    const stored = outlook('tentative', '2027-01-20T08:15:00.000Z');
    assert.equal(read('tentativelyAccepted', '2027-01-20T08:15:00Z', stored), undefined);
  });

  it('takes a changed Outlook reply over the earlier one', () => {
    const stored = outlook('tentative', '2027-01-20T08:15:00.000Z');
    assert.deepEqual(read('accepted', '2027-01-22T07:00:00Z', stored), outlook('accepted', '2027-01-22T07:00:00.000Z'));
  });

  it('takes no reply given at or after the answer deadline, as a click would not be', () => {
    assert.equal(read('declined', DEADLINE), undefined);
    assert.equal(read('declined', undefined, undefined, DEADLINE), undefined);
    assert.deepEqual(
      read('declined', '2027-02-10T10:59:59Z', undefined, '2027-02-10T12:00:00.000Z'),
      outlook('declined', '2027-02-10T10:59:59.000Z'),
      'given in time, read after the deadline',
    );
  });
});

describe('domain/sessions/rsvp: answers from Outlook in the seat status and the tally', () => {
  const seat: InvitedSeat = { id: 'seat-ihk', institution: 'IHK', memberId: 'yusuf', deputyId: 'yara' };
  const plain: InvitedSeat = { id: 'seat-aa', institution: 'Agentur', memberId: 'birgit' };
  const answer = (personId: string, choice: RsvpAnswer['choice'], seatId = seat.id): RsvpAnswer => ({
    seatId,
    personId,
    choice,
    answeredAt: '2027-01-20T08:15:00.000Z',
    via: 'outlook',
  });

  it('counts an Outlook yes as attending, without inventing in person or online', () => {
    assert.deepEqual(seatStatus(seat, [answer('yusuf', 'accepted')]), {
      kind: 'attending',
      mode: 'unspecified',
      by: 'member',
      via: 'outlook',
    });
  });

  it('shows a provisional yes apart and does not count it as represented', () => {
    const answers = [answer('yusuf', 'tentative'), answer('birgit', 'accepted', plain.id)];
    const counted = tally([seat, plain], answers);
    assert.deepEqual(counted.seats[0]!.status, { kind: 'tentative', by: 'member', via: 'outlook' });
    assert.equal(counted.represented, 1);
    assert.equal(counted.tentative, 1);
  });

  it('calls the deputy in on an Outlook decline and counts the deputy’s Outlook yes', () => {
    assert.deepEqual(seatStatus(seat, [answer('yusuf', 'declined')]), { kind: 'deputyInvited', via: 'outlook' });
    assert.deepEqual(seatStatus(seat, [answer('yusuf', 'declined'), answer('yara', 'accepted')]), {
      kind: 'attending',
      mode: 'unspecified',
      by: 'deputy',
      via: 'outlook',
    });
    assert.deepEqual(seatStatus(plain, [answer('birgit', 'declined', plain.id)]), { kind: 'declined', via: 'outlook' });
  });

  it('leaves answers given in Teams unmarked', () => {
    const clicked: RsvpAnswer = { seatId: seat.id, personId: 'yusuf', choice: 'online', answeredAt: NOW };
    assert.deepEqual(seatStatus(seat, [clicked]), { kind: 'attending', mode: 'online', by: 'member' });
  });
});
