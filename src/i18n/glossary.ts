/**
 * One name for one thing, in every string, card, PDF and command list. Copied from the table
 * "Terms we use" of the project's domain description (docs on the committee's session cycle), so
 * that a test can hold every locale string, card template and manifest command list to it without
 * reading a file outside this repository. When the table changes, change this list with it.
 *
 * A German "not" term is matched as part of a word, because German builds compounds: „Version“
 * is as wrong in „Tagesordnungsversion“ as on its own. Where a term is wrong only in one sense
 * („Anmeldung“ for a reply to an invitation, but right in „Themenanmeldung“), the entry names the
 * words that stay allowed.
 */
export interface GlossaryTerm {
  /** What the term names, as the table says it. */
  readonly thing: string;
  /** The German words to use. */
  readonly use: readonly string[];
  /** German word parts that must not appear inside any word (lower case). */
  readonly notInWords?: readonly string[];
  /** German phrases that must not appear, as patterns (whole phrases, not single words). */
  readonly notPhrases?: readonly RegExp[];
  /** Whole words that contain a "not" part and are nonetheless right (lower case). */
  readonly allowedWords?: readonly string[];
  /**
   * Phrases in which a "not" part means something else and is right: „Anmeldung in Teams“ is a
   * sign-in, not a reply to an invitation. They are left out before this term is looked for.
   */
  readonly allowedPhrases?: readonly RegExp[];
  /** The English word to use. */
  readonly englishUse: string;
  /** English word parts that must not appear (lower case), where the table's English implies one. */
  readonly englishNotInWords?: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    thing: 'a version of minutes or agenda',
    use: ['Fassung'],
    notInWords: ['version'],
    englishUse: 'version',
  },
  {
    thing: 'approving minutes',
    use: ['freigeben', 'Freigabe', 'freigegeben'],
    notInWords: ['genehmig'],
    englishUse: 'approve, approved',
  },
  {
    thing: 'objection, its period',
    use: ['Einwand', 'Einwandfrist', 'Einwand erheben'],
    notInWords: ['einspruch'],
    notPhrases: [/\bEinw[aä]nde? (?:zu )?geben\b/i, /\bEinwand gibt\b/i],
    englishUse: 'objection, objection period',
  },
  {
    thing: 'who chairs a session',
    use: ['Sitzungsleitung'],
    notInWords: ['vorsitz'],
    englishUse: 'chair',
    englishNotInWords: ['chairman', 'chairperson', 'chairwoman'],
  },
  {
    thing: 'a topic submitted by the working group',
    use: ['Themenanmeldung', 'angemeldet von'],
    notInWords: ['themenmeldung', 'einreich', 'eingereicht'],
    englishUse: 'topic submission, submitted by',
    englishNotInWords: ['topic registration'],
  },
  {
    thing: 'answer to an invitation',
    use: ['Zu- oder Absage', 'Rückmeldung'],
    notInWords: ['anmeldung'],
    allowedWords: ['themenanmeldung', 'themenanmeldungen'],
    allowedPhrases: [/\bTeams-Anmeldung\b/giu, /\bAnmeldung(?:en)? (?:in|bei|über) (?:Teams|Entra ID)\b/giu],
    englishUse: 'reply, RSVP',
  },
  {
    thing: 'a team channel or group chat',
    use: ['Kanal', 'Gruppenchat'],
    notInWords: ['unterhaltung'],
    englishUse: 'channel, group chat',
  },
  {
    thing: 'those who receive something',
    use: ['Empfangende', 'Personen'],
    notInWords: ['empfänger'],
    englishUse: 'recipients',
    englishNotInWords: ['receiver'],
  },
  {
    thing: 'those who attended',
    use: ['Teilnehmende'],
    notInWords: ['teilnehmer'],
    englishUse: 'attendees',
  },
  {
    thing: "a deadline's last moment",
    use: ['bis Donnerstag, 21. Januar 2027, 24:00 Uhr'],
    notPhrases: [/\bEnde des Tages\b/i, /\bTagesende\b/i],
    englishUse: 'by Thursday, 21 January 2027, end of day',
  },
  {
    thing: 'a date in text',
    use: ['20.05.2027'],
    notPhrases: [/\b\d{4}-\d{2}-\d{2}\b/],
    englishUse: '20 May 2027',
  },
  {
    thing: 'discussion as an item kind',
    use: ['Beratung'],
    notInWords: ['diskussion'],
    englishUse: 'discussion',
  },
  {
    thing: 'the role that runs the committee',
    use: ['die Rolle „Geschäftsstelle“', 'Personen der Geschäftsstelle'],
    notPhrases: [
      /(?<!\p{L})(?:sind|bin|ist|werden|übernimmt|übernehmen) (?:jetzt |nun |hier )?die Geschäftsstelle\b(?!\s+(?:zuständig|verantwortlich))/iu,
    ],
    englishUse: 'secretariat',
  },
];

/** One place where a text breaks the glossary. */
export interface GlossaryBreach {
  readonly thing: string;
  readonly found: string;
}

/** The German "not" terms a text contains, each with the thing it should have been named by. */
export function germanBreaches(text: string): GlossaryBreach[] {
  const placeholdersOut = withoutPlaceholders(text);
  const breaches: GlossaryBreach[] = [];
  for (const term of GLOSSARY) {
    const prose = (term.allowedPhrases ?? []).reduce((rest, phrase) => rest.replace(phrase, ' '), placeholdersOut);
    const words = prose.toLocaleLowerCase('de-DE').match(/[\p{L}]+/gu) ?? [];
    for (const word of words) {
      if (term.allowedWords?.includes(word)) continue;
      const part = term.notInWords?.find((candidate) => word.includes(candidate));
      if (part) breaches.push({ thing: term.thing, found: word });
    }
    for (const phrase of term.notPhrases ?? []) {
      const match = phrase.exec(prose);
      if (match) breaches.push({ thing: term.thing, found: match[0] });
    }
  }
  return breaches;
}

/** The English "not" terms a text contains. */
export function englishBreaches(text: string): GlossaryBreach[] {
  const lower = withoutPlaceholders(text).toLowerCase();
  return GLOSSARY.flatMap((term) =>
    (term.englishNotInWords ?? [])
      .filter((part) => lower.includes(part))
      .map((part) => ({ thing: term.thing, found: part })),
  );
}

/**
 * The text without its placeholders: `{version}` in a message and `${version}` in a card template
 * name a value, not a word the reader sees.
 */
function withoutPlaceholders(text: string): string {
  return text.replace(/\$?\{[^{}]*\}/g, ' ');
}
