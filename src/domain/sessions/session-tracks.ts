import { topicDeadline } from '../agenda/submission-window';
import type { LeadTimes } from '../committee';
import { attendanceOpensAt } from './attendance-window';
import {
  callForTopicsIsOut,
  invitationsAreOut,
  lifeOf,
  takesCallForTopics,
  type CallForTopicsFacts,
  type SessionLife,
} from './session-state';

/** What the tracks of a session are read from: its stored facts. */
export interface SessionTrackFacts extends CallForTopicsFacts {
  readonly startsAt: string;
  /** The version of the agenda everyone has; absent before the first publication. */
  readonly agendaVersion?: number;
}

/** Where the committee's rules put the session's dates: its lead times and time zone. */
export interface TrackRules {
  readonly leadTimes: LeadTimes;
  readonly timeZone: string;
}

/**
 * Whether the call for topics can go out now, and if not why: it is out already, its topic
 * deadline has passed, or the session is no longer prepared (held or cancelled).
 */
export type CallForTopicsStanding = 'possible' | 'alreadyOut' | 'deadlinePassed' | 'notPrepared';

/**
 * The call for topics of a prepared session goes out once, until its topic deadline, whether or
 * not the members are invited yet (see `takesCallForTopics`).
 */
export function callForTopicsStanding(
  session: SessionTrackFacts,
  rules: TrackRules,
  nowIso: string,
): CallForTopicsStanding {
  if (!takesCallForTopics(session.state)) return 'notPrepared';
  if (callForTopicsIsOut(session)) return 'alreadyOut';
  return nowIso >= topicDeadline(session.startsAt, rules.leadTimes, rules.timeZone) ? 'deadlinePassed' : 'possible';
}

/** The topic collection of a prepared session: not called yet, the call running, or the deadline passed. */
export type TopicsTrack = {
  readonly kind: 'notCalled' | 'running' | 'closed';
  /** The end of the topic deadline, a UTC instant. */
  readonly deadline: string;
};

/** The attendance of an invited session (once recorded, the session is held): from when it can be recorded, or that it can be now. */
export type AttendanceTrack = { readonly kind: 'opens'; readonly at: string } | { readonly kind: 'open' };

/**
 * A session's tracks as a person follows them: its life, and while it is prepared, each track on
 * its own (invitation, topics, agenda, attendance), none waiting for another.
 */
export interface SessionTracks {
  readonly life: SessionLife;
  readonly invitation?: 'notSent' | 'sent';
  readonly topics?: TopicsTrack;
  readonly agenda?: { readonly kind: 'notPublished' } | { readonly kind: 'published'; readonly version: number };
  readonly attendance?: AttendanceTrack;
}

/** Where each track of the session stands at `nowIso`. */
export function sessionTracks(session: SessionTrackFacts, rules: TrackRules, nowIso: string): SessionTracks {
  const life = lifeOf(session.state);
  if (life !== 'prepared') return { life };
  const deadline = topicDeadline(session.startsAt, rules.leadTimes, rules.timeZone);
  const topics: TopicsTrack = {
    kind: nowIso >= deadline ? 'closed' : callForTopicsIsOut(session) ? 'running' : 'notCalled',
    deadline,
  };
  return {
    life,
    invitation: invitationsAreOut(session.state) ? 'sent' : 'notSent',
    topics,
    agenda:
      session.agendaVersion === undefined
        ? { kind: 'notPublished' }
        : { kind: 'published', version: session.agendaVersion },
    ...(invitationsAreOut(session.state) ? { attendance: attendanceTrack(session, rules, nowIso) } : {}),
  };
}

function attendanceTrack(session: SessionTrackFacts, rules: TrackRules, nowIso: string): AttendanceTrack {
  const opensAt = attendanceOpensAt(session.startsAt, rules.timeZone);
  return nowIso >= opensAt ? { kind: 'open' } : { kind: 'opens', at: opensAt };
}
