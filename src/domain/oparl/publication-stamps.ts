import { toUtcIso } from '../clock';
import { DateTime } from 'luxon';

/** What the interface remembers of an object it has published: its content's hash and its times. */
export interface PublishedState {
  readonly hash: string;
  readonly created: string;
  readonly modified: string;
  readonly deleted: boolean;
}

/** An object's times as the interface states them, and whether they are news. */
export interface Stamp {
  readonly created: string;
  readonly modified: string;
  /** `created`: first published; `changed`: its content changed or it came back; `unchanged`. */
  readonly change: 'created' | 'changed' | 'unchanged';
}

/**
 * The times of an object as published now. `created` is when it first appeared in the
 * interface and never changes; `modified` moves exactly when what a client would read changes
 * (its content's hash, which covers embedded objects and their times), or when it comes back
 * after a deletion, so a client that asks for what changed since its last visit misses nothing
 * and fetches nothing twice.
 */
export function stampFor(before: PublishedState | undefined, hash: string, nowIso: string): Stamp {
  if (!before) return { created: nowIso, modified: nowIso, change: 'created' };
  if (!before.deleted && before.hash === hash) {
    return { created: before.created, modified: before.modified, change: 'unchanged' };
  }
  return { created: before.created, modified: later(before.modified, nowIso), change: 'changed' };
}

/**
 * When a deletion is stated: now, and always after the object's last change, so that a client
 * which saw that change is told of the deletion.
 */
export function deletionTime(before: PublishedState, nowIso: string): string {
  return later(before.modified, nowIso);
}

/**
 * `nowIso`, or a millisecond after `previous` when a clock (another instance's) is behind it:
 * a change must never be dated at or before the one it follows.
 */
function later(previous: string, nowIso: string): string {
  if (nowIso > previous) return nowIso;
  return toUtcIso(DateTime.fromISO(previous, { zone: 'utc' }).plus({ milliseconds: 1 }));
}
