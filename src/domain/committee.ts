import { IANAZone } from 'luxon';
import { isLanguage, type Language } from './language';
import { DEFAULT_MINUTES_SETTINGS } from './minutes/minutes-content';
import { checkText, TEXT_FIELDS, type TextField } from './text-input';
import { fail, ok, type Result } from './result';

/**
 * A term is the part of the year in which exactly one regular session takes place
 * (KOG: three "Tertiale"). Months are 1–12, inclusive at both ends.
 */
export interface Term {
  readonly startMonth: number;
  readonly endMonth: number;
}

/**
 * Who chairs which session. The KOG rule: the first session of a year is chaired by the Lord
 * Mayor's office; the remaining ones rotate through the listed institutions in order.
 */
export interface ChairRotation {
  readonly firstSessionOfYear: string;
  readonly rotating: readonly string[];
}

/** Days before a session at which each step of the cycle is due. */
export interface LeadTimes {
  readonly callForTopicsDays: number;
  readonly topicDeadlineDays: number;
  readonly agendaDispatchDays: number;
  readonly rsvpReminderDays: number;
}

/** Everything the secretariat configures on the set-up card. */
export interface CommitteeSettings {
  readonly name: string;
  readonly shortName: string;
  readonly timeZone: string;
  readonly terms: readonly Term[];
  readonly sessionLengthMinutes: number;
  readonly chairRotation: ChairRotation;
  readonly leadTimes: LeadTimes;
  /** Id of the stored conversation (channel or group chat) of the working group, if chosen. */
  readonly workingGroupConversationId?: string;
  /** How long attendees may object to circulated minutes, and whether silence approves them; see `minutesSettingsOf`. */
  readonly minutes?: MinutesSettings;
  /** Months after which personal data of finished sessions is removed; see `retentionMonthsOf`. */
  readonly retentionMonths?: number;
  /** Whether the scheduler publishes the agenda at the agenda lead time; see `autoPublishAgendaOf`. */
  readonly autoPublishAgenda?: boolean;
  /** Whether the committee's public record is published through the OParl interface; see `publishOparlOf`. */
  readonly publishOparl?: boolean;
  /** The language of its channels and group chats; see `committeeLanguageOf`. */
  readonly language?: Language;
}

/** The committee's rules for circulated minutes. */
export interface MinutesSettings {
  /** Calendar days after circulation until the end of which attendees may object. */
  readonly objectionDays: number;
  /** Whether minutes without objection are approved when the objection period ends. */
  readonly autoApprove: boolean;
}

/** The committee's minutes settings; committees stored before they existed get the defaults. */
export function minutesSettingsOf(committee: Pick<CommitteeSettings, 'minutes'>): MinutesSettings {
  return committee.minutes ?? DEFAULT_MINUTES_SETTINGS;
}

/**
 * How long the names and words of a finished session are kept: two years after its minutes were
 * approved covers the next sessions' follow-up of its agreements and a term of appeals.
 */
export const DEFAULT_RETENTION_MONTHS = 24;
export const RETENTION_MONTHS_LIMITS = { min: 1, max: 120 } as const;

/** The committee's retention period; committees stored before it existed get the default. */
export function retentionMonthsOf(committee: Pick<CommitteeSettings, 'retentionMonths'>): number {
  return committee.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
}

/**
 * Whether the agenda goes out by itself at the agenda lead time. By default it does: the working
 * group's timely information is the committee's rule, and two days before, the secretariat is
 * told what is still undecided. A committee that wants every agenda reviewed turns it off; the
 * agenda then waits for the secretariat at the lead time.
 */
export const DEFAULT_AUTO_PUBLISH_AGENDA = true;

/** The committee's agenda publication setting; committees stored before it existed get the default. */
export function autoPublishAgendaOf(committee: Pick<CommitteeSettings, 'autoPublishAgenda'>): boolean {
  return committee.autoPublishAgenda ?? DEFAULT_AUTO_PUBLISH_AGENDA;
}

/**
 * Whether the committee's public record (sessions, published agendas, the institutions at the
 * table, temporary working groups, and the results and agreements of approved minutes; never
 * names of people) is published through the OParl interface for council information systems.
 * Off unless the secretariat switches it on: publishing is its decision, and a committee stored
 * before the setting existed, or a card rendered before it, publishes nothing.
 */
export const DEFAULT_PUBLISH_OPARL = false;

/** The committee's publication setting; committees stored before it existed publish nothing. */
export function publishOparlOf(committee: Pick<CommitteeSettings, 'publishOparl'>): boolean {
  return committee.publishOparl ?? DEFAULT_PUBLISH_OPARL;
}

