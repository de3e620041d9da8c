import { nowUtcIso } from '../../domain/clock';
import type { NotCurrentReason } from '../../domain/current-holder';
import { latestOf } from '../../domain/sessions/invitation';
import { checkText, TEXT_FIELDS, type TextProblemCode } from '../../domain/text-input';
import { fail, ok, type Result } from '../../domain/result';
import { RSVP_CHOICES, type RsvpAnswer, type RsvpChoice } from '../../domain/sessions/rsvp';
import type { AppDependencies } from '../dependencies';
import type { Actor } from '../identify-actor';
import { sessionById } from './find-session';
import { invitationStatus, invitationView, type InvitationView } from './invitation-view';
import { loadInvitation } from './load-invitation';
import { saveAnswer } from './save-answer';

/** The RSVP card's click as it arrives: untrusted. */
export interface RsvpSubmission {
  readonly sessionId: unknown;
  /** Whom the card was addressed to; a click by anyone else is refused. */
  readonly personId: unknown;
  readonly revision: unknown;
  readonly choice: unknown;
  readonly delegateName?: unknown;
}

/** Longest name of a colleague attending on the institution's behalf. */
export const DELEGATE_NAME_MAX = TEXT_FIELDS.delegateName.max;

export type RsvpRefusal =
  | { readonly kind: 'noCommittee' | 'unknownSession' | 'otherPerson' | 'notInvited' | 'invalidChoice' | 'noDeputy' }
  /** The colleague's name is missing, too long, or holds control characters or markup. */
  | { readonly kind: 'delegateName'; readonly max: number; readonly code: 'required' | TextProblemCode }
  /** The person was erased, deactivated or no longer holds the seat: nothing is stored or queued. */
  | { readonly kind: 'notCurrent'; readonly reason: NotCurrentReason; readonly institution: string }
  /** Answers are not taken (any more): the card to show instead says why. */
  | { readonly kind: 'notOpen'; readonly view: InvitationView }
  /** The session changed since the card was sent: the current card, nothing stored. */
  | { readonly kind: 'outdated'; readonly view: InvitationView };

/**
 * Stores a person's answer to their invitation, in the one document of that person and session,
 * so answering again replaces it and concurrent answers of different people never conflict
 * (see `saveAnswer`, which answers read from Outlook go through as well).
 * Who answers comes from the activity; the card only says which session and whom it was for.
 * When a member declines or sends the seat's deputy, the deputy's invitation is queued in the
 * same batch, once. Only a current holder of the seat answers: someone erased, deactivated or
 * no longer on the seat is refused, and a deputy who is no longer current is not invited.
 */
export async function answerRsvp(
  deps: AppDependencies,
  actor: Actor,
  submission: RsvpSubmission,
): Promise<Result<InvitationView, RsvpRefusal>> {
  const committee = actor.committee;
  if (!committee) return fail({ kind: 'noCommittee' });
  const personId = actor.identity.aadObjectId;
  if (submission.personId !== undefined && submission.personId !== personId) return fail({ kind: 'otherPerson' });
  const session = await sessionById(deps.store, actor.committeeId, submission.sessionId);
  if (!session) return fail({ kind: 'unknownSession' });

  const loaded = await loadInvitation(deps.store, session, personId, actor.person);
  if (!loaded) return fail({ kind: 'notInvited' });
  const { invitation, answers, roster } = loaded;
  if (loaded.notCurrent)
    return fail({ kind: 'notCurrent', reason: loaded.notCurrent, institution: invitation.seat.institution });
  const nowIso = nowUtcIso(deps.clock);
  const current = invitationView(
    committee,
    session,
    invitation,
    personId,
    roster,
    latestOf(answers, invitation.seat.id, personId),
    nowIso,
  );
  const status = invitationStatus(session, committee.timeZone, nowIso);
  if (status !== 'open')
    return fail({ kind: 'notOpen', view: { ...current, banner: status === 'closed' ? 'closed' : undefined } });
  if (submission.revision !== session.revision)
    return fail({ kind: 'outdated', view: { ...current, banner: 'outdated' } });

  const choice = submission.choice;
  if (!isChoice(choice)) return fail({ kind: 'invalidChoice' });
  if (invitation.as === 'deputy' && (choice === 'deputy' || choice === 'delegate'))
    return fail({ kind: 'invalidChoice' });
  if (choice === 'deputy' && !invitation.seat.deputyId) return fail({ kind: 'noDeputy' });
  const delegateProblems: TextProblemCode[] = [];
  const delegateName =
    choice === 'delegate'
      ? checkText('delegateName', submission.delegateName, (code) => delegateProblems.push(code))
      : undefined;
  if (choice === 'delegate' && !delegateName)
    return fail({ kind: 'delegateName', max: DELEGATE_NAME_MAX, code: delegateProblems[0] ?? 'required' });

  const answer: RsvpAnswer = {
    seatId: invitation.seat.id,
    personId,
    choice,
    answeredAt: nowIso,
    ...(choice === 'delegate' ? { delegateName } : {}),
  };
  await saveAnswer(deps, committee, session, invitation, roster, answers, answer, nowIso);
  return ok({
    ...current,
    answer: { choice, answeredAt: nowIso, ...(choice === 'delegate' ? { delegateName } : {}) },
    banner: 'saved',
  });
}

function isChoice(value: unknown): value is RsvpChoice {
  return typeof value === 'string' && (RSVP_CHOICES as readonly string[]).includes(value);
}
