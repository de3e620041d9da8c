import type { FeedSession, PersonFeed } from '../app/feed/person-feed';
import type { CalendarEvent } from '../app/ports/calendar';
import type { Translator } from '../i18n/translator';
import { itemNumber } from './agenda-lines';
import { calendarFile } from './calendar-file';

/** One event of a person's feed, worded for them, with when it last changed. */
export interface FeedEvent extends CalendarEvent {
  /** The event's LAST-MODIFIED (ISO UTC). */
  readonly modifiedAt: string;
}

/** A person's whole calendar, worded for them: its name in their calendar app, and its events. */
export interface FeedCalendar {
  readonly name: string;
  readonly events: readonly FeedEvent[];
}

/**
 * The person's feed in their language: every event titled as the single session's calendar file
 * titles it (see `calendarFile`), and a description that says, in this order, whether it is
 * cancelled, the committee, the person's own answer, the place, how to join online (the Teams
 * meeting when there is one), the Sitzungsleitung and the published agenda's items. Calendar text
 * is plain: nothing here is Markdown.
 */
export function calendarFeed(feed: PersonFeed, i18n: Translator): FeedCalendar {
  return { name: i18n.t('feed.calendarName'), events: feed.sessions.map((session) => feedEvent(session, i18n)) };
}

function feedEvent(session: FeedSession, i18n: Translator): FeedEvent {
  const file = calendarFile(session, i18n);
  const description = [
    session.cancelled ? i18n.t('calendar.cancelled') : undefined,
    session.committeeName,
    session.answer ? answerLine(session.answer, i18n) : undefined,
    session.place ? i18n.t('feed.place', { place: session.place }) : undefined,
    session.teamsLink && !session.cancelled ? i18n.t('feed.teams', { link: session.teamsLink }) : undefined,
    session.onlineLink && session.onlineLink !== session.teamsLink && !session.cancelled
      ? i18n.t('calendar.online', { link: session.onlineLink })
      : undefined,
    session.chair ? i18n.t('calendar.chair', { chair: session.chair }) : undefined,
    session.agenda ? agendaText(session.agenda, i18n) : undefined,
  ].filter((line): line is string => Boolean(line));
  const { fileName: _fileName, ...event } = file;
  return {
    ...event,
    description: description.join('\n'),
    location:
      session.place || (session.teamsLink || session.onlineLink ? i18n.t('calendar.onlineLocation') : undefined),
    modifiedAt: session.modifiedAt,
  };
}

function answerLine(answer: NonNullable<FeedSession['answer']>, i18n: Translator): string {
  if (answer.choice === 'delegate') return i18n.t('feed.answers.delegate', { name: answer.delegateName ?? '–' });
  return i18n.t(`feed.answers.${answer.choice}`);
}

/** The agenda as plain lines: its heading with the version, then one line per item. */
function agendaText(agenda: NonNullable<FeedSession['agenda']>, i18n: Translator): string {
  const items = agenda.items.map((item, index) => {
    const title =
      item.origin.type === 'standard'
        ? i18n.t(`agenda.standard.${item.origin.standard}`)
        : item.origin.type === 'report'
          ? i18n.t('agenda.report', { group: item.title })
          : item.title;
    return `${itemNumber(index, i18n)} ${title}`;
  });
  return [i18n.t('feed.agenda', { version: agenda.version }), ...items].join('\n');
}
