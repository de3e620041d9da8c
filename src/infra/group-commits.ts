import type Database from 'better-sqlite3';

interface WaitingWrite {
  readonly write: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Commits the embedded store's writes in groups. Every commit waits for the disk (the store runs
 * `synchronous = FULL`, so a committed write survives a power cut), and better-sqlite3 waits on
 * the event loop: with one commit per write, thirty people answering at once queue behind thirty
 * disk flushes, and every other turn with them. So the writes asked for while the event loop is
 * busy are run together at its next turn, in the order they were asked for, in one IMMEDIATE
 * transaction and one flush.
 *
 * What stays as it was:
 * - each write is all or nothing on its own: it runs in a savepoint of the group's transaction, so
 *   a write that fails (an ETag that moved on, a conflict) is rolled back alone and rejects alone,
 *   while the others of the group commit;
 * - a write resolves only once its group is committed, so nothing is reported as saved before it
 *   is on disk; when the commit itself fails, every write of the group rejects with its error;
 * - each write sees everything written before it, in the group or earlier, as it would one by one.
 */
export class GroupCommits {
  private waiting: WaitingWrite[] = [];

  constructor(private readonly db: Database.Database) {}

  /** Runs `write` inside the next group's transaction; resolves with its result once committed. */
  write<R>(write: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (this.waiting.length === 1) setImmediate(() => this.commitNow());
    });
  }

  /** Commits the waiting writes at once (on close, so none is left behind). */
  commitNow(): void {
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    const outcomes: Array<
      { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown }
    > = [];
    try {
      this.db
        .transaction(() => {
          for (const { write } of group) {
            try {
              // A transaction inside a transaction is a savepoint: a throw rolls back this write only.
              outcomes.push({ ok: true, value: this.db.transaction(write)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const { reject } of group) reject(error);
      return;
    }
    group.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }
}