/**
 * The language Gremium speaks in the committee's channels and group chats, and in everything the
 * outbox posts there, whoever wrote last and whatever their Teams reports: many read along, and
 * a conversation that changed its language with each writer would be read by none. German, the
 * language of the committee's records, unless its secretariat chooses English on the set-up card.
 * It is also the language of a 1:1 chat whose person chose none and whose Teams told none.
 */
export const DEFAULT_COMMITTEE_LANGUAGE: Language = 'de';

/** The committee's language; committees stored before the setting existed speak German. */
export function committeeLanguageOf(committee: Pick<CommitteeSettings, 'language'>): Language {
  return committee.language ?? DEFAULT_COMMITTEE_LANGUAGE;
}

/** Longest objection period the set-up card accepts. */
export const OBJECTION_DAYS_MAX = 60;

/**
 * Where a committee lives: the team, or the group chat, in which its set-up was first saved.
 * Its conversations act on this committee, and joining or leaving it adds people to or
 * deactivates them in this committee's roster, no other.
 */
export interface CommitteeHome {
  readonly kind: 'team' | 'groupChat';
  /** The team's id for a team (its channels share it), the conversation id for a group chat. */
  readonly id: string;
  /** The team's or group chat's name as Teams gave it when the home was recorded; may be empty. */
  readonly title: string;
}

