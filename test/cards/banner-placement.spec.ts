import assert from 'node:assert/strict';
import { BANNER_COPY_MAX_BYTES, linesOf, TALL_CARD_LINES, withBannerBelow } from '../../src/cards/banner-placement';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderNoticeCard } from '../../src/cards/notice-card';
import { renderSetupCard } from '../../src/cards/setup-card';
import { renderTopicFormCard } from '../../src/cards/topic-form-card';
import { translator } from '../../src/i18n/translator';
import { sampleSetupView } from './card-fixtures';

const de = translator('de');
type Element = Record<string, unknown>;
const body = (card: AdaptiveCardJson) => card.body as Element[];
const texts = (element: Element | undefined) =>
  ((element?.items as Element[] | undefined) ?? []).map((item) => String(item.text));

describe('cards: the banner of a refusal or a problem is seen where the person clicked', () => {
  it('stands at the top and again at the bottom of a tall form, above its buttons', () => {
    const card = renderSetupCard(sampleSetupView(), de, {
      answers: { name: '', sessionLengthMinutes: 'zwanzig' },
      banner: { title: 'Bitte prüfen Sie Ihre Angaben', text: 'Es wurde nichts gespeichert.', lines: ['Name: fehlt'] },
    });
    const [first, last] = [body(card)[0], body(card).at(-1)];
    assert.ok(linesOf(body(card).slice(1)) > TALL_CARD_LINES, 'the set-up card is tall');
    assert.deepEqual(texts(last), texts(first));
    assert.deepEqual(texts(first), ['Bitte prüfen Sie Ihre Angaben', 'Es wurde nichts gespeichert.', '• Name: fehlt']);
    assert.equal(last?.style, 'attention');
  });

  it('stands at the bottom of the topic form that came back from a chat line, too', () => {
    const card = renderTopicFormCard({ kind: 'new' }, 'Europe/Berlin', de, {
      input: { kind: 'topic', title: 'T'.repeat(230), description: 'Beschreibung' },
      problems: [{ field: 'title', code: 'tooLong', max: 200 }],
    });
    assert.match(texts(body(card).at(-1)).join('\n'), /Bitte prüfen Sie Ihre Themenanmeldung[^]*Titel: höchstens 200/);
  });

  it('is not repeated on a short card, nor when it reports success', () => {
    const notice = renderNoticeCard({ style: 'attention', title: 'Nicht möglich', text: 'Warum', lines: [] });
    assert.equal(body(notice).length, 1);
    const tall = {
      type: 'AdaptiveCard',
      body: [
        { type: 'Container', style: 'good', bleed: true, items: [{ type: 'TextBlock', text: 'Gespeichert' }] },
        ...Array.from({ length: 30 }, () => ({ type: 'Input.Text', id: 'x' })),
      ],
    } as AdaptiveCardJson;
    assert.equal(body(withBannerBelow(tall)).length, 31);
    const refused = {
      ...tall,
      body: [{ ...body(tall)[0], style: 'warning' }, ...body(tall).slice(1)],
    } as AdaptiveCardJson;
    assert.equal(body(withBannerBelow(refused)).length, 32);
  });

  it('repeats a long list of problems by its title alone, the list staying on top', () => {
    const lines = Array.from({ length: 20 }, (_, index) => ({
      type: 'TextBlock',
      text: `• Problem ${index} `.repeat(4),
    }));
    const banner = {
      type: 'Container',
      style: 'attention',
      bleed: true,
      items: [{ type: 'TextBlock', text: 'Bitte prüfen Sie Ihre Angaben' }, ...lines],
    };
    assert.ok(Buffer.byteLength(JSON.stringify(banner)) > BANNER_COPY_MAX_BYTES);
    const card = withBannerBelow({
      type: 'AdaptiveCard',
      body: [banner, ...Array.from({ length: 30 }, () => ({ type: 'Input.Text', id: 'x' }))],
    } as AdaptiveCardJson);
    assert.deepEqual(texts(body(card).at(-1)), ['Bitte prüfen Sie Ihre Angaben']);
    assert.equal(texts(body(card)[0]).length, 21);
  });
});
