import { callForTopicsAsSecretariat, sessionForCall, type RunningCall } from '../app/agenda/call-for-topics';
import {
  editSubmission,
  ownSubmission,
  withdrawSubmission,
  type OwnSubmissionRefusal,
} from '../app/agenda/change-submission';
import { formSessionOf, newSubmissionForm, type FormSession } from '../app/agenda/submission-form';
import { submitTopic } from '../app/agenda/submit-topic';
import type { Actor } from '../app/identify-actor';
import {
  sessionById,
  sessionForCommand,
  type SessionAccess,
  type SessionAccessRefusal,
} from '../app/sessions/find-session';
import type { SessionDocument } from '../app/sessions/session-document';
import type { SubmissionInput } from '../domain/agenda/submission';
import { nowUtcIso } from '../domain/clock';
import { ok, type Result } from '../domain/result';
import { personGoAhead } from '../domain/confirmation/go-ahead';
import type { CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import { escapeMarkdown } from '../cards/escape-markdown';
import { sessionTitle } from '../cards/session-label';
import { renderStepQuestionCard } from '../cards/step-question-card';
import { formatDeadline } from '../i18n/format-date';
import { renderTopicFormCard } from '../cards/topic-form-card';
import { renderTopicReceiptCard } from '../cards/topic-receipt-card';
import type { MessageKey, MessageParams, Translator } from '../i18n/translator';
import { notice } from './notices';
import { accessRefusal, wrongStateNotice } from './session-access-refusal';
import type { RouteTurn, VerbTurn } from './route-turn';
import type { TopicChatLine } from './topic-line-parser';

/** Submits and answers with the receipt, the form again (problems), or why not. */
async function submitted(
  turn: RouteTurn<unknown>,
  input: SubmissionInput,
  askedForSessionId?: unknown,
): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n: t } = turn;
  const result = await submitTopic(deps, actor, input, askedForSessionId);
  if (result.ok) {
    const { session, missed } = result.value;
    const title = missed
      ? banner(t, 'warning', 'submission.banners.late', {
          missed: sessionTitle(missed, t),
          session: sessionTitle(session, t),
        })
      : banner(t, 'good', 'submission.banners.submitted', { session: sessionTitle(session, t) });
    return renderTopicReceiptCard(result.value, true, t, title);
  }
  const refusal = result.error;
  switch (refusal.kind) {
    case 'invalid': {
      const asked =
        askedForSessionId === undefined
          ? undefined
          : await sessionById(deps.store, actor.committeeId, askedForSessionId);
      return renderTopicFormCard(
        { kind: 'new', ...(asked && actor.committee ? { session: formSession(asked, actor) } : {}) },
        actor.committee?.timeZone ?? 'Europe/Berlin',
        t,
        { input, problems: refusal.problems },
      );
    }
    case 'duplicate': {
      const own = await ownSubmission(deps, actor, refusal.existing.submission.id);
      return renderTopicReceiptCard(
        refusal.existing,
        own.ok && own.value.changeable,
        t,
        banner(t, 'accent', 'submission.banners.duplicate', { session: sessionTitle(refusal.existing.session, t) }),
      );
    }
    case 'noSessionAhead': {
      // The title passed the submission's checks before the sessions were looked at: it is whole and in limits.
      const title = escapeMarkdown(typeof input.title === 'string' ? input.title.trim() : '');
      return refusal.missed
        ? notice(t, 'attention', 'submission.errors.title', 'submission.errors.noSessionAheadMissed', {
            missed: sessionTitle(refusal.missed, t),
            title,
          })
        : notice(t, 'attention', 'submission.errors.title', 'submission.errors.noSessionAhead', { title });
    }
    case 'notAllowed':
      return notice(t, 'attention', 'submission.errors.title', 'submission.errors.notAllowed');
    default:
      return notice(t, 'attention', 'submission.errors.title', 'sessionErrors.noCommittee');
  }
}

const formSession = (session: SessionDocument, actor: Actor): FormSession => formSessionOf(actor.committee!, session);

function ownRefusal(t: Translator, refusal: OwnSubmissionRefusal): AdaptiveCardJson {
  switch (refusal.kind) {
    case 'closed':
      return renderTopicReceiptCard(refusal.current, false, t, banner(t, 'attention', 'submission.banners.closed'));
    case 'outdated':
      return renderTopicReceiptCard(refusal.current, true, t, banner(t, 'warning', 'submission.banners.outdated'));
    case 'noCommittee':
      return notice(t, 'attention', 'submission.errors.title', 'sessionErrors.noCommittee');
    default:
      return notice(t, 'attention', 'submission.errors.title', `submission.errors.${refusal.kind}`);
  }
}

/** `thema: Titel – Beschreibung` in any conversation with the bot. */
async function chatLine(turn: RouteTurn<TopicChatLine>): Promise<AdaptiveCardJson> {
  return submitted(turn, turn.payload);
}

/** The form: new for the session a call names, or the submitter's own to edit. */
async function form(turn: VerbTurn<'topic.form'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n: t, payload } = turn;
  if (!actor.committee) return notice(t, 'attention', 'submission.errors.title', 'sessionErrors.noCommittee');
  if (payload.submissionId !== undefined) {
    const own = await ownSubmission(deps, actor, payload.submissionId);
    if (!own.ok) return ownRefusal(t, own.error);
    const { submission, session, changeable } = own.value;
    if (!changeable) return ownRefusal(t, { kind: 'closed', current: { submission, session } });
    return renderTopicFormCard(
      {
        kind: 'edit',
        submissionId: submission.id,
        revision: submission.revision,
        session: formSession(session, actor),
        content: submission.content,
      },
      actor.committee.timeZone,
      t,
    );
  }
  const newForm = await newSubmissionForm(deps, actor, payload.sessionId);
  if (!newForm.ok) return notice(t, 'attention', 'submission.errors.title', 'submission.errors.notAllowed');
  return renderTopicFormCard({ kind: 'new', ...newForm.value }, actor.committee.timeZone, t);
}

