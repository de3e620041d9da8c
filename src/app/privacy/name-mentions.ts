import type { NameFinder } from '../../domain/name-finder';
import type { Document, DocumentStore, Stored } from '../ports/document-store';

/**
 * Where a person's name occurs in the stored records: the one walk over every free-text field
 * that erasure (replace), access (list) and retention (remove) share. Every string of a document
 * is free text to it, whatever the field is called, so a field added later is covered without
 * anyone remembering to; only fields that hold ids, keys, states, times or secrets are left
 * alone, since rewriting those would break the record (and no one writes a name into them).
 */
const NOT_WORDS = new RegExp(
  [
    '^(?:id|committeeId|type|key|field|status|state|kind|choice|answer|presence|operation|source|at|by|ttl)$',
    '(?:Id|Ids|At|On|Token|Date|Url)$',
  ].join('|'),
);

/** A field of a record that mentions the name, with the passage around each mention. */
export interface TextMention {
  /** Dotted path of the field inside the document, list positions as numbers: `items.2.summary`. */
  readonly path: string;
  readonly excerpt: string;
}

/** Texts up to this length are shown whole; longer ones as the passage around each mention. */
const WHOLE_TEXT_MAX = 200;
const EXCERPT_SIDE = 80;

/** Every free-text field of the document that mentions a name the finder looks for. */
export function mentionsIn(document: Document, finder: NameFinder): TextMention[] {
  const found: TextMention[] = [];
  const visit = (value: unknown, path: string, key: string): void => {
    if (typeof value === 'string') {
      if (NOT_WORDS.test(key)) return;
      for (const mention of finder.find(value)) {
        const start = Math.max(0, mention.index - EXCERPT_SIDE);
        const end = Math.min(value.length, mention.index + mention.text.length + EXCERPT_SIDE);
        const passage = `${start > 0 ? '…' : ''}${value.slice(start, end)}${end < value.length ? '…' : ''}`;
        const excerpt = value.length <= WHOLE_TEXT_MAX ? value : passage;
        if (!found.some((known) => known.path === path && known.excerpt === excerpt)) found.push({ path, excerpt });
      }
      return;
    }
    const below = (step: string | number) => (path ? `${path}.${step}` : String(step));
    if (Array.isArray(value)) value.forEach((inner, index) => visit(inner, below(index), key));
    else if (value && typeof value === 'object') {
      for (const [name, inner] of Object.entries(value)) visit(inner, below(name), name);
    }
  };
  visit(withoutSystemFields(document), '', '');
  return found;
}

/** The value with every mention in its free-text fields replaced; the same value when none is. */
export function withMentionsReplaced<T>(value: T, finder: NameFinder, replacement: string): T {
  const visit = (inner: unknown, key: string): unknown => {
    if (typeof inner === 'string') return NOT_WORDS.test(key) ? inner : finder.replaceIn(inner, replacement);
    if (Array.isArray(inner)) {
      const next = inner.map((item) => visit(item, key));
      return next.every((item, index) => item === inner[index]) ? inner : next;
    }
    if (inner && typeof inner === 'object') {
      const entries = Object.entries(inner);
      const next = entries.map(([name, item]) => [name, visit(item, name)] as const);
      return next.every(([, item], index) => item === entries[index]![1]) ? inner : Object.fromEntries(next);
    }
    return inner;
  };
  return visit(value, '') as T;
}

/** Every document of the partition of the given types, the audit trail included if it is listed. */
export async function partitionDocuments(
  store: DocumentStore,
  committeeId: string,
  types: readonly string[],
): Promise<Array<Stored<Document>>> {
  const found = await Promise.all(types.map((type) => store.query<Document>(committeeId, { type })));
  return found.flat();
}

function withoutSystemFields(document: Document): Document {
  const { _etag: _ignored, ...rest } = document as Stored<Document>;
  return rest;
}
