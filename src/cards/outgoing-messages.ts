import type { IssuedLinks, MessageCommittee, MessageRenderer, MessageSpec } from '../app/ports/message-renderer';
import type { OutgoingMessage } from '../app/ports/messenger';
import {
  resolveLocale,
  translator,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Translator,
} from '../i18n/translator';
import { formatDeadline } from '../i18n/format-date';
import type { AdaptiveCardJson } from './card-template';
import { withCommittee } from './committee-context';
import { linkUrl } from './link-url';
import { renderNoticeCard, type NoticeTone } from './notice-card';
import { INVITATION_MESSAGE_KIND } from '../app/sessions/invitation-drafts';
import type { InvitationView } from '../app/sessions/invitation-view';
import { renderInvitationCard } from './invitation-card';
import { CALL_FOR_TOPICS_MESSAGE_KIND, type CallForTopicsView } from '../app/agenda/call-for-topics';
import { TOPIC_DECISION_MESSAGE_KIND, type TopicDecisionMessage } from '../app/agenda/triage-topics';
import { TOPICS_CLOSED_MESSAGE_KIND, type TopicsClosedMessage } from '../app/agenda/topics-closed';
import { AGENDA_MESSAGE_KIND, type AgendaMessage } from '../app/agenda/publish-agenda';
import { renderPublishedAgendaCard } from './agenda-published-card';
import { AGENDA_DEADLINE_MESSAGE_KIND, type AgendaDeadlineMessage } from '../app/agenda/agenda-deadline-notices';
import { renderAgendaDeadlineCard } from './agenda-deadline-card';
import { renderCallForTopicsCard } from './call-for-topics-card';
import { renderTopicDecisionNotice } from './topic-decision-notice';
import {
  ACTION_ITEM_MESSAGE_KIND,
  OVERDUE_DIGEST_MESSAGE_KIND,
  type ActionItemMessage,
  type OverdueDigestMessage,
} from '../app/agreements/action-item-messages';
import { actionNoticeBanner, renderActionItemCard } from './action-item-card';
import { renderActionListCard } from './action-list-card';
import {
  MINUTES_RESULTS_MESSAGE_KIND,
  MINUTES_REVIEW_MESSAGE_KIND,
  type MinutesResultsMessage,
  type MinutesReviewMessage,
} from '../app/minutes/minutes-messages';
import { MINUTES_OBJECTIONS_MESSAGE_KIND, type MinutesObjectionsMessage } from '../app/minutes/minutes-jobs';
import { renderMinutesResultsCard, renderMinutesReviewCard } from './minutes-review-card';
import { DELIVERY_FAILURES_MESSAGE_KIND, type DeliveryFailuresMessage } from '../app/delivery/finish-dispatch';
import { renderDeliveryFailuresCard } from './delivery-failures-card';

/** A short notice sent proactively: message keys, rendered in the recipient's language. */
export interface NoticeMessageData {
  readonly tone: NoticeTone;
  readonly title: MessageKey;
  readonly text: MessageKey;
  readonly params?: MessageParams;
}

/** Builds the spec of a proactive notice, for an outbox draft. */
export function noticeMessage(data: NoticeMessageData): MessageSpec {
  return { kind: 'notice', data: { ...data } };
}

/** The attachment content type Teams expects for Adaptive Cards. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Renders one kind of message; `url` gives the full address of a link issued for the reader, or ''. */
type KindRenderer = (
  data: Readonly<Record<string, unknown>>,
  locale: Locale,
  url: (name: string) => string,
) => AdaptiveCardJson;

/** Where rendered cards may link to the bot itself. */
export interface RendererOptions {
  /** The bot's public origin, for calendar and PDF links; without it cards carry none. */
  readonly publicBaseUrl?: string;
}

