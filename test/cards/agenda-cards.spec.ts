import assert from 'node:assert/strict';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderTopicDecisionCard } from '../../src/cards/topic-decision-card';
import { renderTopicsCard, TOPIC_TEXT_SHOWN } from '../../src/cards/topics-card';
import { VERBS } from '../../src/cards/verbs';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { largestTopicOverview, sampleDecisionForm, sampleTopicLine, sampleTopicOverview } from './agenda-triage-card-fixtures';

const de = translator('de');
const en = translator('en');

interface Action {
  readonly type: string;
  readonly title: string;
  readonly associatedInputs?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Every Action.Execute of a card, wherever it sits. */
function actions(card: AdaptiveCardJson): Action[] {
  const found: Action[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Action.Execute') found.push(value as Action);
    return value;
  });
  return found;
}

/** Every input id of a card. */
function inputIds(card: AdaptiveCardJson): string[] {
  const ids: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && String((value as { type?: unknown }).type).startsWith('Input.')) ids.push(String((value as { id?: unknown }).id));
    return value;
  });
  return ids;
}

function findInput(card: AdaptiveCardJson, id: string): Record<string, unknown> | undefined {
  let input: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && String((value as { type?: unknown }).type).startsWith('Input.') && (value as { id?: unknown }).id === id) input = value as Record<string, unknown>;
    return value;
  });
  return input;
}

const MARKDOWN = '**x** [a](b)';
const ESCAPED = '\\*\\*x\\*\\* \\[a\\]\\(b\\)';

