import type { AgendaMessage } from '../app/agenda/publish-agenda';
import { formatSessionRange } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { agendaAgreementLines } from './agenda-agreement-lines';
import { agendaLines, itemTitle } from './agenda-lines';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';

/** Data model of `adaptiveCards/agenda-published.json`. */
export interface PublishedAgendaCardData {
  readonly committeeName: string;
  readonly title: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  /** Set for a version after the first, whose new and changed items are marked. */
  readonly changed: string;
  readonly items: ReadonlyArray<{ readonly line: string; readonly details: readonly string[] }>;
  readonly removedTitle: string;
  readonly removed: readonly string[];
}

/**
 * A published agenda on its own, as the working group's conversation and people who had an
 * earlier version (and are no longer invited) receive it: the session, the items with new and
 * changed ones marked (the status of agreements with each agreement reported, as it stood at
 * publication), and the items a new version dropped. It has no buttons: answering the
 * invitation happens on the invitation card.
 */
export function renderPublishedAgendaCard(message: AgendaMessage, i18n: Translator): AdaptiveCardJson {
  const { agenda } = message;
  const data: PublishedAgendaCardData = {
    committeeName: escapeMarkdown(message.committeeName),
    title: i18n.t('agendaCard.message.title', {
      session: sessionTitle({ number: message.sessionNumber }, i18n),
      version: agenda.version,
    }),
    facts: [
      {
        title: i18n.t('sessions.when'),
        value: formatSessionRange(message.startsAt, message.endsAt, message.timeZone, i18n),
      },
      ...(message.place ? [{ title: i18n.t('sessions.place'), value: escapeMarkdown(message.place) }] : []),
      ...(message.onlineLink
        ? [{ title: i18n.t('sessions.onlineLink'), value: escapeMarkdown(message.onlineLink) }]
        : []),
    ],
    changed: agenda.version > 1 ? i18n.t('agendaCard.message.changed') : '',
    items: agendaLines(agenda.items, i18n).map((line, index) => {
      const item = agenda.items[index]!;
      return {
        line,
        details:
          item.origin.type === 'standard' && item.origin.standard === 'agreements'
            ? agendaAgreementLines(message.agreements, i18n)
            : [],
      };
    }),
    removedTitle: i18n.t('agendaCard.message.removed'),
    removed: agenda.removed.map((item) => itemTitle(item, i18n)),
  };
  return expandCard('agenda-published', data);
}
