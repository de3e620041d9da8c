import { fail, ok, type Result } from '../result';
import { parseLocalDate } from '../sessions/session-edit';

/** The working-group form as it arrives: untrusted values, whatever a card or a tamperer sends. */
export interface WorkingGroupInput {
  readonly name?: unknown;
  readonly mandate?: unknown;
  readonly members?: unknown;
  readonly startsOn?: unknown;
  readonly plannedEndOn?: unknown;
  readonly reportSessionId?: unknown;
}

/** What the secretariat registers about a group: text trimmed, dates as local `yyyy-MM-dd`. */
export interface WorkingGroupDetails {
  readonly name: string;
  readonly mandate: string;
  readonly members: string;
  readonly startsOn: string;
  readonly plannedEndOn: string;
  readonly reportSessionId?: string;
}

export type WorkingGroupField = keyof WorkingGroupInput;

/**
 * Why a form cannot be saved. `controlCharacters`: text with invisible control characters, which
 * no one types into a card and which would garble the list; `unavailable`: a report session the
 * committee does not offer (any more).
 */
export type WorkingGroupProblem =
  | { readonly field: WorkingGroupField; readonly code: 'required' | 'invalid' | 'controlCharacters' }
  | { readonly field: WorkingGroupField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'plannedEndOn'; readonly code: 'endBeforeStart' }
  | { readonly field: 'reportSessionId'; readonly code: 'unavailable' };

export const WORKING_GROUP_LIMITS = { name: 120, mandate: 2000, members: 1000 } as const;

/** Any control character; a name is one line. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Control characters other than line breaks and tabs, which a multi-line field keeps. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Longer than any date a date field sends (`2027-05-20`, `20.05.2027`), so never parsed. */
const MAX_DATE_LENGTH = 10;

/**
 * Reads the form, listing every problem at once so the secretariat can fix them in one go. The
 * planned end may fall on the start day (a one-day workshop), not before it. `reportSessionIds`
 * are the sessions the form offered; any other id can only come from a tampered or stale card.
 */
export function parseWorkingGroup(input: WorkingGroupInput, reportSessionIds: ReadonlySet<string>): Result<WorkingGroupDetails, WorkingGroupProblem[]> {
  const problems: WorkingGroupProblem[] = [];
  const name = text(input.name, 'name', { max: WORKING_GROUP_LIMITS.name, required: true, multiline: false }, problems);
  const mandate = text(input.mandate, 'mandate', { max: WORKING_GROUP_LIMITS.mandate, required: true, multiline: true }, problems);
  const members = text(input.members, 'members', { max: WORKING_GROUP_LIMITS.members, required: false, multiline: true }, problems);
  const startsOn = date(input.startsOn, 'startsOn', problems);
  const plannedEndOn = date(input.plannedEndOn, 'plannedEndOn', problems);
  if (startsOn && plannedEndOn && plannedEndOn < startsOn) problems.push({ field: 'plannedEndOn', code: 'endBeforeStart' });
  const reportSessionId = reportSession(input.reportSessionId, reportSessionIds, problems);

  if (problems.length > 0) return fail(problems);
  return ok({ name: name!, mandate: mandate!, members: members ?? '', startsOn: startsOn!, plannedEndOn: plannedEndOn!, ...(reportSessionId ? { reportSessionId } : {}) });
}

interface TextRule {
  readonly max: number;
  readonly required: boolean;
  readonly multiline: boolean;
}

function text(value: unknown, field: WorkingGroupField, rule: TextRule, problems: WorkingGroupProblem[]): string | undefined {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    problems.push({ field, code: 'invalid' });
    return undefined;
  }
  const trimmed = (value ?? '').replace(/\r\n?/g, '\n').trim();
  if (!trimmed) {
    if (rule.required) problems.push({ field, code: 'required' });
    return undefined;
  }
  if (trimmed.length > rule.max) {
    problems.push({ field, code: 'tooLong', max: rule.max });
    return undefined;
  }
  if ((rule.multiline ? CONTROL_BUT_LINES : CONTROL).test(trimmed)) {
    problems.push({ field, code: 'controlCharacters' });
    return undefined;
  }
  return trimmed;
}

function date(value: unknown, field: 'startsOn' | 'plannedEndOn', problems: WorkingGroupProblem[]): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    problems.push({ field, code: 'required' });
    return undefined;
  }
  const parsed = typeof value === 'string' && value.trim().length <= MAX_DATE_LENGTH ? parseLocalDate(value) : undefined;
  if (!parsed) problems.push({ field, code: 'invalid' });
  return parsed;
}

/** The chosen session's id; empty means no report planned yet. */
function reportSession(value: unknown, offered: ReadonlySet<string>, problems: WorkingGroupProblem[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push({ field: 'reportSessionId', code: 'invalid' });
    return undefined;
  }
  const id = value.trim();
  if (id && !offered.has(id)) problems.push({ field: 'reportSessionId', code: 'unavailable' });
  return id || undefined;
}

/** What the list order needs to know of a group. */
export interface ListedGroup {
  readonly name: string;
  readonly state: 'active' | 'ended';
  readonly startsOn: string;
  readonly endedAt?: string;
}

/**
 * The order of the secretariat's list: the groups at work first, the longest-running on top;
 * then the record of ended groups, the most recently ended first. Ties go by name.
 */
export function compareForList(a: ListedGroup, b: ListedGroup): number {
  if (a.state !== b.state) return a.state === 'active' ? -1 : 1;
  const byTime = a.state === 'active' ? a.startsOn.localeCompare(b.startsOn) : (b.endedAt ?? '').localeCompare(a.endedAt ?? '');
  return byTime || a.name.localeCompare(b.name, 'de');
}
