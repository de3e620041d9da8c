import type { AttendanceView } from '../app/sessions/attendance';
import { ATTENDEE_NAME_MAX, PRESENCES } from '../app/sessions/attendance';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { shownAgain, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Characters of a presence choice shown again: the longest choice's value is short. */
const PRESENCE_MAX = 20;

/** Data model of `adaptiveCards/attendance.json`. */
export interface AttendanceCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly intro: string;
  readonly labels: {
    readonly presence: string;
    readonly name: string;
    readonly required: string;
    readonly nameMax: number;
  };
  readonly presences: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly entries: ReadonlyArray<{
    readonly institution: string;
    readonly presenceId: string;
    readonly presence: string;
    readonly nameId: string;
    readonly name: string;
  }>;
  readonly recorded: string;
  readonly save: { readonly title: string; readonly data: CardButton['data'] };
  readonly pageLine: string;
  /** Earlier and later pages; unsaved changes on this page are lost, so the save comes first. */
  readonly pageButtons: readonly CardButton[];
}

/**
 * Who attended, one line per institution, prefilled from the answers until it is saved. `typed`
 * is what a refused save sent: its choices and names are shown again as they were sent.
 */
export function renderAttendanceCard(
  view: AttendanceView,
  i18n: Translator,
  banner?: CardBanner,
  typed?: Readonly<Record<string, unknown>>,
): AdaptiveCardJson {
  const sent = (id: string, stored: string, max: number): string => {
    const value = typed?.[id];
    return typeof value === 'string' ? shownAgain(value, max) : stored;
  };
  const data: AttendanceCardData = {
    banner: banner ?? null,
    title: i18n.t('attendance.title', { session: sessionTitle({ number: view.sessionNumber }, i18n) }),
    intro: view.recorded
      ? i18n.t('attendance.introRecorded')
      : i18n.t('attendance.introProposed', { when: formatDateTime(view.startsAt, view.timeZone, i18n) }),
    labels: {
      presence: i18n.t('attendance.presence'),
      name: i18n.t('attendance.name'),
      required: i18n.t('setup.required'),
      nameMax: typingLimit(ATTENDEE_NAME_MAX),
    },
    presences: PRESENCES.map((presence) => ({ title: i18n.t(`attendance.presences.${presence}`), value: presence })),
    // The institution is an input's label here, which Teams shows as plain text.
    entries: view.entries.map((entry) => ({
      institution: entry.institution,
      presenceId: `presence-${entry.seatId}`,
      presence: sent(`presence-${entry.seatId}`, entry.presence, PRESENCE_MAX),
      nameId: `name-${entry.seatId}`,
      name: sent(`name-${entry.seatId}`, entry.name, ATTENDEE_NAME_MAX),
    })),
    recorded: view.recorded
      ? i18n.t('attendance.recorded', {
          at: formatDateTime(view.recorded.at, view.timeZone, i18n),
          by: escapeMarkdown(view.recorded.byName),
        })
      : '',
    save: {
      title: i18n.t('attendance.save'),
      data: cardButton('', VERBS.attendanceSave, {
        sessionId: view.sessionId,
        revision: view.revision,
        page: view.page,
      }).data,
    },
    pageLine: view.pages > 1 ? i18n.t('attendance.page', { page: view.page, pages: view.pages }) : '',
    pageButtons: [
      ...(view.page > 1
        ? [
            cardButton(i18n.t('attendance.previous'), VERBS.attendanceOpen, {
              sessionId: view.sessionId,
              page: view.page - 1,
            }),
          ]
        : []),
      ...(view.page < view.pages
        ? [
            cardButton(i18n.t('attendance.next'), VERBS.attendanceOpen, {
              sessionId: view.sessionId,
              page: view.page + 1,
            }),
          ]
        : []),
    ],
  };
  return expandCard('attendance', data);
}
