import { fail, ok, type Result } from '../result';
import { parseLocalDate } from '../sessions/session-edit';
import { checkText, TEXT_FIELDS, type TextField } from '../text-input';

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
 * Why a form cannot be saved. `controlCharacters`: text with invisible control characters (or
 * markup), which no one types into a card and which would garble the list; `unavailable`: a report session the
 * committee does not offer (any more).
 */
export type WorkingGroupProblem =
  | { readonly field: WorkingGroupField; readonly code: 'required' | 'invalid' | 'controlCharacters' }
  | { readonly field: WorkingGroupField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: 'plannedEndOn'; readonly code: 'endBeforeStart' }
  | { readonly field: 'reportSessionId'; readonly code: 'unavailable' };

export const WORKING_GROUP_LIMITS = {
  name: TEXT_FIELDS.workingGroupName.max,
  mandate: TEXT_FIELDS.workingGroupMandate.max,
  members: TEXT_FIELDS.workingGroupMembers.max,
} as const;
/** Longer than any date a date field sends (`2027-05-20`, `20.05.2027`), so never parsed. */
const MAX_DATE_LENGTH = 10;

/**
 * Reads the form, listing every problem at once so the secretariat can fix them in one go. The
 * planned end may fall on the start day (a one-day workshop), not before it. `reportSessionIds`
 * are the sessions the form offered; any other id can only come from a tampered or stale card.
 */
export function parseWorkingGroup(
  input: WorkingGroupInput,
  reportSessionIds: ReadonlySet<string>,
): Result<WorkingGroupDetails, WorkingGroupProblem[]> {
  const problems: WorkingGroupProblem[] = [];
  const name = text(input.name, 'name', 'workingGroupName', true, problems);
  const mandate = text(input.mandate, 'mandate', 'workingGroupMandate', true, problems);
  const members = text(input.members, 'members', 'workingGroupMembers', false, problems);
  const startsOn = date(input.startsOn, 'startsOn', problems);
  const plannedEndOn = date(input.plannedEndOn, 'plannedEndOn', problems);
  if (startsOn && plannedEndOn && plannedEndOn < startsOn)
    problems.push({ field: 'plannedEndOn', code: 'endBeforeStart' });
  const reportSessionId = reportSession(input.reportSessionId, reportSessionIds, problems);

  if (problems.length > 0) return fail(problems);
  return ok({
    name: name!,
    mandate: mandate!,
    members: members ?? '',
    startsOn: startsOn!,
    plannedEndOn: plannedEndOn!,
    ...(reportSessionId ? { reportSessionId } : {}),
  });
}

function text(
  value: unknown,
  field: WorkingGroupField,
  checked: TextField,
  required: boolean,
  problems: WorkingGroupProblem[],
): string | undefined {
  const before = problems.length;
  const text = checkText(checked, value, (code, max) =>
    problems.push(
      code === 'tooLong' ? { field, code, max } : { field, code: code === 'markup' ? 'controlCharacters' : 'invalid' },
    ),
  );
  if (!text && required && problems.length === before) problems.push({ field, code: 'required' });
  return text;
}

function date(value: unknown, field: 'startsOn' | 'plannedEndOn', problems: WorkingGroupProblem[]): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
    problems.push({ field, code: 'required' });
    return undefined;
  }
  const parsed =
    typeof value === 'string' && value.trim().length <= MAX_DATE_LENGTH ? parseLocalDate(value) : undefined;
  if (!parsed) problems.push({ field, code: 'invalid' });
  return parsed;
}

/** The chosen session's id; empty means no report planned yet. */
function reportSession(
  value: unknown,
  offered: ReadonlySet<string>,
  problems: WorkingGroupProblem[],
): string | undefined {
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
  const byTime =
    a.state === 'active' ? a.startsOn.localeCompare(b.startsOn) : (b.endedAt ?? '').localeCompare(a.endedAt ?? '');
  return byTime || a.name.localeCompare(b.name, 'de');
}
