import assert from 'node:assert/strict';
import { canMove, ITEM_BUTTONS_MAX_ITEMS, renderAgendaCard } from '../../src/cards/agenda-card';
import { renderAgendaItemCard } from '../../src/cards/agenda-item-card';
import { renderPublishedAgendaCard } from '../../src/cards/agenda-published-card';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderInvitationCard } from '../../src/cards/invitation-card';
import { renderTopicDecisionCard } from '../../src/cards/topic-decision-card';
import { renderTopicsCard, TOPIC_TEXT_SHOWN } from '../../src/cards/topics-card';
import { VERBS } from '../../src/cards/verbs';
import type { AgendaItem } from '../../src/domain/agenda/agenda-items';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { sampleInvitation } from './session-card-fixtures';
import {
  largestTopicOverview,
  longestAgendaView,
  sampleAgendaMessage,
  sampleAgendaView,
  sampleDecisionForm,
  sampleTopicLine,
  sampleTopicOverview,
} from './agenda-triage-card-fixtures';

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
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Action.Execute')
      found.push(value as Action);
    return value;
  });
  return found;
}

/** Every input id of a card. */
function inputIds(card: AdaptiveCardJson): string[] {
  const ids: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && String((value as { type?: unknown }).type).startsWith('Input.'))
      ids.push(String((value as { id?: unknown }).id));
    return value;
  });
  return ids;
}

function findInput(card: AdaptiveCardJson, id: string): Record<string, unknown> | undefined {
  let input: Record<string, unknown> | undefined;
  JSON.stringify(card, (_key, value: unknown) => {
    if (
      value &&
      typeof value === 'object' &&
      String((value as { type?: unknown }).type).startsWith('Input.') &&
      (value as { id?: unknown }).id === id
    )
      input = value as Record<string, unknown>;
    return value;
  });
  return input;
}

function warningTexts(card: AdaptiveCardJson): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (
      value &&
      typeof value === 'object' &&
      (value as { style?: unknown }).style === 'warning' &&
      (value as { type?: unknown }).type === 'Container'
    )
      texts.push(cardText(value as Record<string, unknown>));
    return value;
  });
  return texts;
}

const MARKDOWN = '**x** [a](b)';
const ESCAPED = '\\*\\*x\\*\\* \\[a\\]\\(b\\)';

