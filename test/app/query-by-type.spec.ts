import assert from 'node:assert/strict';
import type { Document, DocumentStore, Query } from '../../src/app/ports/document-store';
import { queryByType } from '../../src/app/query-by-type';
import { openTempStore, type TempStore } from '../support/temp-store';

interface Seat extends Document {
  readonly type: 'seat';
  readonly institution: string;
}

interface Person extends Document {
  readonly type: 'person';
  readonly displayName: string;
  readonly active?: boolean;
}

const COMMITTEE = 'k';

describe('app/query-by-type', () => {
  let temp: TempStore;

  beforeEach(async () => {
    temp = await openTempStore();
    await temp.store.create<Seat>({ id: 's1', committeeId: COMMITTEE, type: 'seat', institution: 'Jobcenter' });
    await temp.store.create<Person>({ id: 'p1', committeeId: COMMITTEE, type: 'person', displayName: 'Anna' });
    await temp.store.create<Person>({
      id: 'p2',
      committeeId: COMMITTEE,
      type: 'person',
      displayName: 'Bernd',
      active: true,
    });
    await temp.store.create({ id: 't1', committeeId: COMMITTEE, type: 'topic' });
    await temp.store.create<Person>({ id: 'p3', committeeId: 'other', type: 'person', displayName: 'Carla' });
  });

  afterEach(() => temp.cleanup());

  it('reads every type named in one request and sorts the documents apart by type', async () => {
    const queries: Query[] = [];
    const store = temp.store;
    const watching: DocumentStore = {
      ...store,
      get: () => assert.fail('no read by id'),
      getMany: () => assert.fail('no read by keys'),
      query: (committeeId, query) => {
        queries.push(query);
        return store.query(committeeId, query);
      },
    };
    const found = await queryByType<Seat | Person>(watching, COMMITTEE, { type: ['seat', 'person'] });
    assert.deepEqual(queries, [{ type: ['seat', 'person'] }]);
    assert.deepEqual(
      found.of('seat').map((seat) => seat.institution),
      ['Jobcenter'],
    );
    assert.deepEqual(
      found
        .of('person')
        .map((person) => person.displayName)
        .sort(),
      ['Anna', 'Bernd'],
    );
    for (const person of found.of('person')) assert.equal(typeof person._etag, 'string');
  });

  it('answers [] for a type named without documents, and passes the conditions on', async () => {
    const found = await queryByType<Seat | Person>(temp.store, COMMITTEE, {
      type: ['seat', 'person'],
      where: [{ field: 'active', op: '=', value: true }],
    });
    assert.deepEqual(found.of('seat'), []);
    assert.deepEqual(
      found.of('person').map((person) => person.id),
      ['p2'],
    );
  });

  it('refuses a type the query did not name, instead of answering none', async () => {
    const found = await queryByType<Seat | Person>(temp.store, COMMITTEE, { type: ['seat'] });
    assert.equal(found.of('seat').length, 1);
    assert.throws(() => found.of('person'), /did not read documents of type "person"/);
  });
});
