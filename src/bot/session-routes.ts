import { addExtraSession } from '../app/sessions/add-extra-session';
import { answerRsvp } from '../app/sessions/answer-rsvp';
import { openAttendance, recordAttendance } from '../app/sessions/attendance';
import { changeSessionState } from '../app/sessions/change-session-state';
import { editSession } from '../app/sessions/edit-session';
import { sessionForCommand, yearForCommand, type SessionAccessRefusal } from '../app/sessions/find-session';
import { overviewOfYears, sessionsOverview } from '../app/sessions/sessions-overview';
import { inviteAsSecretariat } from '../app/sessions/invite-to-session';
import { invitationLinks, type InvitationView } from '../app/sessions/invitation-view';
import { openInvitation } from '../app/sessions/open-invitation';
import { planSessions } from '../app/sessions/plan-sessions';
import { remindUnanswered } from '../app/sessions/remind-unanswered';
import { rsvpOverview } from '../app/sessions/rsvp-overview';
import { personGoAhead } from '../domain/confirmation/go-ahead';
import { isBeforeInvitation, isBetweenInvitationAndMinutes } from '../domain/sessions/session-state';
import { renderAttendanceCard } from '../cards/attendance-card';
import { cardBanner, type CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderInvitationCard } from '../cards/invitation-card';
import { renderRsvpsCard } from '../cards/rsvps-card';
import { renderSessionEditCard } from '../cards/session-edit-card';
import { renderSessionsCard } from '../cards/sessions-card';
import { renderStepQuestionCard } from '../cards/step-question-card';
import { tooLongLine } from '../cards/typed-text';
import type { Translator } from '../i18n/translator';
import { escapeMarkdown } from '../cards/escape-markdown';
import { formatDateTime } from '../i18n/format-date';
import { notCurrentNotice, notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';
import { sessionOfTurn } from './session-of-turn';
import { notFoundNotice, wrongStateNotice, wrongStateText } from './session-access-refusal';
import { turnLinks } from './turn-links';

/** The year's sessions, with what just happened on top. */
async function yearCard(
  turn: RouteTurn<unknown>,
  year: number,
  banner?: CardBanner,
  confirmCancel?: string,
): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  return renderSessionsCard(await overviewOfYears(deps, { ...actor, committee: actor.committee! }, [year]), i18n, {
    ...(banner ? { banner } : {}),
    ...(confirmCancel ? { confirmCancel } : {}),
  });
}

/** `sitzungen [2027]`: the sessions of this year and the next (or of one year), for every role. */
async function sessions(turn: RouteTurn): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const result = await sessionsOverview(turn.deps, turn.actor, turn.argument ?? '');
  if (result.ok) return renderSessionsCard(result.value, i18n);
  const refusal = result.error;
  switch (refusal.kind) {
    case 'invalidYear':
      return notice(i18n, 'attention', 'sessionErrors.title', 'sessionTracks.errors.invalidYear', {
        min: refusal.min,
        max: refusal.max,
        example: refusal.example,
      });
    case 'notAllowed':
      return notice(i18n, 'attention', 'notices.notAllowedTitle', 'sessionTracks.errors.notAllowed');
    default:
      return notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noCommittee');
  }
}

function refused(i18n: Translator, refusal: SessionAccessRefusal): AdaptiveCardJson {
  return refusal.kind === 'notFound'
    ? notFoundNotice(i18n, refusal)
    : notice(
        i18n,
        'attention',
        'sessionErrors.title',
        `sessionErrors.${refusal.kind === 'noneSuitable' ? 'notInvited' : refusal.kind}`,
      );
}

/**
 * The reader's invitation with their own calendar link: the one the clicked card carried, while
 * it still serves, else a new one.
 */
async function invitationCard(
  turn: RouteTurn<unknown>,
  view: InvitationView,
  calendarToken: unknown,
  retry?: Parameters<typeof renderInvitationCard>[3],
): Promise<AdaptiveCardJson> {
  const carried = { calendar: { token: calendarToken, sessionEndsAt: view.endsAt } };
  const links = await turnLinks(turn.deps, turn.actor, turn.publicBaseUrl, invitationLinks(view), carried);
  return renderInvitationCard(view, turn.i18n, links('calendar'), retry);
}

