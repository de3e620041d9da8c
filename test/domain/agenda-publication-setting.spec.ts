import assert from 'node:assert/strict';
import {
  autoPublishAgendaOf,
  DEFAULT_COMMITTEE_SETTINGS,
  parseCommitteeSettings,
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

describe('domain/committee: publishing the agenda at its lead time', () => {
  it('publishes by default: for new committees, committees stored before the setting, and cards rendered before it', () => {
    assert.equal(DEFAULT_COMMITTEE_SETTINGS.autoPublishAgenda, true);
    assert.equal(autoPublishAgendaOf({}), true);
    const old = parseCommitteeSettings(input, new Set());
    assert.ok(old.ok);
    assert.equal(old.value.autoPublishAgenda, true);
  });

  it('takes the toggle from the card, anything but "true" meaning off', () => {
    for (const [value, expected] of [
      ['true', true],
      [true, true],
      ['false', false],
      [false, false],
      ['ja', false],
      [1, false],
    ] as const) {
      const parsed = parseCommitteeSettings({ ...input, autoPublishAgenda: value }, new Set());
      assert.ok(parsed.ok);
      assert.equal(parsed.value.autoPublishAgenda, expected, String(value));
      assert.equal(autoPublishAgendaOf(parsed.value), expected);
    }
  });
});
