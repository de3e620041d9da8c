import { fail, ok, type Result } from '../domain/result';
import { ConcurrencyError, ConflictError } from './ports/store-errors';

/** Someone else wrote first: the card or request worked on a state that is gone. */
export interface Outdated {
  readonly kind: 'outdated';
}

/**
 * Runs one conditional write (a replace on the ETag that was read, or a batch of such replaces
 * and of creates of ids that must still be free) and answers what it stored, or `outdated` when
 * someone changed or created one of its documents first. The store refuses such a write whole
 * (a batch is atomic), so `outdated` means nothing of it was written: the caller shows the
 * current state, reads again and retries, or tells the person. Any other failure is an outage or
 * a bug and is thrown.
 */
export async function savedUnlessChanged<T>(write: () => Promise<T>): Promise<Result<T, Outdated>> {
  try {
    return ok(await write());
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof ConflictError) return fail({ kind: 'outdated' });
    throw error;
  }
}
