import assert from 'node:assert/strict';
import { isListed, listLinks, LIST_LIMITS, parseListQuery, type ListQuery } from '../../../src/domain/oparl/list-query';

const parse = (search: string): ListQuery => {
  const parsed = parseListQuery(new URLSearchParams(search));
  assert.ok(parsed.ok, search);
  return parsed.value;
};

describe('domain/oparl/list-query', () => {
  it('reads the four time filters as UTC instants, with any offset, and a "+" that arrived as a space', () => {
    const query = parse(
      'created_since=2027-02-11T14:00:00%2B01:00&created_until=2027-02-11T14:00:00Z' +
        '&modified_since=2027-02-11T14:00:00+01:00&modified_until=2027-02-11',
    );
    assert.deepEqual(
      [query.createdSince, query.createdUntil, query.modifiedSince, query.modifiedUntil],
      ['2027-02-11T13:00:00.000Z', '2027-02-11T14:00:00.000Z', '2027-02-11T13:00:00.000Z', '2027-02-11T00:00:00.000Z'],
    );
    assert.equal(query.limit, LIST_LIMITS.default);
    assert.equal(query.page, 1);
  });

  it('refuses a filter that is no date-time and a limit outside 1 to the maximum, naming it', () => {
    for (const [search, parameter] of [
      ['created_since=gestern', 'created_since'],
      ['modified_until=2027-13-01T00:00:00Z', 'modified_until'],
      ['modified_since=', 'modified_since'],
      ['limit=0', 'limit'],
      [`limit=${LIST_LIMITS.max + 1}`, 'limit'],
      ['limit=2.5', 'limit'],
      ['limit=-1', 'limit'],
    ] as const) {
      const parsed = parseListQuery(new URLSearchParams(search));
      assert.deepEqual(parsed, { ok: false, error: { parameter } }, search);
    }
    assert.equal(parse(`limit=${LIST_LIMITS.max}`).limit, LIST_LIMITS.max);
  });

  it('lists deleted objects only to who asks what changed, and applies each bound inclusively', () => {
    const object = { created: '2027-02-01T00:00:00.000Z', modified: '2027-03-01T00:00:00.000Z', deleted: false };
    const gone = { ...object, deleted: true };
    assert.equal(isListed(object, parse('')), true);
    assert.equal(isListed(gone, parse('')), false);
    assert.equal(isListed(gone, parse('modified_since=2027-03-01T00:00:00Z')), true);
    assert.equal(isListed(gone, parse('modified_since=2027-03-01T00:00:00.001Z')), false);
    assert.equal(isListed(object, parse('created_until=2027-02-01T00:00:00Z')), true);
    assert.equal(isListed(object, parse('created_since=2027-02-01T00:00:00.001Z')), false);
    assert.equal(isListed(object, parse('modified_until=2027-02-28T23:59:59Z')), false);
  });

  it('keeps the filters and the limit as the client wrote them in every link, and continues after the page', () => {
    const first = parse('modified_since=2027-02-11T14:00:00%2B01:00&limit=2&unknown=x');
    const links = listLinks('https://x.example/oparl/v1/body/b/meeting', first, '2027-01-01T00:00:00.000Z~meeting/c/s');
    assert.equal(
      links.first,
      'https://x.example/oparl/v1/body/b/meeting?modified_since=2027-02-11T14%3A00%3A00%2B01%3A00&limit=2',
    );
    assert.equal(links.self, links.first);
    assert.equal(links.next, `${links.first}&after=2027-01-01T00%3A00%3A00.000Z%7Emeeting%2Fc%2Fs&page=2`);
    const second = parse(new URL(links.next!).search.slice(1));
    assert.deepEqual(
      [second.after, second.page, second.modifiedSince],
      ['2027-01-01T00:00:00.000Z~meeting/c/s', 2, first.modifiedSince],
    );
    const last = listLinks('https://x.example/l', second, undefined);
    assert.equal(last.next, undefined);
    assert.match(last.self, /after=.*&page=2$/);
  });
});
