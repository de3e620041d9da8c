import { strict as assert } from 'node:assert';
import {
  agendaChanges,
  moveItem,
  sameAgenda,
  totalMinutes,
  withStandardItems,
  type AgendaItem,
} from '../../../src/domain/agenda/agenda-items';

function topic(id: string, minutes = 20): AgendaItem {
  return { id, title: `Thema ${id}`, kind: 'discussion', minutes, origin: { type: 'topic' }, submissionIds: [] };
}

describe('domain/agenda/agenda-items', () => {
  const none = { reportingGroups: [], hasOpenAgreements: false };

  it('frames the items with the opening first and any other business last', () => {
    const items = withStandardItems([topic('a'), topic('b')], none);
    assert.deepEqual(
      items.map((item) => item.id),
      ['opening', 'a', 'b', 'other'],
    );
    assert.equal(totalMinutes(items), 10 + 20 + 20 + 5);
  });

  it('adds the status of open agreements and the reports due, and drops reports no longer due', () => {
    const withReport = withStandardItems([topic('a')], {
      reportingGroups: [{ id: 'ag3', name: 'AG 3 Fachkräfteeinwanderung' }],
      hasOpenAgreements: true,
    });
    assert.deepEqual(
      withReport.map((item) => item.id),
      ['opening', 'agreements', 'a', 'report-ag3', 'other'],
    );
    assert.equal(withReport[3]!.title, 'AG 3 Fachkräfteeinwanderung');
    const later = withStandardItems(withReport, none);
    assert.deepEqual(
      later.map((item) => item.id),
      ['opening', 'a', 'other'],
    );
  });

  it("keeps the secretariat's edits to standard items and follows a renamed group", () => {
    const edited = withStandardItems([], none).map((item) =>
      item.id === 'opening' ? { ...item, minutes: 15, presenter: 'Vorsitz' } : item,
    );
    assert.deepEqual(withStandardItems(edited, none)[0], edited[0]);
    const report = withStandardItems([], { reportingGroups: [{ id: 'ag4', name: 'AG 4' }], hasOpenAgreements: false });
    assert.equal(
      withStandardItems(report, { reportingGroups: [{ id: 'ag4', name: 'AG 4 Frauen' }], hasOpenAgreements: false })[1]!
        .title,
      'AG 4 Frauen',
    );
  });

  it('moves items among themselves, never past the opening or any other business', () => {
    const items = withStandardItems([topic('a'), topic('b')], none);
    assert.deepEqual(moveItem(items, 'b', 'up'), { ok: true, value: [items[0], items[2], items[1], items[3]] });
    assert.deepEqual(moveItem(items, 'a', 'up'), { ok: false, error: 'cannotMove' });
    assert.deepEqual(moveItem(items, 'b', 'down'), { ok: false, error: 'cannotMove' });
    assert.deepEqual(moveItem(items, 'opening', 'down'), { ok: false, error: 'cannotMove' });
    assert.deepEqual(moveItem(items, 'nope', 'down'), { ok: false, error: 'unknownItem' });
  });

  it('marks new and changed items and lists dropped ones; a renumbering alone is no change', () => {
    const before = withStandardItems([topic('a'), topic('b')], none);
    const after = withStandardItems([{ ...topic('b'), minutes: 30 }, topic('c')], none);
    const changes = agendaChanges(before, after);
    assert.deepEqual(
      [...changes.marks],
      [
        ['b', 'changed'],
        ['c', 'new'],
      ],
    );
    assert.deepEqual(
      changes.removed.map((item) => item.id),
      ['a'],
    );
    const reordered = [before[0]!, before[2]!, before[1]!, before[3]!];
    assert.equal(agendaChanges(before, reordered).marks.size, 0);
    assert.equal(sameAgenda(before, reordered), false);
    assert.equal(sameAgenda(before, [...before]), true);
  });
});
