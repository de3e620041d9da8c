import type { ConfirmReason } from './confirm-reason';

/**
 * What the question was asked about: the revisions (and counts) of what it describes, by the
 * name of the card field that carries each back (`revision`, `agendaRevision`, `version`, …).
 * A confirmation counts only for the basis it was given on.
 */
export type QuestionBasis = Readonly<Record<string, number>>;

/**
 * How a step that may ask before it sends is set off. The scheduler's steps (on their dates)
 * never ask. A person's command or first click carries no confirmation; the click on the
 * question's card carries `confirmed` and the basis the question was asked on, both as the card
 * sent them: untrusted until `questionToAsk` has compared them with what stands now.
 */
export type GoAhead =
  | { readonly kind: 'noQuestions' }
  | {
      readonly kind: 'person';
      readonly confirmed: unknown;
      readonly basis: Readonly<Record<string, unknown>>;
    };

/** The scheduler's go-ahead, and that of callers that asked elsewhere: never a question. */
export const NO_QUESTIONS: GoAhead = { kind: 'noQuestions' };

/** A person's go-ahead as their card (or typed command) sent it. */
export function personGoAhead(confirmed: unknown, basis: Readonly<Record<string, unknown>> = {}): GoAhead {
  return { kind: 'person', confirmed, basis };
}

/** The question to put on the card before the step goes ahead. */
export interface StepQuestion {
  /** Why to ask, in the order the card shows them; may be empty when only `changedSince` is true. */
  readonly reasons: readonly ConfirmReason[];
  /** What the question is about, for the confirming button to carry back. */
  readonly basis: QuestionBasis;
  /**
   * A confirmation arrived from a card whose basis is no longer current (the session, the agenda
   * or the minutes changed since, or it is no card of ours): it is asked again, and nothing was sent.
   */
  readonly changedSince: boolean;
}

/**
 * Whether a step asks first, and what. Nothing is asked of the scheduler, nor of a person when
 * there is no reason. A person's confirmation lets the step go ahead only when it was given on
 * exactly the current basis: a switch's `true` (or the text "true" an older client sends) and
 * every field of the basis equal. Any other confirmation — an outdated card, a tampered one —
 * asks again, saying that something changed, even when no reason is left: the person confirmed
 * something else than what would now be sent.
 */
export function questionToAsk(
  reasons: readonly ConfirmReason[],
  basis: QuestionBasis,
  goAhead: GoAhead,
): StepQuestion | undefined {
  if (goAhead.kind === 'noQuestions') return undefined;
  if (isConfirmedFlag(goAhead.confirmed)) {
    const current = Object.entries(basis).every(([field, value]) => goAhead.basis[field] === value);
    return current ? undefined : { reasons, basis, changedSince: true };
  }
  return reasons.length > 0 ? { reasons, basis, changedSince: false } : undefined;
}

/** A card's confirmation switch: the button's `true`, or "true" from a client that sends text. */
export function isConfirmedFlag(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A step stopped to ask: nothing was written or sent; the card puts the question. */
export interface AskFirst {
  readonly kind: 'askFirst';
  readonly question: StepQuestion;
}

/** `questionToAsk` as the refusal of a step that stops to ask, or undefined when it goes ahead. */
export function askFirst(
  reasons: readonly ConfirmReason[],
  basis: QuestionBasis,
  goAhead: GoAhead,
): AskFirst | undefined {
  const question = questionToAsk(reasons, basis, goAhead);
  return question ? { kind: 'askFirst', question } : undefined;
}