function renderers(): Readonly<Record<string, KindRenderer>> {
  return {
    notice: (data, locale) => {
      const { tone, title, text, params } = data as unknown as NoticeMessageData;
      const i18n = translator(locale);
      return renderNoticeCard({ style: tone, title: i18n.t(title), text: i18n.t(text, params), lines: [] });
    },
    [INVITATION_MESSAGE_KIND]: (data, locale, url) =>
      renderInvitationCard(data as unknown as InvitationView, translator(locale), url('calendar')),
    [CALL_FOR_TOPICS_MESSAGE_KIND]: (data, locale) =>
      renderCallForTopicsCard(data as unknown as CallForTopicsView, translator(locale)),
    [AGENDA_MESSAGE_KIND]: (data, locale) =>
      renderPublishedAgendaCard(data as unknown as AgendaMessage, translator(locale)),
    [AGENDA_DEADLINE_MESSAGE_KIND]: (data, locale) =>
      renderAgendaDeadlineCard(data as unknown as AgendaDeadlineMessage, translator(locale)),
    [TOPIC_DECISION_MESSAGE_KIND]: (data, locale) =>
      renderTopicDecisionNotice(data as unknown as TopicDecisionMessage, translator(locale)),
    [ACTION_ITEM_MESSAGE_KIND]: (data, locale) => {
      const { notice, view } = data as unknown as ActionItemMessage;
      const i18n = translator(locale);
      return renderActionItemCard(view, i18n, actionNoticeBanner(notice, view, i18n));
    },
    [OVERDUE_DIGEST_MESSAGE_KIND]: (data, locale) => {
      const { week, view } = data as unknown as OverdueDigestMessage;
      const i18n = translator(locale);
      return renderActionListCard(view, i18n, {
        digest: true,
        banner: {
          style: 'attention',
          title: i18n.t('actions.digest.title', { week: week.slice(-2) }),
          text: i18n.t('actions.digest.text', { count: view.total }),
        },
      });
    },
    [MINUTES_REVIEW_MESSAGE_KIND]: (data, locale, url) =>
      renderMinutesReviewCard(data as unknown as MinutesReviewMessage, translator(locale), { pdfUrl: url('pdf') }),
    [MINUTES_RESULTS_MESSAGE_KIND]: (data, locale, url) =>
      renderMinutesResultsCard(data as unknown as MinutesResultsMessage, translator(locale), url('pdf')),
    [MINUTES_OBJECTIONS_MESSAGE_KIND]: (data, locale) => {
      const { sessionNumber, objections, revisionPending } = data as unknown as MinutesObjectionsMessage;
      const i18n = translator(locale);
      return renderNoticeCard({
        style: 'warning',
        title: i18n.t('minutesMessages.deadlineTitle', { number: sessionNumber }),
        text: i18n.t(
          revisionPending
            ? 'minutesMessages.deadlineRevision'
            : objections > 0
              ? 'minutesMessages.deadlineObjections'
              : 'minutesMessages.deadlineManual',
          { count: objections },
        ),
        lines: [],
      });
    },
    [DELIVERY_FAILURES_MESSAGE_KIND]: (data, locale) =>
      renderDeliveryFailuresCard(data as unknown as DeliveryFailuresMessage, translator(locale)),
    [TOPICS_CLOSED_MESSAGE_KIND]: (data, locale) => {
      const { sessionNumber, undecided, deadline, timeZone } = data as unknown as TopicsClosedMessage;
      const i18n = translator(locale);
      return renderNoticeCard({
        style: 'default',
        title: i18n.t('topicMessages.closedTitle', { number: sessionNumber }),
        text:
          deadline && timeZone
            ? i18n.t('topicMessages.closedAt', {
                deadline: formatDeadline(deadline, timeZone, i18n),
                count: undecided,
              })
            : i18n.t('topicMessages.closed', { count: undecided }),
        lines: [],
      });
    },
  };
}

/** The session a message is about, for its header ("KOG · Sitzung 2027/1"), where its data names one. */
function aboutOf(data: Readonly<Record<string, unknown>>, i18n: Translator): { readonly about?: string } {
  const view = data.view as { readonly sessionNumber?: unknown } | undefined;
  const number = typeof data.sessionNumber === 'string' ? data.sessionNumber : view?.sessionNumber;
  return typeof number === 'string' ? { about: i18n.t('sessions.sessionTitle', { number }) } : {};
}

/**
 * Renders outbox messages at the moment they are sent, in the recipient's language as the sender
 * found it then (a person's choice, else the language they last wrote in; a channel's own), so a
 * queued message never goes out in a stale language, with the links the sender has just issued
 * for the recipient.
 */
export function createMessageRenderer(defaultLocale: Locale, options: RendererOptions = {}): MessageRenderer {
  const byKind = renderers();
  return {
    render(
      message: MessageSpec,
      locale: string | undefined,
      links: IssuedLinks = {},
      committee?: MessageCommittee,
    ): OutgoingMessage {
      const render = byKind[message.kind];
      if (!render) throw new Error(`No renderer for message kind "${message.kind}"`);
      const url = (name: string) => linkUrl(options.publicBaseUrl, links[name]);
      const language = resolveLocale(locale, defaultLocale);
      const card = render(message.data, language, url);
      const content = committee
        ? withCommittee(card, { ...committee, ...aboutOf(message.data, translator(language)) })
        : card;
      return { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }] };
    },
  };
}
