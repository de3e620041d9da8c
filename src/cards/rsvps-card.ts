import type { RsvpOverview, SeatLine } from '../app/sessions/rsvp-overview';
import { formatDateTime } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/rsvps.json`. */
export interface RsvpsCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly when: string;
  readonly summary: string;
  readonly lines: ReadonlyArray<{ readonly institution: string; readonly people: string; readonly status: string; readonly color: 'Good' | 'Attention' | 'Warning' | 'Default' }>;
  readonly more: string;
  readonly buttons: readonly CardButton[];
}

/** Lines shown at most, so that the card stays within Teams' size limit; the summary counts all. */
export const RSVP_LINES_SHOWN = 40;

/** The secretariat's overview of a session's answers, per institution. */
export function renderRsvpsCard(overview: RsvpOverview, i18n: Translator, banner?: CardBanner): AdaptiveCardJson {
  const ref = { sessionId: overview.sessionId };
  const data: RsvpsCardData = {
    banner: banner ?? null,
    title: i18n.t('rsvps.title', { session: sessionTitle({ number: overview.sessionNumber }, i18n) }),
    when: formatDateTime(overview.startsAt, overview.timeZone, i18n),
    summary: i18n.t('rsvps.summary', { represented: overview.represented, seats: overview.lines.length, unanswered: overview.unanswered }),
    more: overview.lines.length > RSVP_LINES_SHOWN ? i18n.t('rsvps.more', { count: overview.lines.length - RSVP_LINES_SHOWN }) : '',
    lines: overview.lines.slice(0, RSVP_LINES_SHOWN).map((line) => ({
      institution: escapeMarkdown(line.institution),
      people: peopleOf(line, i18n),
      status: statusText(line, i18n),
      color: line.status.kind === 'attending' || line.status.kind === 'delegated' ? 'Good' : line.status.kind === 'declined' ? 'Attention' : line.status.kind === 'noAnswer' ? 'Warning' : 'Default',
    })),
    buttons: [
      ...(overview.status === 'open' && overview.unanswered > 0 ? [cardButton(i18n.t('rsvps.remind', { count: overview.unanswered }), VERBS.rsvpsRemind, { ...ref, remindKey: overview.remindKey }, 'positive')] : []),
      cardButton(i18n.t('rsvps.reload'), VERBS.rsvpsOpen, ref),
    ],
  };
  return expandCard('rsvps', data);
}

/** Who holds the seat: the member (and deputy), or the deputy alone when the member is inactive. */
function peopleOf(line: SeatLine, i18n: Translator): string {
  const member = escapeMarkdown(line.memberName);
  const deputy = escapeMarkdown(line.deputyName ?? '–');
  if (line.heldByDeputy) return i18n.t('rsvps.deputyHoldsSeat', { deputy });
  return line.deputyName ? i18n.t('rsvps.memberAndDeputy', { member, deputy }) : member;
}

function statusText(line: SeatLine, i18n: Translator): string {
  const status = line.status;
  const name = escapeMarkdown(line.attendeeName ?? '');
  switch (status.kind) {
    case 'attending':
      return i18n.t(status.by === 'member' ? `rsvps.status.${status.mode}` : `rsvps.status.deputy.${status.mode}`, { name });
    case 'delegated':
      return i18n.t('rsvps.status.delegated', { name });
    case 'deputyInvited':
      return i18n.t('rsvps.status.deputyInvited', { name: escapeMarkdown(line.deputyName ?? '–') });
    case 'declined':
      return i18n.t('rsvps.status.declined');
    case 'noAnswer':
      return i18n.t('rsvps.status.noAnswer');
  }
}
