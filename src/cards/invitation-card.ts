import type { InvitationView } from '../app/sessions/invitation-view';
import { formatDeadline, formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { isTeamsMeetingLink } from '../domain/web-link';
import { DELEGATE_NAME_MAX } from '../app/sessions/answer-rsvp';
import { agendaLines, itemTitle } from './agenda-lines';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { linkTokenOf } from './link-url';
import { sessionTitle } from './session-label';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/invitation.json`. */
export interface InvitationCardData {
  readonly refresh: { readonly title: string; readonly data: CardButton['data'] };
  readonly banner: CardBanner | null;
  readonly committeeName: string;
  readonly title: string;
  readonly representing: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly agendaTitle: string;
  readonly agendaNone: string;
  readonly agenda: readonly string[];
  readonly answerLine: string;
  readonly statusLine: string;
  readonly buttons: readonly CardButton[];
  readonly delegate: {
    readonly title: string;
    readonly label: string;
    readonly confirm: string;
    readonly required: string;
    readonly max: number;
    /** The name typed before a refusal, shown again; empty otherwise. */
    readonly value: string;
    readonly data: CardButton['data'];
  } | null;
  readonly onlineTitle: string;
  readonly onlineUrl: string;
  readonly calendarTitle: string;
  readonly calendarUrl: string;
}

const BANNER_STYLE: Readonly<Record<NonNullable<InvitationView['banner']>, CardBanner['style']>> = {
  reminder: 'warning',
  rescheduled: 'warning',
  cancelled: 'attention',
  saved: 'good',
  outdated: 'warning',
  deputyInvited: 'accent',
  closed: 'attention',
  notInvited: 'attention',
  agendaPublished: 'accent',
  agendaChanged: 'warning',
};

/**
 * A person's invitation: the session, their current answer and, while answers are open, the
 * buttons to answer or change it. The card refreshes itself when opened (Action.Execute
 * refresh), so it never shows someone else's answer or a stale state. `calendarUrl` is the
 * reader's own calendar link (see `invitationLinks`); without it the card carries none. Its button
 * opens the page at that link's address without `.ics`, which offers the session's file and the
 * subscription to all sessions (Teams opens only https addresses, so no `webcal:` here).
 */
export function renderInvitationCard(
  view: InvitationView,
  i18n: Translator,
  calendarUrl = '',
  retry?: { readonly banner: CardBanner; readonly delegateName: unknown },
): AdaptiveCardJson {
  const calendarToken = view.status !== 'over' ? linkTokenOf(calendarUrl) : undefined;
  // The card's own calendar link travels back with every click, so the card shown again keeps it.
  const carried = calendarToken ? { calendarToken } : {};
  const ref = { sessionId: view.sessionId, personId: view.personId, revision: view.revision, ...carried };
  const open = view.status === 'open';
  const isMember = view.as === 'member';
  const data: InvitationCardData = {
    refresh: {
      title: i18n.t('invitation.refresh'),
      data: cardButton('', VERBS.invitationView, { sessionId: view.sessionId, personId: view.personId, ...carried })
        .data,
    },
    banner:
      retry?.banner ??
      (view.banner
        ? { style: BANNER_STYLE[view.banner], title: i18n.t(`invitation.banners.${view.banner}`), text: '' }
        : null),
    committeeName: escapeMarkdown(view.committeeName),
    title: i18n.t('invitation.title', { session: sessionTitle({ number: view.sessionNumber }, i18n) }),
    representing: representingLine(view, i18n),
    facts: [
      { title: i18n.t('sessions.when'), value: formatSessionRange(view.startsAt, view.endsAt, view.timeZone, i18n) },
      { title: i18n.t('sessions.place'), value: view.place ? escapeMarkdown(view.place) : i18n.t('sessions.notSet') },
      {
        title: i18n.t('sessions.onlineLink'),
        value: onlineLinkFact(view, i18n),
      },
      { title: i18n.t('sessions.chair'), value: view.chair ? escapeMarkdown(view.chair) : i18n.t('sessions.notSet') },
      { title: i18n.t('invitation.deadline'), value: formatDeadline(view.deadline, view.timeZone, i18n) },
    ],
    agendaTitle: view.agenda
      ? i18n.t('invitation.agendaVersion', { version: view.agenda.version })
      : i18n.t('invitation.agenda'),
    agendaNone: i18n.t('invitation.agendaNone'),
    agenda: view.agenda
      ? [
          ...agendaLines(view.agenda.items, i18n),
          ...(view.agenda.removed.length > 0
            ? [
                `${i18n.t('agendaCard.message.removed')} ${view.agenda.removed.map((item) => itemTitle(item, i18n)).join('; ')}`,
              ]
            : []),
        ]
      : [],
    answerLine: answerLine(view, i18n),
    statusLine: view.status === 'open' ? i18n.t('invitation.status.open') : i18n.t(`invitation.status.${view.status}`),
    buttons: open
      ? [
          cardButton(
            i18n.t('invitation.choices.inPerson'),
            VERBS.rsvpAnswer,
            { ...ref, choice: 'inPerson' },
            'positive',
          ),
          cardButton(i18n.t('invitation.choices.online'), VERBS.rsvpAnswer, { ...ref, choice: 'online' }),
          cardButton(i18n.t('invitation.choices.declined'), VERBS.rsvpAnswer, { ...ref, choice: 'declined' }),
          ...(isMember && view.deputyName
            ? [
                cardButton(i18n.t('invitation.choices.deputy', { deputy: view.deputyName }), VERBS.rsvpAnswer, {
                  ...ref,
                  choice: 'deputy',
                }),
              ]
            : []),
        ]
      : [],
    delegate:
      open && isMember
        ? {
            title: i18n.t('invitation.delegate.title'),
            label: i18n.t('invitation.delegate.label'),
            confirm: i18n.t('invitation.delegate.confirm'),
            required: i18n.t('setup.required'),
            max: typingLimit(DELEGATE_NAME_MAX),
            value: typeof retry?.delegateName === 'string' ? shownAgain(retry.delegateName, DELEGATE_NAME_MAX) : '',
            data: cardButton('', VERBS.rsvpAnswer, { ...ref, choice: 'delegate' }).data,
          }
        : null,
    onlineTitle: i18n.t('invitation.joinOnline'),
    onlineUrl: view.onlineLink && view.status !== 'cancelled' ? view.onlineLink : '',
    calendarTitle: i18n.t('invitation.calendar'),
    calendarUrl: view.status !== 'over' ? calendarOfferUrl(calendarUrl) : '',
  };
  return expandCard('invitation', data);
}

/** The "add to calendar" page of a calendar link: the same address without the file's extension. */
function calendarOfferUrl(calendarUrl: string): string {
  return calendarUrl.replace(/\.ics$/, '');
}

/** For whom the reader is invited: their institution, or the member they stand in for. */
function representingLine(view: InvitationView, i18n: Translator): string {
  const institution = escapeMarkdown(view.institution);
  if (view.as !== 'deputy') return i18n.t('invitation.forInstitution', { institution });
  if (view.holdsSeat) return i18n.t('invitation.holdsSeat', { institution });
  return i18n.t('invitation.representing', { member: escapeMarkdown(view.representing ?? '–'), institution });
}

function answerLine(view: InvitationView, i18n: Translator): string {
  const answer = view.answer;
  if (!answer) return i18n.t('invitation.answers.none');
  if (answer.choice === 'accepted' || answer.choice === 'tentative' || (answer.via && answer.choice === 'declined'))
    return i18n.t(`outlookAnswers.answers.${answer.choice}`);
  if (answer.choice === 'delegate')
    return i18n.t('invitation.answers.delegate', { name: escapeMarkdown(answer.delegateName ?? '') });
  if (answer.choice === 'deputy')
    return i18n.t('invitation.answers.deputy', { deputy: escapeMarkdown(view.deputyName ?? '–') });
  return i18n.t(`invitation.answers.${answer.choice}`);
}

/**
 * The online link as the invitation shows it: a Teams meeting's join link by name, since the
 * „Online teilnehmen“ button beside it opens it; any other link, or text such as a dial-in,
 * as typed.
 */
function onlineLinkFact(view: InvitationView, i18n: Translator): string {
  if (!view.onlineLink) return i18n.t('sessions.notSet');
  if (isTeamsMeetingLink(view.onlineLink) && view.status !== 'cancelled') return i18n.t('invitation.teamsMeeting');
  return escapeMarkdown(view.onlineLink);
}
