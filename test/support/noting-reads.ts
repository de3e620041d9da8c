import type { DocumentStore } from '../../src/app/ports/document-store';

/**
 * The store, with the id of every point read that reaches it noted in `reads`: a test shows by
 * it which documents a request read (and that a large one was left unread), not only what it
 * answered.
 */
export function notingReads(store: DocumentStore, reads: string[]): DocumentStore {
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'get')
        return (committeeId: string, id: string) => {
          reads.push(id);
          return target.get(committeeId, id);
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
