import type { MessageSpec } from '../ports/message-renderer';
import type { ActionItemView } from './action-item-view';
import type { ActionListView } from './list-action-items';

/** The outbox message kind of an action item card sent 1:1. */
export const ACTION_ITEM_MESSAGE_KIND = 'actionItem';
/** The outbox message kind of the secretariat's weekly list of overdue items. */
export const OVERDUE_DIGEST_MESSAGE_KIND = 'actionOverdue';

/** Why an action item card is sent: its first delivery, a reminder, or a change someone else made. */
export type ActionItemNotice =
  'created' | 'unreachable' | 'weekBefore' | 'dueToday' | 'blocked' | 'proposal' | 'accepted' | 'declined' | 'changed';

export interface ActionItemMessage {
  readonly notice: ActionItemNotice;
  readonly view: ActionItemView;
}

/** The card of an item, for one recipient, with the reason it is sent. */
export function actionItemMessage(notice: ActionItemNotice, view: ActionItemView): MessageSpec {
  const data: ActionItemMessage = { notice, view };
  return { kind: ACTION_ITEM_MESSAGE_KIND, data: { ...data } };
}

export interface OverdueDigestMessage {
  /** The ISO week (`2027-W07`) the digest is for. */
  readonly week: string;
  readonly view: ActionListView;
}

/** The weekly list of overdue items for the secretariat. */
export function overdueDigestMessage(week: string, view: ActionListView): MessageSpec {
  const data: OverdueDigestMessage = { week, view };
  return { kind: OVERDUE_DIGEST_MESSAGE_KIND, data: { ...data } };
}

/**
 * The item card for the secretariat when its responsible person cannot be reached (not an
 * active person of the roster), so that someone follows it up.
 */
export function unreachableMessage(view: ActionItemView): MessageSpec {
  return actionItemMessage('unreachable', view);
}
