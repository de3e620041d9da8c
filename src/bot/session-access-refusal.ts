import type { SessionAccessRefusal } from '../app/sessions/find-session';
import type { WrongState, WrongStateConcern, WrongStateReason } from '../domain/sessions/wrong-state';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderNoticeCard } from '../cards/notice-card';
import { sessionTitle } from '../cards/session-label';
import { formatDate } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { notice } from './notices';

/** Why a secretariat command found no session to work on, as a card. */
export function accessRefusal(i18n: Translator, refusal: SessionAccessRefusal): AdaptiveCardJson {
  switch (refusal.kind) {
    case 'notFound':
      return notFoundNotice(i18n, refusal);
    case 'noneSuitable':
      return notice(i18n, 'attention', 'agendaErrors.title', 'agendaErrors.noneOpen');
    case 'notAllowed':
      return notice(i18n, 'attention', 'agendaErrors.title', 'agendaErrors.notAllowed');
    default:
      return notice(i18n, 'attention', 'agendaErrors.title', `sessionErrors.${refusal.kind}`);
  }
}

/**
 * A session number that names no session: the sessions that exist instead (of the year it
 * names, or else of this year and the next), each with its day, so the person can type the right
 * one at once.
 */
export function notFoundNotice(
  i18n: Translator,
  refusal: Extract<SessionAccessRefusal, { kind: 'notFound' }>,
): AdaptiveCardJson {
  if (refusal.known.length === 0)
    return notice(i18n, 'attention', 'sessionErrors.title', 'sessionTracks.notFoundNone', {
      number: refusal.number,
      first: refusal.years[0] ?? '',
      second: refusal.years[1] ?? refusal.years[0] ?? '',
    });
  const lines = refusal.known.map((session) =>
    i18n.t('sessionTracks.knownSession', {
      session: sessionTitle(session, i18n),
      when: formatDate(session.startsAt, refusal.timeZone, i18n),
    }),
  );
  return notice(i18n, 'attention', 'sessionErrors.title', 'sessionTracks.notFound', { number: refusal.number }, lines);
}

/** The title of a wrong-state refusal, by what was asked of the session. */
const TITLES: Readonly<Record<WrongStateConcern, MessageKey>> = {
  session: 'sessionErrors.title',
  callForTopics: 'agendaErrors.title',
  invite: 'sessionErrors.title',
  agenda: 'agendaErrors.title',
  attendance: 'sessionErrors.title',
  invitation: 'sessionErrors.title',
  minutes: 'minutesErrors.title',
};

/**
 * What to do instead, by what was asked and why it is not possible. A `*Next` sentence names the
 * next session where the same is possible; without one, the person is told that none is planned.
 * Where nothing more specific helps, the list of sessions does.
 */
const INSTEAD: Readonly<Record<WrongStateConcern, Partial<Record<WrongStateReason, MessageKey>>>> = {
  session: {
    alreadyHeld: 'sessionTracks.refusals.instead.toMinutes',
    cancelled: 'sessionTracks.refusals.instead.extraSession',
  },
  callForTopics: {
    alreadyHeld: 'sessionTracks.refusals.instead.callNext',
    cancelled: 'sessionTracks.refusals.instead.callNext',
  },
  invite: {
    alreadyHeld: 'sessionTracks.refusals.instead.inviteNext',
    cancelled: 'sessionTracks.refusals.instead.inviteNext',
  },
  agenda: {
    alreadyHeld: 'sessionTracks.refusals.instead.toMinutes',
    cancelled: 'sessionTracks.refusals.instead.agendaNext',
  },
  attendance: {
    notInvited: 'sessionTracks.refusals.instead.inviteFirst',
    minutesOut: 'sessionTracks.refusals.instead.attendanceInMinutes',
  },
  invitation: {
    notInvited: 'sessionTracks.refusals.instead.inviteFirst',
    alreadyHeld: 'sessionTracks.refusals.instead.noReminders',
  },
  minutes: {
    notYetHeld: 'sessionTracks.refusals.instead.attendanceFirst',
    cancelled: 'sessionTracks.refusals.instead.noMinutes',
  },
};

/** The sentences that name a next session, and the one said when the use case found none. */
const NEEDS_NEXT: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'sessionTracks.refusals.instead.callNext',
  'sessionTracks.refusals.instead.inviteNext',
]);

/**
 * The sentences for a session whose state does not allow what was asked: why, in a person's
 * words (cancelled, already held, nobody invited yet …), and what to do instead. The session is
 * named by its number; its internal state never appears.
 */
export function wrongStateText(i18n: Translator, refusal: WrongState): string {
  const params = { number: refusal.number, next: refusal.next ?? '' };
  const why = i18n.t(`sessionTracks.refusals.why.${refusal.reason}`, params);
  const chosen = INSTEAD[refusal.concerns][refusal.reason] ?? 'sessionTracks.refusals.instead.overview';
  const instead =
    NEEDS_NEXT.has(chosen) && refusal.next === undefined ? 'sessionTracks.refusals.instead.noNext' : chosen;
  return `${why} ${i18n.t(instead, params)}`;
}

/** The one card for every use case's wrong-state refusal (see `WrongState`). */
export function wrongStateNotice(i18n: Translator, refusal: WrongState): AdaptiveCardJson {
  return renderNoticeCard({
    style: 'attention',
    title: i18n.t(TITLES[refusal.concerns]),
    text: wrongStateText(i18n, refusal),
    lines: [],
  });
}
