import type { ActionChangeRefusal, ActionAccessRefusal } from '../app/agreements/change-action-item';
import {
  changeActionStatus,
  decideDueDate,
  openActionItem,
  proposeDueDate,
} from '../app/agreements/change-action-item';
import { filterFromArgument, filterFromCard, listActionItems } from '../app/agreements/list-action-items';
import type { ActionItemView } from '../app/agreements/action-item-view';
import type { AppDependencies } from '../app/dependencies';
import type { Actor } from '../app/identify-actor';
import { localToday } from '../domain/agreements/due-dates';
import { TEXT_FIELDS } from '../domain/text-input';
import { actionStatus, renderActionItemCard } from '../cards/action-item-card';
import { renderActionListCard } from '../cards/action-list-card';
import type { CardBanner } from '../cards/card-button';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { MessageKey, Translator } from '../i18n/translator';
import { notice } from './notices';
import { cardField } from './card-data';

/**
 * The action items in Teams: `aufgaben` / `actions` and the list's filter, the item card and its
 * buttons, mapped to use cases; every refusal a localised card, an outdated click the current
 * card with a message.
 */
export function actionCards(deps: AppDependencies) {
  const today = (actor: Actor): string | undefined =>
    actor.committee ? localToday(deps.clock.now(), actor.committee.timeZone) : undefined;
  const itemCard = (actor: Actor, view: ActionItemView, t: Translator, banner?: CardBanner) =>
    renderActionItemCard(view, t, banner, today(actor));

  const accessRefusal = (t: Translator, refusal: ActionAccessRefusal): AdaptiveCardJson =>
    refusal.kind === 'noCommittee'
      ? notice(t, 'attention', 'actions.errors.title', 'sessionErrors.noCommittee')
      : notice(t, 'attention', 'actions.errors.title', `actions.errors.${refusal.kind}`);

  function refusal(actor: Actor, t: Translator, refused: ActionChangeRefusal): AdaptiveCardJson {
    if (!('view' in refused)) return accessRefusal(t, refused);
    const text =
      refused.kind === 'invalid'
        ? problemText(refused.field, refused.code, t)
        : t.t(`actions.errors.${refused.kind}` as MessageKey);
    return itemCard(actor, refused.view, t, {
      style: refused.kind === 'outdated' ? 'warning' : 'attention',
      title: t.t('actions.errors.title'),
      text,
    });
  }

  return {
    /** `aufgaben [alle|überfällig|Institution]`: the list. */
    async list(actor: Actor, t: Translator, argument: unknown): Promise<AdaptiveCardJson> {
      const filter =
        typeof argument === 'string'
          ? filterFromArgument(argument)
          : filterFromCard(
              typeof argument === 'object' && argument !== null ? (argument as Record<string, unknown>) : {},
            );
      const result = await listActionItems(deps, actor, filter);
      return result.ok ? renderActionListCard(result.value, t) : accessRefusal(t, result.error);
    },

    async open(actor: Actor, t: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await openActionItem(deps, actor, cardField(data, 'agreementId'));
      return result.ok ? itemCard(actor, result.value, t) : accessRefusal(t, result.error);
    },

    async status(actor: Actor, t: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await changeActionStatus(
        deps,
        actor,
        cardField(data, 'agreementId'),
        cardField(data, 'revision'),
        { status: cardField(data, 'status'), note: cardField(data, 'note') },
      );
      if (!result.ok) return refusal(actor, t, result.error);
      return itemCard(actor, result.value.view, t, {
        style: 'good',
        title: t.t('actions.done.status', { status: actionStatus(result.value.view.status, t) }),
        text: '',
      });
    },

    async proposeDue(actor: Actor, t: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const result = await proposeDueDate(deps, actor, cardField(data, 'agreementId'), cardField(data, 'revision'), {
        dueDate: cardField(data, 'dueDate'),
        note: cardField(data, 'note'),
      });
      return result.ok
        ? itemCard(actor, result.value.view, t, { style: 'good', title: t.t('actions.done.proposed'), text: '' })
        : refusal(actor, t, result.error);
    },

    async decideDue(actor: Actor, t: Translator, data: unknown): Promise<AdaptiveCardJson> {
      const decision = cardField(data, 'decision');
      const result = await decideDueDate(deps, actor, cardField(data, 'agreementId'), cardField(data, 'revision'), {
        decision,
        note: cardField(data, 'note'),
      });
      if (!result.ok) return refusal(actor, t, result.error);
      return itemCard(actor, result.value.view, t, {
        style: 'good',
        title: t.t(decision === 'accept' ? 'actions.done.accepted' : 'actions.done.declined'),
        text: '',
      });
    },
  };
}

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
