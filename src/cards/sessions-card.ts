import type { SessionDocument } from '../app/sessions/session-document';
import {
  invitationsAreOut,
  isBeforeHeld,
  isBeforeInvitation,
  isBetweenInvitationAndMinutes,
} from '../domain/sessions/session-state';
import { formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle, stateLabel } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/sessions.json`. */
export interface SessionsCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly none: string;
  readonly sessions: ReadonlyArray<{
    readonly heading: string;
    readonly stateLabel: string;
    readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    readonly buttons: readonly CardButton[];
  }>;
}

export interface SessionsCardOptions {
  readonly banner?: CardBanner;
  /** The session whose cancellation awaits confirmation: it shows only the confirm buttons. */
  readonly confirmCancel?: string;
}

/** The year's sessions for the secretariat, each with what can be done with it now. */
export function renderSessionsCard(
  year: number,
  sessions: readonly SessionDocument[],
  timeZone: string,
  i18n: Translator,
  options: SessionsCardOptions = {},
): AdaptiveCardJson {
  const data: SessionsCardData = {
    banner: options.banner ? { lines: [], ...options.banner } : null,
    title: i18n.t('sessions.title', { year }),
    none: i18n.t('sessions.none', { year }),
    sessions: sessions.map((session) => ({
      heading: sessionTitle(session, i18n),
      stateLabel: stateLabel(session.state, i18n),
      facts: [
        { title: i18n.t('sessions.when'), value: formatSessionRange(session.startsAt, session.endsAt, timeZone, i18n) },
        {
          title: i18n.t('sessions.place'),
          value: session.place ? escapeMarkdown(session.place) : i18n.t('sessions.notSet'),
        },
        {
          title: i18n.t('sessions.onlineLink'),
          value: session.onlineLink ? escapeMarkdown(session.onlineLink) : i18n.t('sessions.notSet'),
        },
        {
          title: i18n.t('sessions.chair'),
          value: session.chair ? escapeMarkdown(session.chair) : i18n.t('sessions.notSet'),
        },
      ],
      buttons: options.confirmCancel === session.id ? confirmButtons(session, i18n) : buttonsFor(session, i18n),
    })),
  };
  return expandCard('sessions', data);
}

function buttonsFor(session: SessionDocument, i18n: Translator): CardButton[] {
  const ref = { sessionId: session.id, revision: session.revision };
  const beforeInvite = isBeforeInvitation(session.state);
  const beforeHeld = isBeforeHeld(session.state);
  return [
    ...(beforeHeld ? [cardButton(i18n.t('sessions.edit'), VERBS.sessionEdit, ref)] : []),
    ...(beforeInvite ? [cardButton(i18n.t('sessions.invite'), VERBS.sessionInvite, ref, 'positive')] : []),
    ...(invitationsAreOut(session.state) ? [cardButton(i18n.t('sessions.rsvps'), VERBS.rsvpsOpen, ref)] : []),
    ...(isBetweenInvitationAndMinutes(session.state)
      ? [cardButton(i18n.t('sessions.attendance'), VERBS.attendanceOpen, ref)]
      : []),
    ...(beforeHeld
      ? [cardButton(i18n.t('sessions.cancel'), VERBS.sessionStep, { ...ref, step: 'cancel' }, 'destructive')]
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
