import assert from 'node:assert/strict';
import { renderActionItemCard } from '../../src/cards/action-item-card';
import { renderMinutesItemCard } from '../../src/cards/minutes-item-card';
import { renderTopicDecisionCard } from '../../src/cards/topic-decision-card';
import { VERBS } from '../../src/cards/verbs';
import { translator } from '../../src/i18n/translator';
import { cardText } from '../support/bot-harness';
import { sampleActionItemView } from './action-card-fixtures';
import { sampleDecisionForm } from './agenda-triage-card-fixtures';
import { buttonTitles } from './card-readability';

const de = translator('de');
type Element = Record<string, unknown>;

/** The body's elements in the order a reader meets them, nested ones included. */
function flat(card: unknown): Element[] {
  const found: Element[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Element;
    if (typeof element.type === 'string') found.push(element);
    for (const key of ['items', 'columns', 'body']) visit(element[key]);
  };
  visit((card as { body?: unknown }).body);
  return found;
}

/** The text that follows the input with the id, or undefined when something else does. */
function textAfter(card: unknown, id: string): string | undefined {
  const elements = flat(card);
  const index = elements.findIndex((element) => element.id === id);
  const next = elements[index + 1];
  return index >= 0 && next?.type === 'TextBlock' ? String(next.text) : undefined;
}

describe('cards: each card offers only controls that work, and says what they do beside them', () => {
  it('describes merging on the decision card only where it offers the items to merge into, beside them', () => {
    const withTargets = renderTopicDecisionCard(sampleDecisionForm(), de);
    assert.ok(buttonTitles(withTargets).includes('Zusammenführen'));
    assert.match(textAfter(withTargets, 'mergeInto') ?? '', /„Zusammenführen“ ordnet die Themenanmeldung/);
    const none = renderTopicDecisionCard(sampleDecisionForm({ mergeTargets: [] }), de);
    assert.ok(!buttonTitles(none).includes('Zusammenführen'));
    assert.doesNotMatch(cardText(none), /Zusammenführen|zusammenführen/, 'no word of a control the card lacks');
    assert.match(textAfter(none, 'reason') ?? '', /„Ablehnen“ braucht eine Begründung/, 'beside its field');
  });

  it('names the button a note is needed for only where the action item card offers it', () => {
    const open = renderActionItemCard(sampleActionItemView({ status: 'open', canChange: true }), de);
    assert.ok(buttonTitles(open).includes('Hilfe anfordern'));
    assert.match(cardText(open), /Notiz \(für „Hilfe anfordern“ erforderlich/);
    const blocked = renderActionItemCard(sampleActionItemView({ status: 'blocked', canChange: true }), de);
    assert.ok(!buttonTitles(blocked).includes('Hilfe anfordern'));
    assert.doesNotMatch(cardText(blocked), /Hilfe anfordern/);
    assert.ok(
      JSON.stringify(blocked).includes(VERBS.actionStatus),
      'the blocked item can still be changed, with the other buttons',
    );
  });

  it('puts the minutes form’s hint on an empty institution into that field, not at the top', () => {
    const form = {
      view: {
        sessionId: 'session-2027-1',
        sessionNumber: '2027/1',
        version: 1,
      },
      item: { itemId: 'item-1', title: 'Sprachkurse', summary: '', result: '', agreements: [] },
      number: 2,
      people: [],
      correction: false,
    } as unknown as Parameters<typeof renderMinutesItemCard>[0];
    const card = renderMinutesItemCard(form, de);
    const institution = flat(card).find((element) => element.id === 'agreement_new_institution');
    assert.equal(institution?.placeholder, 'Leer lassen: Institution der verantwortlichen Person.');
    assert.equal(
      (cardText(card).match(/Institution der verantwortlichen Person/g) ?? []).length,
      0,
      'not as text far from the field',
    );
  });
});
