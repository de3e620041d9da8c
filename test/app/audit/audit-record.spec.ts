import assert from 'node:assert/strict';
import { auditRecordId, newestFirst } from '../../../src/app/audit/audit-record';

describe('app/audit/audit-record: ids in write order', () => {
  it('makes every id greater than the one before, within one millisecond and when the clock steps back', () => {
    const sameMillisecond = Array<string>(50).fill('2027-01-10T10:00:00.000Z');
    const instants = [...sameMillisecond, '2027-01-10T10:00:00.001Z', '2027-01-10T09:59:59.999Z'];
    const ids = instants.map((at) => auditRecordId(at));
    assert.ok(
      ids.every((id) => /^audit-[0-9A-HJKMNP-TV-Z]{26}$/.test(id)),
      ids[0],
    );
    for (let index = 1; index < ids.length; index += 1) {
      assert.ok(ids[index - 1]! < ids[index]!, `${ids[index - 1]} < ${ids[index]}`);
    }
  });

  it('orders newest first by time, then the later written first', () => {
    const at = '2027-01-10T10:00:00.000Z';
    const [first, second, third] = [auditRecordId(at), auditRecordId(at), auditRecordId(at)];
    const earlier = { at: '2027-01-10T09:00:00.000Z', id: auditRecordId(at) };
    const records = [{ at, id: second! }, earlier, { at, id: first! }, { at, id: third! }];
    assert.deepEqual(
      [...records].sort(newestFirst).map((record) => record.id),
      [third, second, first, earlier.id],
    );
  });
});
