import { nowUtcIso } from '../../domain/clock';
import { linkExpiry } from '../../domain/links/link-lifetime';
import type { AppDependencies } from '../dependencies';
import type { IssuedLinks, LinkRequests } from '../ports/message-renderer';
import { COMMITTEE_DOCUMENT_ID, personDocumentId } from '../../domain/ids';
import { MAX_BATCH_OPERATIONS, MAX_GET_MANY_KEYS } from '../ports/document-store';
import type { BatchOperation, DocumentStore, Stored } from '../ports/document-store';
import { readsOnce } from '../reads-once';
import { ConcurrencyError, NotFoundError } from '../ports/store-errors';
import type { SessionDocument } from '../sessions/session-document';
import { LINK_TYPE, linkDocumentId, newLinkToken } from './link-document';
import type { LinkDocument, LinkRecipient, LinkTarget } from './link-document';
import { linkPath } from './link-paths';
import { recipientMayHold } from './link-recipient';

/** One link to issue: to whom, for what, and in which slot (see `LinkDocument.slot`). */
export interface LinkIssue {
  readonly committeeId: string;
  readonly recipient: LinkRecipient;
  readonly target: LinkTarget;
  readonly slot: string;
  /** How many of the slot's previous links stay valid, the newest; none unless given. */
  readonly keep?: number;
}

/**
 * A card shown in a turn is shown again on every refresh, on each of a person's devices (Teams
 * refreshes a card whenever it comes into view, on the desktop, the phone and the web alike), so
 * the links of the two showings before the newest stay valid: a click on the card of another
 * device still works, while a card shown a hundred times leaves three links, not a hundred.
 */
export const TURN_LINKS_KEPT = 2;

/** A link as it leaves the bot: the only moment its token exists outside the recipient's hands. */
export interface IssuedLink {
  readonly token: string;
  /** From the bot's public origin, e.g. `/api/minutes/<committee>/<session>/<token>.pdf`. */
  readonly path: string;
  readonly expiresAt: string;
}

/** A slot's previous links and the new one are written together; a lost race is read again. */
const WRITE_ATTEMPTS = 3;

/**
 * Issues a fresh link: a random token, of which only the hash is stored (see `LinkDocument`),
 * replacing the links the slot held before (all but the `keep` newest) in the same batch.
 * Nothing is issued (undefined) to a recipient who may not hold it (see `recipientMayHold`), for
 * a session that does not exist, or for a calendar whose session is long past.
 *
 * Why random tokens, created when the message is sent, and not tokens derived from a server
 * secret: nothing that could recreate a link is stored or configured anywhere, there is no key to
 * keep, rotate or leak, and a revoked link cannot come back by being derived again. The price is
 * that a card shown again gets a new link, which is what a card refreshed in place needs anyway.
 */
export async function issueLink(deps: AppDependencies, issue: LinkIssue): Promise<IssuedLink | undefined> {
  const { store } = deps;
  const { committeeId, recipient, target, slot, keep = 0 } = issue;
  if (!(await recipientMayHold(store, committeeId, recipient, target))) return undefined;
  const link = await newLinkIn(store, committeeId, recipient, target, slot, nowUtcIso(deps.clock), slot);
  if (!link) return undefined;
  // The slot is its own prefix: the query reads its previous links, and any of a longer slot is left alone.
  await writeIntoSlots(store, committeeId, slot, [link], keep);
  return { token: link.token, path: link.path, expiresAt: link.document.expiresAt };
}

/**
 * Issues every link a card or message asks for (`requests`, by name), each in its own slot under
 * `origin` (an outbox record's id, or `turn` for a card answered directly, which keeps the
 * previous `keep` links of its slot valid). Answers the paths by name; a link that could not be
 * issued is missing, and the card shows none.
 *
 * The same rules as `issueLink`, for all the links at once, so a card costs the same few store
 * requests whether it carries one link or five: the recipient's standing and the sessions are read
 * once for all the checks, the previous links of all the slots come in one query (the slots of one
 * call share a prefix), and every replaced link and every new one is written in one batch.
 */
