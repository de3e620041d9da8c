import type { Role } from './roles';

/**
 * Every command a person can type and every verb a card can send, each registered once: who may
 * use it, where it is answered, and (for a card verb) which fields of the card's data it reads.
 * The permission tables (permissions.ts), the verb constants the card templates carry
 * (src/cards/verbs.ts) and the bot's routes (src/bot/routes.ts) are all built from here, so a
 * verb cannot be offered, allowed or answered in one place and forgotten in another.
 *
 * The verb strings are stored in every card already sent to Teams: a card clicked months later
 * still sends its verb, so a verb string, once registered, is never renamed.
 */

/** Who may use a command or card verb: everybody, or only holders of the listed roles. */
export type Audience = 'anyone' | readonly Role[];

/**
 * The person an action belongs to, where holding a role is not enough: the invitee of an
 * invitation, an attendee of the circulated minutes, the responsible person of an action item,
 * the submitter of a topic (when the card edits or withdraws an existing submission). The use
 * case checks this against stored state; the registry says it so that the rule is visible in one
 * place.
 */
export type ActionOwner = 'invitee' | 'attendee' | 'responsible' | 'submitter';

/** One typed command. */
export interface CommandEntry {
  readonly roles: Audience;
  /** Reads the text after its word (a year, a session, a date, a filter); the others must stand alone. */
  readonly takesArgument?: boolean;
  /**
   * Longest text after its word, where it takes a name (a person, an institution, a committee)
   * rather than a year, a session or a date; `COMMAND_ARGUMENT_MAX_LENGTH` otherwise.
   */
  readonly argumentMax?: number;
  /**
   * Answered only in the person's 1:1 chat, never in a team channel or group chat: the answer is
   * for the asking person alone. Asked for in a shared conversation, the bot only says where to
   * ask and reads nothing.
   */
  readonly personalChatOnly?: boolean;
  /**
   * Words the command was once called by and is still understood by, in any language. A word is
   * renamed when it invites mistakes („themen aufrufen“ read as "show the topics" although it
   * writes to the whole working group); people who learnt the old word, and notes that name it,
   * keep working. Only the current word (in the locale files) is ever shown.
   */
  readonly formerWords?: readonly string[];
  /**
   * Answered for the person across their committees (help, the list of their committees, their
   * data): in a personal chat of someone in several committees it needs no choice of one first.
   */
  readonly acrossCommittees?: boolean;
}

/**
 * Longest text after a command word ("2027", "2027/1", "20.05.2027"), unless the command names a
 * longer one (`argumentMax`). A longer text is not read: its answer shows it again to shorten.
 */
export const COMMAND_ARGUMENT_MAX_LENGTH = 40;

/** Longest name a command may be given: a person's, an institution's or a committee's. */
const NAME_ARGUMENT_MAX_LENGTH = 200;

const SECRETARIAT: readonly Role[] = ['secretariat'];
const WITH_A_ROLE: readonly Role[] = ['secretariat', 'chair', 'member', 'deputy', 'workingGroup'];
const SEAT_HOLDERS: readonly Role[] = ['member', 'deputy'];

/**
 * Who may submit topics, practice experiences and needs for action: the working group (its
 * right under the committee's decision), the members and the secretariat. Submitting is a chat
 * line or a card form, not a command word.
 */
export const TOPIC_SUBMITTERS: readonly Role[] = ['workingGroup', 'member', 'secretariat'];

/**
 * Every command, in the order the help card offers them. The secretariat runs the cycle; help,
 * one's own committees, the list of sessions, one's own data, one's own language and the action
 * items are open wider.
 * "My data" (its export link works without sign-in), the audit trail (it names people and what
 * was changed about them) and one's list of committees (with one's roles in each) are answered
 * only in a 1:1 chat, where the list also switches the committee the chat works with. The language
 * („sprache englisch“) is anyone's own choice, answered wherever it is asked: whoever talks to the
 * bot may choose how it talks to them, on a roster or not, and the choice is for the asking person
 * alone, in all their committees.
 */
