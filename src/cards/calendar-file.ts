import type { CalendarEvent } from '../app/ports/calendar';
import type { SessionCalendar } from '../app/sessions/session-calendar';
import type { Translator } from '../i18n/translator';

/** A session's calendar event worded for its reader, with the name under which browsers save it. */
export interface CalendarFile extends CalendarEvent {
  /** `sitzung-2027-1.ics` (English: `session-2027-1.ics`): readable in a downloads folder, the same for every version. */
  readonly fileName: string;
}

/**
 * The session's calendar event in the reader's language: the title says the committee's short
 * name and the session (or the extra session), and „Abgesagt:“ first once it is cancelled; the
 * description says so too, then the committee's name, the Sitzungsleitung and how to take part
 * online. A session without a place is „Online“ where it has an online link.
 */
export function calendarFile(calendar: SessionCalendar, i18n: Translator): CalendarFile {
  const params = { shortName: calendar.committeeShortName, number: calendar.number };
  const title = i18n.t(calendar.extra ? 'calendar.titleExtra' : 'calendar.title', params);
  const description = [
    calendar.cancelled ? i18n.t('calendar.cancelled') : undefined,
    calendar.committeeName,
    calendar.chair ? i18n.t('calendar.chair', { chair: calendar.chair }) : undefined,
    calendar.onlineLink ? i18n.t('calendar.online', { link: calendar.onlineLink }) : undefined,
  ].filter((line): line is string => Boolean(line));
  const location = calendar.place || (calendar.onlineLink ? i18n.t('calendar.onlineLocation') : undefined);
  return {
    uid: calendar.uid,
    sequence: calendar.sequence,
    stampedAt: calendar.stampedAt,
    title: calendar.cancelled ? i18n.t('calendar.titleCancelled', { title }) : title,
    description: description.join('\n'),
    startsAt: calendar.startsAt,
    endsAt: calendar.endsAt,
    location,
    url: calendar.url,
    cancelled: calendar.cancelled,
    fileName: i18n.t('calendar.fileName', { number: calendar.number.replace(/[^0-9A-Za-z]+/g, '-') }),
  };
}
