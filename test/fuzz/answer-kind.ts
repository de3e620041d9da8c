import { actionsOf } from './fuzz-world';

/**
 * Whether the card answering a click refuses it. The bot says no in two shapes: a notice (a card
 * of one container and no buttons: the bot's one way of saying no, unless it is a green
 * confirmation) or a card with a banner in the attention or warning style on top. A card that
 * asks to confirm (it offers the same verb again with `confirmed`, as for cancelling a session or
 * erasing a person) is no refusal: the click was accepted and the person is asked once more.
 */
export function isRefusal(card: Record<string, unknown>, verb: string): boolean {
  // The header that names the committee (see withCommittee) comes before what the card says.
  const body = (Array.isArray(card.body) ? (card.body as Array<Record<string, unknown>>) : []).filter(
    (element) => element.id !== 'committeeHeader',
  );
  const first = body[0];
  if (first?.type !== 'Container') return false;
  const asksToConfirm = actionsOf(card).some(
    (action) => action.verb === verb && (action.data.confirmed === true || action.data.confirmed === 'true'),
  );
  if (asksToConfirm) return false;
  const buttons = Array.isArray(card.actions) ? card.actions.length : 0;
  if (body.length === 1 && buttons === 0) return first.style !== 'good';
  return first.style === 'attention' || first.style === 'warning';
}
