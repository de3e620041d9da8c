import assert from 'node:assert/strict';
import type { ConfirmReason } from '../../../src/domain/confirmation/confirm-reason';
import { NO_QUESTIONS, personGoAhead, questionToAsk } from '../../../src/domain/confirmation/go-ahead';

const MISSING: ConfirmReason[] = [{ kind: 'detailsMissing', missing: ['place', 'onlineLink'] }];
const BASIS = { revision: 4 };

describe('domain/confirmation: whether a step asks first', () => {
  it('never asks the scheduler, whatever the reasons', () => {
    assert.equal(questionToAsk(MISSING, BASIS, NO_QUESTIONS), undefined);
  });

  it('asks a person once when there is a reason, and goes ahead without one', () => {
    assert.deepEqual(questionToAsk(MISSING, BASIS, personGoAhead(undefined)), {
      reasons: MISSING,
      basis: BASIS,
      changedSince: false,
    });
    assert.equal(questionToAsk([], BASIS, personGoAhead(undefined)), undefined);
  });

  it("goes ahead on a confirmation given on the current basis, from the button's true or a client's text", () => {
    assert.equal(questionToAsk(MISSING, BASIS, personGoAhead(true, { revision: 4 })), undefined);
    assert.equal(questionToAsk(MISSING, BASIS, personGoAhead('true', { revision: 4 })), undefined);
    const two = { revision: 4, agendaRevision: 2 };
    assert.equal(questionToAsk(MISSING, two, personGoAhead(true, { revision: 4, agendaRevision: 2 })), undefined);
  });

  it('asks again, saying something changed, when the confirmation was given on another basis', () => {
    for (const basis of [{ revision: 3 }, { revision: '4' }, {}, { revision: null }]) {
      assert.deepEqual(
        questionToAsk(MISSING, BASIS, personGoAhead(true, basis)),
        { reasons: MISSING, basis: BASIS, changedSince: true },
        JSON.stringify(basis),
      );
    }
    assert.deepEqual(
      questionToAsk([], { revision: 4, agendaRevision: 2 }, personGoAhead(true, { revision: 4, agendaRevision: 1 })),
      { reasons: [], basis: { revision: 4, agendaRevision: 2 }, changedSince: true },
      'even without a reason left, an outdated confirmation sends nothing',
    );
  });

  it('reads anything but true as no confirmation', () => {
    for (const confirmed of [false, 'false', 'yes', 1, {}, null]) {
      assert.deepEqual(
        questionToAsk(MISSING, BASIS, personGoAhead(confirmed, { revision: 4 })),
        { reasons: MISSING, basis: BASIS, changedSince: false },
        JSON.stringify(confirmed),
      );
    }
  });
});