export const COMMAND_REGISTRY = {
  help: { roles: 'anyone', acrossCommittees: true },
  committees: {
    roles: 'anyone',
    takesArgument: true,
    argumentMax: NAME_ARGUMENT_MAX_LENGTH,
    personalChatOnly: true,
    acrossCommittees: true,
  },
  sessions: { roles: WITH_A_ROLE, takesArgument: true },
  setup: { roles: SECRETARIAT },
  members: { roles: SECRETARIAT },
  planSessions: { roles: SECRETARIAT, takesArgument: true },
  extraSession: { roles: SECRETARIAT, takesArgument: true },
  callForTopics: { roles: SECRETARIAT, takesArgument: true, formerWords: ['themen aufrufen'] },
  topics: { roles: SECRETARIAT, takesArgument: true },
  agenda: { roles: SECRETARIAT, takesArgument: true },
  publishAgenda: { roles: SECRETARIAT, takesArgument: true },
  workingGroups: { roles: SECRETARIAT },
  invite: { roles: SECRETARIAT, takesArgument: true },
  rsvps: { roles: SECRETARIAT, takesArgument: true, formerWords: ['zusagen'] },
  attendance: { roles: SECRETARIAT, takesArgument: true },
  minutes: { roles: SECRETARIAT, takesArgument: true },
  circulateMinutes: { roles: SECRETARIAT, takesArgument: true },
  approveMinutes: { roles: SECRETARIAT, takesArgument: true },
  actions: { roles: WITH_A_ROLE, takesArgument: true, argumentMax: NAME_ARGUMENT_MAX_LENGTH },
  statusReport: { roles: SECRETARIAT, takesArgument: true },
  audit: {
    roles: SECRETARIAT,
    takesArgument: true,
    argumentMax: NAME_ARGUMENT_MAX_LENGTH,
    personalChatOnly: true,
    formerWords: ['protokollierung'],
  },
  myData: { roles: 'anyone', personalChatOnly: true, acrossCommittees: true },
  language: { roles: 'anyone', takesArgument: true, acrossCommittees: true },
  delivery: { roles: SECRETARIAT },
} as const satisfies Readonly<Record<string, CommandEntry>>;
export type CommandId = keyof typeof COMMAND_REGISTRY;

/** Longest text the command reads after its word. */
export function commandArgumentMax(command: CommandId): number {
  return (COMMAND_REGISTRY[command] as CommandEntry).argumentMax ?? COMMAND_ARGUMENT_MAX_LENGTH;
}

/** Every command, in the registry's order. */
export const COMMANDS = Object.keys(COMMAND_REGISTRY) as readonly CommandId[];

/**
 * What one field of a card's data holds when the card was rendered by Gremium and filled in by a
 * person: its JSON types and, for text, its longest length. Card data is untrusted JSON from any
 * client, so a click may send anything; the bot's one reader (src/bot/card-payload.ts) reads only
 * the fields a verb names here and reports any that do not fit their kind. What a value means (a
 * known session, a date in range, a text within its field's own limit in TEXT_FIELDS) is the use
 * case's to decide, and it answers a value that does not fit with its own precise, localised
 * refusal ("this session does not exist", "name: too long"), so a misfit is reported rather than
 * answered with a generic "unknown action". The lengths here lie above every field's own limit.
 */
export const FIELD_KINDS = {
  /** Which stored thing a card acts on: a session, person, seat, item, agreement, group, dispatch. */
  id: { types: ['string'], maxLength: 500 },
  /** The revision or version of the stored thing the card showed. */
  version: { types: ['number'] },
  /** A number a person enters or a card carries (a page, a year, minutes, days); clients send text too. */
  count: { types: ['number', 'string'], maxLength: 100 },
  /** One of the values the card offers (a state step, an answer, a direction). */
  choice: { types: ['string'], maxLength: 200 },
  /** A date or time of day, as the client's picker sends it. */
  date: { types: ['string'], maxLength: 40 },
  /** Text a person types. */
  text: { types: ['string'], maxLength: 20_000 },
  /** A switch: a toggle's "true"/"false", or a button's `true`. */
  flag: { types: ['boolean', 'string'], oneOf: [true, false, 'true', 'false'] },
  /**
   * The secret of a link the card shows (its calendar link), carried back so that the card shown
   * again keeps that link instead of needing a new one; checked against the stored link.
   */
  token: { types: ['string'], maxLength: 100 },
} as const satisfies Readonly<Record<string, FieldRule>>;
export type FieldKind = keyof typeof FIELD_KINDS;

