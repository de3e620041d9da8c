import { committeeLanguageOf } from '../../domain/committee';
import { COMMITTEE_DOCUMENT_ID, personDocumentId, tenantOfPartition } from '../../domain/ids';
import { noteMemberships } from '../committees/person-committees';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument, PersonDocument } from '../documents';
import { issueFeedLink } from '../feed/issue-feed-link';
import type { MailRenderer } from '../ports/mail-renderer';
import type { GraphOutcome, OrganiserCalendar } from '../ports/organiser-calendar';

export interface FeedLinkMailDependencies extends AppDependencies {
  readonly organiserCalendar: OrganiserCalendar;
  /** The bot's public origin (`PUBLIC_BASE_URL`), which the subscription address starts with. */
  readonly publicBaseUrl: string;
  readonly mailRenderer: MailRenderer;
}

/**
 * Why no e-mail is sent to the person any more: erased, deactivated, no longer on the roster,
 * now in Teams, or without an address. None of these changes by trying again.
 */
export type FeedLinkMailGone = 'erased' | 'inactive' | 'notOnRoster' | 'inTeams' | 'noAddress';

/** What sending came to: sent, the person no longer to be written to, or Graph's failure as it is. */
export type FeedLinkMailOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'gone'; readonly why: FeedLinkMailGone }
  | { readonly kind: 'graphFailed'; readonly failure: Extract<GraphOutcome<never>, { ok: false }> };

/**
 * Sends a person without Teams the e-mail with their calendar subscription address, from the
 * organiser mailbox, as the person stands now: to their current address, in their committee's
 * language, with a subscription address made just now (which replaces the one they had).
 *
 * The committee's language, not both languages: Gremium cannot ask a person without Teams, and
 * for everyone it cannot ask it writes in the committee's language (a 1:1 chat's first message,
 * channels, group chats); the secretariat chose it for the committee, and it is the language of
 * the Outlook invitations the person receives from the same mailbox.
 *
 * The address exists only in the e-mail: only its token's hash is stored, so it is made here,
 * for each attempt, and never kept in the outbox. Hence what can happen twice:
 * - An attempt Graph refuses (429, 5xx, no answer) is retried with a new address, which replaces
 *   the one of the failed attempt; nobody received that one.
 * - Should the process stop after Graph accepted the e-mail and before the outbox record is
 *   settled, the record's lease runs out and another attempt sends a second e-mail with a new
 *   address. The second replaces the first, whose address then answers like an unknown one: the
 *   person has two e-mails, the newer of which works. Graph's sendMail takes no idempotency key,
 *   and asking the mailbox's sent items before each send would cost a request per e-mail for a
 *   window of milliseconds; a second e-mail that says the same is the lesser harm than none.
 * - A new address also replaces the previous one when the person's e-mail address changed: the
 *   old one may have gone to a mistyped or former mailbox, and should stop working.
 */
export async function sendFeedLinkMail(
  deps: FeedLinkMailDependencies,
  committeeId: string,
  personId: string,
): Promise<FeedLinkMailOutcome> {
  const tenantId = tenantOfPartition(committeeId);
  const [person, committee] = await Promise.all([
    deps.store.get<PersonDocument>(committeeId, personDocumentId(personId)),
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
  ]);
  if (tenantId === undefined || person?.type !== 'person' || committee?.type !== 'committee')
    return { kind: 'gone', why: 'notOnRoster' };
  if (person.erasedAt) return { kind: 'gone', why: 'erased' };
  if (!person.active) return { kind: 'gone', why: 'inactive' };
  if (!person.withoutTeams) return { kind: 'gone', why: 'inTeams' };
  if (!person.email) return { kind: 'gone', why: 'noAddress' };
  let link = await issueFeedLink(deps, tenantId, personId, deps.publicBaseUrl);
  if (!link) {
    // The roster change notes the person's committees only after its batch; a sender that came
    // in between, or a crash there, finds no entry yet. Noting it is what the daily repair does.
    await noteMemberships(deps, committeeId, [personId]);
    link = await issueFeedLink(deps, tenantId, personId, deps.publicBaseUrl);
  }
  if (!link) return { kind: 'gone', why: 'notOnRoster' };
  const mail = deps.mailRenderer.feedLinkMail(
    { name: person.displayName, committeeName: committee.name, link },
    committeeLanguageOf(committee),
  );
  const sent = await deps.organiserCalendar.sendMail({
    to: { email: person.email, name: person.displayName },
    subject: mail.subject,
    bodyHtml: mail.bodyHtml,
  });
  return sent.ok ? { kind: 'sent' } : { kind: 'graphFailed', failure: sent };
}
