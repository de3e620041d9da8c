/**
 * Lines below a card's banner from which the card counts as tall: beyond about a dozen lines the
 * banner on top has scrolled out of view by the time a person reaches the buttons at the bottom,
 * where they clicked, and where the answer to their click must be seen.
 */
export const TALL_CARD_LINES = 12;

/**
 * Bytes of a banner repeated whole at the bottom. A longer one (a list of many problems) is
 * repeated by its title alone, which says that something needs correcting; the list stays on top,
 * so a card at its size limit does not outgrow what Teams accepts.
 */
export const BANNER_COPY_MAX_BYTES = 1_200;

/**
 * Bytes a card may have to fit every Teams client: a card the copy would take beyond them keeps
 * its one banner on top, since a card Teams refuses would show nothing at all.
 */
const CARD_BYTES_MAX = 28 * 1024;

/** Characters of wrapped text Teams shows on one line of a card in the chat pane, roughly. */
const CHARACTERS_PER_LINE = 80;

type Element = Readonly<Record<string, unknown>>;

/**
 * A card whose first element is a banner saying why nothing happened (a refusal or a problem:
 * attention or warning) gets the same banner again at the bottom when it is tall, just above
 * its buttons, so the person sees it where they clicked as well as at the top (a long banner by
 * its title, see `BANNER_COPY_MAX_BYTES`). Short cards and banners that report success are left
 * as they are.
 */
export function withBannerBelow<Card extends Readonly<Record<string, unknown>>>(card: Card): Card {
  const body = card.body;
  if (!Array.isArray(body) || body.length < 2) return card;
  const [banner, ...rest] = body as Element[];
  if (!isProblemBanner(banner) || linesOf(rest) <= TALL_CARD_LINES) return card;
  const { id: _id, ...copy } = banner;
  const items = Array.isArray(banner.items) ? (banner.items as Element[]) : [];
  const whole = Buffer.byteLength(JSON.stringify(banner)) <= BANNER_COPY_MAX_BYTES;
  const below = { ...copy, items: whole ? items : items.slice(0, 1), spacing: 'Large' };
  const bytes = Buffer.byteLength(JSON.stringify(card)) + Buffer.byteLength(JSON.stringify(below)) + 1;
  return bytes <= CARD_BYTES_MAX ? { ...card, body: [...body, below] } : card;
}

/** A coloured strip saying that something was refused or needs correcting. */
function isProblemBanner(element: Element | undefined): element is Element {
  return (
    element?.type === 'Container' &&
    element.bleed === true &&
    (element.style === 'attention' || element.style === 'warning')
  );
}

/** The lines the elements take on a card, as Teams lays them out, roughly. */
export function linesOf(elements: unknown): number {
  if (!Array.isArray(elements)) return 0;
  return (elements as Element[]).reduce((sum, element) => sum + linesOfElement(element), 0);
}

function linesOfElement(element: Element): number {
  if (element.isVisible === false) return 0;
  switch (element.type) {
    case 'TextBlock':
    case 'RichTextBlock':
      return 1 + Math.floor(String(element.text ?? '').length / CHARACTERS_PER_LINE);
    case 'Input.Text':
      return element.isMultiline === true ? 4 : 2;
    case 'Input.ChoiceSet':
      return element.style === 'expanded' && Array.isArray(element.choices) ? 1 + element.choices.length : 2;
    case 'Input.Toggle':
      return 1;
    case 'FactSet':
      return Array.isArray(element.facts) ? element.facts.length : 1;
    case 'ColumnSet':
      return Array.isArray(element.columns)
        ? Math.max(0, ...(element.columns as Element[]).map((column) => linesOf(column.items)))
        : 1;
    case 'Container':
      return linesOf(element.items);
    case 'Image':
      return 3;
    default:
      // Dates, times, numbers, action sets and anything else: a label and a field, or one row.
      return element.type === 'ActionSet' ? 1 : 2;
  }
}
