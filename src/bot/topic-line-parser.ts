import { SUBMISSION_KINDS, type SubmissionKind } from '../domain/agenda/submission';
import { LOCALES, translator } from '../i18n/translator';

/** A chat line that submits a topic: its kind, and the raw title and description (checked later). */
export interface TopicChatLine {
  readonly kind: SubmissionKind;
  readonly title: string;
  readonly description: string;
}

/** The prefix words in both languages ("thema", "praxis", "bedarf", "topic", "practice", "need"). */
const PREFIXES: ReadonlyArray<readonly [string, SubmissionKind]> = LOCALES.flatMap((locale) =>
  SUBMISSION_KINDS.map((kind) => [translator(locale).t(`topicLine.${kind}`).toLocaleLowerCase('de-DE'), kind] as const),
);

/**
 * Title and description are divided by a dash with spaces around it (– or — or -), or by an
 * en or em dash alone; a hyphen inside a word ("Job-Turbo") divides nothing.
 */
const DIVIDER = /\s+[-–—]\s+|[–—]/;

/**
 * Reads `thema: <Titel> – <Beschreibung>` (also `praxis:`, `bedarf:`, `topic:`, `practice:`,
 * `need:`), in any case. The bot's own mention is removed before this; mentions of other people
 * keep their names, and HTML entities are decoded, so that markup typed into Teams is seen as
 * what it is and refused by the submission checks rather than slipping through encoded.
 */
export function parseTopicLine(text: string | undefined): TopicChatLine | undefined {
  const plain = decodeEntities((text ?? '').replace(/<at>([^<]*)<\/at>/gi, '$1')).trim();
  const match = /^([\p{L}]+)\s*:\s*([\s\S]*)$/u.exec(plain);
  if (!match) return undefined;
  const kind = PREFIXES.find(([word]) => word === match[1]!.toLocaleLowerCase('de-DE'))?.[1];
  if (!kind) return undefined;
  const rest = match[2]!;
  const divider = DIVIDER.exec(rest);
  const title = divider ? rest.slice(0, divider.index) : rest;
  const description = divider ? rest.slice(divider.index + divider[0].length) : '';
  return { kind, title: title.trim(), description: description.trim() };
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}
