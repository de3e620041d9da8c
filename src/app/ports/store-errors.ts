/**
 * Errors of the document-store port. Adapters translate their engine's failures into these,
 * so use cases can react to a lost race (retry or tell the person) without knowing the engine.
 */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The document changed since it was read: its ETag no longer matches. */
export class ConcurrencyError extends StoreError {}

/** A document with that id already exists in the partition. */
export class ConflictError extends StoreError {}

/** No document with that id exists in the partition. */
export class NotFoundError extends StoreError {}

/** The request itself is invalid (bad field path, batch across partitions, too many operations). */
export class InvalidRequestError extends StoreError {}
