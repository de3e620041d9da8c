import { TEXT_FIELDS } from '../text-input';
import { fail, ok, type Result } from '../result';

/** What the committee does with an item: hears it, discusses it, or decides on it. */
export const ITEM_KINDS = ['information', 'discussion', 'decision'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Items every agenda has; their titles come from the locale files when shown. */
export const STANDARD_ITEMS = ['opening', 'agreements', 'other'] as const;
export type StandardItem = (typeof STANDARD_ITEMS)[number];

/** Where an item comes from: a standard item, a temporary working group's report, or the secretariat. */
export type ItemOrigin =
  | { readonly type: 'standard'; readonly standard: StandardItem }
  | { readonly type: 'report'; readonly groupId: string }
  | { readonly type: 'topic' };

/** One agenda item (Tagesordnungspunkt). Its number is its position, given when shown. */
export interface AgendaItem {
  readonly id: string;
  /** The item's title; empty for standard items, whose title is localised when shown. */
  readonly title: string;
  readonly kind: ItemKind;
  readonly presenter?: string;
  readonly minutes: number;
  readonly origin: ItemOrigin;
  /** The topic submissions this item takes up (accepted, or merged into it). */
  readonly submissionIds: readonly string[];
}

export const AGENDA_LIMITS = {
  /** Items on one agenda; keeps every agenda card well under the Teams card size. */
  items: 30,
  title: TEXT_FIELDS.agendaTitle.max,
  presenter: TEXT_FIELDS.presenter.max,
  minutes: { min: 1, max: 240 },
} as const;

/** The minutes a standard item or a report gets until the secretariat says otherwise. */
const DEFAULT_MINUTES: Readonly<Record<StandardItem | 'report', number>> = {
  opening: 10,
  agreements: 15,
  report: 15,
  other: 5,
};

/** A temporary working group that reports at the session. */
export interface ReportingGroup {
  readonly id: string;
  readonly name: string;
}

/** What decides the standard items of a session's agenda. */
export interface StandardItemFacts {
  readonly reportingGroups: readonly ReportingGroup[];
  /**
   * Whether agreements of earlier sessions are to be reported: any still open, or closed since
   * the session before (see domain/agreements/agenda-agreements); their status is then an item.
   */
  readonly hasOpenAgreements: boolean;
}

/**
 * The agenda with its standard items in place: opening and approval of the last minutes first,
 * then the status of agreements (when any are open or recently closed), the other items in their order,
 * one report per temporary working group due at this session, and any other business last.
 * Standard items that no longer apply are dropped; edits to the remaining ones are kept.
 */
export function withStandardItems(items: readonly AgendaItem[], facts: StandardItemFacts): AgendaItem[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const standard = (name: StandardItem): AgendaItem =>
    byId.get(name) ?? {
      id: name,
      title: '',
      kind: name === 'opening' ? 'decision' : 'information',
      minutes: DEFAULT_MINUTES[name],
      origin: { type: 'standard', standard: name },
      submissionIds: [],
    };
  const reportIds = new Set(facts.reportingGroups.map((group) => reportItemId(group.id)));
  const middle = items.filter(
    (item) => item.origin.type === 'topic' || (item.origin.type === 'report' && reportIds.has(item.id)),
  );
  const newReports = facts.reportingGroups
    .filter((group) => !byId.has(reportItemId(group.id)))
    .map((group): AgendaItem => ({
      id: reportItemId(group.id),
      title: group.name,
      kind: 'information',
      minutes: DEFAULT_MINUTES.report,
      origin: { type: 'report', groupId: group.id },
      submissionIds: [],
    }));
  const renamed = middle.map((item) => {
    const group =
      item.origin.type === 'report'
        ? facts.reportingGroups.find((candidate) => reportItemId(candidate.id) === item.id)
        : undefined;
    return group && group.name !== item.title ? { ...item, title: group.name } : item;
  });
  return [
    standard('opening'),
    ...(facts.hasOpenAgreements ? [standard('agreements')] : []),
    ...renamed,
    ...newReports,
    standard('other'),
  ];
}

function reportItemId(groupId: string): string {
  return `report-${groupId}`;
}

/** Whether the item keeps its place: the opening stays first, any other business last. */
export function isFixed(item: Pick<AgendaItem, 'origin'>): boolean {
  return item.origin.type === 'standard' && item.origin.standard !== 'agreements';
}

/**
 * The agenda with the item moved one place up or down. Items move among themselves only: the
 * opening stays first and any other business last.
 */
export function moveItem(
  items: readonly AgendaItem[],
  itemId: string,
  direction: 'up' | 'down',
): Result<AgendaItem[], 'unknownItem' | 'cannotMove'> {
  const index = items.findIndex((item) => item.id === itemId);
  if (index < 0) return fail('unknownItem');
  const target = direction === 'up' ? index - 1 : index + 1;
  const item = items[index]!;
  const neighbour = items[target];
  if (isFixed(item) || !neighbour || isFixed(neighbour)) return fail('cannotMove');
  const moved = [...items];
  moved[index] = neighbour;
  moved[target] = item;
  return ok(moved);
}

/** The agenda's planned length. */
export function totalMinutes(items: readonly Pick<AgendaItem, 'minutes'>[]): number {
  return items.reduce((sum, item) => sum + item.minutes, 0);
}

/** How an item of a new version differs from the version before. */
export type ItemChange = 'new' | 'changed';

/** What a new version changed: marks per item id, and the items it dropped. */
export interface AgendaChanges {
  readonly marks: ReadonlyMap<string, ItemChange>;
  readonly removed: readonly AgendaItem[];
}

/**
 * What changed since the version people already have: new items, items whose title, kind,
 * presenter or minutes changed, and items dropped. A mere renumbering is not a change; it
 * follows from the marked ones.
 */
export function agendaChanges(previous: readonly AgendaItem[], current: readonly AgendaItem[]): AgendaChanges {
  const before = new Map(previous.map((item) => [item.id, item]));
  const marks = new Map<string, ItemChange>();
  for (const item of current) {
    const old = before.get(item.id);
    if (!old) marks.set(item.id, 'new');
    else if (
      old.title !== item.title ||
      old.kind !== item.kind ||
      old.presenter !== item.presenter ||
      old.minutes !== item.minutes
    )
      marks.set(item.id, 'changed');
  }
  const kept = new Set(current.map((item) => item.id));
  return { marks, removed: previous.filter((item) => !kept.has(item.id)) };
}

/** Whether two versions differ in anything a reader would notice, order included. */
export function sameAgenda(a: readonly AgendaItem[], b: readonly AgendaItem[]): boolean {
  const changes = agendaChanges(a, b);
  return changes.marks.size === 0 && changes.removed.length === 0 && a.every((item, index) => b[index]?.id === item.id);
}