/** A committee as kept in the store: its settings plus who changed it when. */
export interface Committee extends CommitteeSettings {
  readonly tenantId: string;
  /**
   * Its home. Every committee set up since committees have homes has one from its first save; a
   * committee stored before gets it from the upgrade (see app/committees), from its stored
   * conversations, and lacks it only where those did not tell.
   */
  readonly home?: CommitteeHome;
  /** Increases with every saved change; a card showing an older revision is outdated. */
  readonly revision: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** Limits on free text, so that no card outgrows Teams' message size. */
export const TEXT_LIMITS = {
  name: TEXT_FIELDS.committeeName.max,
  shortName: TEXT_FIELDS.committeeShortName.max,
  institution: TEXT_FIELDS.institution.max,
  rotatingInstitutions: 12,
} as const;

/** The KOG's cycle, offered as the starting point when a committee is set up. */
export const DEFAULT_COMMITTEE_SETTINGS: CommitteeSettings = {
  name: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
  shortName: 'KOG',
  timeZone: 'Europe/Berlin',
  terms: [
    { startMonth: 1, endMonth: 4 },
    { startMonth: 5, endMonth: 8 },
    { startMonth: 9, endMonth: 12 },
  ],
  sessionLengthMinutes: 180,
  chairRotation: {
    firstSessionOfYear: 'Oberbürgermeister der Stadt Leipzig',
    rotating: ['Jobcenter Leipzig', 'Agentur für Arbeit Leipzig'],
  },
  leadTimes: { callForTopicsDays: 42, topicDeadlineDays: 21, agendaDispatchDays: 14, rsvpReminderDays: 7 },
  minutes: DEFAULT_MINUTES_SETTINGS,
  retentionMonths: DEFAULT_RETENTION_MONTHS,
  autoPublishAgenda: DEFAULT_AUTO_PUBLISH_AGENDA,
  publishOparl: DEFAULT_PUBLISH_OPARL,
  language: DEFAULT_COMMITTEE_LANGUAGE,
};

/** The set-up card's answers as they arrive: untrusted strings and numbers. */
export interface CommitteeSettingsInput {
  readonly name?: unknown;
  readonly shortName?: unknown;
  readonly timeZone?: unknown;
  readonly terms?: unknown;
  readonly sessionLengthMinutes?: unknown;
  readonly firstChair?: unknown;
  readonly rotatingChairs?: unknown;
  readonly callForTopicsDays?: unknown;
  readonly topicDeadlineDays?: unknown;
  readonly agendaDispatchDays?: unknown;
  readonly rsvpReminderDays?: unknown;
  readonly workingGroupConversationId?: unknown;
  readonly objectionDays?: unknown;
  readonly autoApprove?: unknown;
  readonly retentionMonths?: unknown;
  readonly autoPublishAgenda?: unknown;
  readonly publishOparl?: unknown;
  readonly language?: unknown;
}

export type SettingsField =
  | 'name'
  | 'shortName'
  | 'timeZone'
  | 'terms'
  | 'sessionLengthMinutes'
  | 'firstChair'
  | 'rotatingChairs'
  | 'callForTopicsDays'
  | 'topicDeadlineDays'
  | 'agendaDispatchDays'
  | 'rsvpReminderDays'
  | 'leadTimeOrder'
  | 'workingGroupConversationId'
  | 'objectionDays'
  | 'retentionMonths'
  | 'language';

export type SettingsProblem =
  | { readonly field: SettingsField; readonly code: 'required' }
  | { readonly field: SettingsField; readonly code: 'tooLong'; readonly max: number }
  /** Control characters, HTML tags or template expressions, which no one means to type into a setting. */
  | { readonly field: SettingsField; readonly code: 'markup' }
  | { readonly field: SettingsField; readonly code: 'tooMany'; readonly max: number }
  | { readonly field: SettingsField; readonly code: 'notANumber' }
  | { readonly field: SettingsField; readonly code: 'outOfRange'; readonly min: number; readonly max: number }
  | { readonly field: SettingsField; readonly code: 'unknownTimeZone' }
  | { readonly field: SettingsField; readonly code: 'invalidTerms' }
  | { readonly field: SettingsField; readonly code: 'leadTimesOutOfOrder' }
  | { readonly field: SettingsField; readonly code: 'unknownConversation' }
  /** The working group's conversation is another committee's working group's already. */
  | { readonly field: SettingsField; readonly code: 'conversationTaken' }
  /** A language Gremium does not speak: only a tampered card sends one. */
  | { readonly field: SettingsField; readonly code: 'unknownLanguage' };

const LEAD_TIME_MAX_DAYS = 365;
const SESSION_MINUTES = { min: 30, max: 600 } as const;

/**
 * Turns the card's untrusted answers into settings, or lists every problem at once so the
 * secretariat can fix them in one go. `knownConversationIds` are the conversations the bot is
 * installed in; any other id can only come from a tampered card.
 */
export function parseCommitteeSettings(
  input: CommitteeSettingsInput,
  knownConversationIds: ReadonlySet<string>,
): Result<CommitteeSettings, SettingsProblem[]> {
  const problems: SettingsProblem[] = [];
  const name = requiredText(input.name, 'name', 'committeeName', problems);
  const shortName = requiredText(input.shortName, 'shortName', 'committeeShortName', problems);
  const timeZone = requiredText(input.timeZone, 'timeZone', 'timeZone', problems);
  if (timeZone && !IANAZone.isValidZone(timeZone)) problems.push({ field: 'timeZone', code: 'unknownTimeZone' });

  const terms = parseTerms(typeof input.terms === 'string' ? input.terms : '');
  if (!terms) problems.push({ field: 'terms', code: 'invalidTerms' });

  const sessionLengthMinutes = wholeNumber(
    input.sessionLengthMinutes,
    'sessionLengthMinutes',
    SESSION_MINUTES.min,
    SESSION_MINUTES.max,
    problems,
  );
  const firstChair = requiredText(input.firstChair, 'firstChair', 'institution', problems);
  const rotating = parseInstitutionLines(input.rotatingChairs, problems);

  const callForTopicsDays = wholeNumber(input.callForTopicsDays, 'callForTopicsDays', 1, LEAD_TIME_MAX_DAYS, problems);
  const topicDeadlineDays = wholeNumber(input.topicDeadlineDays, 'topicDeadlineDays', 1, LEAD_TIME_MAX_DAYS, problems);
  const agendaDispatchDays = wholeNumber(
    input.agendaDispatchDays,
    'agendaDispatchDays',
    1,
    LEAD_TIME_MAX_DAYS,
    problems,
  );
  const rsvpReminderDays = wholeNumber(input.rsvpReminderDays, 'rsvpReminderDays', 0, LEAD_TIME_MAX_DAYS, problems);
  if (
    callForTopicsDays !== undefined &&
    topicDeadlineDays !== undefined &&
    agendaDispatchDays !== undefined &&
    rsvpReminderDays !== undefined &&
    !(
      callForTopicsDays > topicDeadlineDays &&
      topicDeadlineDays > agendaDispatchDays &&
      agendaDispatchDays > rsvpReminderDays
    )
  ) {
    problems.push({ field: 'leadTimeOrder', code: 'leadTimesOutOfOrder' });
  }

  const workingGroup =
    typeof input.workingGroupConversationId === 'string' ? input.workingGroupConversationId.trim() : '';
  if (workingGroup && !knownConversationIds.has(workingGroup)) {
    problems.push({ field: 'workingGroupConversationId', code: 'unknownConversation' });
  }

  // Absent on cards rendered before the minutes settings existed: the defaults then apply.
  const objectionDays =
    input.objectionDays === undefined
      ? DEFAULT_MINUTES_SETTINGS.objectionDays
      : wholeNumber(input.objectionDays, 'objectionDays', 1, OBJECTION_DAYS_MAX, problems);
  const autoApprove =
    input.autoApprove === undefined
      ? DEFAULT_MINUTES_SETTINGS.autoApprove
      : input.autoApprove === true || input.autoApprove === 'true';

  // Absent on cards rendered before the retention setting existed: the default then applies.
  const retentionMonths =
    input.retentionMonths === undefined
      ? DEFAULT_RETENTION_MONTHS
      : wholeNumber(
          input.retentionMonths,
          'retentionMonths',
          RETENTION_MONTHS_LIMITS.min,
          RETENTION_MONTHS_LIMITS.max,
          problems,
        );

  // Absent on cards rendered before the setting existed: the default then applies.
  const autoPublishAgenda =
    input.autoPublishAgenda === undefined
      ? DEFAULT_AUTO_PUBLISH_AGENDA
      : input.autoPublishAgenda === true || input.autoPublishAgenda === 'true';

  // Only an explicit "on" publishes: an absent or unreadable answer keeps the record private.
  const publishOparl = input.publishOparl === true || input.publishOparl === 'true';

  // Absent on cards rendered before the setting existed: the stored language then stays.
  const language = input.language === undefined || input.language === '' ? undefined : input.language;
  if (language !== undefined && !isLanguage(language)) problems.push({ field: 'language', code: 'unknownLanguage' });

  if (problems.length > 0) return fail(problems);
  return ok({
    name: name!,
    shortName: shortName!,
    timeZone: timeZone!,
    terms: terms!,
    sessionLengthMinutes: sessionLengthMinutes!,
    chairRotation: { firstSessionOfYear: firstChair!, rotating },
    leadTimes: {
      callForTopicsDays: callForTopicsDays!,
      topicDeadlineDays: topicDeadlineDays!,
      agendaDispatchDays: agendaDispatchDays!,
      rsvpReminderDays: rsvpReminderDays!,
    },
    ...(workingGroup ? { workingGroupConversationId: workingGroup } : {}),
    minutes: { objectionDays: objectionDays!, autoApprove },
    retentionMonths: retentionMonths!,
    autoPublishAgenda,
    publishOparl,
    ...(isLanguage(language) ? { language } : {}),
  });
}

/**
 * Reads a cadence written as month ranges, `1-4,5-8,9-12`. The terms must follow each other
 * without gap or overlap and cover the whole year, so that every date falls in exactly one term.
 */
export function parseTerms(text: string): Term[] | undefined {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length < 1 || parts.length > 12) return undefined;
  const terms: Term[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2})\s*[-–]\s*(\d{1,2})$/.exec(part);
    if (!match) return undefined;
    const term = { startMonth: Number(match[1]), endMonth: Number(match[2]) };
    if (term.startMonth < 1 || term.endMonth > 12 || term.startMonth > term.endMonth) return undefined;
    terms.push(term);
  }
  let expectedStart = 1;
  for (const term of terms) {
    if (term.startMonth !== expectedStart) return undefined;
    expectedStart = term.endMonth + 1;
  }
  return expectedStart === 13 ? terms : undefined;
}

