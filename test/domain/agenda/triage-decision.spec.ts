import { strict as assert } from 'node:assert';
import { parseItemDetails } from '../../../src/domain/agenda/item-details';
import { parseTriageDecision } from '../../../src/domain/agenda/triage-decision';

describe('domain/agenda/triage-decision', () => {
  it("accepts with presenter, minutes and kind; the title stays the submission's", () => {
    assert.deepEqual(
      parseTriageDecision({ decision: 'accept', presenter: 'IHK', minutes: '20', kind: 'decision', title: 'ignored' }),
      {
        ok: true,
        value: { type: 'accept', details: { presenter: 'IHK', minutes: 20, kind: 'decision' } },
      },
    );
  });

  it('needs minutes within 1 to 240 and a known kind to accept', () => {
    assert.deepEqual(parseTriageDecision({ decision: 'accept', minutes: '0', kind: 'vote' }), {
      ok: false,
      error: [
        { field: 'minutes', code: 'outOfRange', min: 1, max: 240 },
        { field: 'kind', code: 'invalid' },
      ],
    });
  });

  it('needs an item to merge into and a reason to decline, at most 1,000 characters without markup', () => {
    assert.deepEqual(parseTriageDecision({ decision: 'merge' }), {
      ok: false,
      error: [{ field: 'mergeInto', code: 'required' }],
    });
    assert.deepEqual(parseTriageDecision({ decision: 'merge', mergeInto: 'item-1' }), {
      ok: true,
      value: { type: 'merge', itemId: 'item-1' },
    });
    assert.deepEqual(parseTriageDecision({ decision: 'decline', reason: ' ' }), {
      ok: false,
      error: [{ field: 'reason', code: 'required' }],
    });
    assert.deepEqual(parseTriageDecision({ decision: 'decline', reason: 'x'.repeat(1001) }), {
      ok: false,
      error: [{ field: 'reason', code: 'tooLong', max: 1000 }],
    });
    assert.deepEqual(parseTriageDecision({ decision: 'decline', reason: '<b>nein</b>' }), {
      ok: false,
      error: [{ field: 'reason', code: 'markup' }],
    });
    assert.deepEqual(parseTriageDecision({ decision: 'decline', reason: 'Liegt beim Land.' }), {
      ok: true,
      value: { type: 'decline', reason: 'Liegt beim Land.' },
    });
    assert.deepEqual(parseTriageDecision({ decision: 'defer' }), { ok: true, value: { type: 'defer' } });
    assert.deepEqual(parseTriageDecision({ decision: 'approve' }), {
      ok: false,
      error: [{ field: 'decision', code: 'invalid' }],
    });
  });

  it("requires a title where the item is the secretariat's own", () => {
    assert.deepEqual(parseItemDetails({ minutes: 10, kind: 'information' }, true), {
      ok: false,
      error: [{ field: 'title', code: 'required' }],
    });
    assert.deepEqual(parseItemDetails({ title: 'Neu', minutes: 10, kind: 'information' }, true), {
      ok: true,
      value: { title: 'Neu', minutes: 10, kind: 'information' },
    });
  });
});