describe('cards/agenda and triage cards', () => {
  describe('topics', () => {
    it('offers the decision only for submissions still waiting for one', () => {
      const view = sampleTopicOverview();
      const decide = actions(renderTopicsCard(view, de)).filter((action) => action.data.verb === VERBS.topicDecideForm);
      assert.deepEqual(
        decide.map((action) => action.data.submissionId),
        view.lines.filter((line) => line.status === 'submitted').map((line) => line.id),
      );
      assert.ok(decide.every((action) => action.title === 'Entscheiden'));
      assert.ok(
        view.lines.some((line) => line.status !== 'submitted'),
        'the sample has decided lines',
      );
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
      assert.deepEqual(
        actions(card)
          .filter((action) => action.data.verb !== VERBS.topicDecideForm)
          .map((action) => action.data),
        [{ sessionId: 'session-2027-1', verb: VERBS.agendaOpen }],
      );
      assert.match(
        cardText(renderTopicsCard(sampleTopicOverview({ lines: [], undecided: 0, total: 0 }), de)),
        /Noch keine Themen angemeldet\./,
      );
    });

    it('pages with previous and next only where there is a page', () => {
      const paging = (page: number) =>
        actions(renderTopicsCard({ ...sampleTopicOverview(), page, pageCount: 3 }, de))
          .filter((action) => action.data.verb === VERBS.topicsOpen)
          .map((action) => [action.title, action.data.page]);
      assert.deepEqual(paging(1), [['Nächste Seite', 2]]);
      assert.deepEqual(paging(2), [
        ['Vorherige Seite', 1],
        ['Nächste Seite', 3],
      ]);
      assert.deepEqual(paging(3), [['Vorherige Seite', 2]]);
      assert.match(
        cardText(renderTopicsCard({ ...sampleTopicOverview(), page: 2, pageCount: 3 }, de)),
        /Seite 2 von 3/,
      );
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
      const line = sampleTopicLine({
        personName: MARKDOWN,
        content: {
          kind: 'topic',
          title: MARKDOWN,
          description: MARKDOWN,
          institution: MARKDOWN,
          link: `https://example.org/${MARKDOWN}`,
        },
      });
      const declined = sampleTopicLine({
        id: 'topic-2',
        status: 'declined',
        decision: { type: 'decline', by: 's', at: '2027-01-20T10:00:00.000Z', reason: MARKDOWN },
      });
      const text = cardText(renderTopicsCard(sampleTopicOverview({ lines: [line, declined] }), de));
      assert.ok(!text.includes(MARKDOWN), text);
      assert.equal(text.split(ESCAPED).length - 1, 6);
    });
  });

  describe('topic decision', () => {
    it('names the following session on the defer button, and has none without one', () => {
      const withFollowing = actions(
        renderTopicDecisionCard(sampleDecisionForm({ followingSessionNumber: '2027/2' }), de),
      );
      const defer = withFollowing.filter((action) => action.data.decision === 'defer');
      assert.deepEqual(
        defer.map((action) => action.title),
        ['Auf 2027/2 verschieben'],
      );
      assert.deepEqual(defer[0]!.data, {
        submissionId: sampleTopicLine().id,
        revision: 1,
        decision: 'defer',
        verb: VERBS.topicDecide,
      });
      assert.equal(
        actions(renderTopicDecisionCard(sampleDecisionForm({ followingSessionNumber: '2027/2' }), en)).find(
          (action) => action.data.decision === 'defer',
        )?.title,
        'Defer to 2027/2',
      );
      const withoutFollowing = actions(
        renderTopicDecisionCard(sampleDecisionForm({ followingSessionNumber: undefined }), de),
      );
      assert.deepEqual(
        withoutFollowing.map((action) => action.data.decision ?? action.data.verb),
        ['accept', 'merge', 'decline', VERBS.topicsOpen],
      );
    });

    it('offers merging only when there is an item to merge into', () => {
      const card = renderTopicDecisionCard(sampleDecisionForm({ mergeTargets: [] }), de);
      assert.ok(!actions(card).some((action) => action.data.decision === 'merge'));
      assert.deepEqual(inputIds(card), ['presenter', 'minutes', 'kind', 'reason']);
      assert.deepEqual(inputIds(renderTopicDecisionCard(sampleDecisionForm(), de)), [
        'presenter',
        'minutes',
        'kind',
        'mergeInto',
        'reason',
      ]);
    });

    it('starts with the desired minutes and the kind the submission suggests, and goes back without the inputs', () => {
      const view = sampleDecisionForm();
      const card = renderTopicDecisionCard(view, de);
      assert.equal(findInput(card, 'minutes')!.value, '30');
      assert.equal(findInput(card, 'kind')!.value, 'discussion');
      const practice = {
        ...view,
        submission: { ...view.submission, content: { kind: 'practice' as const, title: 'P', description: '' } },
      };
      assert.equal(findInput(renderTopicDecisionCard(practice, de), 'minutes')!.value, '15');
      assert.equal(findInput(renderTopicDecisionCard(practice, de), 'kind')!.value, 'information');
      const back = actions(card).find((action) => action.data.verb === VERBS.topicsOpen)!;
      assert.equal(back.associatedInputs, 'none');
      assert.deepEqual(back.data, { sessionId: 'session-2027-1', verb: VERBS.topicsOpen });
    });

    it('keeps what was typed and lists the problems', () => {
      const card = renderTopicDecisionCard(sampleDecisionForm(), de, {
        input: {
          decision: 'decline',
          presenter: 'Frau Albers',
          minutes: '25',
          kind: 'decision',
          mergeInto: 'report-ag-anerkennung',
          reason: 'R'.repeat(5000),
        },
        problems: [
          { field: 'reason', code: 'tooLong', max: 1000 },
          { field: 'minutes', code: 'outOfRange', min: 1, max: 240 },
        ],
      });
      assert.equal(findInput(card, 'presenter')!.value, 'Frau Albers');
      assert.equal(findInput(card, 'minutes')!.value, '25');
      assert.equal(findInput(card, 'kind')!.value, 'decision');
      assert.equal(findInput(card, 'mergeInto')!.value, 'report-ag-anerkennung');
      // Five times the limit cannot be shown again; the problem says so, with the length typed.
      assert.equal(findInput(card, 'reason')!.value, '');
      const text = cardText(card);
      assert.match(text, /Bitte prüfen Sie Ihre Angaben/);
      assert.match(
        text,
        /• Begründung \(bei Ablehnung\): Höchstens 1000 Zeichen\. Ihr Text hatte 5000 Zeichen und ist zu lang, um ihn hier wieder anzuzeigen/,
      );
      assert.match(text, /• Dauer in Minuten: Bitte eine Zahl von 1 bis 240 angeben\./);
    });

    it('escapes the submission and the items to merge into', () => {
      const view = sampleDecisionForm({
        submission: sampleTopicLine({
          personName: MARKDOWN,
          content: { kind: 'need', title: MARKDOWN, description: MARKDOWN, institution: MARKDOWN, link: MARKDOWN },
        }),
        mergeTargets: [{ id: 'item-1', title: MARKDOWN }],
      });
      const text = cardText(renderTopicDecisionCard(view, de));
      assert.ok(!text.includes(MARKDOWN), text);
      assert.equal(text.split(ESCAPED).length - 1, 6);
    });
  });

  describe('agenda builder', () => {
    const moves = (card: AdaptiveCardJson, direction: 'up' | 'down') =>
      actions(card)
        .filter((action) => action.data.verb === VERBS.agendaMove && action.data.direction === direction)
        .map((action) => action.data.itemId);

    it('offers moving up from the second movable item on, and down up to the last movable one', () => {
      const view = sampleAgendaView();
      const card = renderAgendaCard(view, de);
      const ids = view.items.map((item) => item.id);
      // opening, agreements (first movable), three topics, a report, any other business.
      assert.deepEqual(moves(card, 'up'), ids.slice(2, 6));
      assert.deepEqual(moves(card, 'down'), ids.slice(1, 5));
      assert.ok(!moves(card, 'up').includes('agreements'));
      assert.ok(moves(card, 'up').includes(ids[2]));
      const edits = actions(card).filter(
        (action) => action.data.verb === VERBS.agendaItemForm && action.data.itemId !== undefined,
      );
      assert.deepEqual(
        edits.map((action) => action.data.itemId),
        ids,
      );
      assert.deepEqual(
        actions(card).find((action) => action.data.itemId === ids[3] && action.data.direction === 'up')!.data,
        { sessionId: 'session-2027-1', revision: 7, itemId: ids[3], direction: 'up', verb: VERBS.agendaMove },
      );
    });

    it('decides movability as the domain does: fixed items stay, nothing passes them', () => {
      const item = (id: string, origin: AgendaItem['origin']): AgendaItem => ({
        id,
        title: id,
        kind: 'information',
        minutes: 5,
        origin,
        submissionIds: [],
      });
      const items = [
        item('opening', { type: 'standard', standard: 'opening' }),
        item('a', { type: 'topic' }),
        item('b', { type: 'topic' }),
        item('other', { type: 'standard', standard: 'other' }),
      ];
      assert.deepEqual(
        items.map((_, index) => [canMove(items, index, 'up'), canMove(items, index, 'down')]),
        [
          [false, false],
          [false, true],
          [true, false],
          [false, false],
        ],
      );
    });

    it('warns only when the agenda runs over the session, and says when it runs over three hours', () => {
      const view = sampleAgendaView();
      assert.equal(view.totalMinutes, 155);
      assert.match(cardText(renderAgendaCard(view, de)), /Gesamtdauer: 2 Std\. 35 Min\. von 3 Std\./);
      assert.deepEqual(warningTexts(renderAgendaCard(view, de)), []);
      assert.deepEqual(warningTexts(renderAgendaCard({ ...view, totalMinutes: 180 }, de)), []);
      assert.deepEqual(warningTexts(renderAgendaCard({ ...view, totalMinutes: 181 }, de)), [
        'Die Tagesordnung ist 1 Min. länger als die Sitzung.\nSie umfasst mehr als drei Stunden.',
      ]);
      assert.deepEqual(warningTexts(renderAgendaCard({ ...view, sessionMinutes: 120 }, de)), [
        'Die Tagesordnung ist 35 Min. länger als die Sitzung.',
      ]);
      assert.deepEqual(warningTexts(renderAgendaCard({ ...view, totalMinutes: 200, sessionMinutes: 240 }, de)), []);
      assert.match(
        cardText(renderAgendaCard({ ...view, totalMinutes: 240, sessionMinutes: 120 }, en)),
        /Total duration: 4 h of 2 h/,
      );
    });

    it('shows what is published and what is not yet', () => {
      const view = sampleAgendaView();
      const text = cardText(renderAgendaCard(view, de));
      assert.match(text, /Veröffentlicht: Fassung 2 am Donnerstag, 28\. Januar 2027, 09:00 Uhr/);
      assert.match(text, /Änderungen seit der letzten Fassung sind noch nicht veröffentlicht\./);
      assert.match(text, /Versand fällig: Donnerstag, 28\. Januar 2027, 08:00 Uhr/);
      assert.match(
        text,
        /\*\*TOP 3\*\* Sprachkurse für Auszubildende \(30 Min\. · Beratung · Sabine Hoffmann \\\(Jobcenter\\\)\)/,
      );
      const draft = cardText(renderAgendaCard({ ...view, published: undefined }, de));
      assert.match(draft, /Noch nicht veröffentlicht/);
      assert.doesNotMatch(draft, /Änderungen seit/);
      const current = renderAgendaCard({ ...view, unpublished: false }, de);
      assert.doesNotMatch(cardText(current), /Änderungen seit/);
      assert.ok(!actions(current).some((action) => action.data.verb === VERBS.agendaPublish), 'nothing new to publish');
    });

    it('offers adding, publishing and the topics while the agenda can change, and nothing after', () => {
      const bottom = (card: AdaptiveCardJson) =>
        ((card as { actions?: Action[] }).actions ?? []).map((action) => [action.data.verb, action.associatedInputs]);
      assert.deepEqual(bottom(renderAgendaCard(sampleAgendaView(), de)), [
        [VERBS.agendaItemForm, 'none'],
        [VERBS.agendaPublish, 'none'],
        [VERBS.topicsOpen, 'none'],
      ]);
      const held = renderAgendaCard(sampleAgendaView({ editable: false }), de);
      assert.deepEqual(actions(held), []);
      assert.match(cardText(held), /kann nicht mehr geändert werden/);
    });

    it('gives long agendas one item picker instead of buttons on every item', () => {
      assert.ok(
        actions(renderAgendaCard(longestAgendaView(ITEM_BUTTONS_MAX_ITEMS), de)).some(
          (action) => action.data.itemId !== undefined,
        ),
      );
      const card = renderAgendaCard(longestAgendaView(ITEM_BUTTONS_MAX_ITEMS + 1), de);
      assert.deepEqual(inputIds(card), ['itemId']);
      assert.equal(findInput(card, 'itemId')!.value, 'agreements');
      assert.ok(!actions(card).some((action) => action.data.itemId !== undefined));
      const picked = actions(card).filter((action) => action.associatedInputs !== 'none');
      assert.deepEqual(
        picked.map((action) => [action.data.verb, action.data.direction]),
        [
          [VERBS.agendaMove, 'up'],
          [VERBS.agendaMove, 'down'],
          [VERBS.agendaItemForm, undefined],
        ],
      );
    });

    it('escapes titles and presenters', () => {
      const view = sampleAgendaView();
      const items = view.items.map((item, index) =>
        index === 2 ? { ...item, title: MARKDOWN, presenter: MARKDOWN } : item,
      );
      const text = cardText(renderAgendaCard({ ...view, items }, de));
      assert.ok(!text.includes(MARKDOWN), text);
      assert.equal(text.split(ESCAPED).length - 1, 2);
    });
  });

  describe('agenda item form', () => {
    it("asks for the title of the secretariat's own items only", () => {
      const view = sampleAgendaView();
      assert.deepEqual(inputIds(renderAgendaItemCard(view, undefined, de)), ['title', 'presenter', 'minutes', 'kind']);
      assert.deepEqual(inputIds(renderAgendaItemCard(view, view.items[2], de)), [
        'title',
        'presenter',
        'minutes',
        'kind',
      ]);
      const opening = renderAgendaItemCard(view, view.items[0], de);
      assert.deepEqual(inputIds(opening), ['presenter', 'minutes', 'kind']);
      assert.match(cardText(opening), /TOP 1 bearbeiten – Sitzung 2027\/1\nTitel: Eröffnung/);
      assert.match(cardText(renderAgendaItemCard(view, view.items[5], de)), /Titel: Bericht: AG Anerkennung/);
    });

    it('saves onto the revision shown and goes back without the inputs', () => {
      const view = sampleAgendaView();
      const [save, back] = actions(renderAgendaItemCard(view, view.items[2], de));
      assert.deepEqual(save!.data, {
        sessionId: 'session-2027-1',
        revision: 7,
        itemId: view.items[2]!.id,
        verb: VERBS.agendaItemSave,
      });
      assert.deepEqual(back!.data, { sessionId: 'session-2027-1', verb: VERBS.agendaOpen });
      assert.equal(back!.associatedInputs, 'none');
      assert.equal(actions(renderAgendaItemCard(view, undefined, de))[0]!.data.itemId, '');
    });

    it('fills in the item, or keeps what was typed and lists the problems', () => {
      const view = sampleAgendaView();
      const item = view.items[4]!;
      const card = renderAgendaItemCard(view, item, de);
      assert.deepEqual(
        ['title', 'presenter', 'minutes', 'kind'].map((id) => findInput(card, id)!.value),
        [item.title, item.presenter, String(item.minutes), item.kind],
      );
      const retried = renderAgendaItemCard(view, item, de, {
        input: { title: '', presenter: MARKDOWN, minutes: 'viele', kind: 'x' },
        problems: [
          { field: 'title', code: 'required' },
          { field: 'minutes', code: 'invalid' },
        ],
      });
      assert.deepEqual(
        ['title', 'presenter', 'minutes', 'kind'].map((id) => findInput(retried, id)!.value),
        ['', MARKDOWN, 'viele', item.kind],
      );
      assert.match(
        cardText(retried),
        /• Titel: Bitte ausfüllen\.\n• Dauer in Minuten: Bitte eine ganze Zahl in Ziffern angeben, z\. B\. 15\./,
      );
    });
  });

  describe('published agenda', () => {
    it('marks new and changed items and lists the dropped ones', () => {
      const base = sampleAgendaMessage();
      const items = base.agenda.items.map((item, index) =>
        index === 2
          ? { ...item, change: 'changed' as const }
          : index === 3
            ? { ...item, change: 'new' as const }
            : item,
      );
      const dropped: AgendaItem = {
        id: 'item-x',
        title: 'Wohnungsmarkt [a](b)',
        kind: 'discussion',
        minutes: 20,
        origin: { type: 'topic' },
        submissionIds: [],
      };
      const text = cardText(
        renderPublishedAgendaCard({ ...base, agenda: { ...base.agenda, version: 3, items, removed: [dropped] } }, de),
      );
      assert.match(text, /Tagesordnung – Sitzung 2027\/1 \(Fassung 3\)/);
      assert.match(text, /Geändert: Neue und geänderte Punkte sind markiert\./);
      assert.match(text, /\*\*TOP 3\*\* Sprachkurse für Auszubildende \(.*\) \*\*geändert\*\*/);
      assert.match(text, /\*\*TOP 4\*\* Erfahrungen mit Jobbörsen \(.*\) \*\*neu\*\*/);
      assert.doesNotMatch(text, /\*\*TOP 5\*\*.*\*\*(neu|geändert)\*\*/);
      assert.match(text, /Entfallen:\n• Wohnungsmarkt \\\[a\\\]\\\(b\\\)/);
    });

    it('shows the first version without change marks, and only the place and link that are set', () => {
      const card = renderPublishedAgendaCard(
        sampleAgendaMessage({ onlineLink: undefined, committeeName: MARKDOWN }),
        de,
      );
      const text = cardText(card);
      assert.doesNotMatch(text, /Geändert|Entfallen/);
      assert.match(text, /Ort\nNeues Rathaus, Raum 259/);
      assert.doesNotMatch(text, /Online-Teilnahme/);
      assert.ok(text.startsWith(ESCAPED), text);
      assert.deepEqual(actions(card), []);
    });
  });
});