export async function issueLinks(
  deps: AppDependencies,
  committeeId: string,
  recipient: LinkRecipient,
  requests: LinkRequests | undefined,
  origin: string,
  keep = 0,
): Promise<IssuedLinks> {
  const prefix = `${origin}|${recipient.kind}:${recipient.id}|`;
  const reads = readsOnce(deps.store);
  const standing = new Map<string, Promise<boolean>>();
  const mayHold = (target: LinkTarget) => {
    const key = JSON.stringify(target);
    if (!standing.has(key)) standing.set(key, recipientMayHold(reads, committeeId, recipient, target));
    return standing.get(key)!;
  };
  const issuedAt = nowUtcIso(deps.clock);
  await readAhead(reads, committeeId, recipient, Object.values(requests ?? {}));
  const prepared = await Promise.all(
    Object.entries(requests ?? {}).map(async ([name, target]) => {
      if (!(await mayHold(target))) return undefined;
      const what = 'sessionId' in target ? target.sessionId : 'exportId' in target ? target.exportId : target.year;
      return newLinkIn(reads, committeeId, recipient, target, `${prefix}${name}|${what}`, issuedAt, name);
    }),
  );
  const links = prepared.filter((link): link is NewLink => link !== undefined);
  await writeIntoSlots(deps.store, committeeId, prefix, links, keep);
  return Object.fromEntries(links.map((link) => [link.name, link.path]));
}

/**
 * Reads in one request what the checks and the new links read for every link: the recipient's
 * standing (their roster entry, or for a conversation the committee that names its working-group
 * conversation) and the sessions the links are for, kept by `reads` for all of them.
 */
async function readAhead(
  reads: DocumentStore,
  committeeId: string,
  recipient: LinkRecipient,
  targets: readonly LinkTarget[],
): Promise<void> {
  if (targets.length === 0) return;
  const ids = new Set<string>(targets.flatMap((target) => ('sessionId' in target ? [target.sessionId] : [])));
  if (recipient.kind === 'conversation') ids.add(COMMITTEE_DOCUMENT_ID);
  else {
    try {
      ids.add(personDocumentId(recipient.id));
    } catch {
      // No roster entry can have this id: the check refuses the recipient without reading.
    }
  }
  await reads.getMany([...ids].slice(0, MAX_GET_MANY_KEYS).map((id) => ({ committeeId, id })));
}

/** A link made but not yet written: its token, its document (the token's hash) and the path with its token. */
interface NewLink {
  readonly name: string;
  readonly token: string;
  readonly document: LinkDocument;
  readonly path: string;
}

/**
 * A fresh link for the slot, or undefined for a session that does not exist or a calendar whose
 * session is long past (see `linkExpiry`). The recipient's standing is checked before.
 */
async function newLinkIn(
  store: DocumentStore,
  committeeId: string,
  recipient: LinkRecipient,
  target: LinkTarget,
  slot: string,
  issuedAt: string,
  name: string,
): Promise<NewLink | undefined> {
  let sessionEndsAt: string | undefined;
  if (target.kind === 'calendar' || target.kind === 'minutes' || target.kind === 'extract') {
    const session = await store.get<SessionDocument>(committeeId, target.sessionId);
    if (session?.type !== 'session') return undefined;
    sessionEndsAt = session.endsAt;
  }
  const made = newLinkDocument(committeeId, recipient, target, slot, issuedAt, sessionEndsAt);
  return made && { name, ...made };
}

/**
 * A link's token, its document (the token's hash as id, the recipient, what it leads to, when it
 * expires) and its path; undefined when a link issued now would already have expired (a calendar
 * whose session is long past, see `linkExpiry`). Nothing is read or written.
 */
export function newLinkDocument(
  committeeId: string,
  recipient: LinkRecipient,
  target: LinkTarget,
  slot: string,
  issuedAt: string,
  sessionEndsAt?: string,
): { readonly token: string; readonly document: LinkDocument; readonly path: string } | undefined {
  const expiresAt = linkExpiry(target.kind, issuedAt, sessionEndsAt);
  if (!expiresAt) return undefined;
  const token = newLinkToken();
  const document: LinkDocument = {
    id: linkDocumentId(token)!,
    committeeId,
    type: LINK_TYPE,
    kind: target.kind,
    recipientKind: recipient.kind,
    recipientId: recipient.id,
    slot,
    ...linkedThing(target),
    issuedAt,
    expiresAt,
  };
  return { token, document, path: linkPath(committeeId, target, token) };
}

