import assert from 'node:assert/strict';
import {
  draftsForPeople,
  enqueueOperation,
  reachableInTeams,
  type DispatchDocument,
} from '../../../src/app/delivery/outbox-record';
import { personIdForEmail } from '../../../src/app/roster/person-without-teams-id';

const MESSAGE = { kind: 'notice', data: {} };
const ABOUT = { kind: 'agenda', audience: 'invitees', sessionNumber: '2027/1' } as const;

describe('app/delivery/outbox-record: no Teams card to a person without Teams', () => {
  it('leaves them out of the dispatch, marked on the person or known by their key, and counts them', () => {
    const drafts = draftsForPeople(
      'agenda:2027-1',
      [
        { aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', displayName: 'Birgit Lehmann' },
        { aadObjectId: 'extern-3c1f0b2a9d', displayName: 'Petra Krause', withoutTeams: true },
        { aadObjectId: personIdForEmail('petra.albrecht@lk-leipzig.de'), displayName: 'Petra Albrecht' },
      ],
      MESSAGE,
    );
    assert.deepEqual(drafts.map(reachableInTeams), [true, false, false]);
    const operation = enqueueOperation('committee-x', 'agenda:2027-1', drafts, '2027-01-10T10:00:00.000Z', ABOUT);
    assert.equal(operation.op, 'create');
    const dispatch = (operation as unknown as { document: DispatchDocument }).document;
    assert.deepEqual(
      dispatch.drafts.map((draft) => draft.recipientLabel),
      ['Birgit Lehmann'],
    );
    assert.equal(dispatch.withoutTeams, 2);
  });

  it('counts nothing where everyone has Teams', () => {
    const drafts = draftsForPeople(
      'x',
      [{ aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', displayName: 'B' }],
      MESSAGE,
    );
    const operation = enqueueOperation('committee-x', 'x', drafts, '2027-01-10T10:00:00.000Z', ABOUT);
    assert.equal((operation as unknown as { document: DispatchDocument }).document.withoutTeams, undefined);
  });
});
