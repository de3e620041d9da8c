import {
  changeRoster,
  type ChangeRosterRefusal,
  type RosterOutcome,
  type RosterRequest,
} from '../app/roster/change-roster';
import { refreshMembers } from '../app/roster/import-members';
import type { RosterView } from '../app/roster/load-roster';
import { openRoster } from '../app/roster/open-roster';
import type { Result } from '../domain/result';
import { isTampering, type RosterProblem } from '../domain/roster-changes';
import type { AdaptiveCardJson } from '../cards/card-template';
import { submittedFilter } from '../cards/person-choices';
import { renderRosterCard, type RosterBanner } from '../cards/roster-card';
import { renderRosterPersonCard, submittedActive, submittedRoles } from '../cards/roster-person-card';
import { describeRosterProblems } from '../cards/roster-problems';
import { renderRosterSeatCard, submittedDeputy } from '../cards/roster-seat-card';
import { renderRosterWithoutTeamsCard } from '../cards/roster-without-teams-card';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';
import { isTeamOrGroupChat, memberSourceOf, readConversationMembers } from './team-members';

type Changed = Result<{ readonly view: RosterView; readonly outcome: RosterOutcome }, ChangeRosterRefusal>;

/** `mitglieder`, and the cards' "back" and search: the roster overview, or why not. */
async function open(turn: VerbTurn<'roster.open'>): Promise<AdaptiveCardJson> {
  return rosterCard(turn, undefined, turn.payload.filter);
}

/**
 * The roster overview with what just happened on top (and the search as the card sent it), or
 * why the person may not see it.
 */
export async function rosterCard(
  turn: RouteTurn<unknown>,
  banner?: RosterBanner,
  filter?: unknown,
): Promise<AdaptiveCardJson> {
  const view = await openRoster(turn.deps, turn.actor);
  if (!view.ok) return notAllowed(turn.i18n);
  return overview(turn, view.value, banner, submittedFilter(filter));
}

/** The form for a new seat; also its search for people. */
async function newSeat(turn: VerbTurn<'roster.newSeat'>): Promise<AdaptiveCardJson> {
  return seatForm(turn, true);
}

/** The form for the chosen seat; also its search for people. */
async function editSeat(turn: VerbTurn<'roster.editSeat'>): Promise<AdaptiveCardJson> {
  return seatForm(turn, false);
}

async function seatForm(
  turn: VerbTurn<'roster.newSeat'> | VerbTurn<'roster.editSeat'>,
  isNew: boolean,
): Promise<AdaptiveCardJson> {
  const view = await openRoster(turn.deps, turn.actor);
  if (!view.ok) return notAllowed(turn.i18n);
  const fields = turn.payload;
  const seat = isNew ? undefined : view.value.seats.find((candidate) => candidate.id === fields.seatId);
  if (!isNew && !seat) {
    if (fields.seatId === undefined || fields.seatId === '')
      return overview(turn, view.value, attention(turn.i18n.t('roster.chooseSeatFirst')));
    return tampered(turn.i18n);
  }
  // A search from the form itself sends what was typed; show it again.
  const answers =
    fields.institution !== undefined
      ? { institution: fields.institution, memberId: fields.memberId, deputyId: submittedDeputy(fields.deputyId) }
      : undefined;
  return renderRosterSeatCard(view.value, seat, { answers, filter: submittedFilter(fields.filter) }, turn.i18n);
}

/** Saves the seat form: a new seat, or changes to one. */
async function saveSeat(turn: VerbTurn<'roster.saveSeat'>): Promise<AdaptiveCardJson> {
  const fields = turn.payload;
  const request: RosterRequest = {
    kind: 'saveSeat',
    seatId: fields.seatId,
    institution: fields.institution,
    memberId: fields.memberId,
    deputyId: submittedDeputy(fields.deputyId),
  };
  const result = await changeRoster(turn.deps, turn.actor, { revision: fields.revision, request });
  return answer(turn, result, async (problems) => {
    const view = await openRoster(turn.deps, turn.actor);
    if (!view.ok) return notAllowed(turn.i18n);
    const seat = view.value.seats.find((candidate) => candidate.id === fields.seatId);
    return renderRosterSeatCard(
      view.value,
      seat,
      {
        answers: request,
        filter: submittedFilter(fields.filter),
        banner: {
          title: turn.i18n.t('problems.title'),
          text: turn.i18n.t('problems.intro'),
          lines: describeRosterProblems(problems, turn.i18n, request),
        },
      },
      turn.i18n,
    );
  });
}

/** Removes the seat of the seat form; its people stay in the committee. */
async function removeSeat(turn: VerbTurn<'roster.removeSeat'>): Promise<AdaptiveCardJson> {
  const fields = turn.payload;
  const result = await changeRoster(turn.deps, turn.actor, {
    revision: fields.revision,
    request: { kind: 'removeSeat', seatId: fields.seatId },
  });
  return answer(turn, result, async (problems) =>
    rosterCard(turn, attention(describeRosterProblems(problems, turn.i18n).join(' '))),
  );
}

