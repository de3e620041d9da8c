import assert from 'node:assert/strict';
import { sessionTitle } from '../../src/cards/session-label';
import { translator } from '../../src/i18n/translator';

describe('cards/session-label', () => {
  const de = translator('de');
  it('names regular and extra sessions, also from the number alone', () => {
    assert.equal(sessionTitle({ number: '2027/1' }, de), 'Sitzung 2027/1');
    assert.equal(sessionTitle({ number: '2027/S1' }, de), 'Sondersitzung 2027/S1');
    assert.equal(sessionTitle({ number: '2027/4', extra: true }, de), 'Sondersitzung 2027/4');
    assert.equal(sessionTitle({ number: '2027/S2' }, translator('en')), 'Extra session 2027/S2');
  });
});
