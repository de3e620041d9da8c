import assert from 'node:assert/strict';
import { renderWorkingGroupFormCard, submittedReportSession } from '../../src/cards/working-group-form-card';
import {
  LIST_TEXT_LIMITS,
  renderWorkingGroupsCard,
  WORKING_GROUPS_PAGE_SIZE,
} from '../../src/cards/working-groups-card';
import { VERBS } from '../../src/cards/verbs';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import {
  sampleLargeWorkingGroupsView,
  sampleNewForm,
  sampleSessions,
  sampleWorkingGroup,
} from './working-group-card-fixtures';

const de = translator('de');
const en = translator('en');
const sessions = new Map(sampleSessions().map((session) => [session.id, session]));

/** Every action's data in the card, in order. */
function actionData(card: unknown): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'fallback') return undefined;
    const data = (value as { type?: string; data?: Record<string, unknown> } | null)?.data;
    if ((value as { type?: string } | null)?.type === 'Action.Execute' && data) found.push(data);
    return value;
  });
  return found;
}

/** The headings of the groups a list card shows. */
function headings(card: Record<string, unknown>): string[] {
  const body = card.body as Array<{
    type: string;
    items?: Array<{ columns?: Array<{ items: Array<{ text: string }> }> }>;
  }>;
  return body
    .filter((element) => element.type === 'Container' && element.items?.[0]?.columns)
    .map((element) => element.items![0]!.columns![0]!.items[0]!.text);
}

