import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

/** The project's root folder, where README.md and docs/ live. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** A Markdown document of the project: where it is and what it says. */
export interface MarkdownDocument {
  /** Path from the project root, with forward slashes (`docs/security.md`). */
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** README.md and every Markdown file directly in docs/: the documentation readers are sent to. */
export function documentation(): MarkdownDocument[] {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs].map((name) => {
    const file = path.join(ROOT, name);
    return { name, file, text: readFileSync(file, 'utf8') };
  });
}

const markdown = new MarkdownIt({ html: true });

type Token = ReturnType<typeof markdown.parse>[number];

/** The document's tokens as markdown-it reads it, inline children included. */
function tokensOf(text: string): Token[] {
  return markdown.parse(text, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** Where a link or image points, as written. */
export interface Reference {
  readonly kind: 'link' | 'image';
  readonly target: string;
}

/** Every link and image of the document, in the order they appear. */
export function referencesOf(text: string): Reference[] {
  return tokensOf(text).flatMap((token): Reference[] => {
    if (token.type === 'link_open') return [{ kind: 'link', target: String(token.attrGet('href') ?? '') }];
    if (token.type === 'image') return [{ kind: 'image', target: String(token.attrGet('src') ?? '') }];
    return [];
  });
}

/**
 * The anchors GitHub gives the document's headings: the heading's text in lower case, without
 * punctuation and symbols (letters, digits, `_`, `-` and spaces stay), each space a hyphen, and
 * `-1`, `-2`, … for a repeated heading.
 */
export function anchorsOf(text: string): Set<string> {
  const tokens = markdown.parse(text, {});
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const words = (tokens[index + 1]?.children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline')
      .map((child) => child.content)
      .join('');
    const base = words
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  });
  return anchors;
}

/**
 * The prose a reader sees: the text of paragraphs, headings, lists and tables, without code
 * (commands, file names and typed input are quoted as code) and without HTML comments.
 */
export function proseOf(text: string): string {
  return tokensOf(text)
    .filter((token) => token.type === 'text')
    .map((token) => token.content)
    .join('\n');
}

/** Raw HTML in the document: tags a renderer shows as markup or drops, and comments. */
export function htmlOf(text: string): string[] {
  return tokensOf(text)
    .filter((token) => token.type === 'html_inline' || token.type === 'html_block')
    .map((token) => token.content.trim());
}
