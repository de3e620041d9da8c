import type { TopicDecisionMessage } from '../app/agenda/triage-topics';
import type { Translator } from '../i18n/translator';
import type { AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { renderNoticeCard } from './notice-card';

/**
 * Tells a submitter 1:1 what the secretariat decided about their topic, with the reason when it
 * was declined. Titles and reasons are people's text and are escaped.
 */
export function renderTopicDecisionNotice(message: TopicDecisionMessage, i18n: Translator): AdaptiveCardJson {
  const params = {
    title: escapeMarkdown(message.title),
    number: message.sessionNumber,
    item: escapeMarkdown(message.itemTitle ?? ''),
    next: message.nextSessionNumber ?? '',
    reason: escapeMarkdown(message.reason ?? ''),
  };
  const style = message.decision === 'decline' ? 'attention' : message.decision === 'defer' ? 'warning' : 'good';
  return renderNoticeCard({
    style,
    title: i18n.t(`topicMessages.${message.decision}Title`, params),
    text: i18n.t(`topicMessages.${message.decision}`, params),
    lines: [],
  });
}
