import type { OparlKind } from '../../domain/oparl/oparl-paths';
import type { MinutesPrint } from '../minutes/minutes-print';
import type { Document } from '../ports/document-store';

/** The document type of the published record's entries. */
export const PUBLISHED_OBJECT_TYPE = 'oparlObject';

/** What a public file holds, so that its bytes can be served exactly as they were measured. */
export type PublishedFileContent =
  | { readonly kind: 'text'; readonly mimeType: 'text/plain'; readonly text: string }
  /**
   * The public extract of approved minutes, laid out by the minutes' PDF renderer (and its
   * cache) whenever asked for; the same print and language give the same bytes. `printHash`
   * covers both and says when the file must be measured again.
   */
  | { readonly kind: 'pdf'; readonly print: MinutesPrint; readonly printHash: string };

/**
 * One object of a committee's OParl record as the interface serves it, kept in the committee's
 * partition: the record a client reads, with the times the interface states for it. Written by
 * the refresh only (`refreshPublication`), never in a person's turn, and read by the interface
 * alone, so that nothing reaches the public except what the mapping made public.
 *
 * An object that is no longer public (a seat removed, publication switched off) stays as a
 * deletion: address, times and `deleted`, nothing else; clients that ask what changed learn of it.
 */
export interface PublishedObjectDocument extends Document {
  readonly type: 'oparlObject';
  readonly kind: OparlKind;
  /** The object's address below `/oparl/v1/`. */
  readonly path: string;
  /** SHA-256 of the object as served, without its own times; empty once deleted. */
  readonly hash: string;
  readonly created: string;
  readonly modified: string;
  readonly deleted: boolean;
  /** The key lists are sorted and paged by (see `listOrderOf`). */
  readonly order: string;
  /** The object as served, its times included; absent once deleted. */
  readonly object?: Readonly<Record<string, unknown>>;
  /** A file's content; absent for other objects and once deleted. */
  readonly content?: PublishedFileContent;
}