describe('cards/working groups', () => {
  describe('the list', () => {
    it('shows term, report session, members and mandate, in the reader’s language', () => {
      const card = renderWorkingGroupsCard({ timeZone: 'Europe/Berlin', groups: [sampleWorkingGroup()], sessions }, de);
      assert.match(
        cardText(card),
        /AG 3 Fachkräfteeinwanderungsgesetz\naktiv\nLaufzeit\n01\.04\.2019 bis 30\.06\.2027 \(geplant\)\nBericht\nSitzung 2027\/2, 11\.02\.2027\nMitglieder\nAgentur für Arbeit Leipzig/,
      );
      assert.match(
        cardText(renderWorkingGroupsCard({ timeZone: 'Europe/Berlin', groups: [sampleWorkingGroup()], sessions }, en)),
        /Term\n1 April 2019 to 30 June 2027 \(planned\)\nReport\nSession 2027\/2, 11 February 2027/,
      );
    });

    it('keeps the term’s days as stored, whatever the committee’s time zone', () => {
      const card = renderWorkingGroupsCard(
        {
          timeZone: 'America/Los_Angeles',
          groups: [sampleWorkingGroup({ startsOn: '2027-01-01', plannedEndOn: '2027-12-31' })],
          sessions,
        },
        de,
      );
      assert.match(cardText(card), /01\.01\.2027 bis 31\.12\.2027/);
    });

    it('says when no report session is chosen, or when it was cancelled', () => {
      const groups = [
        sampleWorkingGroup({ id: 'workinggroup-a', reportSessionId: undefined }),
        sampleWorkingGroup({ id: 'workinggroup-b', reportSessionId: 'session-2027-3' }),
      ];
      const text = cardText(renderWorkingGroupsCard({ timeZone: 'Europe/Berlin', groups, sessions }, de));
      assert.match(text, /Bericht\nnoch keine Sitzung vorgesehen/);
      assert.match(text, /Bericht\nSitzung 2027\/3 – die Sitzung wurde abgesagt/);
    });

    it('cuts the mandate and the members, and shows user text as plain text', () => {
      const group = sampleWorkingGroup({
        name: '[Klicken](https://example.org) **AG**',
        mandate: `${'Auftrag '.repeat(100)}ENDE`,
        members: 'M '.repeat(400),
      });
      const text = cardText(renderWorkingGroupsCard({ timeZone: 'Europe/Berlin', groups: [group], sessions }, de));
      assert.match(text, /\\\[Klicken\\\]\\\(https:\/\/example\.org\\\) \\\*\\\*AG\\\*\\\*/);
      const mandate = /Auftrag\n(Auftrag[^\n]*)/.exec(text)?.[1] ?? '';
      assert.ok(mandate.length <= LIST_TEXT_LIMITS.mandate && mandate.endsWith('Auftrag…'), mandate);
      assert.doesNotMatch(text, /ENDE/);
      assert.ok((/Mitglieder\n([^\n]*)/.exec(text)?.[1] ?? '').length <= LIST_TEXT_LIMITS.members);
    });

    it('offers editing and ending only for active groups, and keeps ended ones on record', () => {
      const ended = sampleWorkingGroup({
        id: 'workinggroup-ended',
        name: 'UAG Afghanistan',
        state: 'ended',
        endedAt: '2026-10-01T22:30:00.000Z',
      });
      const card = renderWorkingGroupsCard(
        { timeZone: 'Europe/Berlin', groups: [sampleWorkingGroup(), ended], sessions },
        de,
      );
      assert.match(
        cardText(card),
        /UAG Afghanistan\nbeendet\nLaufzeit\n[^\n]*\nBeendet am\n02\.10\.2026/,
        'the end day in the committee’s time zone',
      );
      assert.deepEqual(
        actionData(card).map((data) => [data.verb, data.groupId]),
        [
          [VERBS.workingGroupForm, sampleWorkingGroup().id],
          [VERBS.workingGroupEnd, sampleWorkingGroup().id],
          [VERBS.workingGroupForm, undefined],
        ],
      );
    });

    it('asks once before ending, on the page of that group', () => {
      const view = sampleLargeWorkingGroupsView();
      const target = view.groups[8]!;
      const card = renderWorkingGroupsCard(view, de, {
        confirmEnd: target.id,
        banner: { style: 'warning', title: 'Wirklich?', text: '' },
      });
      assert.match(cardText(card), /Seite 2 von 5/);
      const ends = actionData(card).filter((data) => data.verb === VERBS.workingGroupEnd);
      assert.deepEqual(
        ends.filter((data) => data.confirmed === true).map((data) => data.groupId),
        [target.id],
      );
      assert.equal(
        ends.filter((data) => data.groupId === target.id).length,
        1,
        'the group offers only the confirmation',
      );
      assert.equal(ends.length, WORKING_GROUPS_PAGE_SIZE, 'the other active groups of the page keep their end button');
      assert.ok(
        actionData(card).some((data) => data.verb === VERBS.workingGroupsOpen && data.page === 2),
        'a way to keep the group',
      );
    });

    it('pages thirty groups so that each shows on exactly one page, every page under 28 KB', () => {
      const view = sampleLargeWorkingGroupsView();
      const pages = Math.ceil(view.groups.length / WORKING_GROUPS_PAGE_SIZE);
      const seen: string[] = [];
      for (let page = 1; page <= pages; page += 1) {
        const card = renderWorkingGroupsCard(view, de, { page });
        assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024);
        assert.match(cardText(card), new RegExp(`Seite ${page} von ${pages}`));
        const pager = actionData(card)
          .filter((data) => data.verb === VERBS.workingGroupsOpen)
          .map((data) => data.page);
        assert.deepEqual(pager, [...(page > 1 ? [page - 1] : []), ...(page < pages ? [page + 1] : [])]);
        seen.push(...headings(card));
      }
      assert.equal(seen.length, view.groups.length);
      assert.equal(new Set(seen).size, view.groups.length);
    });

    it('reads a page from a card as untrusted', () => {
      const view = sampleLargeWorkingGroupsView();
      const first = headings(renderWorkingGroupsCard(view, de, { page: 1 }));
      const last = headings(renderWorkingGroupsCard(view, de, { page: 5 }));
      for (const page of ['2', 1.5, -3, 0, null, { page: 2 }])
        assert.deepEqual(headings(renderWorkingGroupsCard(view, de, { page })), first, String(page));
      assert.deepEqual(headings(renderWorkingGroupsCard(view, de, { page: 99 })), last);
    });
  });

  describe('the form', () => {
    it('carries a new form’s id, or a running group’s id and revision', () => {
      const fresh = renderWorkingGroupFormCard(sampleNewForm(), de);
      assert.deepEqual(actionData(fresh)[0], { verb: VERBS.workingGroupSave, formId: sampleNewForm().formId });
      const group = sampleWorkingGroup();
      const edit = renderWorkingGroupFormCard(
        { timeZone: 'Europe/Berlin', group, reportSessions: sampleSessions() },
        de,
      );
      assert.deepEqual(actionData(edit)[0], { verb: VERBS.workingGroupSave, groupId: group.id, revision: 4 });
      assert.match(cardText(edit), /„AG 3 Fachkräfteeinwanderungsgesetz“ bearbeiten/);
      assert.ok(JSON.stringify(edit).includes('"value":"session-2027-2"'), 'the chosen session is selected');
    });

    it('shows the problems with what was typed, whole, never cut', () => {
      const card = renderWorkingGroupFormCard(sampleNewForm(), de, {
        input: {
          name: 'N'.repeat(150),
          mandate: 42,
          startsOn: '2027-03-01',
          plannedEndOn: '2027-02-01',
          reportSessionId: 'session-2099-9',
        },
        problems: [
          { field: 'name', code: 'tooLong', max: 120 },
          { field: 'mandate', code: 'invalid' },
          { field: 'plannedEndOn', code: 'endBeforeStart' },
          { field: 'reportSessionId', code: 'unavailable' },
        ],
      });
      const text = cardText(card);
      assert.match(
        text,
        /Name: Höchstens 120 Zeichen\.\n• Auftrag: Diese Angabe ist ungültig\.\n• Geplantes Ende: Es darf nicht vor dem Beginn liegen\.\n• Bericht in der Sitzung: Diese Sitzung steht nicht \(mehr\) zur Auswahl\./,
      );
      assert.ok(JSON.stringify(card).includes(`"value":"${'N'.repeat(150)}"`), 'the name as typed, not cut at 120');
      assert.ok(JSON.stringify(card).includes('"value":"2027-02-01"'));
      assert.ok(!JSON.stringify(card).includes('session-2099-9'), 'an unknown session is not echoed');
    });

    it('says so where a text is too long to be shown again, rather than cutting it', () => {
      const card = renderWorkingGroupFormCard(sampleNewForm(), de, {
        input: { name: 'N'.repeat(5000), mandate: 'Auftrag', startsOn: '2027-03-01', plannedEndOn: '2027-04-01' },
        problems: [{ field: 'name', code: 'tooLong', max: 120 }],
      });
      assert.match(
        cardText(card),
        /Name: Höchstens 120 Zeichen\. Ihr Text hatte 5000 Zeichen und ist zu lang, um ihn hier wieder anzuzeigen/,
      );
      assert.ok(!JSON.stringify(card).includes('N'.repeat(121)), 'no cut text is offered to be saved');
    });

    it('reads the "no session yet" choice as none', () => {
      assert.equal(submittedReportSession('none'), '');
      assert.equal(submittedReportSession('session-2027-1'), 'session-2027-1');
      assert.equal(submittedReportSession(7), 7);
    });
  });
});
