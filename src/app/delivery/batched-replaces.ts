import { MAX_BATCH_OPERATIONS, type Document, type DocumentStore, type Stored } from '../ports/document-store';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';

interface Waiting {
  readonly document: Document;
  readonly ifMatch: string;
  readonly resolve: (stored: Stored<Document>) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Conditional replaces (`DocumentStore.replace` with an ETag) that are written together: those
 * asked for in the same turn of the event loop go into one transactional batch per committee.
 * When Teams answers a burst of sends, settling each record costs one commit (one wait for the
 * disk or one round trip) instead of one per record, and the answers behind it are not held up;
 * nothing waits longer than that turn. When one document of a batch has moved on, the batch
 * writes nothing and each is replaced alone, so each caller gets its own answer or error.
 */
export class BatchedReplaces {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly store: DocumentStore,
    /** Runs the write after the current turn's callbacks; setImmediate unless a test passes another. */
    private readonly defer: (write: () => void) => void = (write) => setImmediate(write),
  ) {}

  replace<T extends Document>(document: T, ifMatch: string): Promise<Stored<T>> {
    return new Promise<Stored<T>>((resolve, reject) => {
      this.waiting.push({ document, ifMatch, resolve: resolve as (stored: Stored<Document>) => void, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      this.defer(() => void this.write());
    });
  }

  private async write(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    const byCommittee = new Map<string, Waiting[]>();
    for (const each of waiting)
      byCommittee.set(each.document.committeeId, [...(byCommittee.get(each.document.committeeId) ?? []), each]);
    for (const [committeeId, ofCommittee] of byCommittee)
      for (let start = 0; start < ofCommittee.length; start += MAX_BATCH_OPERATIONS)
        await this.writeTogether(committeeId, ofCommittee.slice(start, start + MAX_BATCH_OPERATIONS));
  }

  private async writeTogether(committeeId: string, chunk: readonly Waiting[]): Promise<void> {
    if (chunk.length > 1) {
      try {
        const written = await this.store.batch(
          committeeId,
          chunk.map(({ document, ifMatch }) => ({ op: 'replace' as const, document, ifMatch })),
        );
        chunk.forEach((each, index) => each.resolve(written[index]!));
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError || error instanceof NotFoundError)) {
          for (const each of chunk) each.reject(error);
          return;
        }
      }
    }
    for (const each of chunk) {
      try {
        each.resolve(await this.store.replace(each.document, each.ifMatch));
      } catch (error) {
        each.reject(error);
      }
    }
  }
}
