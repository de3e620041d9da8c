import type { WorkingGroupsView } from '../app/working-groups/list-working-groups';
import type { WorkingGroupDocument } from '../app/working-groups/working-group-document';
import { isCancelled } from '../domain/sessions/session-state';
import { formatDay, formatLocalDate } from '../i18n/format-date';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardBanner, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/**
 * Groups per page of the list. With the longest texts, escaped, a group takes up to 3.2 KB of
 * card, so a page stays well under the size Teams accepts, however many groups years of work
 * leave on record.
 */
export const WORKING_GROUPS_PAGE_SIZE = 6;

/** How much of the long texts the list shows; the form shows them whole. */
export const LIST_TEXT_LIMITS = { mandate: 300, members: 200 } as const;

/** Data model of `adaptiveCards/working-groups.json`. */
export interface WorkingGroupsCardData {
  readonly banner: CardBanner | null;
  readonly title: string;
  readonly none: string;
  readonly pageLine: string;
  readonly groups: ReadonlyArray<{
    readonly heading: string;
    readonly stateLabel: string;
    readonly stateColor: 'Accent' | 'Default';
    readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
    readonly buttons: readonly CardButton[];
  }>;
  /** A new group, and the way to the other pages. */
  readonly actions: readonly CardButton[];
}

export interface WorkingGroupsCardOptions {
  readonly banner?: CardBanner;
  /** The page to show, as a card sent it (untrusted); the first when it is no page. */
  readonly page?: unknown;
  /** The group whose end awaits confirmation: its page is shown, and it offers only the confirmation. */
  readonly confirmEnd?: string;
}

/** The committee's temporary working groups: the active ones to edit or end, then the record of ended ones. */
export function renderWorkingGroupsCard(
  view: WorkingGroupsView,
  i18n: Translator,
  options: WorkingGroupsCardOptions = {},
): AdaptiveCardJson {
  const pages = Math.max(1, Math.ceil(view.groups.length / WORKING_GROUPS_PAGE_SIZE));
  const confirming = view.groups.findIndex((group) => group.id === options.confirmEnd);
  const page = confirming >= 0 ? Math.floor(confirming / WORKING_GROUPS_PAGE_SIZE) + 1 : pageOf(options.page, pages);
  const shown = view.groups.slice((page - 1) * WORKING_GROUPS_PAGE_SIZE, page * WORKING_GROUPS_PAGE_SIZE);
  const data: WorkingGroupsCardData = {
    banner: options.banner ?? null,
    title: i18n.t('workingGroups.title'),
    none: i18n.t('workingGroups.none'),
    pageLine: pages > 1 ? i18n.t('workingGroups.page', { page, pages }) : '',
    groups: shown.map((group) => ({
      heading: escapeMarkdown(group.name),
      stateLabel: i18n.t(`workingGroups.states.${group.state}`),
      stateColor: group.state === 'active' ? 'Accent' : 'Default',
      facts: factsOf(group, view, i18n),
      buttons:
        group.state === 'ended'
          ? []
          : group.id === options.confirmEnd
            ? confirmButtons(group, page, i18n)
            : buttonsFor(group, page, i18n),
    })),
    actions: [
      cardButton(i18n.t('workingGroups.new'), VERBS.workingGroupForm, {}, 'positive'),
      ...(page > 1 ? [cardButton(i18n.t('workingGroups.previous'), VERBS.workingGroupsOpen, { page: page - 1 })] : []),
      ...(page < pages ? [cardButton(i18n.t('workingGroups.next'), VERBS.workingGroupsOpen, { page: page + 1 })] : []),
    ],
  };
  return expandCard('working-groups', data);
}

function factsOf(
  group: WorkingGroupDocument,
  view: WorkingGroupsView,
  i18n: Translator,
): Array<{ title: string; value: string }> {
  const day = (isoDate: string) => formatLocalDate(isoDate, i18n);
  return [
    {
      title: i18n.t('workingGroups.term'),
      value: i18n.t('workingGroups.termValue', { start: day(group.startsOn), end: day(group.plannedEndOn) }),
    },
    ...(group.endedAt
      ? [
          {
            title: i18n.t('workingGroups.endedOn'),
            value: formatDay(group.endedAt, view.timeZone, i18n),
          },
        ]
      : []),
    { title: i18n.t('workingGroups.report'), value: reportLine(group, view, i18n) },
    {
      title: i18n.t('workingGroups.fields.members'),
      value: group.members
        ? escapeMarkdown(shorten(group.members, LIST_TEXT_LIMITS.members))
        : i18n.t('workingGroups.noMembers'),
    },
    {
      title: i18n.t('workingGroups.fields.mandate'),
      value: escapeMarkdown(shorten(group.mandate, LIST_TEXT_LIMITS.mandate)),
    },
  ];
}

/** The session the group reports at, with its day, or that none is chosen yet. */
function reportLine(group: WorkingGroupDocument, view: WorkingGroupsView, i18n: Translator): string {
  const session = group.reportSessionId ? view.sessions.get(group.reportSessionId) : undefined;
  if (!session) return i18n.t('workingGroups.noReport');
  if (isCancelled(session.state))
    return i18n.t('workingGroups.reportCancelled', { session: sessionTitle(session, i18n) });
  return i18n.t('workingGroups.reportValue', {
    session: sessionTitle(session, i18n),
    date: formatDay(session.startsAt, view.timeZone, i18n),
  });
}

function buttonsFor(group: WorkingGroupDocument, page: number, i18n: Translator): CardButton[] {
  return [
    cardButton(i18n.t('workingGroups.edit'), VERBS.workingGroupForm, { groupId: group.id }),
    cardButton(
      i18n.t('workingGroups.end'),
      VERBS.workingGroupEnd,
      { groupId: group.id, revision: group.revision, page },
      'destructive',
    ),
  ];
}

function confirmButtons(group: WorkingGroupDocument, page: number, i18n: Translator): CardButton[] {
  return [
    cardButton(
      i18n.t('workingGroups.endConfirm'),
      VERBS.workingGroupEnd,
      { groupId: group.id, revision: group.revision, page, confirmed: true },
      'destructive',
    ),
    cardButton(i18n.t('workingGroups.endKeep'), VERBS.workingGroupsOpen, { page }),
  ];
}

function pageOf(value: unknown, pages: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, 1), pages) : 1;
}

/** The text cut at a word to at most `max` characters, marked as cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}
