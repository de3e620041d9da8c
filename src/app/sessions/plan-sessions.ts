import { mayUse } from '../../domain/permissions';
import { fail, ok, type Result } from '../../domain/result';
import { planYear } from '../../domain/sessions/plan-year';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import type { Stored } from '../ports/document-store';
import { ConflictError } from '../ports/store-errors';
import { newSessionDocument, type SessionDocument } from './session-document';
import { scheduleSessionJobs } from './session-jobs';

export type PlanSessionsRefusal = { readonly kind: 'notAllowed' } | { readonly kind: 'noCommittee' } | { readonly kind: 'invalidYear'; readonly min: number; readonly max: number };

/** Planning reaches this far back and ahead of the current year. */
const YEARS_AROUND = { back: 1, ahead: 5 } as const;

/**
 * Creates the year's regular sessions as planning proposes them. Sessions that exist already are
 * kept as they are (the secretariat may have edited them), so planning twice creates nothing
 * twice, and two secretaries planning at once end with one set: each session is a create, and
 * a conflict means the other was faster.
 */
export async function planSessions(deps: AppDependencies, actor: Actor, yearInput: unknown): Promise<Result<{ readonly created: ReadonlyArray<Stored<SessionDocument>>; readonly existing: ReadonlyArray<Stored<SessionDocument>> }, PlanSessionsRefusal>> {
  if (!actor.committee) return fail({ kind: 'noCommittee' });
  if (!mayUse('planSessions', actor)) return fail({ kind: 'notAllowed' });
  const now = deps.clock.now().setZone(actor.committee.timeZone);
  const min = now.year - YEARS_AROUND.back;
  const max = now.year + YEARS_AROUND.ahead;
  const year = typeof yearInput === 'number' ? yearInput : typeof yearInput === 'string' && /^\d{4}$/.test(yearInput.trim()) ? Number(yearInput.trim()) : NaN;
  if (!Number.isInteger(year) || year < min || year > max) return fail({ kind: 'invalidYear', min, max });

  const nowIso = now.toUTC().toISO()!;
  const created: Array<Stored<SessionDocument>> = [];
  const existing: Array<Stored<SessionDocument>> = [];
  for (const planned of planYear(year, actor.committee)) {
    const document = newSessionDocument(actor.committeeId, planned, nowIso, actor.identity.aadObjectId);
    const id = document.id;
    try {
      const stored = await deps.store.create(document);
      await scheduleSessionJobs(deps, actor.committee, stored);
      created.push(stored);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const stored = await deps.store.get<SessionDocument>(actor.committeeId, id);
      if (!stored) continue;
      // Also repairs a schedule that a crash right after creating the session left out.
      await scheduleSessionJobs(deps, actor.committee, stored);
      existing.push(stored);
    }
  }
  return ok({ created, existing });
}
