import { approveMinutes } from '../app/minutes/approve-minutes';
import { circulateMinutes } from '../app/minutes/circulate-minutes';
import { minutesItemForm, saveMinutesItem } from '../app/minutes/edit-minutes';
import { reviewLinks, type MinutesReviewMessage } from '../app/minutes/minutes-messages';
import { openOrCreateMinutes, minutesCardLinks, minutesView, type MinutesView } from '../app/minutes/open-minutes';
import { respondToMinutes } from '../app/minutes/respond-to-minutes';
import type { SessionAccess } from '../app/sessions/find-session';
import { personGoAhead } from '../domain/confirmation/go-ahead';
import type { CommandId } from '../domain/permissions';
import { hasMinutes } from '../domain/sessions/session-state';
import { wrongState } from '../domain/sessions/wrong-state';
import { cardBanner, type CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderMinutesCard } from '../cards/minutes-card';
import { renderMinutesItemCard } from '../cards/minutes-item-card';
import { renderMinutesReviewCard, responseProblemsBanner } from '../cards/minutes-review-card';
import { renderStepQuestionCard } from '../cards/step-question-card';
import { formatDeadline } from '../i18n/format-date';
import { notCurrentNotice, notice } from './notices';
import { sessionOfTurn, type SessionTurn } from './session-of-turn';
import type { RouteTurn, VerbTurn } from './route-turn';
import { accessRefusal, wrongStateNotice } from './session-access-refusal';
import { turnLinks } from './turn-links';

/** The session's minutes card, or why the session has none (not held yet, cancelled). */
async function withMinutes(
  turn: SessionTurn,
  command: CommandId,
  then: (access: SessionAccess) => Promise<AdaptiveCardJson>,
): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  const access = await sessionOfTurn(turn, command, hasMinutes);
  if (!access.ok)
    return access.error.kind === 'noneSuitable'
      ? notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.noneHeld')
      : accessRefusal(i18n, access.error);
  const { session } = access.value;
  if (!hasMinutes(session.state)) return wrongStateNotice(i18n, wrongState(session, 'minutes'));
  return then(access.value);
}

/** The secretariat's minutes card, with the reader's own link to the version last sent out. */
async function card(turn: RouteTurn<unknown>, view: MinutesView, banner?: CardBanner): Promise<AdaptiveCardJson> {
  const pdfUrl = (await turnLinks(turn.deps, turn.actor, turn.publicBaseUrl, minutesCardLinks(view)))('pdf');
  return renderMinutesCard(view, turn.i18n, { pdfUrl, ...(banner ? { banner } : {}) });
}

/** A review card shown again (a receipt, or why nothing was stored), with the reader's own link. */
async function review(
  turn: RouteTurn<unknown>,
  message: MinutesReviewMessage,
  banner: CardBanner,
  typed?: Readonly<Record<string, unknown>>,
): Promise<AdaptiveCardJson> {
  const pdfUrl = (await turnLinks(turn.deps, turn.actor, turn.publicBaseUrl, reviewLinks(message)))('pdf');
  return renderMinutesReviewCard(message, turn.i18n, { pdfUrl, banner, ...(typed ? { typed } : {}) });
}

/** The minutes as they are now, started from the agenda if there are none yet. */
async function current(turn: RouteTurn<unknown>, access: SessionAccess): Promise<MinutesView> {
  const { deps } = turn;
  const minutes = await openOrCreateMinutes(deps, access.committee, access.session, turn.actor.identity.aadObjectId);
  return minutesView(deps, access.committee, access.session, minutes);
}

/** `protokoll [2027/1]`, or the card's way back. */
async function open(turn: VerbTurn<'minutes.open'>): Promise<AdaptiveCardJson> {
  return withMinutes(turn, 'minutes', async (access) => card(turn, await current(turn, access)));
}

async function itemForm(turn: VerbTurn<'minutes.itemForm'>): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  return withMinutes(turn, 'minutes', async (access) => {
    const form = await minutesItemForm(turn.deps, access, turn.payload.itemId, turn.actor.identity.aadObjectId);
    return form.ok
      ? renderMinutesItemCard(form.value, i18n)
      : card(turn, await current(turn, access), cardBanner('attention', i18n.t('minutesErrors.unknownItem')));
  });
}

async function itemSave(turn: VerbTurn<'minutes.itemSave'>): Promise<AdaptiveCardJson> {
  const { i18n, payload } = turn;
  return withMinutes(turn, 'minutes', async (access) => {
    const result = await saveMinutesItem(
      turn.deps,
      access,
      turn.actor.identity.aadObjectId,
      payload.version,
      payload.itemId,
      payload,
    );
    if (result.ok)
      return card(
        turn,
        result.value,
        cardBanner('good', i18n.t('minutesResult.saved', { version: result.value.version })),
      );
    switch (result.error.kind) {
      case 'invalid':
        return renderMinutesItemCard(result.error.form, i18n, { fields: payload, problems: result.error.problems });
      case 'outdated':
        return card(
          turn,
          result.error.view,
          cardBanner('warning', i18n.t('notices.outdatedTitle'), i18n.t('minutesErrors.outdated')),
        );
      default:
        return card(turn, await current(turn, access), cardBanner('attention', i18n.t('minutesErrors.unknownItem')));
    }
  });
}

