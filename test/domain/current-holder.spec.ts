import assert from 'node:assert/strict';
import { whyNotCurrent } from '../../src/domain/current-holder';

describe('domain/current-holder', () => {
  const seat = { id: 'seat-ihk', institution: 'IHK zu Leipzig', memberId: 'member', deputyId: 'deputy' };

  it('lets the active member or deputy of the seat answer', () => {
    assert.equal(whyNotCurrent({ active: true }, 'member', [seat]), undefined);
    assert.equal(whyNotCurrent({ active: true }, 'deputy', [undefined, seat]), undefined);
  });

  it('names why anyone else may not: erased before inactive before the seat', () => {
    assert.equal(whyNotCurrent({ active: false, erasedAt: '2027-01-01T00:00:00Z' }, 'member', [seat]), 'erased');
    assert.equal(whyNotCurrent({ active: false }, 'member', [seat]), 'inactive');
    assert.equal(whyNotCurrent(undefined, 'member', [seat]), 'inactive', 'nobody on the roster');
    assert.equal(whyNotCurrent({ active: true }, 'someone', [seat]), 'seatNotHeld');
    assert.equal(whyNotCurrent({ active: true }, 'member', [undefined]), 'seatNotHeld', 'the seat was removed');
    assert.equal(whyNotCurrent({ active: true }, 'member', []), 'seatNotHeld');
  });
});
