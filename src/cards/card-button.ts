import type { Verb } from './verbs';

/**
 * One Action.Execute button as the templates take it. The verb also travels in the data, where
 * the Action.Submit fallback of older clients carries it and the routes find it.
 */
export interface CardButton {
  readonly title: string;
  readonly verb: Verb;
  readonly style?: 'positive' | 'destructive' | 'default';
  readonly data: Readonly<Record<string, unknown>> & { readonly verb: Verb };
}

export function cardButton(
  title: string,
  verb: Verb,
  data: Readonly<Record<string, unknown>> = {},
  style: CardButton['style'] = 'default',
): CardButton {
  return { title, verb, style, data: { ...data, verb } };
}

/** A coloured strip at the top of a card: what just happened, or why nothing did. */
export interface CardBanner {
  readonly style: 'good' | 'attention' | 'warning' | 'accent';
  readonly title: string;
  readonly text: string;
  readonly lines?: readonly string[];
}

/** A banner with a title and, where there is more to say, a text. */
export function cardBanner(style: CardBanner['style'], title: string, text = ''): CardBanner {
  return { style, title, text };
}
