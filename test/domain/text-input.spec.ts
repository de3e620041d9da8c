import assert from 'node:assert/strict';
import { parseItemDetails } from '../../src/domain/agenda/item-details';
import { parseSubmission } from '../../src/domain/agenda/submission';
import { parseTriageDecision } from '../../src/domain/agenda/triage-decision';
import { DEFAULT_COMMITTEE_SETTINGS, formatTerms, parseCommitteeSettings } from '../../src/domain/committee';
import { agreementField, parseMinutesItem } from '../../src/domain/minutes/minutes-item-edit';
import { applyRosterChange } from '../../src/domain/roster-changes';
import { parseSessionEdit } from '../../src/domain/sessions/session-edit';
import { checkText, plainName, TEXT_FIELDS, type TextField, type TextProblemCode } from '../../src/domain/text-input';
import { parseWorkingGroup } from '../../src/domain/working-groups/working-group';

const check = (field: TextField, value: unknown) => {
  const problems: Array<[TextProblemCode, number]> = [];
  const text = checkText(field, value, (code, max) => problems.push([code, max]));
  return { text, problems };
};
const ONE_LINE = (Object.keys(TEXT_FIELDS) as TextField[]).filter((field) => TEXT_FIELDS[field].lines === 'one');
const MANY_LINES = (Object.keys(TEXT_FIELDS) as TextField[]).filter((field) => TEXT_FIELDS[field].lines === 'many');

