import { dateAndTimeInputs } from '../i18n/format-date';
import type { SessionDocument } from '../app/sessions/session-document';
import { TEXT_LIMITS } from '../domain/committee';
import { SESSION_TEXT_LIMITS, type SessionEditInput, type SessionEditProblem } from '../domain/sessions/session-edit';
import { invitationsAreOut } from '../domain/sessions/session-state';
import type { Translator } from '../i18n/translator';
import { cardButton, type CardButton } from './card-button';
import { expandCard, type AdaptiveCardJson } from './card-template';
import { sessionTitle } from './session-label';
import { shownAgain, tooLongLine, typingLimit } from './typed-text';
import { VERBS } from './verbs';

/** Data model of `adaptiveCards/session-edit.json`. */
export interface SessionEditCardData {
  readonly banner: { readonly title: string; readonly lines: readonly string[] } | null;
  readonly title: string;
  readonly notice: string;
  readonly labels: Readonly<
    Record<'date' | 'time' | 'place' | 'onlineLink' | 'chair' | 'required' | 'save' | 'back', string>
  >;
  readonly values: Readonly<Record<'date' | 'time' | 'place' | 'onlineLink' | 'chair', string>>;
  readonly limits: { readonly place: number; readonly onlineLink: number; readonly chair: number };
  readonly save: CardButton['data'];
  readonly back: CardButton['data'];
}

/**
 * The form for a session's date, time, place, online link and chair, filled with the stored
 * values, or with what was typed when it comes back with problems.
 */
export function renderSessionEditCard(
  session: SessionDocument,
  timeZone: string,
  i18n: Translator,
  retry?: { readonly input: SessionEditInput; readonly problems: readonly SessionEditProblem[] },
): AdaptiveCardJson {
  const start = dateAndTimeInputs(session.startsAt, timeZone);
  const typed = (value: unknown, stored: string, max: number): string =>
    retry ? (typeof value === 'string' ? shownAgain(value, max) : '') : stored;
  const data: SessionEditCardData = {
    banner: retry
      ? {
          title: i18n.t('problems.title'),
          lines: retry.problems.map((problem) => describeProblem(problem, i18n, retry.input[problem.field])),
        }
      : null,
    title: i18n.t('sessionEdit.title', { session: sessionTitle(session, i18n) }),
    notice: invitationsAreOut(session.state) ? i18n.t('sessionEdit.invitedNotice') : '',
    labels: {
      date: i18n.t('sessionEdit.date'),
      time: i18n.t('sessionEdit.time', { timeZone }),
      place: i18n.t('sessions.place'),
      onlineLink: i18n.t('sessions.onlineLink'),
      chair: i18n.t('sessions.chair'),
      required: i18n.t('setup.required'),
      save: i18n.t('sessionEdit.save'),
      back: i18n.t('sessionEdit.back'),
    },
    values: {
      date: typed(retry?.input.date, start.date, DATE_TYPED_MAX),
      time: typed(retry?.input.time, start.time, DATE_TYPED_MAX),
      place: typed(retry?.input.place, session.place ?? '', SESSION_TEXT_LIMITS.place),
      onlineLink: typed(retry?.input.onlineLink, session.onlineLink ?? '', SESSION_TEXT_LIMITS.onlineLink),
      chair: typed(retry?.input.chair, session.chair ?? '', TEXT_LIMITS.institution),
    },
    limits: {
      place: typingLimit(SESSION_TEXT_LIMITS.place),
      onlineLink: typingLimit(SESSION_TEXT_LIMITS.onlineLink),
      chair: typingLimit(TEXT_LIMITS.institution),
    },
    save: cardButton('', VERBS.sessionSave, { sessionId: session.id, revision: session.revision }).data,
    back: cardButton('', VERBS.sessionList, { year: session.year }).data,
  };
  return expandCard('session-edit', data);
}

/** Characters of a date or time a form shows again: a picker sends ten at most. */
const DATE_TYPED_MAX = 20;

function describeProblem(problem: SessionEditProblem, i18n: Translator, typed: unknown): string {
  const field = i18n.t(`sessionEdit.fields.${problem.field}`);
  if (problem.code === 'tooLong')
    return tooLongLine(i18n.t('sessionEdit.problems.tooLong', { field, max: problem.max }), typed, problem.max, i18n);
  if (problem.code === 'markup') return i18n.t('problems.markup', { field });
  return i18n.t(problem.code === 'required' ? 'sessionEdit.problems.required' : 'sessionEdit.problems.invalid', {
    field,
  });
}
