import type { Locator, Page } from 'playwright-core';

/** A text shown on a page, as a card's title or line: a string (case-insensitive part) or a pattern. */
export type CardText = string | RegExp;

/** Texts counted before an action; `appeared` waits until each is shown once more than then. */
export interface AwaitedCard {
  appeared(options?: { timeout?: number }): Promise<Locator[]>;
}

/**
 * Counts how often each text is on the page now, so that a later wait is for a card that shows
 * it once more: the card an action brings, not an earlier one with the same title (the chat
 * keeps every earlier card). Count before the action, on the chat the answer will appear in.
 * A card answered in place (a click's refreshed card) replaces the old one, so wait there for a
 * text only the new card shows, such as its confirmation.
 */
export async function expectNewCard(page: Page, texts: CardText | readonly CardText[]): Promise<AwaitedCard> {
  const counted = await Promise.all(
    [texts].flat().map(async (text) => {
      const matches = page.getByText(text);
      return { matches, before: await matches.count() };
    }),
  );
  return {
    async appeared(options) {
      const fresh = counted.map(({ matches, before }) => matches.nth(before));
      for (const locator of fresh) await locator.waitFor(options);
      return fresh;
    },
  };
}

/**
 * Runs an action (a chat line, a click) and waits for the card it brings: every text shown
 * once more than before the action. Resolves with the new occurrences, in the order given.
 */
export async function waitForNewCard(
  page: Page,
  texts: CardText | readonly CardText[],
  action: () => Promise<void>,
  options?: { timeout?: number },
): Promise<Locator[]> {
  const awaited = await expectNewCard(page, texts);
  await action();
  return awaited.appeared(options);
}

/**
 * The Adaptive Card (the renderer's root element) that shows a located text, so that what else
 * a test expects is looked for in that card only, not in an earlier one.
 */
export function cardOf(text: Locator): Locator {
  return text.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ac-adaptiveCard ")][1]');
}

/**
 * Runs an action that asks first (a step that sends to many), waits for its question card, and
 * clicks the question's confirming button; resolves with the answer that click brings.
 */
export async function confirmOnQuestion(
  page: Page,
  step: { readonly question: CardText; readonly confirm: string; readonly answer: CardText | readonly CardText[] },
  action: () => Promise<void>,
): Promise<Locator[]> {
  const [question] = await waitForNewCard(page, step.question, action);
  return waitForNewCard(page, step.answer, () => cardOf(question!).getByRole('button', { name: step.confirm }).click());
}
