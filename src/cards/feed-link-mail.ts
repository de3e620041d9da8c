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