/** `sitzungen planen 2027`: creates what is missing and shows the year. */
async function plan(turn: RouteTurn): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const argument = turn.argument ?? '';
  const result = await planSessions(turn.deps, turn.actor, argument);
  if (!result.ok) {
    if (result.error.kind === 'invalidYear')
      return notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.invalidYear', {
        min: result.error.min,
        max: result.error.max,
      });
    return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${result.error.kind}`);
  }
  const year = Number(argument.trim());
  const created = result.value.created.length;
  const banner: CardBanner =
    created > 0
      ? {
          style: 'good',
          title: i18n.t('sessions.planned', { created, year }),
          text: i18n.t('sessions.plannedText'),
        }
      : { style: 'accent', title: i18n.t('sessions.plannedNone', { year }), text: '' };
  return yearCard(turn, year, banner);
}

/** `sondersitzung 2027-05-20`. */
async function extra(turn: RouteTurn): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const text = turn.argument ?? '';
  const result = await addExtraSession(turn.deps, turn.actor, text);
  if (!result.ok)
    return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${result.error.kind}`, {
      date: escapeMarkdown(text),
    });
  const { session, created } = result.value;
  const banner: CardBanner = created
    ? {
        style: 'good',
        title: i18n.t('sessions.extraCreated', { number: session.number }),
        text: i18n.t('sessions.plannedText'),
      }
    : { style: 'accent', title: i18n.t('sessions.extraExisting', { number: session.number }), text: '' };
  return yearCard(turn, session.year, banner);
}

/** The year's sessions again (the edit form's "back", "keep it"). */
async function list(turn: VerbTurn<'session.list'>): Promise<AdaptiveCardJson> {
  const result = await yearForCommand(turn.deps.store, turn.actor, turn.payload.year);
  if (!result.ok) return refused(turn.i18n, result.error);
  return yearCard(turn, result.value.year);
}

async function editForm(turn: VerbTurn<'session.edit'>): Promise<AdaptiveCardJson> {
  const access = await sessionForCommand(turn.deps.store, turn.actor, 'planSessions', turn.payload.sessionId);
  if (!access.ok) return refused(turn.i18n, access.error);
  return renderSessionEditCard(access.value.session, access.value.committee.timeZone, turn.i18n);
}

async function save(turn: VerbTurn<'session.save'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, payload } = turn;
  const input = {
    date: payload.date,
    time: payload.time,
    place: payload.place,
    onlineLink: payload.onlineLink,
    chair: payload.chair,
  };
  const result = await editSession(deps, actor, payload.sessionId, payload.revision, input);
  if (result.ok) {
    const { session, notified } = result.value;
    return yearCard(turn, session.year, {
      style: 'good',
      title: i18n.t('sessions.saved', { number: session.number }),
      text: notified > 0 ? i18n.t('sessions.savedNotified', { count: notified }) : '',
    });
  }
  const refusal = result.error;
  switch (refusal.kind) {
    case 'invalid':
      return renderSessionEditCard(refusal.session, actor.committee!.timeZone, i18n, {
        input,
        problems: refusal.problems,
      });
    case 'outdated':
      return yearCard(turn, refusal.session.year, {
        style: 'warning',
        title: i18n.t('notices.outdatedTitle'),
        text: i18n.t('sessions.outdated'),
      });
    case 'wrongState':
      return wrongStateNotice(i18n, refusal);
    default:
      return refused(i18n, refusal);
  }
}

/** Cancelling asks once: the first click shows the confirmation in place. */
async function step(turn: VerbTurn<'session.step'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, payload } = turn;
  const access = await sessionForCommand(deps.store, actor, 'planSessions', payload.sessionId);
  if (!access.ok) return refused(i18n, access.error);
  const { session } = access.value;
  if (payload.step === 'cancel' && payload.confirmed !== true) {
    return yearCard(
      turn,
      session.year,
      {
        style: 'warning',
        title: i18n.t('sessions.confirmCancelTitle', { number: session.number }),
        text: i18n.t('sessions.confirmCancelText'),
      },
      session.id,
    );
  }
  const result = await changeSessionState(
    deps,
    actor,
    session.id,
    payload.revision,
    payload.step,
    payload.cancellationReason,
  );
  if (result.ok) {
    const { session: changed, notified } = result.value;
    return yearCard(turn, changed.year, {
      style: 'good',
      title: i18n.t('sessions.cancelled', { number: changed.number }),
      text: notified > 0 ? i18n.t('sessions.cancelledNotified', { count: notified }) : '',
    });
  }
  const refusal = result.error;
  if (refusal.kind === 'wrongState') return wrongStateNotice(i18n, refusal);
  if (refusal.kind === 'outdated')
    return yearCard(turn, refusal.session.year, {
      style: 'warning',
      title: i18n.t('notices.outdatedTitle'),
      text: i18n.t('sessions.outdated'),
    });
  if (refusal.kind === 'unknownStep')
    return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'notices.unknownAction');
  if (refusal.kind === 'invalidReason') {
    const field = i18n.t('meetings.cancellationReason');
    return yearCard(
      turn,
      session.year,
      {
        style: 'warning',
        title: i18n.t('problems.title'),
        text:
          refusal.code === 'tooLong'
            ? i18n.t('problems.tooLong', { field, max: refusal.max })
            : i18n.t('problems.markup', { field }),
      },
      session.id,
    );
  }
  return refused(i18n, { kind: refusal.kind });
}