/** The form's button: a new submission, or the changes to an existing one. */
async function submit(turn: VerbTurn<'topic.submit'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n: t, payload } = turn;
  const input: SubmissionInput = {
    kind: payload.kind,
    title: payload.title,
    description: payload.description,
    institution: payload.institution,
    link: payload.link,
    desiredMinutes: payload.desiredMinutes,
  };
  if (payload.submissionId === undefined) return submitted(turn, input, payload.sessionId);
  const result = await editSubmission(deps, actor, payload.submissionId, payload.revision, input);
  if (result.ok) return renderTopicReceiptCard(result.value, true, t, banner(t, 'good', 'submission.banners.saved'));
  const refusal = result.error;
  if (refusal.kind === 'invalid') {
    const { submission, session } = refusal.current;
    return renderTopicFormCard(
      {
        kind: 'edit',
        submissionId: submission.id,
        revision: submission.revision,
        session: formSession(session, actor),
        content: submission.content,
      },
      actor.committee!.timeZone,
      t,
      { input, problems: refusal.problems },
    );
  }
  if (refusal.kind === 'duplicate')
    return renderTopicReceiptCard(
      refusal.existing,
      true,
      t,
      banner(t, 'accent', 'submission.banners.duplicate', { session: sessionTitle(refusal.existing.session, t) }),
    );
  return ownRefusal(t, refusal);
}

async function withdraw(turn: VerbTurn<'topic.withdraw'>): Promise<AdaptiveCardJson> {
  const { i18n: t, payload } = turn;
  const result = await withdrawSubmission(turn.deps, turn.actor, payload.submissionId, payload.revision);
  return result.ok
    ? renderTopicReceiptCard(result.value, false, t, banner(t, 'good', 'submission.banners.withdrawn'))
    : ownRefusal(t, result.error);
}

/**
 * The session a call for topics is about: the one the typed command names or means, with the
 * earlier calls still running that it passed over, or the one the clicked question names.
 */
async function sessionOfCall(
  turn: VerbTurn<'topics.call'>,
): Promise<Result<SessionAccess & { readonly running: readonly RunningCall[] }, SessionAccessRefusal>> {
  const { deps, actor } = turn;
  if (turn.argument !== undefined) return sessionForCall(deps.store, actor, turn.argument, nowUtcIso(deps.clock));
  const clicked = await sessionForCommand(deps.store, actor, 'callForTopics', turn.payload.sessionId);
  return clicked.ok ? ok({ ...clicked.value, running: [] }) : clicked;
}

/**
 * `themenaufruf [2027/1]`: always asks first on a card, saying whom the call reaches; the click
 * on that card (`topics.call`, confirmed) sends it. Typed without a number, it means the next
 * session whose call can still go out.
 */
async function call(turn: VerbTurn<'topics.call'>): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n: t, payload } = turn;
  const access = await sessionOfCall(turn);
  if (!access.ok)
    return access.error.kind === 'noneSuitable'
      ? notice(t, 'attention', 'agendaErrors.title', 'sessionTracks.call.noneToCall')
      : accessRefusal(t, access.error);
  const { session, committee, running } = access.value;
  const goAhead = personGoAhead(payload.confirmed, { revision: payload.revision });
  const result = await callForTopicsAsSecretariat(deps, actor, session, goAhead);
  const passedOver = running.map((call) =>
    t.t('sessionTracks.call.skipped', {
      number: call.number,
      deadline: formatDeadline(call.deadline, committee.timeZone, t),
    }),
  );
  if (result.ok) {
    const { deadline, toConversation, toPeople } = result.value;
    const text = toConversation ? (toPeople > 0 ? 'callResult.both' : 'callResult.conversation') : 'callResult.people';
    return notice(
      t,
      'good',
      'callResult.title',
      text,
      { number: session.number, count: toPeople, deadline: formatDeadline(deadline, committee.timeZone, t) },
      passedOver,
    );
  }
  const refusal = result.error;
  switch (refusal.kind) {
    case 'askFirst':
      return renderStepQuestionCard('call', session, refusal.question, committee.timeZone, t, { remarks: passedOver });
    case 'alreadyCalled':
      return notice(t, 'default', 'agendaErrors.title', 'sessionTracks.call.alreadyCalled', {
        number: session.number,
        deadline: formatDeadline(refusal.deadline, committee.timeZone, t),
      });
    case 'deadlinePassed':
      return notice(
        t,
        'attention',
        'agendaErrors.title',
        'agendaErrors.deadlinePassed',
        { number: session.number, deadline: formatDeadline(refusal.deadline, committee.timeZone, t) },
        [
          refusal.next
            ? t.t('sessionTracks.call.nextSession', { next: refusal.next })
            : t.t('sessionTracks.refusals.instead.noNext'),
        ],
      );
    case 'wrongState':
      return wrongStateNotice(t, refusal);
    case 'outdated':
      return notice(t, 'warning', 'notices.outdatedTitle', 'sessions.outdated');
    default:
      return accessRefusal(t, refusal);
  }
}

/**
 * The submitter's side of the agenda, and the secretariat's call for topics: chat lines, the
 * form, the receipt with edit and withdraw, mapped to use cases; every refusal a localised card.
 */
export const topicRoutes = { chatLine, form, submit, withdraw, call };

function banner(i18n: Translator, style: CardBanner['style'], key: MessageKey, params?: MessageParams): CardBanner {
  return { style, title: i18n.t(key, params), text: '' };
}
