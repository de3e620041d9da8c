/**
 * Which agreements a session's agenda reports under "status of agreements": those made at
 * earlier sessions that are still open, and those closed since the start of the session before
 * this one or made at that session. So an agreement done between two sessions is reported done
 * at the next session once, and not again at the one after; an agreement still open keeps coming
 * back until done. One made at the session before is always reported, even when it was done
 * before that session's minutes were approved, or before its recorded start time.
 */
export function reportedAtSession(
  agreement: { readonly madeAt: string; readonly status: string; readonly doneAt?: string },
  session: { readonly startsAt: string },
  previousSessionStartsAt: string | undefined,
): boolean {
  if (agreement.madeAt >= session.startsAt) return false;
  if (agreement.status !== 'done') return true;
  if (previousSessionStartsAt === undefined || agreement.madeAt >= previousSessionStartsAt) return true;
  return agreement.doneAt !== undefined && agreement.doneAt >= previousSessionStartsAt;
}