/**
 * `einladen [2027/1]`, or the session card's button: invites, or first asks on a card when the
 * invitation would lack place, online link or Sitzungsleitung; the click on that card invites.
 */
async function invite(turn: VerbTurn<'session.invite'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, payload } = turn;
  const access = await sessionOfTurn(turn, 'invite', isBeforeInvitation);
  if (!access.ok)
    return access.error.kind === 'noneSuitable'
      ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noneToInvite')
      : refused(i18n, access.error);
  const goAhead = personGoAhead(payload.confirmed, { revision: payload.revision });
  const result = await inviteAsSecretariat(deps, actor, access.value.session, goAhead);
  if (result.ok) {
    const { session, invited } = result.value;
    return yearCard(turn, session.year, {
      style: 'good',
      title: i18n.t('sessions.invited', { number: session.number }),
      text: i18n.t('sessions.invitedText', { count: invited }),
    });
  }
  const refusal = result.error;
  switch (refusal.kind) {
    case 'askFirst':
      return renderStepQuestionCard(
        'invite',
        access.value.session,
        refusal.question,
        access.value.committee.timeZone,
        i18n,
      );
    case 'alreadyInvited':
      return notice(i18n, 'default', 'sessionErrors.title', 'sessionErrors.alreadyInvited', {
        number: refusal.session.number,
      });
    case 'wrongState':
      return wrongStateNotice(i18n, refusal);
    case 'outdated':
      return yearCard(turn, access.value.session.year, {
        style: 'warning',
        title: i18n.t('notices.outdatedTitle'),
        text: i18n.t('sessions.outdated'),
      });
    default:
      return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${refusal.kind}`);
  }
}

/** A refresh of an invitation card, or a click that only shows it. */
async function invitation(turn: VerbTurn<'invitation.view'>): Promise<AdaptiveCardJson> {
  const { i18n, payload } = turn;
  const result = await openInvitation(turn.deps, turn.actor, payload.sessionId, payload.personId);
  if (result.ok) return invitationCard(turn, result.value, payload.calendarToken);
  if (result.error.kind === 'notCurrent')
    return notCurrentNotice(i18n, 'invitation', result.error.reason, {
      institution: escapeMarkdown(result.error.institution),
    });
  return rsvpRefusal(i18n, result.error.kind);
}

async function answer(turn: VerbTurn<'rsvp.answer'>): Promise<AdaptiveCardJson> {
  const { i18n, payload } = turn;
  const result = await answerRsvp(turn.deps, turn.actor, {
    sessionId: payload.sessionId,
    personId: payload.personId,
    revision: payload.revision,
    choice: payload.choice,
    delegateName: payload.delegateName,
  });
  if (result.ok) return invitationCard(turn, result.value, payload.calendarToken);
  const refusal = result.error;
  if (refusal.kind === 'notOpen' || refusal.kind === 'outdated')
    return invitationCard(turn, refusal.view, payload.calendarToken);
  if (refusal.kind === 'delegateName') {
    // The invitation again, with the name as typed and what is wrong with it: nothing typed is lost.
    const text = i18n.t(
      refusal.code === 'markup' ? 'invitation.errors.delegateNameMarkup' : 'invitation.errors.delegateName',
      { max: refusal.max },
    );
    const banner = cardBanner(
      'attention',
      i18n.t('invitation.errors.title'),
      refusal.code === 'tooLong' ? tooLongLine(text, payload.delegateName, refusal.max, i18n) : text,
    );
    const current = await openInvitation(turn.deps, turn.actor, payload.sessionId, payload.personId);
    if (current.ok)
      return invitationCard(turn, current.value, payload.calendarToken, { banner, delegateName: payload.delegateName });
    return notice(i18n, 'attention', 'invitation.errors.title', 'invitation.errors.delegateName', { max: refusal.max });
  }
  if (refusal.kind === 'notCurrent')
    return notCurrentNotice(i18n, 'invitation', refusal.reason, {
      institution: escapeMarkdown(refusal.institution),
    });
  return rsvpRefusal(i18n, refusal.kind);
}

/** `zusagen [2027/1]`, or the session card's button. */
function overview(turn: VerbTurn<'rsvps.open'>): Promise<AdaptiveCardJson> {
  return rsvpsCard(turn);
}

/** The answers so far, with what just happened on top. */
async function rsvpsCard(turn: VerbTurn<'rsvps.open'>, banner?: CardBanner): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const access = await sessionOfTurn(turn, 'rsvps', isBetweenInvitationAndMinutes);
  if (!access.ok)
    return access.error.kind === 'noneSuitable'
      ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noneInvited')
      : refused(i18n, access.error);
  const result = await rsvpOverview(deps, actor, access.value.session);
  if (!result.ok) return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${result.error.kind}`);
  return renderRsvpsCard(result.value, i18n, banner);
}

