import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { loadRoster, rosterView, type RosterView } from './load-roster';

/** The roster names everyone in the committee, so only the secretariat sees it. */
export type RosterRefusal = { readonly kind: 'notAllowed' };

/** The roster card's content (`mitglieder`): seats, roles and people. Only for the secretariat. */
export async function openRoster({ store }: AppDependencies, actor: Actor): Promise<Result<RosterView, RosterRefusal>> {
  if (!mayUse('members', actor)) return fail({ kind: 'notAllowed' });
  return ok(rosterView(await loadRoster(store, actor.committeeId)));
}
