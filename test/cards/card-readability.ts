import { catalogueKeys, translator, type Locale, type MessageKey } from '../../src/i18n/translator';

/**
 * Teams' light theme as its Adaptive Card host config defines it: the background of each
 * container style and the text colours (normal and subtle), the same in every container. From
 * the host config Microsoft publishes for Teams (microsoft/AdaptiveCards,
 * samples/HostConfig/microsoft-teams-light.json; the same in microsoft/Teams-AdaptiveCards-Mobile).
 * Colours with an alpha channel are written `#AARRGGBB` there, as here.
 */
export const TEAMS_LIGHT = {
  backgrounds: {
    default: '#FFFFFF',
    emphasis: '#FFF9F8F7',
    accent: '#C7DEF9',
    good: '#CCFFCC',
    attention: '#FFC5B2',
    warning: '#FFE2B2',
  },
  colors: {
    default: { default: '#FF252424', subtle: '#BF252424' },
    dark: { default: '#252424', subtle: '#BF252424' },
    light: { default: '#FFFFFF', subtle: '#FFF3F2F1' },
    accent: { default: '#6264A7', subtle: '#8B8CC7' },
    good: { default: '#92C353', subtle: '#E592C353' },
    warning: { default: '#F8D22A', subtle: '#E5F8D22A' },
    attention: { default: '#C4314B', subtle: '#E5C4314B' },
  },
} as const;

export type ContainerStyle = keyof typeof TEAMS_LIGHT.backgrounds;
export type TextColor = keyof typeof TEAMS_LIGHT.colors;
export const CONTAINER_STYLES = Object.keys(TEAMS_LIGHT.backgrounds) as ContainerStyle[];

/** WCAG AA: normal text needs 4.5:1, large text (24 px, Teams' ExtraLarge) 3:1. */
export const AA_NORMAL = 4.5;
export const AA_LARGE = 3;

function channels(hex: string): { rgb: [number, number, number]; alpha: number } {
  const digits = hex.replace('#', '');
  const alpha = digits.length === 8 ? parseInt(digits.slice(0, 2), 16) / 255 : 1;
  const rgb = digits.slice(-6);
  return {
    rgb: [parseInt(rgb.slice(0, 2), 16), parseInt(rgb.slice(2, 4), 16), parseInt(rgb.slice(4, 6), 16)],
    alpha,
  };
}

function luminance([r, g, b]: readonly number[]): number {
  const linear = (value: number) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

/** The WCAG contrast ratio of a text colour (with its alpha laid over the background) on a background. */
export function contrast(foreground: string, background: string): number {
  const fg = channels(foreground);
  const bg = channels(background).rgb;
  const seen = fg.rgb.map((channel, index) => fg.alpha * channel + (1 - fg.alpha) * bg[index]!);
  const [light, dark] = [luminance(seen), luminance(bg)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** One text of a card with the colour it is drawn in and the background behind it. */
export interface ColouredText {
  readonly text: string;
  readonly color: string;
  readonly subtle: boolean;
  readonly size: string;
  /** The container styles that may lie behind it: one, or all where a template chooses at run time. */
  readonly backgrounds: readonly ContainerStyle[];
}

/**
 * Every TextBlock and TextRun of a card (or a template) with its colour and the backgrounds it
 * may stand on. A style or colour a template chooses at run time (`${…}`) counts as every one it
 * could be; the rendered samples tell the actual ones.
 */
export function colouredTexts(card: unknown): ColouredText[] {
  const found: ColouredText[] = [];
  const visit = (node: unknown, backgrounds: readonly ContainerStyle[]): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, backgrounds);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    let behind = backgrounds;
    if (typeof element.style === 'string' && (element.type === 'Container' || element.type === 'Column')) {
      const style = element.style.toLowerCase();
      behind = style.includes('${')
        ? CONTAINER_STYLES
        : (CONTAINER_STYLES as string[]).includes(style)
          ? [style as ContainerStyle]
          : backgrounds;
    }
    if (element.type === 'TextBlock' || element.type === 'TextRun') {
      found.push({
        text: String(element.text ?? ''),
        color: typeof element.color === 'string' ? element.color : 'default',
        subtle: element.isSubtle === true,
        size: typeof element.size === 'string' ? element.size.toLowerCase() : 'default',
        backgrounds: behind,
      });
    }
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback') visit(value, behind);
  };
  visit((card as { body?: unknown }).body, ['default']);
  return found;
}

/** The colours a text colour written in a card may be: one, or all where a template chooses it. */
export function possibleColors(color: string): TextColor[] {
  const lower = color.toLowerCase();
  return lower.includes('${')
    ? (Object.keys(TEAMS_LIGHT.colors) as TextColor[])
    : [(lower in TEAMS_LIGHT.colors ? lower : 'default') as TextColor];
}

/** The lowest contrast a text may have on Teams' light theme, over its possible colours and backgrounds. */
export function lowestContrast(text: ColouredText): { ratio: number; color: TextColor; background: ContainerStyle } {
  let lowest = { ratio: Infinity, color: 'default' as TextColor, background: 'default' as ContainerStyle };
  for (const color of possibleColors(text.color))
    for (const background of text.backgrounds) {
      const shade = TEAMS_LIGHT.colors[color][text.subtle ? 'subtle' : 'default'];
      const ratio = contrast(shade, TEAMS_LIGHT.backgrounds[background]);
      if (ratio < lowest.ratio) lowest = { ratio, color, background };
    }
  return lowest;
}

/** Every button title of a card: its actions, those of its action sets, and their fallbacks. */
export function buttonTitles(card: unknown): string[] {
  const titles: string[] = [];
  JSON.stringify(card, (_key, value: unknown) => {
    const action = value as { type?: unknown; title?: unknown } | null;
    if (
      action &&
      typeof action.type === 'string' &&
      action.type.startsWith('Action.') &&
      typeof action.title === 'string'
    )
      titles.push(action.title);
    return value;
  });
  return titles;
}

/** Every text a card shows: text blocks and runs, facts, choices, labels, toggle titles. */
export function shownTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Action.')) return;
    for (const key of ['text', 'value', 'title', 'label'])
      if (typeof element[key] === 'string' && !(element.type ?? '').toString().startsWith('Input.'))
        texts.push(element[key] as string);
    for (const [key, value] of Object.entries(element)) if (key !== 'fallback') visit(value);
  };
  visit((card as { body?: unknown }).body);
  return texts;
}

/**
 * The words that name a state in a language: what an action item, a session, a working group, an
 * answer or an agenda item's change is. Only whole labels (no placeholders): the words a reader
 * takes for a state when they stand beside a button.
 */
export function statusLabels(locale: Locale): string[] {
  const i18n = translator(locale);
  const groups = /^(actions\.status|sessions\.states|workingGroups\.states|rsvps\.status|agenda\.changes)\./;
  return catalogueKeys(locale)
    .filter((key) => groups.test(key))
    .map((key) => i18n.t(key as MessageKey))
    .filter((label) => !label.includes('{'));
}

/** Whether a text shows the label as a whole word (not "aktiv" inside "inaktiv"). */
export function showsLabel(text: string, label: string): boolean {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}
