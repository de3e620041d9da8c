import assert from 'node:assert/strict';
import { missingDetails, reasonsBeforeInviting } from '../../../src/domain/confirmation/before-invitation';

describe('domain/confirmation: what to ask before inviting', () => {
  it('asks about place, online link and Sitzungsleitung when all are missing, as an extra session has them', () => {
    assert.deepEqual(reasonsBeforeInviting({}), [
      { kind: 'detailsMissing', missing: ['place', 'onlineLink', 'chair'] },
    ]);
  });

  it('names only what is missing, and counts a blank text as missing', () => {
    assert.deepEqual(missingDetails({ place: 'Neues Rathaus', chair: 'Stadt Leipzig' }), ['onlineLink']);
    assert.deepEqual(missingDetails({ place: '   ', onlineLink: 'https://x.example', chair: 'Stadt' }), ['place']);
    assert.deepEqual(missingDetails({ place: 'Rathaus', onlineLink: 'https://x.example' }), ['chair']);
  });

  it('asks nothing when the invitation has every detail', () => {
    assert.deepEqual(
      reasonsBeforeInviting({ place: 'Neues Rathaus', onlineLink: 'https://x.example', chair: 'Stadt Leipzig' }),
      [],
    );
  });
});
