import { checkEmail, EMAIL_LIMITS, emailKey, type EmailProblem } from './email-address';
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
  | { readonly kind: 'setActive'; readonly personId: unknown; readonly active: unknown }
  /**
   * A person without a Teams account, by name, institution and e-mail address. Their key is made
   * from the address by `personIdOf` (the use case's, since it digests), so that the same address
   * gives the same person in every committee of the tenant.
   */
  | {
      readonly kind: 'addPersonWithoutTeams';
      readonly displayName: unknown;
      readonly institution: unknown;
      readonly email: unknown;
      readonly personIdOf: (email: string) => string;
    }
  /** A new address for a person without Teams; a Teams member's address comes from Teams. */
  | { readonly kind: 'setEmail'; readonly personId: unknown; readonly email: unknown };

export type SeatField = keyof SeatFields;

/** The fields of the form for a person without Teams. */
export type PersonField = 'displayName' | 'institution' | 'email';

/** Why a roster change was refused; several at once, so the secretariat can fix them together. */
export type RosterProblem =
  | { readonly code: 'unknownSeat' }
  | { readonly code: 'unknownPerson' }
  | { readonly code: 'invalidValue' }
  | { readonly field: SeatField | PersonField; readonly code: 'required' }
  | { readonly field: SeatField | PersonField; readonly code: 'tooLong'; readonly max: number }
  | { readonly field: SeatField | PersonField; readonly code: 'markup' }
  /** Not one address of plausible form, or several at once. */
  | { readonly field: 'email'; readonly code: 'invalidEmail' | 'severalEmails' }
  /** The address is already on the roster, held by the named person. */
  | { readonly field: 'email'; readonly code: 'emailTaken'; readonly name: string }
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
    case 'addPersonWithoutTeams':
      return addPersonWithoutTeams(roster, change);
    case 'setEmail': {
      const person = findPerson(roster, change.personId);
      if (!person) return fail([{ code: 'unknownPerson' }]);
      if (!person.withoutTeams) return fail([{ code: 'invalidValue' }]);
      const problems: RosterProblem[] = [];
      const email = checkedEmail(roster, change.email, problems, person.aadObjectId);
      if (email === undefined) return fail(problems);
      return ok(replacePerson(roster, { ...person, email }));
    }
  }
}

/**
 * A new person without Teams: active, without a role until a seat or the secretariat gives
 * them one. Every problem of the form is reported at once. An address already on the roster
 * (a Teams member's, or of someone added before) is refused by name, and so is one that would
 * give the key of a person already there: re-adding an erased or renamed entry must not revive it.
 */
function addPersonWithoutTeams(
  roster: Roster,
  change: Extract<RosterChange, { kind: 'addPersonWithoutTeams' }>,
): Result<Roster, RosterProblem[]> {
  const problems: RosterProblem[] = [];
  const displayName = requiredText('personName', 'displayName', change.displayName, problems);
  const institution = requiredText('institution', 'institution', change.institution, problems);
  const email = checkedEmail(roster, change.email, problems, undefined);
  if (problems.length > 0 || !displayName || !institution || email === undefined) return fail(problems);
  const aadObjectId = change.personIdOf(email);
  const holder = roster.people.find((person) => person.aadObjectId === aadObjectId);
  if (holder) return fail([{ field: 'email', code: 'emailTaken', name: holder.displayName }]);
  const person: Person = {
    aadObjectId,
    displayName,
    institution,
    email,
    withoutTeams: true,
    roles: [],
    active: true,
  };
  return ok({ people: [...roster.people, person], seats: roster.seats });
}

function requiredText(
  rule: 'personName' | 'institution',
  field: PersonField,
  value: unknown,
  problems: RosterProblem[],
): string | undefined {
  const before = problems.length;
  const text = checkText(rule, value, (code, max) =>
    problems.push(
      code === 'invalid' ? { code: 'invalidValue' } : code === 'tooLong' ? { field, code, max } : { field, code },
    ),
  );
  if (!text && problems.length === before) problems.push({ field, code: 'required' });
  return text;
}

/** The typed address, or undefined with its problem noted; `self` may keep the address it has. */
function checkedEmail(
  roster: Roster,
  value: unknown,
  problems: RosterProblem[],
  self: string | undefined,
): string | undefined {
  const checked = checkEmail(value);
  if (!checked.ok) {
    problems.push(emailProblem(checked.problem));
    return undefined;
  }
  const key = emailKey(checked.email);
  const holder = roster.people.find(
    (person) => person.aadObjectId !== self && person.email !== undefined && emailKey(person.email) === key,
  );
  if (holder) {
    problems.push({ field: 'email', code: 'emailTaken', name: holder.displayName });
    return undefined;
  }
  return checked.email;
}

function emailProblem(problem: EmailProblem): RosterProblem {
  switch (problem) {
    case 'required':
      return { field: 'email', code: 'required' };
    case 'tooLong':
      return { field: 'email', code: 'tooLong', max: EMAIL_LIMITS.address };
    case 'several':
      return { field: 'email', code: 'severalEmails' };
    case 'invalid':
      return { field: 'email', code: 'invalidEmail' };
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
