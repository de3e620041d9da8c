import assert from 'node:assert/strict';
import { cutText, itemTextLimits } from '../../../src/domain/minutes/card-budget';
import { MINUTES_LIMITS, type MinutesItem } from '../../../src/domain/minutes/minutes-content';
import { agreementField, parseMinutesItem, type MinutesItemRules } from '../../../src/domain/minutes/minutes-item-edit';
import { changedItemIds } from '../../../src/domain/minutes/minutes-versions';

const SABINE = 'bbbbbbbb-0000-0000-0000-000000000002';
const LENA = '99999999-0000-0000-0000-000000000007';
const item: MinutesItem = { itemId: 'item-1', title: 'Ausbildungsabbrüche', summary: '', result: '', agreements: [] };
const withAgreement: MinutesItem = {
  ...item,
  agreements: [
    {
      id: 'agreement-a',
      text: 'Zahlen vorlegen',
      institution: 'Jobcenter Leipzig',
      responsibleId: SABINE,
      dueDate: '2027-03-01',
    },
  ],
};
let counter = 0;
const rules = (overrides: Partial<MinutesItemRules> = {}): MinutesItemRules => ({
  responsibles: new Map([
    [SABINE, 'Jobcenter Leipzig'],
    [LENA, ''],
  ]),
  today: '2027-02-12',
  agreementsElsewhere: 0,
  newAgreementId: () => `agreement-new-${(counter += 1)}`,
  agreementsFrozen: false,
  ...overrides,
});
const newRow = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([part, value]) => [agreementField('new', part as 'text'), value]));

describe('domain/minutes: editing one item', () => {
  it("adds an agreement, taking the institution from the responsible person's seat when left empty", () => {
    const parsed = parseMinutesItem(
      item,
      {
        summary: ' Diskussion ',
        result: 'Beschlossen',
        ...newRow({ text: 'Zahlen vorlegen', responsible: SABINE, due: '2027-03-01' }),
      },
      rules(),
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.value.summary, 'Diskussion');
    assert.deepEqual(
      parsed.value.agreements.map(({ text, institution, responsibleId, dueDate }) => [
        text,
        institution,
        responsibleId,
        dueDate,
      ]),
      [['Zahlen vorlegen', 'Jobcenter Leipzig', SABINE, '2027-03-01']],
    );
  });

  it('ignores an empty new row and removes an agreement on request, keeping the ids of the others', () => {
    assert.deepEqual(
      parseMinutesItem(
        withAgreement,
        {
          summary: 'x',
          [agreementField(1, 'text')]: 'Zahlen vorlegen',
          [agreementField(1, 'responsible')]: SABINE,
          [agreementField(1, 'due')]: '2027-03-01',
        },
        rules(),
      ),
      { ok: true, value: { ...withAgreement, summary: 'x' } },
    );
    const removed = parseMinutesItem(withAgreement, { [agreementField(1, 'remove')]: 'true' }, rules());
    assert.ok(removed.ok);
    assert.deepEqual(removed.value.agreements, []);
  });

  it('lists every problem at once: oversized text, markup, unknown person, past and malformed dates', () => {
    const parsed = parseMinutesItem(
      item,
      {
        summary: 'x'.repeat(MINUTES_LIMITS.summary + 1),
        result: '<b>fett</b>',
        ...newRow({ text: 'Zahlen', responsible: 'ffffffff-9999-0000-0000-000000000000', due: '2027-02-11' }),
      },
      rules(),
    );
    assert.ok(!parsed.ok);
    assert.deepEqual(
      parsed.error.map((problem) => `${problem.field}:${problem.code}`),
      ['summary:tooLong', 'result:markup', 'responsible:unknownPerson', 'dueDate:pastDate'],
    );
    const malformed = parseMinutesItem(
      item,
      newRow({ text: 'Zahlen', responsible: LENA, institution: 'IQ', due: '2027-02-30' }),
      rules(),
    );
    assert.ok(!malformed.ok);
    assert.deepEqual(malformed.error, [{ field: 'dueDate', row: 1, code: 'invalidDate' }]);
  });

  it('accepts today as due date, and keeps an unchanged due date that has since passed', () => {
    assert.ok(parseMinutesItem(item, newRow({ text: 'Heute', responsible: SABINE, due: '2027-02-12' }), rules()).ok);
    const later = rules({ today: '2027-04-01' });
    assert.ok(
      parseMinutesItem(
        withAgreement,
        {
          [agreementField(1, 'text')]: 'Zahlen vorlegen',
          [agreementField(1, 'responsible')]: SABINE,
          [agreementField(1, 'due')]: '2027-03-01',
        },
        later,
      ).ok,
    );
  });

  it('needs an institution when the responsible person has none', () => {
    const parsed = parseMinutesItem(item, newRow({ text: 'Bericht', responsible: LENA, due: '2027-03-01' }), rules());
    assert.ok(!parsed.ok);
    assert.deepEqual(
      parsed.error.map((problem) => problem.field),
      ['institution'],
    );
  });

  it('refuses more agreements than the minutes may hold', () => {
    const parsed = parseMinutesItem(
      item,
      newRow({ text: 'Eine zu viel', responsible: SABINE, due: '2027-03-01' }),
      rules({ agreementsElsewhere: MINUTES_LIMITS.agreementsTotal }),
    );
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.error, [{ field: 'agreements', code: 'tooMany', max: 0 }]);
  });

  it('in a correction changes summary and result but refuses any change to agreements', () => {
    const frozen = rules({ agreementsFrozen: true });
    const corrected = parseMinutesItem(
      withAgreement,
      { summary: 'berichtigt', [agreementField(1, 'text')]: 'Zahlen vorlegen' },
      frozen,
    );
    assert.ok(corrected.ok);
    assert.deepEqual(corrected.value.agreements, withAgreement.agreements);
    for (const fields of [
      { [agreementField(1, 'text')]: 'anders' },
      { [agreementField(1, 'remove')]: 'true' },
      newRow({ text: 'neu' }),
    ]) {
      const refused = parseMinutesItem(withAgreement, { summary: 'berichtigt', ...fields }, frozen);
      assert.deepEqual(refused, { ok: false, error: [{ field: 'agreements', code: 'frozen' }] });
    }
  });
});

describe('domain/minutes: versions and card budget', () => {
  it('names the items whose summary, result or agreements changed, and new ones', () => {
    const other: MinutesItem = { ...item, itemId: 'item-2' };
    assert.deepEqual(changedItemIds([item, other], [{ ...item, result: 'neu' }, other]), ['item-1']);
    assert.deepEqual(changedItemIds([item], [item, other]), ['item-2']);
    assert.deepEqual(changedItemIds([item], [withAgreement]), ['item-1']);
    assert.deepEqual(changedItemIds([item, other], [item, other]), []);
  });

  it('gives few items their whole text and many items a share', () => {
    assert.ok(itemTextLimits(1).summary >= 2500);
    assert.ok(itemTextLimits(30).summary < 200);
    assert.equal(cutText('abcdef', 4), 'abc…');
    assert.equal(cutText('abc', 4), 'abc');
  });
});