/** The inverse of `parseTerms`: the canonical text form used as a choice value on the card. */
export function formatTerms(terms: readonly Term[]): string {
  return terms.map((term) => `${term.startMonth}-${term.endMonth}`).join(',');
}

function requiredText(
  value: unknown,
  field: SettingsField,
  checked: TextField,
  problems: SettingsProblem[],
): string | undefined {
  const before = problems.length;
  const text = checkText(checked, typeof value === 'string' ? value : undefined, (code, max) =>
    problems.push(code === 'tooLong' ? { field, code, max } : { field, code: 'markup' }),
  );
  if (!text && problems.length === before) problems.push({ field, code: 'required' });
  return text;
}

function wholeNumber(
  value: unknown,
  field: SettingsField,
  min: number,
  max: number,
  problems: SettingsProblem[],
): number | undefined {
  // Digits only: "1e2", "0x10" or "20.0" are not what a person means by a number of days.
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(number)) {
    problems.push({ field, code: 'notANumber' });
    return undefined;
  }
  if (number < min || number > max) {
    problems.push({ field, code: 'outOfRange', min, max });
    return undefined;
  }
  return number;
}

/** One institution per line (or separated by semicolons), each checked as an institution's name. */
function parseInstitutionLines(value: unknown, problems: SettingsProblem[]): string[] {
  const lines = (typeof value === 'string' ? value : '')
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length > TEXT_LIMITS.rotatingInstitutions) {
    problems.push({ field: 'rotatingChairs', code: 'tooMany', max: TEXT_LIMITS.rotatingInstitutions });
    return [];
  }
  const lineProblems: SettingsProblem[] = [];
  const checked = lines.map((line) =>
    checkText('institution', line, (code, max) =>
      lineProblems.push(
        code === 'tooLong' ? { field: 'rotatingChairs', code, max } : { field: 'rotatingChairs', code: 'markup' },
      ),
    ),
  );
  if (lineProblems.length > 0) {
    problems.push(lineProblems[0]!);
    return [];
  }
  return checked.filter((line): line is string => line !== undefined);
}