async function remind(turn: VerbTurn<'rsvps.remind'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const access = await sessionForCommand(deps.store, actor, 'rsvps', turn.payload.sessionId);
  if (!access.ok) return refused(i18n, access.error);
  const key = turn.payload.remindKey;
  if (typeof key !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(key))
    return notice(i18n, 'attention', 'notices.unknownCommandTitle', 'notices.unknownAction');
  const result = await remindUnanswered(deps, access.value.committee, access.value.session, `card-${key}`);
  const banner: CardBanner = result.ok
    ? {
        style: 'good',
        title:
          result.value.reminded > 0
            ? i18n.t('rsvps.reminded', { count: result.value.reminded })
            : i18n.t('rsvps.remindedNone'),
        text: '',
      }
    : {
        style: 'warning',
        title:
          result.error.kind === 'wrongState'
            ? wrongStateText(i18n, result.error)
            : i18n.t(
                result.error.kind === 'alreadySent' ? 'sessionErrors.alreadyReminded' : 'sessionErrors.answersClosed',
              ),
        text: '',
      };
  return rsvpsCard({ ...turn, payload: { sessionId: access.value.session.id } }, banner);
}

/** `anwesenheit [2027/1]`, or the session card's button. */
async function attendance(turn: VerbTurn<'attendance.open'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const access = await sessionOfTurn(turn, 'attendance', isBetweenInvitationAndMinutes);
  if (!access.ok)
    return access.error.kind === 'noneSuitable'
      ? notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.noneInvited')
      : refused(i18n, access.error);
  const page = turn.argument !== undefined ? 1 : turn.payload.page;
  const result = await openAttendance(deps, actor, access.value.session, page);
  if (result.ok) return renderAttendanceCard(result.value, i18n);
  return attendanceRefusal(i18n, result.error);
}

async function saveAttendance(turn: VerbTurn<'attendance.save'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n, payload } = turn;
  const result = await recordAttendance(deps, actor, payload.sessionId, payload.revision, payload, payload.page);
  if (result.ok)
    return renderAttendanceCard(result.value, i18n, { style: 'good', title: i18n.t('attendance.saved'), text: '' });
  if (result.error.kind === 'outdated')
    return renderAttendanceCard(result.error.view, i18n, {
      style: 'warning',
      title: i18n.t('sessions.outdated'),
      text: '',
    });
  if (result.error.kind === 'invalid')
    return renderAttendanceCard(
      result.error.view,
      i18n,
      cardBanner(
        'attention',
        i18n.t('problems.title'),
        i18n.t('sessionErrors.invalidAttendance', { max: result.error.max }),
      ),
      payload,
    );
  return attendanceRefusal(i18n, result.error);
}

/**
 * The Teams side of the session cycle: typed commands and card clicks mapped to use cases, and
 * their results (or refusals) to cards. Every refusal becomes a localised card; nothing here
 * decides what is allowed.
 */
export const sessionRoutes = {
  sessions,
  plan,
  extra,
  list,
  editForm,
  save,
  step,
  invite,
  invitation,
  answer,
  overview,
  remind,
  attendance,
  saveAttendance,
};

function attendanceRefusal(
  i18n: Translator,
  refusal: Exclude<Awaited<ReturnType<typeof openAttendance>>, { ok: true }>['error'],
): AdaptiveCardJson {
  switch (refusal.kind) {
    case 'wrongState':
      return wrongStateNotice(i18n, refusal);
    case 'invalid':
      return notice(i18n, 'attention', 'sessionErrors.title', 'sessionErrors.invalidAttendance', {
        max: refusal.max,
      });
    case 'outdated':
      return renderAttendanceCard(refusal.view, i18n);
    case 'tooEarly':
      return notice(i18n, 'attention', 'sessionErrors.title', 'sessionTracks.tooEarly', {
        number: refusal.number,
        at: formatDateTime(refusal.opensAt, refusal.timeZone, i18n),
      });
    default:
      return notice(i18n, 'attention', 'sessionErrors.title', `sessionErrors.${refusal.kind}`);
  }
}

function rsvpRefusal(
  i18n: Translator,
  kind: 'noCommittee' | 'unknownSession' | 'otherPerson' | 'notInvited' | 'invalidChoice' | 'noDeputy',
): AdaptiveCardJson {
  if (kind === 'noCommittee' || kind === 'unknownSession')
    return notice(i18n, 'attention', 'invitation.errors.title', `sessionErrors.${kind}`);
  return notice(i18n, 'attention', 'invitation.errors.title', `invitation.errors.${kind}`);
}
