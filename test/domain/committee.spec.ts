import assert from 'node:assert/strict';
import {
  DEFAULT_COMMITTEE_SETTINGS,
  committeeLanguageOf,
  formatTerms,
  parseCommitteeSettings,
  parseTerms,
  type CommitteeSettingsInput,
  minutesSettingsOf,
} from '../../src/domain/committee';

const validInput: CommitteeSettingsInput = {
  name: 'Koordinierungsgremium',
  shortName: 'KOG',
  timeZone: 'Europe/Berlin',
  terms: '1-4,5-8,9-12',
  sessionLengthMinutes: '180',
  firstChair: 'Oberbürgermeister',
  rotatingChairs: 'Jobcenter Leipzig\nAgentur für Arbeit Leipzig\n',
  callForTopicsDays: 42,
  topicDeadlineDays: '21',
  agendaDispatchDays: 14,
  rsvpReminderDays: 7,
  workingGroupConversationId: 'conversation-1',
};

describe('domain/committee', () => {
  describe('parseTerms', () => {
    it('reads the KOG tertials and other cadences covering the year', () => {
      assert.deepEqual(parseTerms('1-4,5-8,9-12'), [
        { startMonth: 1, endMonth: 4 },
        { startMonth: 5, endMonth: 8 },
        { startMonth: 9, endMonth: 12 },
      ]);
      assert.equal(parseTerms('1-6, 7–12')?.length, 2);
      assert.equal(parseTerms('1-12')?.length, 1);
    });

    it('refuses gaps, overlaps, reversed and out-of-range months', () => {
      for (const text of ['1-4,6-12', '1-5,5-12', '4-1,5-12', '1-4,5-8,9-13', '0-12', '', 'a-b', '1-4,5-8']) {
        assert.equal(parseTerms(text), undefined, text);
      }
    });

    it('round-trips through formatTerms', () => {
      assert.equal(formatTerms(parseTerms('1-3,4-6,7-9,10-12')!), '1-3,4-6,7-9,10-12');
    });
  });

  describe('parseCommitteeSettings', () => {
    it('accepts the card answers as strings or numbers and trims them', () => {
      const result = parseCommitteeSettings(
        { ...validInput, name: '  Koordinierungsgremium ' },
        new Set(['conversation-1']),
      );
      assert.ok(result.ok);
      assert.equal(result.value.name, 'Koordinierungsgremium');
      assert.equal(result.value.sessionLengthMinutes, 180);
      assert.deepEqual(result.value.chairRotation.rotating, ['Jobcenter Leipzig', 'Agentur für Arbeit Leipzig']);
      assert.deepEqual(result.value.leadTimes, {
        callForTopicsDays: 42,
        topicDeadlineDays: 21,
        agendaDispatchDays: 14,
        rsvpReminderDays: 7,
      });
      assert.equal(result.value.workingGroupConversationId, 'conversation-1');
    });

    it('lists every problem at once', () => {
      const result = parseCommitteeSettings(
        {
          ...validInput,
          name: '',
          shortName: 'x'.repeat(31),
          timeZone: 'Mars/Olympus',
          terms: '1-4',
          sessionLengthMinutes: '2.5',
          callForTopicsDays: 'viele',
          workingGroupConversationId: 'conversation-of-another-tenant',
        },
        new Set(['conversation-1']),
      );
      assert.ok(!result.ok);
      assert.deepEqual(
        result.error.map((problem) => `${problem.field}:${problem.code}`),
        [
          'name:required',
          'shortName:tooLong',
          'timeZone:unknownTimeZone',
          'terms:invalidTerms',
          'sessionLengthMinutes:notANumber',
          'callForTopicsDays:notANumber',
          'workingGroupConversationId:unknownConversation',
        ],
      );
    });

    it('reads digits only as a number: what JavaScript would also read is no number a person means', () => {
      for (const typed of ['1e2', '0x10', '180.0', ' 18 0 ', 'zwanzig', '']) {
        const result = parseCommitteeSettings(
          { ...validInput, sessionLengthMinutes: typed },
          new Set(['conversation-1']),
        );
        assert.ok(!result.ok, typed);
        assert.deepEqual(
          result.error.map((problem) => `${problem.field}:${problem.code}`),
          ['sessionLengthMinutes:notANumber'],
          typed,
        );
      }
      const spaced = parseCommitteeSettings(
        { ...validInput, sessionLengthMinutes: ' 180 ' },
        new Set(['conversation-1']),
      );
      assert.equal(spaced.ok && spaced.value.sessionLengthMinutes, 180);
    });

    it('requires the lead times in the order of the cycle', () => {
      const result = parseCommitteeSettings(
        { ...validInput, topicDeadlineDays: 10, agendaDispatchDays: 14 },
        new Set(['conversation-1']),
      );
      assert.ok(!result.ok);
      assert.deepEqual(result.error, [{ field: 'leadTimeOrder', code: 'leadTimesOutOfOrder' }]);
    });

    it('refuses values of the wrong type, as a tampered card would send them', () => {
      const result = parseCommitteeSettings(
        {
          ...validInput,
          name: { $ne: 1 },
          rotatingChairs: ['a'],
          sessionLengthMinutes: 1e9,
          terms: 42,
        } as CommitteeSettingsInput,
        new Set(['conversation-1']),
      );
      assert.ok(!result.ok);
      assert.deepEqual(
        result.error.map((problem) => problem.field),
        ['name', 'terms', 'sessionLengthMinutes'],
      );
    });

    it('refuses more rotating institutions than a card can show', () => {
      const many = Array.from({ length: 13 }, (_, index) => `Institution ${index}`).join('\n');
      const result = parseCommitteeSettings({ ...validInput, rotatingChairs: many }, new Set(['conversation-1']));
      assert.ok(!result.ok);
      assert.deepEqual(result.error, [{ field: 'rotatingChairs', code: 'tooMany', max: 12 }]);
    });

    it('leaves the working group unset when none is chosen', () => {
      const result = parseCommitteeSettings({ ...validInput, workingGroupConversationId: '' }, new Set());
      assert.ok(result.ok);
      assert.equal(result.value.workingGroupConversationId, undefined);
    });

    it('reads the minutes settings, defaults them for older cards and refuses an objection period out of range', () => {
      const absent = parseCommitteeSettings(validInput, new Set(['conversation-1']));
      assert.ok(absent.ok);
      assert.deepEqual(absent.value.minutes, { objectionDays: 7, autoApprove: true });
      const set = parseCommitteeSettings(
        { ...validInput, objectionDays: '14', autoApprove: 'false' },
        new Set(['conversation-1']),
      );
      assert.ok(set.ok);
      assert.deepEqual(set.value.minutes, { objectionDays: 14, autoApprove: false });
      const refused = parseCommitteeSettings({ ...validInput, objectionDays: '0' }, new Set(['conversation-1']));
      assert.ok(!refused.ok);
      assert.deepEqual(refused.error, [{ field: 'objectionDays', code: 'outOfRange', min: 1, max: 60 }]);
      assert.deepEqual(
        minutesSettingsOf({}),
        { objectionDays: 7, autoApprove: true },
        'committees stored before the setting get the defaults',
      );
    });

    it('offers the KOG cycle as defaults that pass its own validation', () => {
      const d = DEFAULT_COMMITTEE_SETTINGS;
      const result = parseCommitteeSettings(
        {
          name: d.name,
          shortName: d.shortName,
          timeZone: d.timeZone,
          terms: formatTerms(d.terms),
          sessionLengthMinutes: d.sessionLengthMinutes,
          firstChair: d.chairRotation.firstSessionOfYear,
          rotatingChairs: d.chairRotation.rotating.join('\n'),
          ...d.leadTimes,
          language: d.language,
        },
        new Set(),
      );
      assert.ok(result.ok);
      assert.deepEqual(result.value, d);
    });

    it('reads the language of channels and group chats: German or English, kept as stored when the card sends none', () => {
      const d = DEFAULT_COMMITTEE_SETTINGS;
      const answers = {
        name: d.name,
        shortName: d.shortName,
        timeZone: d.timeZone,
        terms: formatTerms(d.terms),
        sessionLengthMinutes: d.sessionLengthMinutes,
        firstChair: d.chairRotation.firstSessionOfYear,
        rotatingChairs: d.chairRotation.rotating.join('\n'),
        ...d.leadTimes,
      };
      const english = parseCommitteeSettings({ ...answers, language: 'en' }, new Set());
      assert.equal(english.ok && english.value.language, 'en');
      const absent = parseCommitteeSettings(answers, new Set());
      assert.ok(absent.ok && !('language' in absent.value), 'a card of before the setting keeps the stored one');
      assert.equal(committeeLanguageOf({}), 'de', 'German unless chosen');
      const tampered = parseCommitteeSettings({ ...answers, language: 'fr' }, new Set());
      assert.deepEqual(!tampered.ok && tampered.error, [{ field: 'language', code: 'unknownLanguage' }]);
    });
  });
});
