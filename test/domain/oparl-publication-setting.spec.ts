import assert from 'node:assert/strict';
import {
  DEFAULT_COMMITTEE_SETTINGS,
  parseCommitteeSettings,
  publishOparlOf,
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

describe('domain/committee: publishing through the OParl interface', () => {
  it('publishes nothing by default: new committees, committees stored before the setting, cards rendered before it', () => {
    assert.equal(DEFAULT_COMMITTEE_SETTINGS.publishOparl, false);
    assert.equal(publishOparlOf({}), false);
    const old = parseCommitteeSettings(input, new Set());
    assert.ok(old.ok);
    assert.equal(old.value.publishOparl, false);
  });

  it('publishes only on an explicit "on" from the toggle', () => {
    const cases = [
      ['true', true],
      [true, true],
      ['false', false],
      [false, false],
      ['ja', false],
      [1, false],
      [{ on: true }, false],
    ] as const;
    for (const [value, expected] of cases) {
      const parsed = parseCommitteeSettings({ ...input, publishOparl: value }, new Set());
      assert.ok(parsed.ok);
      assert.equal(publishOparlOf(parsed.value), expected, JSON.stringify(value));
    }
  });
});
