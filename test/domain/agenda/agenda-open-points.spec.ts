import assert from 'node:assert/strict';
import type { AgendaItem } from '../../../src/domain/agenda/agenda-items';
import { agendaOpenPoints, hasOpenPoints } from '../../../src/domain/agenda/agenda-open-points';

const standard = (id: 'opening' | 'other', minutes: number): AgendaItem => ({
  id,
  title: '',
  kind: 'information',
  minutes,
  origin: { type: 'standard', standard: id },
  submissionIds: [],
});
const topic = (id: string, minutes: number, presenter?: string): AgendaItem => ({
  id,
  title: `Thema ${id}`,
  kind: 'discussion',
  minutes,
  ...(presenter === undefined ? {} : { presenter }),
  origin: { type: 'topic' },
  submissionIds: [],
});
const report: AgendaItem = {
  id: 'report-ag3',
  title: 'AG 3',
  kind: 'information',
  minutes: 15,
  origin: { type: 'report', groupId: 'ag3' },
  submissionIds: [],
};

describe('domain/agenda/agenda-open-points', () => {
  it('finds nothing open on a complete agenda that fits the session', () => {
    const points = agendaOpenPoints(
      [
        standard('opening', 10),
        topic('a', 60, 'Jobcenter'),
        { ...report, presenter: 'AG-Leitung' },
        standard('other', 5),
      ],
      0,
      180,
    );
    assert.deepEqual(points, { undecidedSubmissions: 0, incompleteItems: [], minutesOver: 0 });
    assert.equal(hasOpenPoints(points), false);
  });

  it('names undecided submissions, topics and reports without presenter or duration, and the minutes over', () => {
    const items = [
      standard('opening', 10),
      topic('a', 120),
      topic('b', 60, '  '),
      report,
      topic('c', 0, 'IHK'),
      standard('other', 5),
    ];
    const points = agendaOpenPoints(items, 2, 180);
    assert.equal(points.undecidedSubmissions, 2);
    assert.deepEqual(
      points.incompleteItems.map((open) => [open.position, open.item.id, open.missing]),
      [
        [2, 'a', ['presenter']],
        [3, 'b', ['presenter']],
        [4, 'report-ag3', ['presenter']],
        [5, 'c', ['duration']],
      ],
    );
    assert.equal(points.minutesOver, 30);
    assert.equal(hasOpenPoints(points), true);
    assert.equal(
      hasOpenPoints({ ...points, incompleteItems: [], minutesOver: 0 }),
      true,
      'undecided submissions alone are open',
    );
  });
});