/**
 * Writes the new links, each replacing the links its slot held before but the `keep` newest: the
 * previous links of all the slots are read in one query, by the slots' common `prefix` (every
 * slot under it is at least the prefix and less than the prefix with its last character, `|`,
 * raised by one), and everything is written in one batch, or in as few as the batch limit allows,
 * each slot's deletes before its link. A lost race (a previous link deleted or renewed meanwhile)
 * is read again, for the slots whose batch failed (a link an earlier batch wrote stays written).
 */
async function writeIntoSlots(
  store: DocumentStore,
  committeeId: string,
  prefix: string,
  links: readonly NewLink[],
  keep: number,
): Promise<void> {
  const pending = new Map(links.map((link) => [link.document.slot, link]));
  const past = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  for (let attempt = 1; pending.size > 0; attempt += 1) {
    const previous = await store.query<LinkDocument>(committeeId, {
      type: LINK_TYPE,
      where: [
        { field: 'slot', op: '>=', value: prefix },
        { field: 'slot', op: '<', value: past },
      ],
    });
    // The query reads every slot of the prefix; only those being issued count.
    const bySlot = new Map([...pending.keys()].map((slot): [string, Array<Stored<LinkDocument>>] => [slot, []]));
    for (const link of previous) bySlot.get(link.slot)?.push(link);
    const groups: Array<{ readonly slot: string; readonly operations: BatchOperation[] }> = [];
    for (const [slot, link] of pending) {
      const newestFirst = (bySlot.get(slot) ?? []).sort(
        (a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.id.localeCompare(a.id),
      );
      const replaced = newestFirst.slice(keep);
      groups.push({
        slot,
        operations: [
          ...replaced.map((old): BatchOperation => ({ op: 'delete', id: old.id, ifMatch: old._etag })),
          { op: 'create', document: link.document },
        ],
      });
    }
    try {
      for (const batch of batchesOf(groups)) {
        await store.batch(committeeId, batch.operations);
        for (const slot of batch.slots) pending.delete(slot);
      }
    } catch (error) {
      const lostRace = error instanceof NotFoundError || error instanceof ConcurrencyError;
      if (!lostRace || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/**
 * The slots' operations packed into as few batches as `MAX_BATCH_OPERATIONS` allows, a slot's
 * operations in one batch where they fit (a slot with more previous links than a batch holds is
 * spread over several, its new link last); in each batch the deletes come before the creates, so
 * a lost race fails the batch before any of its links is written.
 */
function batchesOf(
  groups: ReadonlyArray<{ readonly slot: string; readonly operations: readonly BatchOperation[] }>,
): Array<{ readonly operations: BatchOperation[]; readonly slots: string[] }> {
  const batches: Array<{ operations: BatchOperation[]; slots: string[] }> = [];
  let current: { operations: BatchOperation[]; slots: string[] } = { operations: [], slots: [] };
  for (const { slot, operations } of groups) {
    if (current.operations.length + operations.length > MAX_BATCH_OPERATIONS) {
      if (current.operations.length > 0) batches.push(current);
      current = { operations: [], slots: [] };
    }
    let rest = operations;
    while (rest.length > MAX_BATCH_OPERATIONS) {
      batches.push({ operations: rest.slice(0, MAX_BATCH_OPERATIONS), slots: [] });
      rest = rest.slice(MAX_BATCH_OPERATIONS);
    }
    current.operations.push(...rest);
    current.slots.push(slot);
  }
  if (current.operations.length > 0) batches.push(current);
  const deletesFirst = (a: BatchOperation, b: BatchOperation) => Number(a.op === 'create') - Number(b.op === 'create');
  return batches.map((batch) => ({ ...batch, operations: batch.operations.sort(deletesFirst) }));
}

/** The fields of a link document that say what it leads to. */
function linkedThing(target: LinkTarget): Pick<LinkDocument, 'sessionId' | 'version' | 'exportId' | 'year'> {
  switch (target.kind) {
    case 'calendar':
      return { sessionId: target.sessionId };
    case 'minutes':
    case 'extract':
      return { sessionId: target.sessionId, version: target.version };
    case 'export':
      return { exportId: target.exportId };
    case 'report':
    case 'reportCsv':
      return { year: target.year };
  }
}
