import { fail, ok, type Result } from '../result';

/** Where an action item stands. Only `done` ends it; `blocked` alerts the secretariat. */
export const ACTION_STATUSES = ['open', 'inProgress', 'blocked', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who asks for a change, as far as the rules care: the responsible person, the secretariat, or both. */
export interface ActionStanding {
  readonly responsible: boolean;
  readonly secretariat: boolean;
}

export type StatusChangeRefusal =
  /** Neither the responsible person nor the secretariat. */
  | 'notResponsible'
  /** Done items are final; only the secretariat reopens one. */
  | 'done'
  /** The item already has that status. */
  | 'unchanged'
  /** Not a status a person can set (tampered card data). */
  | 'invalidStatus'
  /** Asking for help says what is needed. */
  | 'noteRequired';

/** The statuses a person can set on a card: `open` is only where items start (and where a reopened item goes back to work). */
const SETTABLE: readonly ActionStatus[] = ['inProgress', 'blocked', 'done'];

/**
 * Whether a status change is allowed. Only the responsible person or the secretariat changes an
 * item. `done` is final for the responsible person, so that an item reported done at a session
 * cannot silently become open again; the secretariat may reopen it (to in progress), for
 * instance when the committee finds the work unfinished. Blocked needs a note saying what help
 * is needed, because the secretariat is alerted with it; done and in progress take an optional one.
 */
export function checkStatusChange(
  current: ActionStatus,
  requested: unknown,
  note: string | undefined,
  standing: ActionStanding,
): Result<ActionStatus, StatusChangeRefusal> {
  if (!standing.responsible && !standing.secretariat) return fail('notResponsible');
  if (typeof requested !== 'string' || !(SETTABLE as readonly string[]).includes(requested))
    return fail('invalidStatus');
  const target = requested as ActionStatus;
  if (current === 'done' && !(standing.secretariat && target === 'inProgress')) return fail('done');
  if (target === current) return fail('unchanged');
  if (target === 'blocked' && !note) return fail('noteRequired');
  return ok(target);
}

/** Whether the person may ask for a new due date: whoever may change the item, while it is not done. */
export function mayProposeDueDate(
  current: ActionStatus,
  standing: ActionStanding,
): Result<true, 'notResponsible' | 'done'> {
  if (!standing.responsible && !standing.secretariat) return fail('notResponsible');
  return current === 'done' ? fail('done') : ok(true);
}
