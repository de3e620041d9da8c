import assert from 'node:assert/strict';
import {
  DEFAULT_RETENTION_MONTHS,
  parseCommitteeSettings,
  retentionMonthsOf,
  type CommitteeSettingsInput,
} from '../../src/domain/committee';

const input: CommitteeSettingsInput = {
  name: 'KOG',
  shortName: 'KOG',
  timeZone: 'Europe/Berlin',
  terms: '1-4,5-8,9-12',
  sessionLengthMinutes: '180',
  firstChair: 'Oberbürgermeister',
  rotatingChairs: 'Jobcenter Leipzig',
  callForTopicsDays: 42,
  topicDeadlineDays: 21,
  agendaDispatchDays: 14,
  rsvpReminderDays: 7,
};

describe('domain/committee: retention period', () => {
  it('takes the months from the card, and the default from cards rendered before the field existed', () => {
    const parsed = parseCommitteeSettings({ ...input, retentionMonths: '36' }, new Set());
    assert.ok(parsed.ok);
    assert.equal(parsed.value.retentionMonths, 36);
    const old = parseCommitteeSettings(input, new Set());
    assert.ok(old.ok);
    assert.equal(old.value.retentionMonths, DEFAULT_RETENTION_MONTHS);
    assert.equal(retentionMonthsOf({}), 24, 'committees stored before the setting keep data two years');
  });

  it('refuses a period that is no whole number of months from 1 to 120', () => {
    for (const value of ['0', '121', '1.5', 'zwei', '']) {
      const parsed = parseCommitteeSettings({ ...input, retentionMonths: value }, new Set());
      assert.ok(!parsed.ok, value);
      assert.equal(parsed.error[0]!.field, 'retentionMonths');
    }
  });
});
