import type { LeadTimes } from '../committee';
import { sessionDeadlines } from '../scheduling/session-deadlines';
import { takesTopics, type SessionState } from '../sessions/session-state';

/** A session as far as topic submission cares. */
export interface SessionForTopics {
  readonly id: string;
  readonly startsAt: string;
  readonly state: SessionState;
}

/**
 * The end of the topic deadline's day (midnight, committee time) as a UTC instant. A submission
 * at this instant or later is late: "until 21 days before" means up to the end of that day.
 */
export function topicDeadline(sessionStartsAt: string, leadTimes: LeadTimes, timeZone: string): string {
  return sessionDeadlines(sessionStartsAt, leadTimes, timeZone).find((deadline) => deadline.kind === 'topicDeadline')!
    .dueAt;
}

/** Whether a submission made at `nowIso` reaches the session's agenda. */
export function takesTopicsAt(
  session: SessionForTopics,
  nowIso: string,
  leadTimes: LeadTimes,
  timeZone: string,
): boolean {
  return (
    takesTopics(session.state) &&
    session.startsAt > nowIso &&
    nowIso < topicDeadline(session.startsAt, leadTimes, timeZone)
  );
}

/** Where a submission goes: the session it is for, and the one it missed, if it was late. */
export interface SubmissionTarget<S extends SessionForTopics> {
  readonly session?: S;
  readonly missed?: S;
}

/**
 * The session a submission made now is for. It is the one asked for (a call-for-topics card
 * names it) or else the next one ahead. When that one's deadline has passed, the submission is
 * offered for the following session that still takes topics, and `missed` says which one it
 * missed, so the submitter can be told. Without any such session, `session` is absent.
 */
export function submissionTarget<S extends SessionForTopics>(
  sessions: readonly S[],
  nowIso: string,
  leadTimes: LeadTimes,
  timeZone: string,
  askedFor?: S,
): SubmissionTarget<S> {
  const ahead = sessions
    .filter((session) => takesTopics(session.state) && session.startsAt > nowIso)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const wanted = askedFor ?? ahead[0];
  if (wanted && takesTopicsAt(wanted, nowIso, leadTimes, timeZone)) return { session: wanted };
  const following = ahead.find(
    (session) =>
      session.id !== wanted?.id &&
      (!wanted || session.startsAt >= wanted.startsAt) &&
      takesTopicsAt(session, nowIso, leadTimes, timeZone),
  );
  return { ...(following ? { session: following } : {}), ...(wanted ? { missed: wanted } : {}) };
}
