/**
 * Which agreements a session's agenda reports under "status of agreements": those made at
 * earlier sessions that are still open, and those closed since the start of the session before
 * this one. So an agreement done between two sessions is reported done at the next session
 * once, and not again at the one after; an agreement still open keeps coming back until done.
 */
export function reportedAtSession(
  agreement: { readonly madeAt: string; readonly status: string; readonly doneAt?: string },
  session: { readonly startsAt: string },
  previousSessionStartsAt: string | undefined,
): boolean {
  if (agreement.madeAt >= session.startsAt) return false;
  if (agreement.status !== 'done') return true;
  return previousSessionStartsAt === undefined || (agreement.doneAt !== undefined && agreement.doneAt >= previousSessionStartsAt);
}
