import type { ActionChangeRefusal, ActionAccessRefusal } from '../app/agreements/change-action-item';
import {
  changeActionStatus,
  decideDueDate,
  openActionItem,
  proposeDueDate,
} from '../app/agreements/change-action-item';
import { defaultScope, filterFromArgument, filterFromCard, listActionItems } from '../app/agreements/list-action-items';
import type { ActionItemView } from '../app/agreements/action-item-view';
import { localToday } from '../domain/agreements/due-dates';
import { TEXT_FIELDS } from '../domain/text-input';
import { actionStatus, renderActionItemCard } from '../cards/action-item-card';
import { renderActionListCard } from '../cards/action-list-card';
import type { CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { MessageKey, Translator } from '../i18n/translator';
import { notice } from './notices';
import type { RouteTurn, VerbTurn } from './route-turn';

/** The committee's day, against which the item card marks a due date as overdue. */
function today({ deps, actor }: RouteTurn<unknown>): string | undefined {
  return actor.committee ? localToday(deps.clock.now(), actor.committee.timeZone) : undefined;
}

/** What a refused click had typed: the note and the date, shown again on the item's card. */
type Typed = { readonly note?: unknown; readonly dueDate?: unknown };

function itemCard(
  turn: RouteTurn<unknown>,
  view: ActionItemView,
  banner?: CardBanner,
  typed?: Typed,
): AdaptiveCardJson {
  return renderActionItemCard(view, turn.i18n, banner, today(turn), typed);
}

function accessRefusal(t: Translator, refusal: ActionAccessRefusal): AdaptiveCardJson {
  return refusal.kind === 'noCommittee'
    ? notice(t, 'attention', 'actions.errors.title', 'sessionErrors.noCommittee')
    : notice(t, 'attention', 'actions.errors.title', `actions.errors.${refusal.kind}`);
}

function refusal(turn: RouteTurn<unknown>, refused: ActionChangeRefusal, typed: Typed): AdaptiveCardJson {
  const t = turn.i18n;
  if (!('view' in refused)) return accessRefusal(t, refused);
  const text =
    refused.kind === 'invalid'
      ? problemText(refused.field, refused.code, t)
      : t.t(`actions.errors.${refused.kind}` as MessageKey);
  return itemCard(
    turn,
    refused.view,
    { style: refused.kind === 'outdated' ? 'warning' : 'attention', title: t.t('actions.errors.title'), text },
    typed,
  );
}

/** `aufgaben [alle|überfällig|Institution]`, or the list's filter and pages. */
async function list(turn: VerbTurn<'actions.open'>): Promise<AdaptiveCardJson> {
  const fallback = defaultScope(turn.actor);
  const filter =
    turn.argument !== undefined ? filterFromArgument(turn.argument, fallback) : filterFromCard(turn.payload, fallback);
  const result = await listActionItems(turn.deps, turn.actor, filter);
  return result.ok ? renderActionListCard(result.value, turn.i18n) : accessRefusal(turn.i18n, result.error);
}

async function open(turn: VerbTurn<'action.open'>): Promise<AdaptiveCardJson> {
  const result = await openActionItem(turn.deps, turn.actor, turn.payload.agreementId);
  return result.ok ? itemCard(turn, result.value) : accessRefusal(turn.i18n, result.error);
}

async function status(turn: VerbTurn<'action.status'>): Promise<AdaptiveCardJson> {
  const { i18n: t, payload } = turn;
  const result = await changeActionStatus(turn.deps, turn.actor, payload.agreementId, payload.revision, {
    status: payload.status,
    note: payload.note,
  });
  if (!result.ok) return refusal(turn, result.error, payload);
  return itemCard(turn, result.value.view, {
    style: 'good',
    title: t.t('actions.done.status', { status: actionStatus(result.value.view.status, t) }),
    text: '',
  });
}

async function proposeDue(turn: VerbTurn<'action.proposeDue'>): Promise<AdaptiveCardJson> {
  const { i18n: t, payload } = turn;
  const result = await proposeDueDate(turn.deps, turn.actor, payload.agreementId, payload.revision, {
    dueDate: payload.dueDate,
    note: payload.note,
  });
  return result.ok
    ? itemCard(turn, result.value.view, { style: 'good', title: t.t('actions.done.proposed'), text: '' })
    : refusal(turn, result.error, payload);
}

async function decideDue(turn: VerbTurn<'action.decideDue'>): Promise<AdaptiveCardJson> {
  const { i18n: t, payload } = turn;
  const result = await decideDueDate(turn.deps, turn.actor, payload.agreementId, payload.revision, {
    decision: payload.decision,
    note: payload.note,
  });
  if (!result.ok) return refusal(turn, result.error, payload);
  return itemCard(turn, result.value.view, {
    style: 'good',
    title: t.t(payload.decision === 'accept' ? 'actions.done.accepted' : 'actions.done.declined'),
    text: '',
  });
}

/**
 * The action items in Teams: `aufgaben` / `actions` and the list's filter, the item card and its
 * buttons, mapped to use cases; every refusal a localised card, an outdated click the current
 * card with a message.
 */
export const actionItemRoutes = { list, open, status, proposeDue, decideDue };

function problemText(field: 'note' | 'dueDate' | 'decision', code: string, t: Translator): string {
  if (field === 'note')
    return code === 'tooLong'
      ? t.t('actions.errors.noteTooLong', { max: TEXT_FIELDS.actionNote.max })
      : code === 'markup'
        ? t.t('actions.errors.noteMarkup')
        : t.t('actions.errors.noteInvalid');
  if (field === 'dueDate')
    return code === 'past'
      ? t.t('actions.errors.dueDatePast')
      : code === 'same'
        ? t.t('actions.errors.dueDateSame')
        : t.t('actions.errors.dueDateInvalid');
  return t.t('actions.errors.decisionInvalid');
}