/** The card of the chosen person: roles and activity. */
async function editPerson(turn: VerbTurn<'roster.editPerson'>): Promise<AdaptiveCardJson> {
  const view = await openRoster(turn.deps, turn.actor);
  if (!view.ok) return notAllowed(turn.i18n);
  const personId = turn.payload.personId;
  const person = view.value.people.find((candidate) => candidate.aadObjectId === personId);
  if (!person) {
    if (personId === undefined || personId === '')
      return overview(turn, view.value, attention(turn.i18n.t('roster.choosePersonFirst')));
    return tampered(turn.i18n);
  }
  return renderRosterPersonCard(view.value, person, timeZoneOf(turn), turn.i18n, undefined, {
    outlook: outlookOf(turn),
  });
}

/** Saves a person's roles from the toggles of their card. */
async function saveRoles(turn: VerbTurn<'roster.saveRoles'>): Promise<AdaptiveCardJson> {
  const fields = turn.payload;
  const result = await changeRoster(turn.deps, turn.actor, {
    revision: fields.revision,
    request: { kind: 'setRoles', personId: fields.personId, roles: submittedRoles(fields) },
  });
  return answer(turn, result, (problems) => personRefusal(turn, fields.personId, problems));
}

/** Deactivates or reactivates a person. */
async function setActive(turn: VerbTurn<'roster.setActive'>): Promise<AdaptiveCardJson> {
  const fields = turn.payload;
  const result = await changeRoster(turn.deps, turn.actor, {
    revision: fields.revision,
    request: { kind: 'setActive', personId: fields.personId, active: submittedActive(fields.active) },
  });
  return answer(turn, result, (problems) => personRefusal(turn, fields.personId, problems));
}

/** The form for a person without Teams (name, institution, e-mail address). */
async function withoutTeamsForm(turn: VerbTurn<'roster.withoutTeamsForm'>): Promise<AdaptiveCardJson> {
  const view = await openRoster(turn.deps, turn.actor);
  if (!view.ok) return notAllowed(turn.i18n);
  return renderRosterWithoutTeamsCard(view.value, turn.i18n);
}

/**
 * Adds a person without Teams. Refused input comes back on the form with everything typed and
 * every problem listed; nothing is stored then.
 */
async function addWithoutTeams(turn: VerbTurn<'roster.addWithoutTeams'>): Promise<AdaptiveCardJson> {
  const fields = turn.payload;
  const request: RosterRequest = {
    kind: 'addPersonWithoutTeams',
    displayName: fields.displayName,
    institution: fields.institution,
    email: fields.email,
  };
  const result = await changeRoster(turn.deps, turn.actor, { revision: fields.revision, request });
  return answer(turn, result, async (problems) => {
    const view = await openRoster(turn.deps, turn.actor);
    if (!view.ok) return notAllowed(turn.i18n);
    return renderRosterWithoutTeamsCard(view.value, turn.i18n, fields, {
      title: turn.i18n.t('problems.title'),
      text: turn.i18n.t('problems.intro'),
      lines: describeRosterProblems(problems, turn.i18n, fields),
    });
  });
}

/** Saves a new e-mail address of a person without Teams from their card. */
async function saveEmail(turn: VerbTurn<'roster.saveEmail'>): Promise<AdaptiveCardJson> {
  const fields = turn.payload;
  const result = await changeRoster(turn.deps, turn.actor, {
    revision: fields.revision,
    request: { kind: 'setEmail', personId: fields.personId, email: fields.email },
  });
  return answer(turn, result, (problems) => personRefusal(turn, fields.personId, problems, fields.email));
}

/**
 * Takes over the members of the team or group chat the card is in. Reading the member list can
 * fail (Teams busy, the bot removed); then nothing changes and the card says so.
 */
async function importMembers(turn: VerbTurn<'roster.import'>): Promise<AdaptiveCardJson> {
  const source = memberSourceOf(turn.context);
  if (!isTeamOrGroupChat(turn.context) || !source) {
    const view = await openRoster(turn.deps, turn.actor);
    if (!view.ok) return notAllowed(turn.i18n);
    return notice(turn.i18n, 'attention', 'roster.importOnlyInChatsTitle', 'roster.importOnlyInChats');
  }
  let imported: Awaited<ReturnType<typeof refreshMembers>>;
  try {
    imported = await refreshMembers(turn.deps, turn.actor, source, () => readConversationMembers(turn.context));
  } catch (error) {
    turn.logger.warn({ err: error, activityId: turn.context.activity.id }, 'could not take over the members');
    return rosterCard(turn, attention(turn.i18n.t('roster.banners.importFailed')));
  }
  if (!imported.ok)
    return imported.error.kind === 'notHome'
      ? rosterCard(turn, attention(turn.i18n.t('roster.banners.importNotHome')))
      : notAllowed(turn.i18n);
  return rosterCard(turn, {
    style: 'good',
    title: '',
    text: turn.i18n.t('roster.banners.imported', { ...imported.value }),
  });
}

