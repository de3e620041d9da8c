/**
 * Makes user text safe to show in a TextBlock or FactSet, which Teams renders as markdown.
 * Without this, a committee named `[Klicken](https://example.org)` would show a link, and
 * `**` or a leading `#` would restyle a card. Every markdown-significant character is
 * backslash-escaped, which CommonMark renderers show as the plain character.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#|~!]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}
