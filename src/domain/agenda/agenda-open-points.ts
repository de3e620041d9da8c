import { totalMinutes, type AgendaItem } from './agenda-items';

/** An agenda item that still lacks something, by its place on the agenda (1 = TOP 1). */
export interface IncompleteItem {
  readonly position: number;
  readonly item: Pick<AgendaItem, 'id' | 'title' | 'origin'>;
  readonly missing: ReadonlyArray<'presenter' | 'duration'>;
}

/** What is still undecided about a session's agenda, as the agenda builder would point it out. */
export interface AgendaOpenPoints {
  /** Topic submissions the secretariat has neither accepted, merged, deferred nor declined. */
  readonly undecidedSubmissions: number;
  readonly incompleteItems: readonly IncompleteItem[];
  /** Minutes by which the items together run over the session's length; 0 when they fit. */
  readonly minutesOver: number;
}

/**
 * What is still open on an agenda before it goes out: undecided topic submissions, items that
 * need a presenter (topics and working-group reports; the standard items are the chair's) or
 * have no duration, and a total that runs over the session's length.
 */
export function agendaOpenPoints(
  items: readonly AgendaItem[],
  undecidedSubmissions: number,
  sessionMinutes: number,
): AgendaOpenPoints {
  const incompleteItems = items.flatMap((item, index): IncompleteItem[] => {
    const missing = [
      ...(needsPresenter(item) && !item.presenter?.trim() ? ['presenter' as const] : []),
      ...(item.minutes > 0 ? [] : ['duration' as const]),
    ];
    return missing.length > 0
      ? [{ position: index + 1, item: { id: item.id, title: item.title, origin: item.origin }, missing }]
      : [];
  });
  return { undecidedSubmissions, incompleteItems, minutesOver: Math.max(0, totalMinutes(items) - sessionMinutes) };
}

/** Whether anything at all is open. */
export function hasOpenPoints(points: AgendaOpenPoints): boolean {
  return points.undecidedSubmissions > 0 || points.incompleteItems.length > 0 || points.minutesOver > 0;
}

function needsPresenter(item: Pick<AgendaItem, 'origin'>): boolean {
  return item.origin.type !== 'standard';
}