/**
 * The secretariat's roster: seats and their holders, people and their roles, and taking over the
 * members of the team or group chat, mapped to use cases; every refusal a localised card.
 */
export const rosterRoutes = {
  open,
  importMembers,
  newSeat,
  editSeat,
  saveSeat,
  removeSeat,
  editPerson,
  saveRoles,
  setActive,
  withoutTeamsForm,
  addWithoutTeams,
  saveEmail,
};

/** The answer to a roster change: the overview with what was done, or why nothing was. */
async function answer(
  turn: RouteTurn<unknown>,
  result: Changed,
  invalid: (problems: readonly RosterProblem[]) => Promise<AdaptiveCardJson>,
): Promise<AdaptiveCardJson> {
  if (result.ok)
    return overview(turn, result.value.view, {
      style: 'good',
      title: '',
      text: outcomeText(result.value.outcome, turn.i18n),
    });
  switch (result.error.kind) {
    case 'notAllowed':
      return notAllowed(turn.i18n);
    case 'outdated':
      return rosterCard(turn, {
        style: 'attention',
        title: turn.i18n.t('roster.banners.outdatedTitle'),
        text: turn.i18n.t('roster.banners.outdated'),
      });
    case 'invalid':
      return result.error.problems.some(isTampering) ? tampered(turn.i18n) : invalid(result.error.problems);
  }
}

/** The person's card again, saying why their change was refused (the last secretariat). */
async function personRefusal(
  turn: RouteTurn<unknown>,
  personId: unknown,
  problems: readonly RosterProblem[],
  typedEmail?: unknown,
): Promise<AdaptiveCardJson> {
  const view = await openRoster(turn.deps, turn.actor);
  if (!view.ok) return notAllowed(turn.i18n);
  const person = view.value.people.find((candidate) => candidate.aadObjectId === personId);
  if (!person) return tampered(turn.i18n);
  return renderRosterPersonCard(
    view.value,
    person,
    timeZoneOf(turn),
    turn.i18n,
    {
      title: turn.i18n.t('roster.banners.notSavedTitle'),
      text: describeRosterProblems(problems, turn.i18n, { email: typedEmail }).join(' '),
    },
    { outlook: outlookOf(turn), ...(typedEmail !== undefined ? { typedEmail } : {}) },
  );
}

function overview(turn: RouteTurn<unknown>, view: RosterView, banner?: RosterBanner, filter = ''): AdaptiveCardJson {
  // Members come from the committee's home only (a committee of before homes without one: anywhere).
  const atHome = turn.actor.place.kind === 'home' || !turn.actor.committee?.home;
  const timeZone = turn.actor.committee?.timeZone ?? 'Europe/Berlin';
  return renderRosterCard(
    view,
    { banner, filter, canImport: isTeamOrGroupChat(turn.context) && atHome, timeZone },
    turn.i18n,
  );
}

function outcomeText(outcome: RosterOutcome, i18n: Translator): string {
  if (outcome.kind === 'personWithoutTeamsAdded')
    return withFeedMail(i18n.t('withoutTeams.banners.added', { name: outcome.name }), outcome, i18n);
  if (outcome.kind === 'emailSaved')
    return withFeedMail(i18n.t('withoutTeams.banners.emailSaved', { name: outcome.name }), outcome, i18n);
  return 'institution' in outcome
    ? i18n.t(`roster.banners.${outcome.kind}`, { institution: outcome.institution })
    : i18n.t(`roster.banners.${outcome.kind}`, { name: outcome.name });
}

/**
 * What happens next for a person without Teams, said truthfully: the e-mail with their calendar
 * address is queued (not sent: the outbox sends it), or, without Outlook, nothing reaches them.
 */
function withFeedMail(text: string, outcome: RosterOutcome, i18n: Translator): string {
  if (!('feedMail' in outcome) || !outcome.feedMail) return text;
  const next =
    outcome.feedMail === 'noOutlook'
      ? i18n.t('feedLinkMail.banners.noOutlook', { name: outcome.name })
      : outcome.kind === 'emailSaved'
        ? i18n.t('feedLinkMail.banners.queuedNewAddress')
        : i18n.t('feedLinkMail.banners.queued', { name: outcome.name });
  return `${text} ${next}`;
}

function attention(text: string): RosterBanner {
  return { style: 'attention', title: '', text };
}

function notAllowed(i18n: Translator): AdaptiveCardJson {
  return notice(i18n, 'attention', 'notices.notAllowedTitle', 'roster.notAllowed');
}

function tampered(i18n: Translator): AdaptiveCardJson {
  return notice(i18n, 'attention', 'roster.tamperedTitle', 'roster.tampered');
}

/** Whether people without Teams are reached through Outlook: Graph is configured with an organiser mailbox. */
function outlookOf(turn: RouteTurn<unknown>): boolean {
  return turn.deps.organiserMailbox !== undefined && turn.deps.organiserMailbox !== '';
}

function timeZoneOf(turn: RouteTurn<unknown>): string {
  return turn.actor.committee?.timeZone ?? 'Europe/Berlin';
}