describe('cards/invitation-card: the agenda on the invitation', () => {
  const de = translator('de');
  const item = (
    id: string,
    title: string,
    change?: 'new' | 'changed',
  ): AgendaItem & { change?: 'new' | 'changed' } => ({
    id,
    title,
    kind: 'discussion',
    minutes: 20,
    origin: { type: 'topic' },
    submissionIds: [],
    ...(change ? { change } : {}),
  });

  it('names the version, marks new items and lists what the version dropped', () => {
    const agenda = {
      version: 2,
      publishedAt: '2027-01-28T08:00:00.000Z',
      items: [item('a', 'Ausbildungsabbrüche'), item('b', 'Kinderbetreuung', 'new')],
      removed: [item('c', 'Wohnungssuche')],
    };
    const text = cardText(renderInvitationCard(sampleInvitation({ agenda }), de));
    assert.match(text, /Tagesordnung \(Fassung 2\)/);
    assert.match(text, /TOP 2\*\* Kinderbetreuung \(20 Min\. · Beratung\) \*\*neu\*\*/);
    assert.match(text, /Entfallen: Wohnungssuche/);
  });

  it('says the agenda follows until one is published', () => {
    const { agenda: _none, ...view } = sampleInvitation();
    assert.match(cardText(renderInvitationCard(view, de)), /Die Tagesordnung folgt/);
  });
});