describe('domain/text-input', () => {
  it('refuses every control character in one-line fields, tab and line breaks included', () => {
    for (const field of ONE_LINE) {
      for (const character of [
        '\r',
        '\n',
        '\r\n',
        '\t',
        '\u0000',
        '\u0007',
        '\u001b',
        '\u007f',
        '\u0085',
        '\u2028',
        '\u2029',
      ]) {
        assert.deepEqual(
          check(field, `Neues${character}Rathaus`),
          { text: undefined, problems: [['markup', TEXT_FIELDS[field].max]] },
          `${field} ${JSON.stringify(character)}`,
        );
      }
      assert.deepEqual(check(field, '  Neues Rathaus, Raum 259 '), { text: 'Neues Rathaus, Raum 259', problems: [] });
    }
  });

  it('keeps line breaks and tabs in multi-line fields, as line feeds, and refuses a lone carriage return', () => {
    for (const field of MANY_LINES) {
      assert.deepEqual(
        check(field, 'Erste Zeile\r\nZweite\tSpalte\u2028Dritte'),
        { text: 'Erste Zeile\nZweite\tSpalte\nDritte', problems: [] },
        field,
      );
      for (const character of ['\r', '\u0000', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085']) {
        assert.deepEqual(
          check(field, `Erste${character}Zeile`).problems.map(([code]) => code),
          ['markup'],
          `${field} ${JSON.stringify(character)}`,
        );
      }
    }
  });

  it('refuses markup, too long and non-text values with the field’s limit, and reads blank as absent', () => {
    assert.deepEqual(check('sessionPlace', '<b>Rathaus</b>').problems, [['markup', 200]]);
    assert.deepEqual(check('committeeName', 'Gremium ${x}').problems, [['markup', 200]]);
    assert.deepEqual(check('committeeShortName', 'K'.repeat(31)).problems, [['tooLong', 30]]);
    assert.deepEqual(check('committeeShortName', 'K'.repeat(30)), { text: 'K'.repeat(30), problems: [] });
    assert.deepEqual(check('delegateName', ['Erika']).problems, [['invalid', 120]]);
    assert.deepEqual(check('delegateName', '   '), { text: undefined, problems: [] });
    assert.deepEqual(check('delegateName', undefined), { text: undefined, problems: [] });
  });

  it('cleans names that Teams supplies instead of refusing them', () => {
    assert.equal(plainName('Erika\r\nMuster\u0007\tX', 200), 'Erika Muster X');
    assert.equal(plainName(' \u2028 ', 200), '');
    assert.equal(plainName(undefined, 200), '');
    assert.equal(plainName('Erika Mustermann', 5), 'Erika');
  });

  describe('every form refuses a carriage return in its text fields', () => {
    const INJECTED = 'Rathaus\rATTENDEE:mailto:jemand@example.org';
    const refused = (result: { ok: boolean; error?: unknown }, field: string) => {
      assert.equal(result.ok, false, `${field} was accepted`);
      assert.match(
        JSON.stringify(result.error),
        /"code":"(markup|controlCharacters)"/,
        `${field}: ${JSON.stringify(result.error)}`,
      );
    };

    it('the set-up card', () => {
      const answers = {
        name: DEFAULT_COMMITTEE_SETTINGS.name,
        shortName: 'KOG',
        timeZone: 'Europe/Berlin',
        terms: formatTerms(DEFAULT_COMMITTEE_SETTINGS.terms),
        sessionLengthMinutes: 180,
        firstChair: 'Oberbürgermeister',
        rotatingChairs: 'Jobcenter Leipzig',
        callForTopicsDays: 42,
        topicDeadlineDays: 21,
        agendaDispatchDays: 14,
        rsvpReminderDays: 7,
      };
      assert.ok(parseCommitteeSettings(answers, new Set()).ok);
      for (const field of ['name', 'shortName', 'timeZone', 'firstChair', 'rotatingChairs'] as const)
        refused(
          parseCommitteeSettings({ ...answers, [field]: field === 'shortName' ? 'KOG\rX:1' : INJECTED }, new Set()),
          field,
        );
    });

    it('the session edit form', () => {
      const current = { startsAt: '2027-02-11T13:00:00.000Z', endsAt: '2027-02-11T16:00:00.000Z' };
      const input = { date: '2027-02-11', time: '14:00' };
      for (const field of ['place', 'chair', 'onlineLink'] as const) {
        refused(
          parseSessionEdit(
            { ...input, [field]: field === 'onlineLink' ? `https://meet.example.org/${INJECTED}` : INJECTED },
            current,
            'Europe/Berlin',
          ),
          field,
        );
      }
    });

    it('the seat form', () => {
      const roster = {
        people: [
          { aadObjectId: 'a', displayName: 'A', roles: ['secretariat' as const], active: true },
          { aadObjectId: 'm', displayName: 'M', roles: [], active: true },
        ],
        seats: [],
      };
      assert.ok(
        applyRosterChange(roster, {
          kind: 'addSeat',
          seatId: 'seat-x',
          institution: 'Jobcenter',
          memberId: 'm',
          deputyId: '',
        }).ok,
      );
      refused(
        applyRosterChange(roster, {
          kind: 'addSeat',
          seatId: 'seat-x',
          institution: INJECTED,
          memberId: 'm',
          deputyId: '',
        }),
        'institution',
      );
    });

    it('topic submissions, agenda items and decisions', () => {
      for (const field of ['title', 'description', 'institution', 'link'] as const)
        refused(parseSubmission({ kind: 'topic', title: 'Thema', [field]: INJECTED }), field);
      for (const field of ['title', 'presenter'] as const)
        refused(parseItemDetails({ title: 'Punkt', minutes: 30, kind: 'information', [field]: INJECTED }, true), field);
      refused(parseTriageDecision({ decision: 'decline', reason: INJECTED }), 'reason');
    });

    it('minutes items and their agreements', () => {
      const existing = { itemId: 'item-1', title: 'Punkt', summary: '', result: '', agreements: [] };
      const rules = {
        responsibles: new Map([['p', 'Jobcenter']]),
        today: '2027-02-11',
        agreementsElsewhere: 0,
        newAgreementId: () => 'agreement-1',
        agreementsFrozen: false,
      };
      const agreement = {
        [agreementField('new', 'text')]: 'Zahlen vorlegen',
        [agreementField('new', 'responsible')]: 'p',
        [agreementField('new', 'due')]: '2027-04-30',
      };
      assert.ok(parseMinutesItem(existing, agreement, rules).ok);
      for (const field of ['summary', 'result', agreementField('new', 'text'), agreementField('new', 'institution')])
        refused(parseMinutesItem(existing, { ...agreement, [field]: INJECTED }, rules), field);
    });

    it('working groups', () => {
      const input = { name: 'AG 3', mandate: 'Auftrag', startsOn: '2027-01-01', plannedEndOn: '2027-06-30' };
      assert.ok(parseWorkingGroup(input, new Set()).ok);
      for (const field of ['name', 'mandate', 'members'] as const)
        refused(parseWorkingGroup({ ...input, [field]: INJECTED }, new Set()), field);
    });
  });
});
