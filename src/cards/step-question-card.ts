import type { StepQuestion } from '../domain/confirmation/go-ahead';
import type { MessageKey, Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import type { ConfirmCardData } from './confirm-card';
import { confirmReasonLines } from './confirm-reasons';
import { sessionTitle } from './session-label';
import { VERBS } from './verbs';

/** The steps that ask before they send to many or cannot be taken back. */
export type AskingStep = 'call' | 'invite' | 'publish' | 'approve';

/** The session a question is about, as its card names and links it. */
export interface QuestionSession {
  readonly id: string;
  readonly number: string;
  readonly year: number;
  readonly extra?: boolean;
}

/** A publication that nobody was invited before sends the invitations too; its question says so. */
export interface StepQuestionOptions {
  readonly inviting?: boolean;
  /** Further facts the person should know before confirming, one line each, after the reasons. */
  readonly remarks?: readonly string[];
}

/** The verb each step's confirming click sends, which is the verb of the step itself. */
const CONFIRM_VERB = {
  call: VERBS.topicsCall,
  invite: VERBS.sessionInvite,
  publish: VERBS.agendaPublish,
  approve: VERBS.minutesApprove,
} as const;

/**
 * The question a step asks before it goes ahead, on one card: the step and session in the title,
 * the concrete reasons as a list, what happens on confirming, the confirming button (the step's
 * own verb with `confirmed` and the basis the question was asked on, so a click on an outdated
 * card is recognised) and a way back where something can be fixed first. Asked again after a
 * change, it says so on top.
 */
export function renderStepQuestionCard(
  step: AskingStep,
  session: QuestionSession,
  question: StepQuestion,
  timeZone: string,
  i18n: Translator,
  options: StepQuestionOptions = {},
): AdaptiveCardJson {
  const anyReason = question.reasons.length > 0;
  const confirmTitle: MessageKey =
    step !== 'call' && !anyReason ? `confirm.${step}.confirmNow` : `confirm.${step}.confirm`;
  const confirm = cardButton(
    i18n.t(confirmTitle),
    CONFIRM_VERB[step],
    { sessionId: session.id, ...question.basis, confirmed: true },
    'positive',
  );
  const data: Required<ConfirmCardData> = {
    title: i18n.t(`confirm.${step}.title`, { session: sessionTitle(session, i18n) }),
    reasons: [...confirmReasonLines(question.reasons, timeZone, i18n), ...(options.remarks ?? [])],
    text: i18n.t(step === 'publish' && options.inviting ? 'confirm.publish.textInviting' : `confirm.${step}.text`),
    note: question.changedSince ? i18n.t('confirm.changedSince') : '',
    buttons: [confirm, ...waysBack(step, session, question, i18n)],
  };
  return expandCard('confirm', data);
}

/** Where to go instead: the session's form where a detail is missing, else the card the step came from. */
function waysBack(step: AskingStep, session: QuestionSession, question: StepQuestion, i18n: Translator): CardButton[] {
  const ref = { sessionId: session.id };
  const detailsMissing = question.reasons.some((reason) => reason.kind === 'detailsMissing');
  switch (step) {
    case 'call':
      return [cardButton(i18n.t('confirm.call.back'), VERBS.sessionList, { year: session.year })];
    case 'invite':
      return [cardButton(i18n.t('confirm.invite.back'), VERBS.sessionEdit, ref)];
    case 'publish':
      return [
        ...(detailsMissing ? [cardButton(i18n.t('confirm.publish.edit'), VERBS.sessionEdit, ref)] : []),
        cardButton(i18n.t('confirm.publish.back'), VERBS.agendaOpen, ref),
      ];
    case 'approve':
      return [cardButton(i18n.t('confirm.approve.back'), VERBS.minutesOpen, ref)];
  }
}
