import type { SessionOverviewEntry, SessionsOverview } from '../app/sessions/sessions-overview';
import type { SessionDocument } from '../app/sessions/session-document';
import type { SessionTracks } from '../domain/sessions/session-tracks';
import {
  hasMinutes,
  invitationsAreOut,
  isBeforeHeld,
  isBeforeInvitation,
  isBetweenInvitationAndMinutes,
} from '../domain/sessions/session-state';
import { formatDateTime, formatDeadline, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { TEXT_FIELDS } from '../domain/text-input';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/sessions.json`. */
export interface SessionsCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly none: string;
  readonly sessions: ReadonlyArray<{
    readonly heading: string;
    /** Where the session stands, one line per track, in words. */
    readonly status: readonly string[];
    readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    /** While a cancellation awaits confirmation: the field for the secretariat's reason. */
    readonly reasonInput: { readonly label: string; readonly maxLength: number } | null;
    readonly buttons: readonly CardButton[];
  }>;
}

export interface SessionsCardOptions {
  readonly banner?: CardBanner;
  /** The session whose cancellation awaits confirmation: it shows only the confirm buttons. */
  readonly confirmCancel?: string;
}

/**
 * The sessions of one year or two, each with where its tracks stand in words and the buttons to
 * open it: for the secretariat what can be done with it now, for everyone else their own
 * invitation and the topic form while it takes topics.
 */
export function renderSessionsCard(
  overview: SessionsOverview,
  i18n: Translator,
  options: SessionsCardOptions = {},
): AdaptiveCardJson {
  const [first, second] = overview.years;
  const data: SessionsCardData = {
    banner: options.banner ? { lines: [], ...options.banner } : null,
    title:
      second === undefined
        ? i18n.t('sessions.title', { year: first ?? '' })
        : i18n.t('sessionTracks.titleYears', { first: first ?? '', second }),
    none:
      second === undefined
        ? i18n.t('sessions.none', { year: first ?? '' })
        : i18n.t('sessionTracks.noneYears', { first: first ?? '', second }),
    sessions: overview.entries.map((entry) => {
      const { session } = entry;
      return {
        heading: sessionTitle(session, i18n),
        status: statusLines(entry.tracks, overview.timeZone, i18n),
        facts: facts(session, overview, i18n),
        reasonInput:
          overview.forSecretariat && options.confirmCancel === session.id
            ? { label: i18n.t('meetings.cancellationReason'), maxLength: TEXT_FIELDS.cancellationReason.max }
            : null,
        buttons: !overview.forSecretariat
          ? othersButtons(entry, overview.viewerId, i18n)
          : options.confirmCancel === session.id
            ? confirmButtons(session, i18n)
            : secretariatButtons(session, entry.tracks, i18n),
      };
    }),
  };
  return expandCard('sessions', data);
}

/** The tracks in words: the session's life once it is held or cancelled, else each track on its own. */
export function statusLines(tracks: SessionTracks, timeZone: string, i18n: Translator): string[] {
  if (tracks.life !== 'prepared') return [i18n.t(`sessionTracks.life.${tracks.life}`)];
  const lines: string[] = [];
  if (tracks.invitation) lines.push(i18n.t(`sessionTracks.invitation.${tracks.invitation}`));
  if (tracks.topics)
    lines.push(
      i18n.t(`sessionTracks.topics.${tracks.topics.kind}`, {
        deadline: formatDeadline(tracks.topics.deadline, timeZone, i18n),
      }),
    );
  if (tracks.agenda)
    lines.push(
      tracks.agenda.kind === 'published'
        ? i18n.t('sessionTracks.agenda.published', { version: tracks.agenda.version })
        : i18n.t('sessionTracks.agenda.notPublished'),
    );
  if (tracks.attendance)
    lines.push(
      tracks.attendance.kind === 'open'
        ? i18n.t('sessionTracks.attendance.open')
        : i18n.t('sessionTracks.attendance.opens', { at: formatDateTime(tracks.attendance.at, timeZone, i18n) }),
    );
  return lines;
}

/** Date, place and chair for everyone; the online link only for the secretariat (invitees have it on their invitation). */
function facts(
  session: SessionDocument,
  overview: SessionsOverview,
  i18n: Translator,
): Array<{ readonly title: string; readonly value: string }> {
  const value = (text: string | undefined) => (text ? escapeMarkdown(text) : i18n.t('sessions.notSet'));
  return [
    {
      title: i18n.t('sessions.when'),
      value: formatSessionRange(session.startsAt, session.endsAt, overview.timeZone, i18n),
    },
    { title: i18n.t('sessions.place'), value: value(session.place) },
    ...(overview.forSecretariat ? [{ title: i18n.t('sessions.onlineLink'), value: value(session.onlineLink) }] : []),
    { title: i18n.t('sessions.chair'), value: value(session.chair) },
  ];
}

/**
 * The secretariat's steps for a session, only those that work now: attendance, for instance, only
 * once it can be recorded (from an hour before the start) and until the minutes go out.
 */
function secretariatButtons(session: SessionDocument, tracks: SessionTracks, i18n: Translator): CardButton[] {
  const ref = { sessionId: session.id, revision: session.revision };
  const open = { sessionId: session.id };
  const beforeInvite = isBeforeInvitation(session.state);
  const beforeHeld = isBeforeHeld(session.state);
  return [
    ...(beforeHeld ? [cardButton(i18n.t('sessions.edit'), VERBS.sessionEdit, ref)] : []),
    ...(beforeInvite ? [cardButton(i18n.t('sessions.invite'), VERBS.sessionInvite, ref, 'positive')] : []),
    ...(beforeHeld ? [cardButton(i18n.t('sessionTracks.buttons.agenda'), VERBS.agendaOpen, open)] : []),
    ...(invitationsAreOut(session.state) ? [cardButton(i18n.t('sessions.rsvps'), VERBS.rsvpsOpen, ref)] : []),
    ...(isBetweenInvitationAndMinutes(session.state) && tracks.attendance?.kind !== 'opens'
      ? [cardButton(i18n.t('sessions.attendance'), VERBS.attendanceOpen, ref)]
      : []),
    ...(hasMinutes(session.state)
      ? [cardButton(i18n.t('sessionTracks.buttons.minutes'), VERBS.minutesOpen, open)]
      : []),
    ...(beforeHeld
      ? [cardButton(i18n.t('sessions.cancel'), VERBS.sessionStep, { ...ref, step: 'cancel' }, 'destructive')]
      : []),
  ];
}

/** A member's, deputy's or working group member's buttons: their own invitation, and the topic form. */
function othersButtons(entry: SessionOverviewEntry, viewerId: string, i18n: Translator): CardButton[] {
  const sessionId = entry.session.id;
  return [
    ...(entry.invited
      ? [
          cardButton(i18n.t('sessionTracks.buttons.invitation'), VERBS.invitationView, {
            sessionId,
            personId: viewerId,
          }),
        ]
      : []),
    ...(entry.takesTopicsFromViewer
      ? [cardButton(i18n.t('sessionTracks.buttons.submitTopic'), VERBS.topicForm, { sessionId }, 'positive')]
      : []),
  ];
}

function confirmButtons(session: SessionDocument, i18n: Translator): CardButton[] {
  const ref = { sessionId: session.id, revision: session.revision };
  return [
    cardButton(
      i18n.t('sessions.cancelConfirm'),
      VERBS.sessionStep,
      { ...ref, step: 'cancel', confirmed: true },
      'destructive',
    ),
    cardButton(i18n.t('sessions.cancelKeep'), VERBS.sessionList, { year: session.year }),
  ];
}
