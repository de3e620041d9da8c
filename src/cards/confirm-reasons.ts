import type { ConfirmReason, SessionDetail } from '../domain/confirmation/confirm-reason';
import { formatDateTime, formatDeadline, formatTimeSpan } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { formatDuration } from './agenda-lines';

const DETAIL_ALONE: Readonly<Record<SessionDetail, MessageKey>> = {
  place: 'confirm.reasons.placeMissing',
  onlineLink: 'confirm.reasons.onlineLinkMissing',
  chair: 'confirm.reasons.chairMissing',
};
const DETAIL_NAME: Readonly<Record<SessionDetail, MessageKey>> = {
  place: 'confirm.reasons.place',
  onlineLink: 'confirm.reasons.onlineLink',
  chair: 'confirm.reasons.chair',
};

/**
 * The reasons to ask as a person reads them, one sentence a line: „Ort und Online-Link fehlen.“,
 * „Die Tagesordnung ist 1 Std. 50 Min. länger als die Sitzung (14:00–16:00 Uhr).“, „Die
 * Einwandfrist läuft noch bis Donnerstag, 28. Januar 2027, 24:00 Uhr.“ Times in the committee's
 * time zone, deadlines as their last day.
 */
export function confirmReasonLines(reasons: readonly ConfirmReason[], timeZone: string, i18n: Translator): string[] {
  return reasons.flatMap((reason): string[] => {
    switch (reason.kind) {
      case 'reachesWorkingGroup':
        return [
          reason.people === 0
            ? i18n.t(reason.toConversation ? 'confirm.reasons.callConversation' : 'confirm.reasons.callNobody')
            : i18n.t(reason.toConversation ? 'confirm.reasons.callBoth' : 'confirm.reasons.callPeople', {
                count: reason.people,
              }),
          i18n.t('confirm.reasons.callDeadline', { deadline: formatDeadline(reason.topicDeadline, timeZone, i18n) }),
        ];
      case 'detailsMissing':
        return [missingLine(reason.missing, i18n)];
      case 'agendaOverLength':
        return [
          i18n.t('confirm.reasons.agendaOverLength', {
            over: formatDuration(reason.overMinutes, i18n),
            time: formatTimeSpan(reason.startsAt, reason.endsAt, timeZone, i18n),
          }),
        ];
      case 'topicsStillOpen':
        return [
          i18n.t('confirm.reasons.topicsStillOpen', { deadline: formatDeadline(reason.topicDeadline, timeZone, i18n) }),
        ];
      case 'agendaLate':
        return [i18n.t('confirm.reasons.agendaLate', { due: formatDateTime(reason.dueAt, timeZone, i18n) })];
      case 'objectionPeriodRunning':
        return [
          i18n.t('confirm.reasons.objectionPeriodRunning', {
            deadline: formatDeadline(reason.objectionDeadline, timeZone, i18n),
          }),
        ];
      case 'objectionsRaised':
        return [i18n.t('confirm.reasons.objectionsRaised', { count: reason.objections })];
    }
  });
}

/** „Der Ort fehlt.“ for one detail, „Ort, Online-Link und Sitzungsleitung fehlen.“ for several. */
function missingLine(missing: readonly SessionDetail[], i18n: Translator): string {
  if (missing.length === 1) return i18n.t(DETAIL_ALONE[missing[0]!]);
  const list = new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(
    missing.map((detail) => i18n.t(DETAIL_NAME[detail])),
  );
  return i18n.t('confirm.reasons.detailsMissing', { list: list.charAt(0).toUpperCase() + list.slice(1) });
}
