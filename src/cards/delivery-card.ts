import type { DeliveryReport, DispatchSummary, FailedDelivery } from '../app/delivery/delivery-report';
import { failureKindOf } from '../domain/delivery/failure-kind';
import { formatDateTime } from '../i18n/format-date';
import type { MessageKey, Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { dispatchLabel } from './dispatch-label';
import { escapeMarkdown } from './escape-markdown';
import { VERBS } from './verbs';

/**
 * Names listed per dispatch, shared among its reasons (at least two per reason); the rest is
 * counted, so that five dispatches with every kind of failure stay within Teams' card size.
 */
export const LISTED_FAILURES = 12;

/** Data model of `adaptiveCards/delivery.json`. */
export interface DeliveryCardData {
  readonly banner: Omit<CardBanner, 'lines'> | null;
  readonly title: string;
  readonly subtitle: string;
  readonly none: string;
  readonly dispatches: ReadonlyArray<{
    readonly heading: string;
    readonly queuedAt: string;
    readonly counts: string;
    readonly resent: string;
    /** Who it did not go to because they have no Teams, and how they hear of it, if at all. */
    readonly withoutTeams: string;
    readonly failures: readonly string[];
    readonly retry: { readonly title: string; readonly data: CardButton['data'] } | null;
  }>;
  readonly buttons: readonly CardButton[];
}

/**
 * The delivery report: one block per dispatch, named by what it was, with its counts, the
 * outcome of a resend, each failure with its reason and what to do, and a resend button; below,
 * the way to older and newer dispatches, or (for one dispatch) a refresh and the way back.
 */
export function renderDeliveryCard(
  report: DeliveryReport,
  timeZone: string,
  i18n: Translator,
  banner: Omit<CardBanner, 'lines'> | null = null,
): AdaptiveCardJson {
  const data: DeliveryCardData = {
    banner,
    title: i18n.t('delivery.title'),
    subtitle: report.focus ? '' : report.page > 1 ? i18n.t('delivery.page', { page: report.page }) : '',
    none: i18n.t('delivery.none'),
    dispatches: report.dispatches.map((dispatch) => dispatchBlock(dispatch, timeZone, i18n, report.outlook ?? false)),
    buttons: navigation(report, i18n),
  };
  return expandCard('delivery', data);
}

function dispatchBlock(
  dispatch: DispatchSummary,
  timeZone: string,
  i18n: Translator,
  outlook: boolean,
): DeliveryCardData['dispatches'][number] {
  return {
    heading: dispatchLabel(dispatch, i18n),
    queuedAt: i18n.t('dispatches.queuedAt', { at: formatDateTime(dispatch.createdAt, timeZone, i18n) }),
    counts: i18n.t('delivery.counts', { sent: dispatch.sent, pending: dispatch.pending, failed: dispatch.failed }),
    resent: dispatch.resent ? i18n.t('delivery.resent', { ...dispatch.resent }) : '',
    withoutTeams: withoutTeamsLine(dispatch, outlook, i18n),
    failures: [
      ...failureLines(dispatch.failures, i18n),
      ...(dispatch.meeting && dispatch.meeting.unreachable.length > 0
        ? [i18n.t('meetings.unreachable', { names: dispatch.meeting.unreachable.map(escapeMarkdown).join(', ') })]
        : []),
    ],
    retry:
      dispatch.failed > 0
        ? {
            title: i18n.t('delivery.retry'),
            data: cardButton('', VERBS.deliveryRetry, { dispatchId: dispatch.dispatchId }).data,
          }
        : null,
  };
}

/** Dispatches whose news a session's Outlook event carries: the event itself, its change, its cancellation. */
const OUTLOOK_KINDS: ReadonlySet<string> = new Set([
  'invitation',
  'invitationChange',
  'cancellation',
  'deputyInvitation',
]);

/**
 * What became of the people without Teams a dispatch was meant for, told truthfully: with
 * Outlook, a session's invitation, change or cancellation reaches them as the Outlook event;
 * anything else does not reach them; without Outlook, nothing does.
 */
function withoutTeamsLine(dispatch: DispatchSummary, outlook: boolean, i18n: Translator): string {
  const count = dispatch.withoutTeams ?? 0;
  if (count === 0) return '';
  if (!outlook) return i18n.t('withoutTeams.delivery.unreachable', { count });
  return dispatch.about && OUTLOOK_KINDS.has(dispatch.about.kind)
    ? i18n.t('withoutTeams.delivery.viaOutlook', { count })
    : i18n.t('withoutTeams.delivery.notInTeams', { count });
}

/**
 * The failures of a dispatch, one line per reason: who (their share of `LISTED_FAILURES` names,
 * the rest counted), why, and what to do. Twelve members who never opened Gremium make one line
 * with one advice, not twelve.
 */
export function failureLines(failures: readonly FailedDelivery[], i18n: Translator): string[] {
  const groups = new Map<string, { readonly text: string; readonly names: string[] }>();
  for (const failure of failures) {
    const text = failureText(failure, i18n);
    const group = groups.get(text) ?? { text, names: [] };
    group.names.push(recipientText(failure, i18n));
    groups.set(text, group);
  }
  const perReason = Math.max(2, Math.floor(LISTED_FAILURES / Math.max(1, groups.size)));
  return [...groups.values()].map(({ text, names }) => {
    const listed = names.slice(0, perReason).join(', ');
    const more = names.length - perReason;
    const recipient = more > 0 ? `${listed} ${i18n.t('delivery.moreFailures', { count: more })}` : listed;
    return i18n.t('delivery.failure', { recipient, reason: text });
  });
}

function navigation(report: DeliveryReport, i18n: Translator): CardButton[] {
  if (report.focus)
    return [
      cardButton(i18n.t('delivery.refresh'), VERBS.deliveryOpen, { dispatchId: report.focus }),
      cardButton(i18n.t('delivery.all'), VERBS.deliveryOpen, { page: 1 }),
    ];
  return [
    ...(report.page > 1 ? [cardButton(i18n.t('delivery.newer'), VERBS.deliveryOpen, { page: report.page - 1 })] : []),
    ...(report.hasOlder ? [cardButton(i18n.t('delivery.older'), VERBS.deliveryOpen, { page: report.page + 1 })] : []),
  ];
}

/**
 * Why a message did not arrive and what to do, as one text. A person's failure speaks of them;
 * the working group's channel or group chat has its own reasons (Gremium removed from it).
 */
export function failureText(
  delivery: Pick<FailedDelivery, 'failure' | 'toConversation' | 'toOrganiserCalendar' | 'toOrganiserMail'>,
  i18n: Translator,
): string {
  if (delivery.toOrganiserCalendar) return i18n.t(`meetings.failures.${organiserFailureKind(delivery.failure)}`);
  if (delivery.toOrganiserMail)
    return i18n.t(
      `feedLinkMail.failures.${
        delivery.failure.code === 'recipientGone' ? 'recipientGone' : organiserFailureKind(delivery.failure)
      }`,
    );
  const kind = failureKindOf(delivery.failure);
  if (!delivery.toConversation) return i18n.t(`delivery.failures.${kind}`);
  const key: MessageKey =
    kind === 'notInTeam' || kind === 'noTeam'
      ? 'delivery.failures.conversationUnknown'
      : kind === 'unavailable' || kind === 'rejected'
        ? `delivery.failures.${kind}`
        : 'delivery.failures.conversationRemoved';
  return i18n.t(key);
}

/**
 * Why the Outlook event could not be brought up to date (or the e-mail not sent): Graph did not
 * answer or was busy on every attempt; Gremium lacks the permission for the mailbox (401, 403);
 * the mailbox is no longer configured; or Graph refused the event for another reason.
 */
function organiserFailureKind(
  failure: FailedDelivery['failure'],
): 'unavailable' | 'notPermitted' | 'notConfigured' | 'rejected' {
  if (failure.code === 'notConfigured') return 'notConfigured';
  if (failure.reason === 'attemptsExhausted') return 'unavailable';
  if (failure.status === 401 || failure.status === 403) return 'notPermitted';
  return 'rejected';
}

/**
 * The label a message to the working group's channel or group chat is stored with: a marker in
 * the outbox, not a word for the reader, so it is translated here.
 */
const WORKING_GROUP_CONVERSATION_LABEL = 'working group';

/** Who did not receive a message, in words: a person's name, or the working group's channel. */
export function recipientText(
  delivery: Pick<FailedDelivery, 'recipientLabel' | 'toConversation' | 'toOrganiserCalendar'>,
  i18n: Translator,
): string {
  if (delivery.toOrganiserCalendar) return i18n.t('meetings.organiserMailbox');
  return delivery.toConversation || delivery.recipientLabel === WORKING_GROUP_CONVERSATION_LABEL
    ? i18n.t('delivery.workingGroupConversation')
    : escapeMarkdown(delivery.recipientLabel);
}
