import type { ActionListView } from '../app/agreements/list-action-items';
import type { Translator } from '../i18n/translator';
import { actionDay, actionStatus } from './action-item-card';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { NAME_SHOWN, shortened } from './person-choices';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/action-list.json`. */
export interface ActionListCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly summary: string;
  readonly filter: {
    readonly scopeLabel: string;
    readonly scope: string;
    readonly scopes: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    readonly institutionLabel: string;
    readonly institution: string;
    readonly institutions: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  } | null;
  readonly none: string;
  readonly lines: ReadonlyArray<{
    readonly text: string;
    readonly meta: string;
    readonly status: string;
    /** Only colours that read on white in Teams' light theme (no green or yellow text). */
    readonly statusColor: 'Accent' | 'Attention' | 'Default';
    readonly open: CardButton;
  }>;
  readonly page: string;
  readonly hint: string;
  readonly buttons: readonly CardButton[];
}

/** Characters of an item's text a list line shows; the item card shows it whole. */
export const ACTION_TEXT_SHOWN = 160;
/** Institutions the filter offers; a committee has far fewer owners of agreements. */
export const INSTITUTIONS_OFFERED = 30;
/**
 * The filter's value for "all institutions": a choice needs a value, and no institution is
 * named by a lone asterisk (filterFromCard reads it as no filter).
 */
export { ALL_INSTITUTIONS } from '../app/agreements/list-action-items';
import { ACTION_SCOPES, ALL_INSTITUTIONS } from '../app/agreements/list-action-items';
/** Characters of an institution's name in the filter. */
const INSTITUTION_SHOWN = 60;

/**
 * The list of action items: the reader's own, all, or the overdue ones, optionally of one
 * institution, a page at a time. Each line opens the item's card. `digest` is the secretariat's
 * weekly message: no filter, no paging, a hint to list them all.
 */
export function renderActionListCard(
  view: ActionListView,
  i18n: Translator,
  options: { readonly banner?: CardBanner; readonly digest?: boolean } = {},
): AdaptiveCardJson {
  const { filter } = view;
  const scopeTitle = i18n.t(`actions.list.${filter.scope}`);
  // The filter matches names in part, so a shortened name is as good a value as the whole one.
  const institutions = [
    ...new Set(view.institutions.map((institution) => institution.slice(0, INSTITUTION_SHOWN))),
  ].slice(0, INSTITUTIONS_OFFERED);
  const known = institutions.includes(filter.institution);
  const paging = { scope: filter.scope, institution: filter.institution };
  const data: ActionListCardData = {
    banner: options.banner ?? null,
    title: filter.institution
      ? i18n.t('actions.list.forInstitution', {
          scope: scopeTitle,
          institution: escapeMarkdown(shortened(filter.institution, INSTITUTION_SHOWN)),
        })
      : scopeTitle,
    summary: i18n.t('actions.list.summary', { count: view.total }),
    filter: options.digest
      ? null
      : {
          scopeLabel: i18n.t('actions.list.scope'),
          scope: filter.scope,
          scopes: ACTION_SCOPES.map((scope) => ({
            title: i18n.t(`actions.list.${scope}`),
            value: scope,
          })),
          institutionLabel: i18n.t('actions.list.institution'),
          institution: known ? filter.institution : ALL_INSTITUTIONS,
          institutions: [
            { title: i18n.t('actions.list.allInstitutions'), value: ALL_INSTITUTIONS },
            ...institutions.map((institution) => ({ title: institution, value: institution })),
          ],
        },
    none: i18n.t('actions.list.none'),
    lines: view.lines.map((line) => ({
      text: escapeMarkdown(shortened(line.text, ACTION_TEXT_SHOWN)),
      meta: i18n.t('actions.list.meta', {
        institution: escapeMarkdown(shortened(line.institution, INSTITUTION_SHOWN)),
        responsible: escapeMarkdown(shortened(line.responsibleName, NAME_SHOWN)),
        due: actionDay(line.dueDate, i18n),
      }),
      status: line.overdue
        ? `${actionStatus(line.status, i18n)} · ${i18n.t('actions.overdue')}`
        : actionStatus(line.status, i18n),
      statusColor:
        line.overdue || line.status === 'blocked' ? 'Attention' : line.status === 'inProgress' ? 'Accent' : 'Default',
      open: cardButton(i18n.t('actions.list.details'), VERBS.actionOpen, { agreementId: line.agreementId }),
    })),
    page:
      view.pageCount > 1 && !options.digest
        ? i18n.t('actions.list.page', { page: view.page, pages: view.pageCount })
        : '',
    hint: options.digest ? '' : i18n.t('actions.list.hint'),
    buttons: options.digest
      ? []
      : [
          cardButton(i18n.t('actions.list.filter'), VERBS.actionsOpen, {}),
          ...(view.page > 1
            ? [cardButton(i18n.t('actions.list.previous'), VERBS.actionsOpen, { ...paging, page: view.page - 1 })]
            : []),
          ...(view.page < view.pageCount
            ? [cardButton(i18n.t('actions.list.next'), VERBS.actionsOpen, { ...paging, page: view.page + 1 })]
            : []),
        ],
  };
  return expandCard('action-list', data);
}
