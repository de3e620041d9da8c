import type { Document, DocumentStore, Query, Stored } from './ports/document-store';

/** The documents of one query of several types, sorted apart by their `type`. */
export interface DocumentsByType<D extends Document> {
  /**
   * The documents of `type`, in the order the store answered them. Throws for a type the query
   * did not name: an empty list there would pass for "none stored" and hide the omission.
   */
  of<K extends D['type']>(type: K): Array<Stored<Extract<D, { readonly type: K }>>>;
}

/**
 * One query inside the committee for documents of several types (see `Query.type`), where a turn
 * needs them all and would otherwise send one query per type. `D` is the union of the documents'
 * shapes, told apart by their literal `type`. The conditions of `query` hold for every type, so
 * merge only reads whose conditions suit each type alike (none, most often).
 */
export async function queryByType<D extends Document>(
  store: DocumentStore,
  committeeId: string,
  query: Omit<Query, 'type'> & { readonly type: ReadonlyArray<D['type']> },
): Promise<DocumentsByType<D>> {
  const found = new Map<string, Array<Stored<D>>>(query.type.map((type) => [type, []]));
  for (const document of await store.query<D>(committeeId, query)) found.get(document.type)?.push(document);
  return {
    of: <K extends D['type']>(type: K) => {
      const documents = found.get(type);
      if (!documents) throw new Error(`The query did not read documents of type "${type}".`);
      return documents as Array<Stored<Extract<D, { readonly type: K }>>>;
    },
  };
}
