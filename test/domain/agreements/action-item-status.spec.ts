import assert from 'node:assert/strict';
import { checkStatusChange, mayProposeDueDate } from '../../../src/domain/agreements/action-item-status';

describe('domain/agreements/action-item-status', () => {
  const responsible = { responsible: true, secretariat: false };
  const secretariat = { responsible: false, secretariat: true };
  const neither = { responsible: false, secretariat: false };

  it('lets the responsible person move an item through in progress, blocked and done', () => {
    assert.deepEqual(checkStatusChange('open', 'inProgress', undefined, responsible), {
      ok: true,
      value: 'inProgress',
    });
    assert.deepEqual(checkStatusChange('inProgress', 'blocked', 'Brauche Zahlen', responsible), {
      ok: true,
      value: 'blocked',
    });
    assert.deepEqual(checkStatusChange('blocked', 'done', undefined, responsible), { ok: true, value: 'done' });
    assert.deepEqual(checkStatusChange('open', 'done', 'fertig', secretariat), { ok: true, value: 'done' });
  });

  it('refuses anyone else, the same status, unknown statuses and blocked without a note', () => {
    assert.deepEqual(checkStatusChange('open', 'done', undefined, neither), { ok: false, error: 'notResponsible' });
    assert.deepEqual(checkStatusChange('inProgress', 'inProgress', undefined, responsible), {
      ok: false,
      error: 'unchanged',
    });
    assert.deepEqual(checkStatusChange('open', 'open', undefined, responsible), { ok: false, error: 'invalidStatus' });
    assert.deepEqual(checkStatusChange('open', { status: 'done' }, undefined, responsible), {
      ok: false,
      error: 'invalidStatus',
    });
    assert.deepEqual(checkStatusChange('open', 'blocked', undefined, responsible), {
      ok: false,
      error: 'noteRequired',
    });
  });

  it('keeps done final for the responsible person; only the secretariat reopens, to in progress', () => {
    assert.deepEqual(checkStatusChange('done', 'inProgress', undefined, responsible), { ok: false, error: 'done' });
    assert.deepEqual(checkStatusChange('done', 'blocked', 'x', secretariat), { ok: false, error: 'done' });
    assert.deepEqual(checkStatusChange('done', 'inProgress', undefined, { responsible: true, secretariat: true }), {
      ok: true,
      value: 'inProgress',
    });
  });

  it('lets the responsible person and the secretariat propose a due date while the item is not done', () => {
    assert.deepEqual(mayProposeDueDate('blocked', responsible), { ok: true, value: true });
    assert.deepEqual(mayProposeDueDate('open', neither), { ok: false, error: 'notResponsible' });
    assert.deepEqual(mayProposeDueDate('done', secretariat), { ok: false, error: 'done' });
  });
});
