import type { TopicLine, TopicOverview } from '../app/agenda/topic-overview';
import { formatDeadline } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { shortened } from './person-choices';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/topics.json`. */
export interface TopicsCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly deadline: string;
  readonly summary: string;
  readonly none: string;
  readonly page: string;
  readonly lines: ReadonlyArray<{
    readonly kind: string;
    readonly title: string;
    readonly meta: string;
    /** Late submission, deferral: what the secretariat should know before deciding. */
    readonly flags: string;
    readonly description: string;
    readonly link: string;
    readonly decision: string;
    /** The decision's background: green for taken up, red for declined; text stays in the default colour. */
    readonly decisionStyle: 'good' | 'attention' | 'default';
    readonly buttons: readonly CardButton[];
  }>;
  readonly buttons: readonly CardButton[];
}

/**
 * Characters of a description or decline reason the list shows; the decision form shows the
 * whole description. A full page of the longest submissions (4,000-character descriptions,
 * 1,000-character reasons) would not fit into one Teams card otherwise. Titles, names,
 * institutions and links are shown in full: they are short, and a cut link is no use.
 */
export const TOPIC_TEXT_SHOWN = 280;

/**
 * The secretariat's triage list for a session: every submission with what it asks for, those
 * waiting for a decision first with a button to decide, the decided ones with their decision.
 */
export function renderTopicsCard(view: TopicOverview, i18n: Translator, banner?: CardBanner): AdaptiveCardJson {
  const session = { sessionId: view.sessionId };
  const data: TopicsCardData = {
    banner: banner ? { lines: [], ...banner } : null,
    title: i18n.t('topics.title', { session: sessionTitle({ number: view.sessionNumber }, i18n) }),
    deadline: i18n.t('topics.deadline', { deadline: formatDeadline(view.deadline, view.timeZone, i18n) }),
    summary: i18n.t('topics.summary', { undecided: view.undecided, total: view.total }),
    none: i18n.t('topics.none'),
    page: view.pageCount > 1 ? i18n.t('topics.page', { page: view.page, pages: view.pageCount }) : '',
    lines: view.lines.map((line) => topicLine(line, i18n)),
    buttons: [
      ...(view.pageCount > 1 && view.page > 1
        ? [cardButton(i18n.t('topics.previous'), VERBS.topicsOpen, { ...session, page: view.page - 1 })]
        : []),
      ...(view.pageCount > 1 && view.page < view.pageCount
        ? [cardButton(i18n.t('topics.next'), VERBS.topicsOpen, { ...session, page: view.page + 1 })]
        : []),
      cardButton(i18n.t('topics.agenda'), VERBS.agendaOpen, session),
    ],
  };
  return expandCard('topics', data);
}

function topicLine(line: TopicLine, i18n: Translator): TopicsCardData['lines'][number] {
  const { content } = line;
  const by = content.institution
    ? i18n.t('topics.byWithInstitution', {
        name: escapeMarkdown(line.personName),
        institution: escapeMarkdown(content.institution),
      })
    : i18n.t('topics.by', { name: escapeMarkdown(line.personName) });
  return {
    kind: i18n.t(`submission.kinds.${content.kind}`),
    title: escapeMarkdown(content.title),
    meta: [
      by,
      ...(content.desiredMinutes !== undefined
        ? [i18n.t('topics.desiredMinutes', { minutes: content.desiredMinutes })]
        : []),
    ].join(' · '),
    flags: [
      ...(line.late ? [i18n.t('topics.late')] : []),
      ...(line.deferredFrom ? [i18n.t('topics.deferredFrom', { number: escapeMarkdown(line.deferredFrom) })] : []),
    ].join(' · '),
    description: escapeMarkdown(shortened(content.description, TOPIC_TEXT_SHOWN)),
    link: content.link ? i18n.t('topics.link', { link: escapeMarkdown(content.link) }) : '',
    decision: decisionText(line, i18n),
    decisionStyle:
      line.status === 'accepted' || line.status === 'merged'
        ? 'good'
        : line.status === 'declined'
          ? 'attention'
          : 'default',
    buttons:
      line.status === 'submitted'
        ? [cardButton(i18n.t('topics.decide'), VERBS.topicDecideForm, { submissionId: line.id }, 'positive')]
        : [],
  };
}

function decisionText(line: TopicLine, i18n: Translator): string {
  switch (line.status) {
    case 'accepted':
    case 'merged':
      return i18n.t(`topics.decisions.${line.status}`);
    case 'declined':
      return i18n.t('topics.decisions.declined', {
        reason: escapeMarkdown(shortened(line.decision?.reason ?? '–', TOPIC_TEXT_SHOWN)),
      });
    default:
      return '';
  }
}
