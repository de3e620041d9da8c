import type { FeedLinkMailContent, MailRenderer } from '../app/ports/mail-renderer';
import type { Language } from '../domain/language';
import { translator, type Translator } from '../i18n/translator';

/** The e-mail to a person without Teams with the link to their calendar feed: plain text, not markdown. */
export interface FeedLinkMail {
  readonly subject: string;
  readonly body: string;
}

/** What the e-mail names: the person, the committee that added them, and their feed's address. */
export interface FeedLinkMailFacts {
  readonly name: string;
  readonly committeeName: string;
  /** The person's own feed address (webcal:// or https://), secret like every link of theirs. */
  readonly feedUrl: string;
}

/**
 * The text of the e-mail that tells a person without Teams where their session calendar is,
 * sent from the organiser mailbox once Outlook is connected. It says that invitations come
 * through Outlook and are answered there, and that the link is personal.
 */
export function feedLinkMail(facts: FeedLinkMailFacts, i18n: Translator): FeedLinkMail {
  const params = { name: facts.name, committee: facts.committeeName, feedUrl: facts.feedUrl };
  return {
    subject: i18n.t('withoutTeams.feedMail.subject', params),
    body: i18n.t('withoutTeams.feedMail.body', params),
  };
}

/**
 * The same e-mail in German and then English, for a person whose language Gremium cannot know:
 * without Teams they never tell it one. The subject is the German one.
 */
export function bilingualFeedLinkMail(facts: FeedLinkMailFacts): FeedLinkMail {
  const german = feedLinkMail(facts, translator('de'));
  const english = feedLinkMail(facts, translator('en'));
  return { subject: german.subject, body: `${german.body}\n\n— English —\n\n${english.body}` };
}

/** Text from anywhere stays text in the e-mail's HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The e-mail as HTML, which is what Graph sends: the plain text's paragraphs and lines, every
 * text escaped, and the address a link. The address is the subscription's page (`pageUrl`), not
 * the feed itself: clicked in any mail program it opens the page with the button that subscribes
 * in Outlook and the address to copy for Outlook on the web or Google Calendar, whereas the
 * feed's own https address, clicked, merely downloads the sessions once.
 */
export function feedLinkMailHtml(content: FeedLinkMailContent, i18n: Translator): FeedLinkMailHtml {
  const url = content.link.pageUrl;
  const text = feedLinkMail({ name: content.name, committeeName: content.committeeName, feedUrl: url }, i18n);
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const paragraphs = text.body
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeHtml(line))
        .join('<br>'),
    )
    .map((paragraph) => `<p>${paragraph.split(escapeHtml(url)).join(link)}</p>`);
  return { subject: text.subject, bodyHtml: paragraphs.join('\n') };
}

/** The e-mail's subject and HTML body (see `feedLinkMailHtml`). */
export interface FeedLinkMailHtml {
  readonly subject: string;
  readonly bodyHtml: string;
}

/** The mail renderer the outbox sender writes e-mails from the organiser mailbox with. */
export function createMailRenderer(): MailRenderer {
  return {
    feedLinkMail: (content: FeedLinkMailContent, language: Language) => feedLinkMailHtml(content, translator(language)),
  };
}