/** The JSON types a field of the kind has, its longest text, and (for a switch) its only values. */
export interface FieldRule {
  readonly types: ReadonlyArray<'string' | 'number' | 'boolean'>;
  readonly maxLength?: number;
  readonly oneOf?: ReadonlyArray<string | boolean>;
}

/**
 * The fields of a card's data that a verb reads, with their kinds. A `*` in a name stands for
 * any text: a family of fields a form repeats (`presence-*` for every seat of the attendance
 * list). Fields not named here are not read; every field is optional.
 */
export type PayloadSchema = Readonly<Record<string, FieldKind>>;

/**
 * One card verb: who may click it (holders of `roles`, and of those only the `onlyThe` person
 * unless they hold one of `orAnyOf`), where it is answered (with `personalChatOnly`, only in a
 * 1:1 chat, like the command it belongs to), and what it reads from the card's data.
 */
export interface VerbEntry {
  readonly roles: Audience;
  readonly onlyThe?: ActionOwner;
  readonly orAnyOf?: readonly Role[];
  readonly personalChatOnly?: CommandId;
  /**
   * Answered for the person across their committees, like the command it belongs to (see
   * `CommandEntry.acrossCommittees`): a click needs no choice of one committee first.
   */
  readonly acrossCommittees?: boolean;
  readonly payload: PayloadSchema;
}

/** Fields every form of the attendance list repeats per seat. */
const ATTENDANCE = { 'presence-*': 'choice', 'name-*': 'text' } as const;
/** Fields the minutes item form repeats per agreement (`agreement_<row>_<part>`, the new one's row `new`). */
const MINUTES_AGREEMENTS = {
  'agreement_*_text': 'text',
  'agreement_*_institution': 'text',
  'agreement_*_responsible': 'id',
  'agreement_*_due': 'date',
  'agreement_*_remove': 'flag',
} as const;
/** The seat form's answers and its search for people. */
const SEAT_FORM = { seatId: 'id', institution: 'text', memberId: 'id', deputyId: 'id', filter: 'text' } as const;

/**
 * Every card verb. The bot refuses a click by anyone outside `roles` before any use case runs;
 * the use cases still check everything themselves, including the `onlyThe` person.
 */
