import type { Role } from '../../src/domain/roles';

/**
 * Who may run each command and click each card verb, by role, written out here as the committee's
 * rules say it rather than read from the production registry (src/domain/verb-registry.ts): the roles
 * test runs every row against the bot, so a wrong row in production fails the test instead of
 * being copied into its expectations.
 *
 * Each row is six marks, one per column of `COLUMNS`:
 *   x  allowed to everyone holding the role
 *   o  allowed only to the one person the stored state names (`owner`), refused to the others
 *   -  refused
 */
export const COLUMNS = ['secretariat', 'chair', 'member', 'deputy', 'workingGroup', 'none'] as const;
export type Column = (typeof COLUMNS)[number];

/** The one person an action belongs to, where holding a role is not enough. */
export type Owner = 'invitee' | 'attendee' | 'responsible' | 'submitter';

export interface ExpectedRow {
  /** Six marks for secretariat, chair, member, deputy, working group, no role. */
  readonly marks: string;
  readonly owner?: Owner;
}

/**
 * Commands: the secretariat runs the cycle; help, one's committees, the list of sessions, own data and
 * language and action items are open wider.
 */
// marks, in this order: secretariat, chair, member, deputy, working group, no role
export const EXPECTED_COMMANDS: Readonly<Record<string, ExpectedRow>> = {
  help: { marks: 'xxxxxx' },
  committees: { marks: 'xxxxxx' },
  sessions: { marks: 'xxxxx-' },
  setup: { marks: 'x-----' },
  members: { marks: 'x-----' },
  planSessions: { marks: 'x-----' },
  extraSession: { marks: 'x-----' },
  callForTopics: { marks: 'x-----' },
  topics: { marks: 'x-----' },
  agenda: { marks: 'x-----' },
  publishAgenda: { marks: 'x-----' },
  workingGroups: { marks: 'x-----' },
  invite: { marks: 'x-----' },
  rsvps: { marks: 'x-----' },
  attendance: { marks: 'x-----' },
  minutes: { marks: 'x-----' },
  circulateMinutes: { marks: 'x-----' },
  approveMinutes: { marks: 'x-----' },
  actions: { marks: 'xxxxx-' },
  statusReport: { marks: 'x-----' },
  audit: { marks: 'x-----' },
  myData: { marks: 'xxxxxx' },
  language: { marks: 'xxxxxx' },
  delivery: { marks: 'x-----' },
};

/**
 * Card verbs. Invitations and minutes reviews belong to the invited seat holder (member or
 * deputy); topics to their submitter among those who may submit; an action item's status and
 * due date to its responsible person, and to the secretariat for every item.
 */
// marks, in this order: secretariat, chair, member, deputy, working group, no role
export const EXPECTED_VERBS: Readonly<Record<string, ExpectedRow>> = {
  'committee.choose': { marks: 'xxxxxx' },
  'command.run': { marks: 'xxxxxx' },
  'setup.open': { marks: 'x-----' },
  'setup.save': { marks: 'x-----' },
  'delivery.retry': { marks: 'x-----' },
  'delivery.open': { marks: 'x-----' },
  'session.list': { marks: 'x-----' },
  'session.edit': { marks: 'x-----' },
  'session.save': { marks: 'x-----' },
  'session.step': { marks: 'x-----' },
  'session.invite': { marks: 'x-----' },
  'invitation.view': { marks: '--oo--', owner: 'invitee' },
  'rsvp.answer': { marks: '--oo--', owner: 'invitee' },
  'rsvps.open': { marks: 'x-----' },
  'rsvps.remind': { marks: 'x-----' },
  'attendance.open': { marks: 'x-----' },
  'attendance.save': { marks: 'x-----' },
  'topic.form': { marks: 'o-o-o-', owner: 'submitter' },
  'topic.submit': { marks: 'o-o-o-', owner: 'submitter' },
  'topic.withdraw': { marks: 'o-o-o-', owner: 'submitter' },
  'topics.open': { marks: 'x-----' },
  'topics.call': { marks: 'x-----' },
  'topic.decideForm': { marks: 'x-----' },
  'topic.decide': { marks: 'x-----' },
  'agenda.open': { marks: 'x-----' },
  'agenda.move': { marks: 'x-----' },
  'agenda.itemForm': { marks: 'x-----' },
  'agenda.itemSave': { marks: 'x-----' },
  'agenda.publish': { marks: 'x-----' },
  'workingGroups.open': { marks: 'x-----' },
  'workingGroup.form': { marks: 'x-----' },
  'workingGroup.save': { marks: 'x-----' },
  'workingGroup.end': { marks: 'x-----' },
  'minutes.open': { marks: 'x-----' },
  'minutes.itemForm': { marks: 'x-----' },
  'minutes.itemSave': { marks: 'x-----' },
  'minutes.circulate': { marks: 'x-----' },
  'minutes.respond': { marks: '--oo--', owner: 'attendee' },
  'minutes.approve': { marks: 'x-----' },
  'actions.open': { marks: 'xxxxx-' },
  'action.open': { marks: 'xxxxx-' },
  'action.status': { marks: 'xoooo-', owner: 'responsible' },
  'action.proposeDue': { marks: 'xoooo-', owner: 'responsible' },
  'action.decideDue': { marks: 'x-----' },
  'roster.open': { marks: 'x-----' },
  'roster.import': { marks: 'x-----' },
  'roster.newSeat': { marks: 'x-----' },
  'roster.editSeat': { marks: 'x-----' },
  'roster.saveSeat': { marks: 'x-----' },
  'roster.removeSeat': { marks: 'x-----' },
  'roster.editPerson': { marks: 'x-----' },
  'roster.saveRoles': { marks: 'x-----' },
  'roster.setActive': { marks: 'x-----' },
  'roster.withoutTeamsForm': { marks: 'x-----' },
  'roster.addWithoutTeams': { marks: 'x-----' },
  'roster.saveEmail': { marks: 'x-----' },
  'person.erase': { marks: 'x-----' },
  'person.export': { marks: 'x-----' },
  'audit.open': { marks: 'x-----' },
  'feed.renew': { marks: 'xxxxxx' },
};

/** The mark of a row for a person with these roles: the widest any of their roles (or none) gives. */
export function markFor(row: ExpectedRow, roles: readonly Role[]): 'x' | 'o' | '-' {
  const marks = (roles.length > 0 ? roles : (['none'] as const)).map((role) => row.marks[COLUMNS.indexOf(role)]);
  return marks.includes('x') ? 'x' : marks.includes('o') ? 'o' : '-';
}

/** Who a row admits: a mark for a role column, and for an owner row the owner among them. */
export function describeRow(row: ExpectedRow): string {
  const columns = (mark: string) => COLUMNS.filter((_, index) => row.marks[index] === mark);
  const parts = [
    columns('x').join(', '),
    columns('o').length > 0 ? `the ${row.owner} among ${columns('o').join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ') || 'nobody';
}
