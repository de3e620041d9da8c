import type { MinutesView } from '../app/minutes/open-minutes';
import { formatDateTime, formatDeadline } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { minutesItemHeading, minutesItemBody } from './minutes-lines';
import { shortened } from './person-choices';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/minutes.json`. */
export interface MinutesCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly when: string;
  readonly facts: readonly string[];
  readonly frozen: string;
  readonly items: ReadonlyArray<{
    readonly heading: string;
    readonly body: string;
    readonly responses: string;
    readonly responsesColor: 'Default' | 'Attention';
    readonly buttons: readonly CardButton[];
  }>;
  readonly selection: {
    readonly label: string;
    readonly value: string;
    readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    readonly buttons: readonly CardButton[];
  } | null;
  readonly buttons: readonly CardButton[];
  readonly pdfTitle: string;
  readonly pdfUrl: string;
}

/** Up to this many items each get an edit button; longer minutes get one item picker instead. */
export const MINUTES_ITEM_BUTTONS_MAX = 10;
/** Objections quoted per item and on the whole card; the rest are counted (the comments are in full on the answers). */
const OBJECTIONS_SHOWN = 3;
const OBJECTIONS_SHOWN_TOTAL = 6;

/**
 * The secretariat's minutes: status and version, who saved last, per item the summary, result
 * and agreements, the answers to the circulated version (objections with names and comments),
 * a way to edit each item (or correct it once approved), and the next step: circulate, approve,
 * or publish a correction. `pdfUrl` is the reader's own link to the version last sent out (see
 * `minutesCardLinks`).
 */
export function renderMinutesCard(
  view: MinutesView,
  i18n: Translator,
  options: { readonly banner?: CardBanner; readonly pdfUrl?: string } = {},
): AdaptiveCardJson {
  const session = { sessionId: view.sessionId };
  const approved = view.status === 'approved';
  const editLabel = i18n.t(approved ? 'minutesCard.correct' : 'minutesCard.edit');
  const perItem = view.items.length <= MINUTES_ITEM_BUTTONS_MAX;
  const revised =
    view.status === 'circulated' && view.circulation !== undefined && view.version > view.circulation.version;
  const facts = [
    i18n.t(`minutesCard.status.${revised ? 'revised' : approved && view.unpublished ? 'corrected' : view.status}`, {
      version: view.version,
    }),
    i18n.t('minutesCard.lastSaved', {
      name: escapeMarkdown(view.lastSaved.byName),
      at: formatDateTime(view.lastSaved.at, view.timeZone, i18n),
    }),
    i18n.t('minutesCard.participants', { count: view.participants }),
    ...(view.chair ? [i18n.t('minutesCard.chair', { chair: escapeMarkdown(view.chair) })] : []),
    ...(view.circulation
      ? [
          i18n.t('minutesCard.circulated', {
            version: view.circulation.version,
            at: formatDateTime(view.circulation.at, view.timeZone, i18n),
            deadline: formatDeadline(view.circulation.objectionDeadline, view.timeZone, i18n),
          }),
        ]
      : []),
    ...(view.approval
      ? [
          i18n.t(view.approval.automatic ? 'minutesCard.approvedAutomatically' : 'minutesCard.approved', {
            version: view.approval.version,
            at: formatDateTime(view.approval.at, view.timeZone, i18n),
          }),
        ]
      : []),
  ];
  const buttons: CardButton[] = [];
  if (view.status === 'draft' || revised)
    buttons.push(
      cardButton(
        i18n.t(revised ? 'minutesCard.circulateRevision' : 'minutesCard.circulate'),
        VERBS.minutesCirculate,
        session,
        'positive',
      ),
    );
  if (view.status === 'circulated' && !revised)
    buttons.push(cardButton(i18n.t('minutesCard.approve'), VERBS.minutesApprove, session, 'positive'));
  if (approved && view.unpublished)
    buttons.push(cardButton(i18n.t('minutesCard.publishCorrection'), VERBS.minutesApprove, session, 'positive'));
  buttons.push(cardButton(i18n.t('minutesCard.refresh'), VERBS.minutesOpen, session));
  let quotable = OBJECTIONS_SHOWN_TOTAL;
  const data: MinutesCardData = {
    banner: options.banner ? { lines: [], ...options.banner } : null,
    title: i18n.t('minutesCard.title', { session: sessionTitle({ number: view.sessionNumber }, i18n) }),
    when: formatDateTime(view.startsAt, view.timeZone, i18n),
    facts,
    frozen: approved ? i18n.t('minutesCard.frozen') : '',
    items: view.items.map((item, index) => {
      const responses = view.responses[item.itemId];
      const objections = responses?.objections ?? [];
      const quoted = objections.slice(0, Math.min(OBJECTIONS_SHOWN, quotable));
      quotable -= quoted.length;
      return {
        heading: minutesItemHeading(item, index, i18n),
        body: minutesItemBody(item, i18n, !perItem),
        responses: responses
          ? [
              i18n.t('minutesCard.responses', { agreed: responses.agreed, objected: objections.length }),
              ...quoted.map((objection) =>
                i18n.t('minutesCard.objection', {
                  name: escapeMarkdown(shortened(objection.name, 40)),
                  comment: escapeMarkdown(shortened(objection.comment, 100)),
                }),
              ),
              ...(objections.length > quoted.length
                ? [i18n.t('minutesCard.moreObjections', { count: objections.length - quoted.length })]
                : []),
            ].join('\n\n')
          : '',
        responsesColor: objections.length > 0 ? 'Attention' : 'Default',
        buttons: perItem ? [cardButton(editLabel, VERBS.minutesItemForm, { ...session, itemId: item.itemId })] : [],
      };
    }),
    selection: perItem
      ? null
      : {
          label: i18n.t('minutesCard.choose'),
          value: view.items[0]?.itemId ?? '',
          choices: view.items.map((item, index) => ({
            title: i18n.t('agenda.number', { number: index + 1 }),
            value: item.itemId,
          })),
          buttons: [cardButton(editLabel, VERBS.minutesItemForm, session)],
        },
    buttons,
    pdfTitle: i18n.t('minutesCard.pdf'),
    pdfUrl: view.publishedVersion !== undefined ? (options.pdfUrl ?? '') : '',
  };
  return expandCard('minutes', data);
}
