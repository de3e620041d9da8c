import assert from 'node:assert/strict';
import type { AppDependencies } from '../../../src/app/dependencies';
import { linkRecipientOf, outboxRecordId, type OutboxDraft } from '../../../src/app/delivery/outbox-record';
import { issueLink, issueLinks, type IssuedLink } from '../../../src/app/links/issue-link';
import { createMessageRenderer } from '../../../src/cards/outgoing-messages';
import type { LinkRecipient, LinkTarget } from '../../../src/app/links/link-document';
import type { PersonDocument, SeatDocument } from '../../../src/app/documents';
import { personDocumentId, seatDocumentId } from '../../../src/domain/ids';

/** The person `setUpCommittee` makes the secretariat: an active person who may hold links. */
export const SECRETARIAT_ID = 'aaaaaaaa-0000-0000-0000-000000000001';

/** Issues a link through the real use case, as a sent card would, and answers it; fails the test when none is issued. */
export async function issuedLink(
  deps: AppDependencies,
  committeeId: string,
  target: LinkTarget,
  recipient: LinkRecipient = { kind: 'person', id: SECRETARIAT_ID },
  slot = `test|${Math.random()}`,
): Promise<IssuedLink> {
  const link = await issueLink(deps, { committeeId, recipient, target, slot });
  assert.ok(link, `no link issued for ${JSON.stringify(target)}`);
  return link;
}

/** The token of an issued link, as a reader's address carries it. */
export async function issuedToken(
  deps: AppDependencies,
  committeeId: string,
  target: LinkTarget,
  recipient?: LinkRecipient,
): Promise<string> {
  return (await issuedLink(deps, committeeId, target, recipient)).token;
}

/** The token with its last character changed: as close to it as a guess can come, and never it. */
export function nearMiss(token: string): string {
  return `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
}

/**
 * A queued message rendered as the sender sends it: its links issued for its recipient first, in
 * the slot of its outbox record, then the card in the recipient's language.
 */
export async function renderedAsSent(
  deps: AppDependencies,
  committeeId: string,
  draft: OutboxDraft,
  publicBaseUrl: string | undefined,
  locale = 'de-DE',
): Promise<Record<string, unknown>> {
  const links = await issueLinks(
    deps,
    committeeId,
    linkRecipientOf(draft.recipient),
    draft.message.links,
    outboxRecordId(draft.key),
  );
  return createMessageRenderer('de', publicBaseUrl ? { publicBaseUrl } : {}).render(draft.message, locale, links, {
    committeeId,
    shortName: 'KOG',
  }).attachments![0]!.content as Record<string, unknown>;
}

/** Gives the person a seat of their own: a calendar link is only ever issued to a seat's member or deputy. */
export async function seatFor(deps: AppDependencies, committeeId: string, personId = SECRETARIAT_ID): Promise<void> {
  await deps.store.upsert<SeatDocument>({
    id: seatDocumentId(`of-${personId}`),
    committeeId,
    type: 'seat',
    institution: 'Stadt Leipzig',
    memberId: personId,
  });
}

/** Adds an active person of the working group, who may hold an extract link. */
export async function workingGroupPerson(
  deps: AppDependencies,
  committeeId: string,
  personId = '99999999-0000-0000-0000-000000000007',
): Promise<string> {
  await deps.store.upsert<PersonDocument>({
    id: personDocumentId(personId),
    committeeId,
    type: 'person',
    aadObjectId: personId,
    displayName: 'Lena Vogt',
    roles: ['workingGroup'],
    active: true,
  });
  return personId;
}
