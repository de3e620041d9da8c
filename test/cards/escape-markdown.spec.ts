import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown } from '../../src/cards/escape-markdown';
import { renderCommitteeCard } from '../../src/cards/committee-card';
import { translator } from '../../src/i18n/translator';
import { sampleCommittee } from './card-fixtures';

const markdown = new MarkdownIt({ linkify: false });

/** The text a reader sees of rendered markdown. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

describe('cards/escape-markdown', () => {
  const attacks = [
    '[Jetzt anmelden](https://phish.example)',
    '**fett** und _kursiv_',
    '`code`',
    '# Überschrift',
    '- Liste\n+ Liste\n1. Liste',
    '<at>Alle</at>',
    '![Bild](https://tracker.example/pixel.png)',
    '<https://autolink.example>',
    '~~durch~~',
  ];

  for (const attack of attacks) {
    it(`shows ${JSON.stringify(attack)} as plain text`, () => {
      const html = markdown.render(escapeMarkdown(attack));
      assert.doesNotMatch(html, /<(a|strong|em|code|h1|ul|ol|li|img|s)\b/, html);
      assert.equal(visibleText(html), attack);
    });
  }

  it('keeps ordinary German text readable', () => {
    const text = 'Agentur für Arbeit Leipzig, Referat 5.2 – „Integration“';
    assert.equal(markdown.render(escapeMarkdown(text)).trim(), `<p>${text}</p>`);
  });

  it('is applied to user text in cards, and template expressions in user text stay text', () => {
    const card = renderCommitteeCard(
      sampleCommittee({
        name: '[Klick](https://x.example) ${labels.save}',
        shortName: '"}]}, {"type":"Action.OpenUrl"',
      }),
      { canEdit: false },
      translator('de'),
    );
    const json = JSON.stringify(card);
    assert.ok(json.includes('\\\\[Klick\\\\]\\\\(https://x.example\\\\) $\\\\{labels.save\\\\}'), json);
    assert.doesNotMatch(json, /"type":"Action\.OpenUrl"/);
    assert.equal((card.body as unknown[]).length, 3, 'name, facts and revision line: nothing injected');
  });
});
