import assert from 'node:assert/strict';
import {
  compareForList,
  parseWorkingGroup as parseWith,
  WORKING_GROUP_LIMITS,
  type ListedGroup,
  type WorkingGroupInput,
  type WorkingGroupProblem,
} from '../../../src/domain/working-groups/working-group';

const VALID: WorkingGroupInput = {
  name: 'AG 3 Fachkräfteeinwanderungsgesetz',
  mandate: 'Erarbeitet Empfehlungen zur Umsetzung des Fachkräfteeinwanderungsgesetzes in Leipzig.',
  members: 'Agentur für Arbeit Leipzig, Jobcenter Leipzig, IHK zu Leipzig',
  startsOn: '2027-01-15',
  plannedEndOn: '2027-06-30',
  reportSessionId: 'session-2027-2',
};

/** The sessions the form offered as report sessions. */
const OFFERED = new Set(['session-2027-1', 'session-2027-2']);
const parseWorkingGroup = (input: WorkingGroupInput) => parseWith(input, OFFERED);

function problemsOf(input: WorkingGroupInput): WorkingGroupProblem[] {
  const result = parseWorkingGroup(input);
  assert.equal(result.ok, false, 'expected problems');
  return result.ok ? [] : result.error;
}

describe('domain/working-groups/working-group', () => {
  it('reads a complete form, trimmed', () => {
    const result = parseWorkingGroup({
      ...VALID,
      name: '  AG 3 Fachkräfteeinwanderungsgesetz \n',
      reportSessionId: ' session-2027-2 ',
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        name: 'AG 3 Fachkräfteeinwanderungsgesetz',
        mandate: VALID.mandate,
        members: VALID.members,
        startsOn: '2027-01-15',
        plannedEndOn: '2027-06-30',
        reportSessionId: 'session-2027-2',
      },
    });
  });

  it('needs a name, a mandate, a start and a planned end, but neither members nor a report session', () => {
    assert.deepEqual(problemsOf({}), [
      { field: 'name', code: 'required' },
      { field: 'mandate', code: 'required' },
      { field: 'startsOn', code: 'required' },
      { field: 'plannedEndOn', code: 'required' },
    ]);
    assert.deepEqual(problemsOf({ ...VALID, name: '   ', mandate: '\n\n', startsOn: ' ' }), [
      { field: 'name', code: 'required' },
      { field: 'mandate', code: 'required' },
      { field: 'startsOn', code: 'required' },
    ]);
    const bare = parseWorkingGroup({ ...VALID, members: '', reportSessionId: '' });
    assert.ok(bare.ok);
    assert.equal(bare.value.members, '');
    assert.equal('reportSessionId' in bare.value, false, 'no report planned yet');
  });

  it('takes a name of exactly 120 characters and refuses 121', () => {
    assert.ok(parseWorkingGroup({ ...VALID, name: 'N'.repeat(WORKING_GROUP_LIMITS.name) }).ok);
    assert.ok(parseWorkingGroup({ ...VALID, name: ` ${'N'.repeat(120)} ` }).ok, 'surrounding blanks do not count');
    assert.deepEqual(problemsOf({ ...VALID, name: 'N'.repeat(121) }), [{ field: 'name', code: 'tooLong', max: 120 }]);
  });

  it('takes a mandate of 2000 and members of 1000 characters, and refuses one more', () => {
    assert.ok(parseWorkingGroup({ ...VALID, mandate: 'M'.repeat(2000), members: 'P'.repeat(1000) }).ok);
    assert.deepEqual(problemsOf({ ...VALID, mandate: 'M'.repeat(2001), members: 'P'.repeat(1001) }), [
      { field: 'mandate', code: 'tooLong', max: 2000 },
      { field: 'members', code: 'tooLong', max: 1000 },
    ]);
  });

  it('refuses a string of 100 KB without reading it as anything', () => {
    const huge = 'x'.repeat(100_000);
    assert.deepEqual(
      problemsOf({
        name: huge,
        mandate: huge,
        members: huge,
        startsOn: huge,
        plannedEndOn: huge,
        reportSessionId: 'session-2027-1',
      }),
      [
        { field: 'name', code: 'tooLong', max: 120 },
        { field: 'mandate', code: 'tooLong', max: 2000 },
        { field: 'members', code: 'tooLong', max: 1000 },
        { field: 'startsOn', code: 'invalid' },
        { field: 'plannedEndOn', code: 'invalid' },
      ],
    );
  });

  it('keeps line breaks in the mandate and the members, not in the name', () => {
    const result = parseWorkingGroup({ ...VALID, mandate: 'Erstens\r\nZweitens\r\n\tDrittens', members: 'A\nB' });
    assert.ok(result.ok);
    assert.equal(result.value.mandate, 'Erstens\nZweitens\n\tDrittens', 'Windows line ends become one kind');
    assert.equal(result.value.members, 'A\nB');
    assert.deepEqual(problemsOf({ ...VALID, name: 'AG 3\nFachkräfte' }), [
      { field: 'name', code: 'controlCharacters' },
    ]);
  });

  it('refuses control characters', () => {
    assert.deepEqual(problemsOf({ ...VALID, name: 'AG\u00003', mandate: 'Auftrag\u001b[31m', members: 'A\u0085B' }), [
      { field: 'name', code: 'controlCharacters' },
      { field: 'mandate', code: 'controlCharacters' },
      { field: 'members', code: 'controlCharacters' },
    ]);
    assert.deepEqual(problemsOf({ ...VALID, name: 'AG\u007f' }), [{ field: 'name', code: 'controlCharacters' }]);
  });

  it('refuses values that are not text, as a tampered card sends them', () => {
    assert.deepEqual(
      problemsOf({
        name: 42,
        mandate: { text: 'x' },
        members: ['a'],
        startsOn: 20270115,
        plannedEndOn: true,
        reportSessionId: 7,
      }),
      [
        { field: 'name', code: 'invalid' },
        { field: 'mandate', code: 'invalid' },
        { field: 'members', code: 'invalid' },
        { field: 'startsOn', code: 'invalid' },
        { field: 'plannedEndOn', code: 'invalid' },
        { field: 'reportSessionId', code: 'invalid' },
      ],
    );
  });

  it('reads dates as the date field sends them, or typed the German way, and refuses impossible ones', () => {
    const german = parseWorkingGroup({ ...VALID, startsOn: '15.01.2027', plannedEndOn: '2027-06-30' });
    assert.ok(german.ok);
    assert.equal(german.value.startsOn, '2027-01-15');
    assert.deepEqual(problemsOf({ ...VALID, startsOn: '2027-02-29', plannedEndOn: '2027-13-01' }), [
      { field: 'startsOn', code: 'invalid' },
      { field: 'plannedEndOn', code: 'invalid' },
    ]);
    assert.deepEqual(problemsOf({ ...VALID, startsOn: '2027-01-15T10:00', plannedEndOn: 'morgen' }), [
      { field: 'startsOn', code: 'invalid' },
      { field: 'plannedEndOn', code: 'invalid' },
    ]);
    assert.ok(parseWorkingGroup({ ...VALID, startsOn: '2028-02-29', plannedEndOn: '2028-03-01' }).ok, 'a leap day');
  });

  it('lets the planned end fall on the start day, not before it', () => {
    assert.ok(parseWorkingGroup({ ...VALID, startsOn: '2027-03-01', plannedEndOn: '2027-03-01' }).ok);
    assert.deepEqual(problemsOf({ ...VALID, startsOn: '2027-03-01', plannedEndOn: '2027-02-28' }), [
      { field: 'plannedEndOn', code: 'endBeforeStart' },
    ]);
    assert.deepEqual(
      problemsOf({ ...VALID, startsOn: '2027-01-01', plannedEndOn: '2026-12-31' }),
      [{ field: 'plannedEndOn', code: 'endBeforeStart' }],
      'across the year boundary',
    );
  });

  it('does not compare dates when one of them is unreadable', () => {
    assert.deepEqual(problemsOf({ ...VALID, startsOn: 'x', plannedEndOn: '2020-01-01' }), [
      { field: 'startsOn', code: 'invalid' },
    ]);
  });

  it('accepts only a report session the form offered', () => {
    assert.ok(parseWorkingGroup({ ...VALID, reportSessionId: 'session-2027-1' }).ok);
    assert.deepEqual(problemsOf({ ...VALID, reportSessionId: 'session-2027-3' }), [
      { field: 'reportSessionId', code: 'unavailable' },
    ]);
    assert.deepEqual(problemsOf({ ...VALID, reportSessionId: '../x' }), [
      { field: 'reportSessionId', code: 'unavailable' },
    ]);
    assert.deepEqual(problemsOf({ ...VALID, reportSessionId: 'session-2027-1', name: '' }), [
      { field: 'name', code: 'required' },
    ]);
    assert.equal(
      parseWith({ ...VALID, reportSessionId: 'session-2027-1' }, new Set()).ok,
      false,
      'nothing offered, nothing taken',
    );
  });

  it('lists active groups by start, then ended ones, the most recently ended first', () => {
    const groups: ListedGroup[] = [
      { name: 'AG 4', state: 'ended', startsOn: '2025-01-01', endedAt: '2026-03-01T10:00:00.000Z' },
      { name: 'AG 5', state: 'active', startsOn: '2026-09-01' },
      { name: 'UAG Afghanistan', state: 'ended', startsOn: '2024-01-01', endedAt: '2026-10-01T10:00:00.000Z' },
      { name: 'AG 3', state: 'active', startsOn: '2019-04-01' },
      { name: 'AG 2', state: 'active', startsOn: '2026-09-01' },
    ];
    assert.deepEqual(
      [...groups].sort(compareForList).map((group) => group.name),
      ['AG 3', 'AG 2', 'AG 5', 'UAG Afghanistan', 'AG 4'],
    );
  });
});