/** `protokoll versenden [2027/1]`, or the card's button. */
async function circulate(turn: VerbTurn<'minutes.circulate'>): Promise<AdaptiveCardJson> {
  const { i18n } = turn;
  return withMinutes(turn, 'circulateMinutes', async (access) => {
    const result = await circulateMinutes(turn.deps, access.committee, access.session, turn.actor.identity.aadObjectId);
    const after = { committee: access.committee, session: result.ok ? result.value.session : access.session };
    if (result.ok) {
      const { round, recipients, attendees, minutes } = result.value;
      const deadline = formatDeadline(minutes.circulation!.objectionDeadline, access.committee.timeZone, i18n);
      return card(
        turn,
        await current(turn, after),
        cardBanner(
          'good',
          i18n.t(round > 1 ? 'minutesResult.recirculated' : 'minutesResult.circulated', {
            version: minutes.version,
          }),
          i18n.t('minutesResult.circulatedText', { recipients, attendees, deadline }),
        ),
      );
    }
    const refusal = result.error;
    switch (refusal.kind) {
      case 'wrongState':
        return wrongStateNotice(i18n, refusal);
      case 'alreadyCirculated':
        return card(
          turn,
          await current(turn, access),
          cardBanner('accent', i18n.t('minutesErrors.alreadyCirculated', { version: refusal.version })),
        );
      default:
        return card(
          turn,
          await current(turn, access),
          cardBanner('attention', i18n.t(`minutesErrors.${refusal.kind}`)),
        );
    }
  });
}

/**
 * `protokoll freigeben [2027/1]`, or the card's button. While the objection period runs or
 * objections wait, it first asks on a card; the click on that card approves.
 */
async function approve(turn: VerbTurn<'minutes.approve'>): Promise<AdaptiveCardJson> {
  const { i18n, payload } = turn;
  return withMinutes(turn, 'approveMinutes', async (access) => {
    const { session } = access;
    const goAhead = personGoAhead(payload.confirmed, { version: payload.version, objections: payload.objections });
    const result = await approveMinutes(turn.deps, access.committee, session, turn.actor.identity.aadObjectId, {
      goAhead,
      automatic: false,
    });
    if (result.ok) {
      const { correction, agreements, toWorkingGroupConversation, minutes } = result.value;
      const after = { committee: access.committee, session: result.value.session };
      const text = correction
        ? i18n.t('minutesResult.correctionText')
        : i18n.t(toWorkingGroupConversation ? 'minutesResult.approvedToChannel' : 'minutesResult.approvedToPeople', {
            agreements,
          });
      return card(
        turn,
        await current(turn, after),
        cardBanner(
          'good',
          i18n.t(correction ? 'minutesResult.correctionPublished' : 'minutesResult.approved', {
            version: minutes.version,
          }),
          text,
        ),
      );
    }
    const refusal = result.error;
    switch (refusal.kind) {
      case 'askFirst':
        return renderStepQuestionCard('approve', session, refusal.question, access.committee.timeZone, i18n);
      case 'revisionNotCirculated':
        return card(
          turn,
          await current(turn, access),
          cardBanner(
            'attention',
            i18n.t('minutesErrors.revisionNotCirculated', {
              version: refusal.version,
              circulated: refusal.circulatedVersion,
            }),
          ),
        );
      case 'wrongState':
        return wrongStateNotice(i18n, refusal);
      default:
        return card(
          turn,
          await current(turn, access),
          cardBanner(
            refusal.kind === 'alreadyApproved' ? 'accent' : 'attention',
            i18n.t(`minutesErrors.${refusal.kind}`),
          ),
        );
    }
  });
}

/** An attendee's answers from the review card; the receipt is the card with the answers as stored. */
async function respond(turn: VerbTurn<'minutes.respond'>): Promise<AdaptiveCardJson> {
  const { i18n, payload } = turn;
  const result = await respondToMinutes(turn.deps, turn.actor, payload.sessionId, payload.version, payload);
  if (result.ok)
    return review(
      turn,
      result.value,
      cardBanner('good', i18n.t('minutesResult.responded'), i18n.t('minutesResult.respondedText')),
    );
  const refusal = result.error;
  switch (refusal.kind) {
    case 'outdated':
      return review(
        turn,
        refusal.current,
        cardBanner(
          'warning',
          i18n.t('notices.outdatedTitle'),
          i18n.t('minutesErrors.reviewOutdated', { version: refusal.current.version }),
        ),
      );
    case 'invalid':
      return review(turn, refusal.current, responseProblemsBanner(refusal.problems, i18n, payload), payload);
    case 'late':
      return notice(i18n, 'attention', 'minutesErrors.title', 'minutesErrors.late', {
        deadline: formatDeadline(refusal.deadline, turn.actor.committee!.timeZone, i18n),
      });
    case 'notCurrent':
      return notCurrentNotice(i18n, 'minutes', refusal.reason);
    default:
      return notice(i18n, 'attention', 'minutesErrors.title', `minutesErrors.${refusal.kind}`);
  }
}

/**
 * The Teams side of the minutes: the secretariat's commands and card actions (open, edit an
 * item, circulate, approve) and the attendees' answers, mapped to use cases; every refusal a
 * localised card.
 */
export const minutesRoutes = { open, itemForm, itemSave, circulate, approve, respond };