describe('cards/triage cards', () => {
  describe('topics', () => {
    it('offers the decision only for submissions still waiting for one', () => {
      const view = sampleTopicOverview();
      const decide = actions(renderTopicsCard(view, de)).filter((action) => action.data.verb === VERBS.topicDecideForm);
      assert.deepEqual(
        decide.map((action) => action.data.submissionId),
        view.lines.filter((line) => line.status === 'submitted').map((line) => line.id),
      );
      assert.ok(decide.every((action) => action.title === 'Entscheiden'));
      assert.ok(view.lines.some((line) => line.status !== 'submitted'), 'the sample has decided lines');
    });

    it('shows counts, deadline, flags and decisions, and the way to the agenda', () => {
      const card = renderTopicsCard(sampleTopicOverview(), de);
      const text = cardText(card);
      assert.match(text, /Angemeldete Themen – Sitzung 2027\/1/);
      assert.match(text, /Anmeldeschluss: Donnerstag, 14\. Januar 2027, 12:00 Uhr/);
      assert.match(text, /3 offen von 6/);
      assert.match(text, /Praxiserfahrung/);
      assert.match(text, /Nach dem Anmeldeschluss einer früheren Sitzung eingegangen/);
      assert.match(text, /Verschoben von 2026\/4/);
      assert.match(text, /Gewünschte Zeit: 30 Min\./);
      assert.match(text, /Angenommen/);
      assert.match(text, /Abgelehnt: Bereits in der Arbeitsgruppe behandelt\./);
      assert.deepEqual(actions(card).filter((action) => action.data.verb !== VERBS.topicDecideForm).map((action) => action.data), [{ sessionId: 'session-2027-1', verb: VERBS.agendaOpen }]);
      assert.match(cardText(renderTopicsCard(sampleTopicOverview({ lines: [], undecided: 0, total: 0 }), de)), /Noch keine Themen angemeldet\./);
    });

    it('pages with previous and next only where there is a page', () => {
      const paging = (page: number) =>
        actions(renderTopicsCard({ ...sampleTopicOverview(), page, pageCount: 3 }, de))
          .filter((action) => action.data.verb === VERBS.topicsOpen)
          .map((action) => [action.title, action.data.page]);
      assert.deepEqual(paging(1), [['Nächste Seite', 2]]);
      assert.deepEqual(paging(2), [['Vorherige Seite', 1], ['Nächste Seite', 3]]);
      assert.deepEqual(paging(3), [['Vorherige Seite', 2]]);
      assert.match(cardText(renderTopicsCard({ ...sampleTopicOverview(), page: 2, pageCount: 3 }, de)), /Seite 2 von 3/);
    });

    it('cuts long descriptions and reasons, and keeps titles and links whole', () => {
      const view = largestTopicOverview('declined');
      const text = cardText(renderTopicsCard(view, de)).replace(/\\/g, '');
      const line = view.lines[0]!;
      assert.ok(text.includes(`${line.content.description.slice(0, TOPIC_TEXT_SHOWN - 1)}…`));
      assert.ok(!text.includes(line.content.description.slice(0, TOPIC_TEXT_SHOWN + 1)));
      assert.ok(text.includes(line.content.title));
      assert.ok(text.includes(line.content.link!));
      assert.ok(text.includes(`${line.decision!.reason!.slice(0, TOPIC_TEXT_SHOWN - 1)}…`));
    });

    it('escapes what submitters wrote', () => {
      const line = sampleTopicLine({ personName: MARKDOWN, content: { kind: 'topic', title: MARKDOWN, description: MARKDOWN, institution: MARKDOWN, link: `https://example.org/${MARKDOWN}` } });
      const declined = sampleTopicLine({ id: 'topic-2', status: 'declined', decision: { type: 'decline', by: 's', at: '2027-01-20T10:00:00.000Z', reason: MARKDOWN } });
      const text = cardText(renderTopicsCard(sampleTopicOverview({ lines: [line, declined] }), de));
      assert.ok(!text.includes(MARKDOWN), text);
      assert.equal(text.split(ESCAPED).length - 1, 6);
    });
  });

  describe('topic decision', () => {
    it('names the following session on the defer button, and has none without one', () => {
      const withFollowing = actions(renderTopicDecisionCard(sampleDecisionForm({ followingSessionNumber: '2027/2' }), de));
      const defer = withFollowing.filter((action) => action.data.decision === 'defer');
      assert.deepEqual(defer.map((action) => action.title), ['Auf 2027/2 verschieben']);
      assert.deepEqual(defer[0]!.data, { submissionId: sampleTopicLine().id, revision: 1, decision: 'defer', verb: VERBS.topicDecide });
      assert.equal(actions(renderTopicDecisionCard(sampleDecisionForm({ followingSessionNumber: '2027/2' }), en)).find((action) => action.data.decision === 'defer')?.title, 'Defer to 2027/2');
      const withoutFollowing = actions(renderTopicDecisionCard(sampleDecisionForm({ followingSessionNumber: undefined }), de));
      assert.deepEqual(withoutFollowing.map((action) => action.data.decision ?? action.data.verb), ['accept', 'merge', 'decline', VERBS.topicsOpen]);
    });

    it('offers merging only when there is an item to merge into', () => {
      const card = renderTopicDecisionCard(sampleDecisionForm({ mergeTargets: [] }), de);
      assert.ok(!actions(card).some((action) => action.data.decision === 'merge'));
      assert.deepEqual(inputIds(card), ['presenter', 'minutes', 'kind', 'reason']);
      assert.deepEqual(inputIds(renderTopicDecisionCard(sampleDecisionForm(), de)), ['presenter', 'minutes', 'kind', 'mergeInto', 'reason']);
    });

    it('starts with the desired minutes and the kind the submission suggests, and goes back without the inputs', () => {
      const view = sampleDecisionForm();
      const card = renderTopicDecisionCard(view, de);
      assert.equal(findInput(card, 'minutes')!.value, 30);
      assert.equal(findInput(card, 'kind')!.value, 'discussion');
      const practice = { ...view, submission: { ...view.submission, content: { kind: 'practice' as const, title: 'P', description: '' } } };
      assert.equal(findInput(renderTopicDecisionCard(practice, de), 'minutes')!.value, 15);
      assert.equal(findInput(renderTopicDecisionCard(practice, de), 'kind')!.value, 'information');
      const back = actions(card).find((action) => action.data.verb === VERBS.topicsOpen)!;
      assert.equal(back.associatedInputs, 'none');
      assert.deepEqual(back.data, { sessionId: 'session-2027-1', verb: VERBS.topicsOpen });
    });

    it('keeps what was typed and lists the problems', () => {
      const card = renderTopicDecisionCard(sampleDecisionForm(), de, {
        input: { decision: 'decline', presenter: 'Frau Albers', minutes: '25', kind: 'decision', mergeInto: 'report-ag-anerkennung', reason: 'R'.repeat(5000) },
        problems: [{ field: 'reason', code: 'tooLong', max: 1000 }, { field: 'minutes', code: 'outOfRange', min: 1, max: 240 }],
      });
      assert.equal(findInput(card, 'presenter')!.value, 'Frau Albers');
      assert.equal(findInput(card, 'minutes')!.value, 25);
      assert.equal(findInput(card, 'kind')!.value, 'decision');
      assert.equal(findInput(card, 'mergeInto')!.value, 'report-ag-anerkennung');
      assert.equal(findInput(card, 'reason')!.value, 'R'.repeat(1000));
      const text = cardText(card);
      assert.match(text, /Bitte prüfen Sie Ihre Angaben/);
      assert.match(text, /• Begründung \(bei Ablehnung\): Höchstens 1000 Zeichen\./);
      assert.match(text, /• Dauer in Minuten: Bitte eine Zahl von 1 bis 240 angeben\./);
    });

    it('escapes the submission and the items to merge into', () => {
      const view = sampleDecisionForm({
        submission: sampleTopicLine({ personName: MARKDOWN, content: { kind: 'need', title: MARKDOWN, description: MARKDOWN, institution: MARKDOWN, link: MARKDOWN } }),
        mergeTargets: [{ id: 'item-1', title: MARKDOWN }],
      });
      const text = cardText(renderTopicDecisionCard(view, de));
      assert.ok(!text.includes(MARKDOWN), text);
      assert.equal(text.split(ESCAPED).length - 1, 6);
    });
  });
});
