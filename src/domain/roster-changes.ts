import { fail, ok, type Result } from './result';
import { checkText } from './text-input';
import { ROLES, type Role } from './roles';
import type { Person, Seat } from './roster';

/** The committee's people and seats: what the roster card shows and changes. */
export interface Roster {
  readonly people: readonly Person[];
  readonly seats: readonly Seat[];
}

/**
 * Roles the secretariat assigns by hand. Member and deputy follow from the seats instead, so a
 * person's roles and the seats they hold can never disagree.
 */
export const ASSIGNABLE_ROLES = ['secretariat', 'chair', 'workingGroup'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** The roles that follow from holding a seat. */
export const SEAT_ROLES = ['member', 'deputy'] as const satisfies readonly Role[];

/**
 * A committee is a table of institutions, not a mailing list: the KOG has about two dozen. The
 * limit keeps the roster card within Teams' message size.
 */
export const ROSTER_LIMITS = { seats: 40 } as const;

interface SeatFields {
  readonly institution: unknown;
  readonly memberId: unknown;
  /** Empty or missing for a seat without a nominated deputy. */
  readonly deputyId: unknown;
}

/**
 * A change as it arrives from a roster card: every id and value is untrusted. A new seat's id is
 * the only trusted part, because the use case makes it.
 */
export type RosterChange =
  | ({ readonly kind: 'addSeat'; readonly seatId: string } & SeatFields)
  | ({ readonly kind: 'editSeat'; readonly seatId: unknown } & SeatFields)
  | { readonly kind: 'removeSeat'; readonly seatId: unknown }
  | { readonly kind: 'setRoles'; readonly personId: unknown; readonly roles: unknown }
  | { readonly kind: 'setActive'; readonly personId: unknown; readonly active: unknown };

export type SeatField = keyof SeatFields;

/** Why a roster change was refused; several at once, so the secretariat can fix them together. */
export type RosterProblem =
  | { readonly code: 'unknownSeat' }
  | { readonly code: 'unknownPerson' }
  | { readonly code: 'invalidValue' }
  | { readonly field: SeatField; readonly code: 'required' }
  | { readonly field: SeatField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: SeatField; readonly code: 'markup' }
  | { readonly field: SeatField; readonly code: 'inactivePerson' }
  | { readonly field: SeatField; readonly code: 'sameAsMember' }
  | { readonly code: 'tooManySeats'; readonly max: number }
  | { readonly code: 'lastSecretariat' };

/**
 * Problems no honest card can cause: an id the roster does not hold, or a value no input of the
 * card can produce. They mean the card data was altered.
 */
export function isTampering(problem: RosterProblem): boolean {
  return problem.code === 'unknownSeat' || problem.code === 'unknownPerson' || problem.code === 'invalidValue';
}

/**
 * Applies one change of the roster card, or lists every problem at once. The result keeps the
 * member and deputy roles of everyone the change touches in line with the seats, and always
 * leaves the committee at least one active secretariat: without one, nobody could change the
 * committee any more.
 */
export function applyRosterChange(roster: Roster, change: RosterChange): Result<Roster, RosterProblem[]> {
  const next = changed(roster, change);
  if (!next.ok) return next;
  if (hasActiveSecretariat(roster) && !hasActiveSecretariat(next.value)) return fail([{ code: 'lastSecretariat' }]);
  return next;
}

/** The roles a person holds because of the seats: member, deputy, both or none. */
export function seatRolesOf(seats: readonly Seat[], aadObjectId: string): Role[] {
  return SEAT_ROLES.filter((role) =>
    seats.some((seat) => (role === 'member' ? seat.memberId : seat.deputyId) === aadObjectId),
  );
}

function changed(roster: Roster, change: RosterChange): Result<Roster, RosterProblem[]> {
  switch (change.kind) {
    case 'addSeat':
      if (roster.seats.length >= ROSTER_LIMITS.seats) return fail([{ code: 'tooManySeats', max: ROSTER_LIMITS.seats }]);
      return saveSeat(roster, change.seatId, undefined, change);
    case 'editSeat': {
      const existing = findSeat(roster, change.seatId);
      if (!existing) return fail([{ code: 'unknownSeat' }]);
      return saveSeat(roster, existing.id, existing, change);
    }
    case 'removeSeat': {
      const existing = findSeat(roster, change.seatId);
      if (!existing) return fail([{ code: 'unknownSeat' }]);
      const seats = roster.seats.filter((seat) => seat.id !== existing.id);
      return ok(withSeatRoles({ people: roster.people, seats }, [existing.memberId, existing.deputyId]));
    }
    case 'setRoles': {
      const person = findPerson(roster, change.personId);
      if (!person) return fail([{ code: 'unknownPerson' }]);
      const chosen = assignableRoles(change.roles);
      if (!chosen) return fail([{ code: 'invalidValue' }]);
      const seatRoles = seatRolesOf(roster.seats, person.aadObjectId);
      const roles = ROLES.filter((role) => chosen.has(role) || seatRoles.includes(role));
      return ok(replacePerson(roster, { ...person, roles }));
    }
    case 'setActive': {
      const person = findPerson(roster, change.personId);
      if (!person) return fail([{ code: 'unknownPerson' }]);
      if (typeof change.active !== 'boolean') return fail([{ code: 'invalidValue' }]);
      const { leftAt: _leftAt, ...rest } = person;
      return ok(replacePerson(roster, { ...rest, active: change.active }));
    }
  }
}

function saveSeat(
  roster: Roster,
  seatId: string,
  existing: Seat | undefined,
  fields: SeatFields,
): Result<Roster, RosterProblem[]> {
  const problems: RosterProblem[] = [];
  const before = problems.length;
  const institution = checkText('institution', fields.institution, (code, max) =>
    problems.push(
      code === 'invalid'
        ? { code: 'invalidValue' }
        : code === 'tooLong'
          ? { field: 'institution', code, max }
          : { field: 'institution', code },
    ),
  );
  if (!institution && problems.length === before) problems.push({ field: 'institution', code: 'required' });

  const member = holder(roster, fields.memberId, 'memberId', existing?.memberId);
  if (member.problem) problems.push(member.problem);
  else if (member.id === undefined) problems.push({ field: 'memberId', code: 'required' });
  const deputy = holder(roster, fields.deputyId, 'deputyId', existing?.deputyId);
  if (deputy.problem) problems.push(deputy.problem);
  const memberId = member.id;
  const deputyId = deputy.id;
  if (memberId !== undefined && memberId === deputyId) problems.push({ field: 'deputyId', code: 'sameAsMember' });

  if (problems.length > 0 || !institution || memberId === undefined) return fail(problems);
  const seat: Seat = { id: seatId, institution, memberId, ...(deputyId !== undefined ? { deputyId } : {}) };
  const seats = existing
    ? roster.seats.map((current) => (current.id === existing.id ? seat : current))
    : [...roster.seats, seat];
  return ok(
    withSeatRoles({ people: roster.people, seats }, [existing?.memberId, existing?.deputyId, memberId, deputyId]),
  );
}

/**
 * The person chosen for a place on a seat: empty means nobody. Only known people may be chosen,
 * and only active ones, except the one who already holds that place (a seat whose member has
 * left can still have its institution corrected).
 */
function holder(
  roster: Roster,
  value: unknown,
  field: SeatField,
  current: string | undefined,
): { readonly id?: string; readonly problem?: RosterProblem } {
  if (value === undefined || value === '') return {};
  if (typeof value !== 'string') return { problem: { code: 'invalidValue' } };
  const person = findPerson(roster, value);
  if (!person) return { problem: { code: 'unknownPerson' } };
  if (!person.active && person.aadObjectId !== current) return { problem: { field, code: 'inactivePerson' } };
  return { id: person.aadObjectId };
}

/** The chosen roles, or undefined when the value is not a list of assignable roles. */
function assignableRoles(value: unknown): Set<Role> | undefined {
  if (!Array.isArray(value)) return undefined;
  const roles = new Set<Role>();
  for (const role of value) {
    if (!(ASSIGNABLE_ROLES as readonly unknown[]).includes(role)) return undefined;
    roles.add(role as Role);
  }
  return roles;
}

/** Brings the seat roles of the given people in line with the seats; other people stay as they are. */
function withSeatRoles(roster: Roster, touched: ReadonlyArray<string | undefined>): Roster {
  const ids = new Set(touched.filter((id): id is string => id !== undefined));
  return {
    seats: roster.seats,
    people: roster.people.map((person) => {
      if (!ids.has(person.aadObjectId)) return person;
      const seatRoles = seatRolesOf(roster.seats, person.aadObjectId);
      const roles = ROLES.filter((role) =>
        (SEAT_ROLES as readonly Role[]).includes(role) ? seatRoles.includes(role) : person.roles.includes(role),
      );
      return sameRoles(roles, person.roles) ? person : { ...person, roles };
    }),
  };
}

function hasActiveSecretariat(roster: Roster): boolean {
  return roster.people.some((person) => person.active && person.roles.includes('secretariat'));
}

function replacePerson(roster: Roster, person: Person): Roster {
  return {
    seats: roster.seats,
    people: roster.people.map((current) => (current.aadObjectId === person.aadObjectId ? person : current)),
  };
}

function findSeat(roster: Roster, id: unknown): Seat | undefined {
  return typeof id === 'string' ? roster.seats.find((seat) => seat.id === id) : undefined;
}

function findPerson(roster: Roster, id: unknown): Person | undefined {
  return typeof id === 'string' ? roster.people.find((person) => person.aadObjectId === id) : undefined;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
