import type { RsvpOverview, SeatLine } from '../app/sessions/rsvp-overview';
import type { NotCurrentReason } from '../domain/current-holder';
import type { SeatStatus } from '../domain/sessions/rsvp';
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
  readonly lines: ReadonlyArray<{
    readonly institution: string;
    readonly people: string;
    readonly status: string;
    /** Only colours that read on white in Teams' light theme (no green or yellow text). */
    readonly color: 'Accent' | 'Attention' | 'Default';
  }>;
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
    summary: i18n.t(overview.tentative > 0 ? 'outlookAnswers.summary' : 'rsvps.summary', {
      represented: overview.represented,
      seats: overview.lines.length,
      tentative: overview.tentative,
      unanswered: overview.unanswered,
    }),
    more:
      overview.lines.length > RSVP_LINES_SHOWN
        ? i18n.t('rsvps.more', { count: overview.lines.length - RSVP_LINES_SHOWN })
        : '',
    lines: overview.lines.slice(0, RSVP_LINES_SHOWN).map((line) => ({
      institution: escapeMarkdown(line.institution),
      people: peopleText(line, i18n),
      status: markedStatusText(line, i18n),
      color: colorOf(line.status),
    })),
    buttons: [
      ...(overview.status === 'open' && overview.unanswered > 0
        ? [
            cardButton(
              i18n.t('rsvps.remind', { count: overview.unanswered }),
              VERBS.rsvpsRemind,
              { ...ref, remindKey: overview.remindKey },
              'positive',
            ),
          ]
        : []),
      cardButton(i18n.t('rsvps.reload'), VERBS.rsvpsOpen, ref),
    ],
  };
  return expandCard('rsvps', data);
}

/**
 * The seat's people, each marked when they can no longer answer or attend for it: the member and
 * the deputy, or the deputy alone when they hold the seat in the inactive member's place.
 */
function peopleText(line: SeatLine, i18n: Translator): string {
  const deputy = line.deputyName === undefined ? undefined : personText(line.deputyName, line.deputyNotCurrent, i18n);
  if (line.heldByDeputy) return i18n.t('rsvps.deputyHoldsSeat', { deputy: deputy ?? '–' });
  const member = personText(line.memberName, line.memberNotCurrent, i18n);
  if (deputy === undefined) return member;
  return i18n.t('rsvps.memberAndDeputy', { member, deputy });
}

function personText(name: string, notCurrent: NotCurrentReason | undefined, i18n: Translator): string {
  const escaped = escapeMarkdown(name);
  if (!notCurrent) return escaped;
  return i18n.t('rsvps.personNotCurrent', { name: escaped, reason: i18n.t(`rsvps.notCurrent.${notCurrent}`) });
}

function colorOf(status: SeatStatus): RsvpsCardData['lines'][number]['color'] {
  switch (status.kind) {
    // Teams' green and yellow are too light to read on white; the words say who comes, and red
    // marks what needs the secretariat's attention.
    case 'attending':
    case 'delegated':
      return 'Accent';
    case 'declined':
    case 'cannotAnswer':
      return 'Attention';
    case 'noAnswer':
    case 'deputyInvited':
    case 'tentative':
      return 'Default';
  }
}

/** The status, marked „in Outlook beantwortet“ when the answer it rests on was given in Outlook. */
function markedStatusText(line: SeatLine, i18n: Translator): string {
  const text = statusText(line, i18n);
  return 'via' in line.status && line.status.via === 'outlook'
    ? i18n.t('outlookAnswers.marked', { status: text })
    : text;
}

function statusText(line: SeatLine, i18n: Translator): string {
  const status = line.status;
  const name = escapeMarkdown(line.attendeeName ?? '');
  switch (status.kind) {
    case 'attending':
      if (status.mode === 'unspecified')
        return i18n.t(
          status.by === 'member' ? 'outlookAnswers.status.accepted' : 'outlookAnswers.status.deputyAccepted',
          {
            name,
          },
        );
      return i18n.t(status.by === 'member' ? `rsvps.status.${status.mode}` : `rsvps.status.deputy.${status.mode}`, {
        name,
      });
    case 'tentative':
      return i18n.t(
        status.by === 'member' ? 'outlookAnswers.status.tentative' : 'outlookAnswers.status.deputyTentative',
        {
          name,
        },
      );
    case 'delegated':
      return i18n.t('rsvps.status.delegated', { name });
    case 'deputyInvited':
      return i18n.t('rsvps.status.deputyInvited', { name: escapeMarkdown(line.deputyName ?? '–') });
    case 'declined':
      return i18n.t('rsvps.status.declined');
    case 'noAnswer':
      return i18n.t('rsvps.status.noAnswer');
    case 'cannotAnswer':
      // A deputy holding the seat was asked from the start, not handed over to: no word of the member.
      return i18n.t(`rsvps.status.cannotAnswer.${line.heldByDeputy ? 'heldByDeputy' : status.who}`, {
        name: escapeMarkdown((status.who === 'member' ? line.memberName : line.deputyName) ?? '–'),
        reason: i18n.t(`rsvps.notCurrent.${status.reason}`),
      });
  }
}
