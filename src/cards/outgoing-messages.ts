import type { MessageRenderer, MessageSpec } from '../app/ports/message-renderer';
import type { OutgoingMessage } from '../app/ports/messenger';
import { resolveLocale, translator, type Locale, type MessageKey, type MessageParams } from '../i18n/translator';
import type { AdaptiveCardJson } from './card-template';
import { renderNoticeCard, type NoticeTone } from './notice-card';
import { INVITATION_MESSAGE_KIND } from '../app/sessions/invitation-drafts';
import type { InvitationView } from '../app/sessions/invitation-view';
import { renderInvitationCard } from './invitation-card';

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

type KindRenderer = (data: Readonly<Record<string, unknown>>, locale: Locale) => AdaptiveCardJson;

/** Where rendered cards may link to the bot itself. */
export interface RendererOptions {
  /** The bot's public origin, for calendar links; without it invitations carry none. */
  readonly publicBaseUrl?: string;
}

function renderers({ publicBaseUrl }: RendererOptions): Readonly<Record<string, KindRenderer>> {
  return {
    notice: (data, locale) => {
      const { tone, title, text, params } = data as unknown as NoticeMessageData;
      const i18n = translator(locale);
      return renderNoticeCard({ style: tone, title: i18n.t(title), text: i18n.t(text, params), lines: [] });
    },
    [INVITATION_MESSAGE_KIND]: (data, locale) => renderInvitationCard(data as unknown as InvitationView, translator(locale), publicBaseUrl),
  };
}

/**
 * Renders outbox messages at the moment they are sent, in the language the recipient last wrote
 * in (their conversation's locale), so a queued message never goes out in a stale language.
 */
export function createMessageRenderer(defaultLocale: Locale, options: RendererOptions = {}): MessageRenderer {
  const byKind = renderers(options);
  return {
    render(message: MessageSpec, locale: string | undefined): OutgoingMessage {
      const render = byKind[message.kind];
      if (!render) throw new Error(`No renderer for message kind "${message.kind}"`);
      const card = render(message.data, resolveLocale(locale, defaultLocale));
      return { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
    },
  };
}
