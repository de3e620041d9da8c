import type { Language } from '../../domain/language';
import type { FeedLink } from '../feed/issue-feed-link';

/** What the e-mail with a person's calendar subscription address names. */
export interface FeedLinkMailContent {
  /** The person, as the roster names them. */
  readonly name: string;
  /** The committee that added them, by its full name. */
  readonly committeeName: string;
  /** Their new subscription's addresses; secret, like every link of theirs. */
  readonly link: FeedLink;
}

/** An e-mail as Graph sends it from the organiser mailbox. */
export interface RenderedMail {
  readonly subject: string;
  /** HTML: every text from outside escaped, the address a link. */
  readonly bodyHtml: string;
}

/**
 * Writes the e-mails Gremium sends from the organiser mailbox, in the given language, at the
 * moment they are sent: the outbox keeps only who they go to, never their text or address.
 */
export interface MailRenderer {
  feedLinkMail(content: FeedLinkMailContent, language: Language): RenderedMail;
}