export const VERB_REGISTRY = {
  'committee.choose': {
    roles: 'anyone',
    personalChatOnly: 'committees',
    payload: { committeeId: 'id', command: 'choice', argument: 'text' },
  },
  /**
   * A typed command sent again from the card that showed its too long text to shorten: the
   * command's own rules (who may use it, and where) apply as if it were typed.
   */
  'command.run': { roles: 'anyone', payload: { command: 'choice', argument: 'text' } },
  'setup.open': { roles: SECRETARIAT, payload: {} },
  'setup.save': {
    roles: SECRETARIAT,
    payload: {
      revision: 'version',
      name: 'text',
      shortName: 'text',
      timeZone: 'text',
      terms: 'text',
      sessionLengthMinutes: 'count',
      firstChair: 'text',
      rotatingChairs: 'text',
      callForTopicsDays: 'count',
      topicDeadlineDays: 'count',
      agendaDispatchDays: 'count',
      rsvpReminderDays: 'count',
      workingGroupConversationId: 'id',
      objectionDays: 'count',
      retentionMonths: 'count',
      autoApprove: 'flag',
      autoPublishAgenda: 'flag',
      publishOparl: 'flag',
      language: 'choice',
    },
  },
  'delivery.retry': { roles: SECRETARIAT, payload: { dispatchId: 'id' } },
  'delivery.open': { roles: SECRETARIAT, payload: { page: 'count', dispatchId: 'id' } },
  'session.list': { roles: SECRETARIAT, payload: { year: 'count' } },
  'session.edit': { roles: SECRETARIAT, payload: { sessionId: 'id' } },
  'session.save': {
    roles: SECRETARIAT,
    payload: {
      sessionId: 'id',
      revision: 'version',
      date: 'date',
      time: 'date',
      place: 'text',
      onlineLink: 'text',
      chair: 'choice',
    },
  },
  'session.step': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', revision: 'version', step: 'choice', confirmed: 'flag', cancellationReason: 'text' },
  },
  'session.invite': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', revision: 'version', confirmed: 'flag' },
  },
  'invitation.view': {
    roles: SEAT_HOLDERS,
    onlyThe: 'invitee',
    payload: { sessionId: 'id', personId: 'id', calendarToken: 'token' },
  },
  'rsvp.answer': {
    roles: SEAT_HOLDERS,
    onlyThe: 'invitee',
    payload: {
      sessionId: 'id',
      personId: 'id',
      revision: 'version',
      choice: 'choice',
      delegateName: 'text',
      calendarToken: 'token',
    },
  },
  'rsvps.open': { roles: SECRETARIAT, payload: { sessionId: 'id' } },
  'rsvps.remind': { roles: SECRETARIAT, payload: { sessionId: 'id', remindKey: 'id' } },
  'attendance.open': { roles: SECRETARIAT, payload: { sessionId: 'id', page: 'count' } },
  'attendance.save': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', revision: 'version', page: 'count', ...ATTENDANCE },
  },
  'topic.form': { roles: TOPIC_SUBMITTERS, onlyThe: 'submitter', payload: { submissionId: 'id', sessionId: 'id' } },
  'topic.submit': {
    roles: TOPIC_SUBMITTERS,
    onlyThe: 'submitter',
    payload: {
      submissionId: 'id',
      sessionId: 'id',
      revision: 'version',
      kind: 'choice',
      title: 'text',
      description: 'text',
      institution: 'text',
      link: 'text',
      desiredMinutes: 'count',
    },
  },
  'topic.withdraw': {
    roles: TOPIC_SUBMITTERS,
    onlyThe: 'submitter',
    payload: { submissionId: 'id', revision: 'version' },
  },
  'topics.open': { roles: SECRETARIAT, payload: { sessionId: 'id', page: 'count' } },
  'topics.call': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', revision: 'version', confirmed: 'flag' },
  },
  'topic.decideForm': { roles: SECRETARIAT, payload: { submissionId: 'id' } },
  'topic.decide': {
    roles: SECRETARIAT,
    payload: {
      submissionId: 'id',
      revision: 'version',
      decision: 'choice',
      presenter: 'text',
      minutes: 'count',
      kind: 'choice',
      mergeInto: 'id',
      reason: 'text',
    },
  },
  'agenda.open': { roles: SECRETARIAT, payload: { sessionId: 'id' } },
  'agenda.move': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', revision: 'version', itemId: 'id', direction: 'choice' },
  },
  'agenda.itemForm': { roles: SECRETARIAT, payload: { sessionId: 'id', itemId: 'id' } },
  'agenda.itemSave': {
    roles: SECRETARIAT,
    payload: {
      sessionId: 'id',
      revision: 'version',
      itemId: 'id',
      title: 'text',
      presenter: 'text',
      minutes: 'count',
      kind: 'choice',
    },
  },
  'agenda.publish': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', revision: 'version', agendaRevision: 'version', confirmed: 'flag' },
  },
  'workingGroups.open': { roles: SECRETARIAT, payload: { page: 'count' } },
  'workingGroup.form': { roles: SECRETARIAT, payload: { groupId: 'id' } },
  'workingGroup.save': {
    roles: SECRETARIAT,
    payload: {
      formId: 'id',
      groupId: 'id',
      revision: 'version',
      name: 'text',
      mandate: 'text',
      members: 'text',
      startsOn: 'date',
      plannedEndOn: 'date',
      reportSessionId: 'id',
    },
  },
  'workingGroup.end': {
    roles: SECRETARIAT,
    payload: { groupId: 'id', revision: 'version', page: 'count', confirmed: 'flag' },
  },
  'minutes.open': { roles: SECRETARIAT, payload: { sessionId: 'id' } },
  'minutes.itemForm': { roles: SECRETARIAT, payload: { sessionId: 'id', itemId: 'id' } },
  'minutes.itemSave': {
    roles: SECRETARIAT,
    payload: {
      sessionId: 'id',
      version: 'version',
      itemId: 'id',
      summary: 'text',
      result: 'text',
      ...MINUTES_AGREEMENTS,
    },
  },
  'minutes.circulate': { roles: SECRETARIAT, payload: { sessionId: 'id' } },
  'minutes.respond': {
    roles: SEAT_HOLDERS,
    onlyThe: 'attendee',
    payload: { sessionId: 'id', version: 'version', 'answer_*': 'choice', 'comment_*': 'text' },
  },
  'minutes.approve': {
    roles: SECRETARIAT,
    payload: { sessionId: 'id', version: 'version', objections: 'count', confirmed: 'flag' },
  },
  'actions.open': { roles: WITH_A_ROLE, payload: { scope: 'choice', institution: 'choice', page: 'count' } },
  'action.open': { roles: WITH_A_ROLE, payload: { agreementId: 'id' } },
  'action.status': {
    roles: WITH_A_ROLE,
    onlyThe: 'responsible',
    orAnyOf: SECRETARIAT,
    payload: { agreementId: 'id', revision: 'version', status: 'choice', note: 'text' },
  },
  'action.proposeDue': {
    roles: WITH_A_ROLE,
    onlyThe: 'responsible',
    orAnyOf: SECRETARIAT,
    payload: { agreementId: 'id', revision: 'version', dueDate: 'date', note: 'text' },
  },
  'action.decideDue': {
    roles: SECRETARIAT,
    payload: { agreementId: 'id', revision: 'version', decision: 'choice', note: 'text' },
  },
  'roster.open': { roles: SECRETARIAT, payload: { filter: 'text' } },
  'roster.import': { roles: SECRETARIAT, payload: {} },
  'roster.newSeat': { roles: SECRETARIAT, payload: SEAT_FORM },
  'roster.editSeat': { roles: SECRETARIAT, payload: SEAT_FORM },
  'roster.saveSeat': { roles: SECRETARIAT, payload: { ...SEAT_FORM, revision: 'version' } },
  'roster.removeSeat': { roles: SECRETARIAT, payload: { seatId: 'id', revision: 'version' } },
  'roster.editPerson': { roles: SECRETARIAT, payload: { personId: 'id' } },
  'roster.saveRoles': {
    roles: SECRETARIAT,
    payload: { personId: 'id', revision: 'version', 'role_*': 'flag' },
  },
  'roster.setActive': { roles: SECRETARIAT, payload: { personId: 'id', revision: 'version', active: 'flag' } },
  /** The form for a person without Teams, and adding them by name, institution and e-mail address. */
  'roster.withoutTeamsForm': { roles: SECRETARIAT, payload: {} },
  'roster.addWithoutTeams': {
    roles: SECRETARIAT,
    payload: { revision: 'version', displayName: 'text', institution: 'text', email: 'text' },
  },
  /** A new e-mail address for a person without Teams, from their person card. */
  'roster.saveEmail': { roles: SECRETARIAT, payload: { personId: 'id', revision: 'version', email: 'text' } },
  'person.erase': { roles: SECRETARIAT, payload: { personId: 'id', revision: 'version', confirmed: 'flag' } },
  /**
   * The data export of a person without Teams, who cannot ask for it in Teams. Its link is shown
   * only in a 1:1 chat; the route says so elsewhere, since the roster card it sits on works anywhere.
   */
  'person.export': { roles: SECRETARIAT, payload: { personId: 'id' } },
  'audit.open': { roles: SECRETARIAT, personalChatOnly: 'audit', payload: { query: 'text', page: 'count' } },
  /** "My data"'s new calendar subscription address: the person's own, for all their committees. */
  'feed.renew': { roles: 'anyone', personalChatOnly: 'myData', acrossCommittees: true, payload: {} },
} as const satisfies Readonly<Record<string, VerbEntry>>;
export type Verb = keyof typeof VERB_REGISTRY;

/** Every card verb, in the registry's order. */
export const VERB_LIST = Object.keys(VERB_REGISTRY) as readonly Verb[];

/** Whether a value is a registered card verb. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && Object.hasOwn(VERB_REGISTRY, value);
}

/** A field name of a schema as the names it stands for: `presence-*` is every `presence-…`. */
type FieldNames<Name extends string> = Name extends `${infer Before}*${infer After}`
  ? `${Before}${string}${After}`
  : Name;

type SchemaOf<V extends Verb> = (typeof VERB_REGISTRY)[V]['payload'];

/**
 * A card's data as its verb reads it: every named field (undefined where the card sent none) and
 * the fields of each family the card sent, nothing else. The values stay `unknown`: they are
 * untrusted until the use case has checked them.
 */
export type Payload<V extends Verb> = {
  readonly [Name in keyof SchemaOf<V> & string as FieldNames<Name>]-?: unknown;
};
