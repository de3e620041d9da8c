import type { AdaptiveCardJson } from './card-template';
import { escapeMarkdown } from './escape-markdown';

/** The committee a card belongs to: named in its header, carried by every action it offers. */
export interface CardCommittee {
  readonly committeeId: string;
  /** The committee's short name ("KOG"); empty for a committee not yet set up (no header then). */
  readonly shortName: string;
  /** What the card is about within the committee, for the header ("Sitzung 2027/1"); optional. */
  readonly about?: string;
}

/** The id of the header line, so that a template that draws its own is not given a second. */
export const COMMITTEE_HEADER_ID = 'committeeHeader';

/**
 * The card as its committee's: a header line naming the committee ("KOG · Sitzung 2027/1") on
 * top of the body, unless the template drew one itself, and the committee's id in the data of
 * every action (buttons, show-card forms, refresh), unless an action names a committee already
 * (the choice of committee offers several). A click then tells which committee it is for, and
 * the bot checks the clicker's roles in exactly that one. Values are added as data, never
 * spliced into card JSON; the short name is escaped like all text.
 */
export function withCommittee(card: AdaptiveCardJson, committee: CardCommittee): AdaptiveCardJson {
  const stamped = stampActions(card, committee.committeeId) as AdaptiveCardJson;
  if (!committee.shortName) return stamped;
  const body = Array.isArray(stamped.body) ? (stamped.body as unknown[]) : [];
  if (body.some(isHeader)) return stamped;
  const text = [committee.shortName, committee.about].filter(Boolean).join(' · ');
  const header = {
    type: 'TextBlock',
    id: COMMITTEE_HEADER_ID,
    text: escapeMarkdown(text),
    size: 'Small',
    weight: 'Bolder',
    isSubtle: true,
    wrap: true,
  };
  return { ...stamped, body: [header, ...body] };
}

function isHeader(element: unknown): boolean {
  return typeof element === 'object' && element !== null && (element as { id?: unknown }).id === COMMITTEE_HEADER_ID;
}

const ACTION_TYPES: ReadonlySet<string> = new Set(['Action.Execute', 'Action.Submit']);

/** A copy of the JSON in which every Execute and Submit action's data names the committee. */
function stampActions(value: unknown, committeeId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => stampActions(item, committeeId));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) copy[key] = stampActions(child, committeeId);
  if (typeof record.type === 'string' && ACTION_TYPES.has(record.type)) {
    const data = copy.data;
    if (data === undefined || (typeof data === 'object' && data !== null && !Array.isArray(data))) {
      const fields = (data ?? {}) as Record<string, unknown>;
      if (!('committeeId' in fields)) copy.data = { ...fields, committeeId };
    }
  }
  return copy;
}
