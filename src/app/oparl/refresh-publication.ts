import { nowUtcIso } from '../../domain/clock';
import { createHash } from 'node:crypto';
import { COMMITTEE_DOCUMENT_ID } from '../../domain/ids';
import { publishOparlOf } from '../../domain/committee';
import { listOrderOf } from '../../domain/oparl/list-query';
import { bodyKeyOf, publishedObjectId } from '../../domain/oparl/oparl-paths';
import type { OparlTexts } from '../../domain/oparl/oparl-texts';
import { OPARL_TYPES } from '../../domain/oparl/oparl-vocabulary';
import { embeddedForm, publicRecord, type PublicDraft } from '../../domain/oparl/public-record';
import { deletionTime, stampFor } from '../../domain/oparl/publication-stamps';
import type { AppDependencies } from '../dependencies';
import type { CommitteeDocument } from '../documents';
import type { MinutesPrint } from '../minutes/minutes-print';
import type { Logger } from '../ports/logger';
import { AUDIT_TYPE } from '../audit/audit-record';
import { MAX_BATCH_OPERATIONS, type BatchOperation, type Document, type Stored } from '../ports/document-store';
import { ConcurrencyError, ConflictError } from '../ports/store-errors';
import { committeeSources } from './publication-input';
import {
  OPARL_DIRECTORY,
  PUBLISHED_COMMITTEE_TYPE,
  type PublishedCommitteeDocument,
} from './published-committee-document';
import {
  PUBLISHED_OBJECT_TYPE,
  type PublishedFileContent,
  type PublishedObjectDocument,
} from './published-object-document';

/** Lays out the public extract of approved minutes; the server's cached PDF renderer, in its language. */
export interface PublicPdfRenderer {
  render(print: MinutesPrint): Promise<Buffer>;
}

/** What publishing needs besides the store: where the interface lives, its words and its PDFs. */
export interface OparlPublishing {
  /** `<publicBaseUrl>/oparl/v1`, without a trailing slash. */
  readonly base: string;
  readonly texts: OparlTexts;
  readonly pdf: PublicPdfRenderer;
  /** The language the texts and PDFs are in; part of what a PDF's checksum depends on. */
  readonly language: string;
}

/** What one refresh of a committee wrote. */
export interface RefreshOutcome {
  readonly created: number;
  readonly changed: number;
  readonly deleted: number;
}

const NOTHING: RefreshOutcome = { created: 0, changed: 0, deleted: 0 };

/**
 * Brings a committee's published record up to date with what may be public now: computes the
 * record from its partition (see `publicRecord`), and writes what changed. An object whose
 * content changed gets a new `modified`; one no longer public (a seat removed, every object once
 * the secretariat switches publication off) stays as a deletion. A file is measured (size,
 * SHA-512) when its content changes, the minutes' extract rendered for it through the server's
 * PDF cache, which then also serves the first download.
 *
 * Runs in the background (see `refreshPublications`); several instances may run it at once: every
 * write is conditional, and the one that loses a race leaves the committee to the next round.
 * Anything written is derived: running it again without a change writes nothing.
 */
export async function refreshPublication(
  deps: AppDependencies,
  publishing: OparlPublishing,
  committeeId: string,
): Promise<RefreshOutcome> {
  const [committee, entries, directory] = await Promise.all([
    deps.store.get<CommitteeDocument>(committeeId, COMMITTEE_DOCUMENT_ID),
    deps.store.query<PublishedObjectDocument>(committeeId, { type: PUBLISHED_OBJECT_TYPE }),
    deps.store.get<PublishedCommitteeDocument>(OPARL_DIRECTORY, committeeId),
  ]);
  const bodyKey = committee ? bodyKeyOf(committee.tenantId) : undefined;
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const operations: BatchOperation[] = [];
  const counts = { created: 0, changed: 0, deleted: 0 };

  const publishes = committee?.type === 'committee' && bodyKey !== undefined && publishOparlOf(committee);
  const current = new Set<string>();
  let nowIso = nowUtcIso(deps.clock);
  if (publishes) {
    const sources = await committeeSources(deps.store, committee, publishing.base, bodyKey);
    const drafts = publicRecord(sources.input, publishing.texts);
    // Files first, the slow part (a PDF may be rendered); the times are taken after it, so that
    // what is written bears the time it is written at, not one a client may have read past.
    const files = new Map<string, { content: PublishedFileContent; measured: Record<string, unknown> }>();
    for (const draft of drafts) {
      const content = await fileContent(draft, sources.prints, publishing.language);
      if (content)
        files.set(draft.path, { content, measured: await measure(content, byPath.get(draft.path), publishing.pdf) });
    }
    nowIso = nowUtcIso(deps.clock);
    const finals = new Map<string, Record<string, unknown>>();
    for (const draft of drafts) {
      current.add(draft.path);
      const before = byPath.get(draft.path);
      const { content, measured } = files.get(draft.path) ?? { content: undefined, measured: {} };
      const object = { id: `${publishing.base}/${draft.path}`, type: OPARL_TYPES[draft.kind], ...draft.fields };
      Object.assign(object, measured, embedded(draft, finals));
      // A new print is written even should it lay out to the same bytes, so the stored print and its measurement agree.
      const hash = sha256(`${JSON.stringify(object)}${content?.kind === 'pdf' ? content.printHash : ''}`);
      const stamp = stampFor(before, hash, nowIso);
      const final = { ...object, created: stamp.created, modified: stamp.modified };
      finals.set(draft.path, final);
      if (stamp.change === 'unchanged') continue;
      counts[stamp.change] += 1;
      const entry: PublishedObjectDocument = {
        id: publishedObjectId(draft.path),
        committeeId,
        type: PUBLISHED_OBJECT_TYPE,
        kind: draft.kind,
        path: draft.path,
        hash,
        created: stamp.created,
        modified: stamp.modified,
        deleted: false,
        order: listOrderOf(stamp.created, draft.path),
        object: final,
        ...(content ? { content } : {}),
      };
      operations.push(
        before ? { op: 'replace', document: entry, ifMatch: before._etag } : { op: 'create', document: entry },
      );
    }
  }
  for (const entry of entries) {
    if (entry.deleted || current.has(entry.path)) continue;
    counts.deleted += 1;
    operations.push({ op: 'replace', document: deletion(entry, nowIso), ifMatch: entry._etag });
  }
  if (!(await writeAll(deps, committeeId, operations))) return NOTHING;

  const directoryEntry = committee?.type === 'committee' && bodyKey ? { committee, bodyKey } : undefined;
  await updateDirectory(deps, committeeId, directory, directoryEntry, publishes, nowIso);
  return counts;
}

/** The file's content as it will be served, for a file draft. */
async function fileContent(
  draft: PublicDraft,
  prints: ReadonlyMap<string, MinutesPrint>,
  language: string,
): Promise<PublishedFileContent | undefined> {
  const content = draft.content;
  if (!content) return undefined;
  if (content.kind === 'text') return content;
  const print = prints.get(content.sessionId);
  if (!print) throw new Error(`no public print for ${draft.path}`);
  return { kind: 'pdf', print, printHash: sha256(`${language}\n${JSON.stringify(print)}`) };
}

/**
 * Size and SHA-512 of the file's bytes. A PDF is rendered only when its print (or language)
 * changed since it was last measured; otherwise the stored measurement stands.
 */
async function measure(
  content: PublishedFileContent,
  before: PublishedObjectDocument | undefined,
  pdf: PublicPdfRenderer,
): Promise<{ size: number; sha512Checksum: string }> {
  if (content.kind === 'pdf' && before?.content?.kind === 'pdf' && before.content.printHash === content.printHash) {
    const { size, sha512Checksum } = before.object ?? {};
    if (typeof size === 'number' && typeof sha512Checksum === 'string') return { size, sha512Checksum };
  }
  const bytes = content.kind === 'text' ? Buffer.from(content.text, 'utf8') : await pdf.render(content.print);
  return { size: bytes.length, sha512Checksum: createHash('sha512').update(bytes).digest('hex') };
}

/** The draft's embedded objects, each complete with its times, in the form embedding shows. */
function embedded(draft: PublicDraft, finals: ReadonlyMap<string, Record<string, unknown>>): Record<string, unknown> {
  const resolve = (path: string) => {
    const child = finals.get(path);
    if (!child) throw new Error(`${draft.path} embeds ${path}, which comes after it`);
    return embeddedForm(child);
  };
  return Object.fromEntries(
    Object.entries(draft.embeds ?? {}).map(([property, paths]) => [
      property,
      typeof paths === 'string' ? resolve(paths) : paths.map(resolve),
    ]),
  );
}

/** The entry as a deletion: its address and times, nothing of what it said. */
function deletion(entry: Stored<PublishedObjectDocument>, nowIso: string): PublishedObjectDocument {
  return {
    id: entry.id,
    committeeId: entry.committeeId,
    type: PUBLISHED_OBJECT_TYPE,
    kind: entry.kind,
    path: entry.path,
    hash: '',
    created: entry.created,
    modified: deletionTime(entry, nowIso),
    deleted: true,
    order: entry.order,
  };
}

/**
 * Writes the changes in batches (embedded objects before those embedding them, as computed).
 * False when another instance changed an entry meanwhile: it is refreshing the same committee,
 * and the next round starts from what it wrote.
 */
async function writeAll(
  deps: AppDependencies,
  committeeId: string,
  operations: readonly BatchOperation[],
): Promise<boolean> {
  try {
    for (let start = 0; start < operations.length; start += MAX_BATCH_OPERATIONS)
      await deps.store.batch(committeeId, operations.slice(start, start + MAX_BATCH_OPERATIONS));
    return true;
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof ConflictError) return false;
    throw error;
  }
}

/** The committee's directory entry as it is now: created on first publication, changed when its content does. */
async function updateDirectory(
  deps: AppDependencies,
  committeeId: string,
  before: Stored<PublishedCommitteeDocument> | undefined,
  now: { readonly committee: CommitteeDocument; readonly bodyKey: string } | undefined,
  published: boolean,
  nowIso: string,
): Promise<void> {
  if (!before && !published) return;
  const content = now
    ? {
        tenantId: now.committee.tenantId,
        bodyKey: now.bodyKey,
        name: now.committee.name,
        shortName: now.committee.shortName,
      }
    : { tenantId: before!.tenantId, bodyKey: before!.bodyKey, name: before!.name, shortName: before!.shortName };
  const hash = sha256(JSON.stringify({ ...content, published }));
  const stamp = stampFor(before && { ...before, deleted: false }, hash, nowIso);
  if (stamp.change === 'unchanged') return;
  const entry: PublishedCommitteeDocument = {
    id: committeeId,
    committeeId: OPARL_DIRECTORY,
    type: PUBLISHED_COMMITTEE_TYPE,
    publishedCommitteeId: committeeId,
    ...content,
    published,
    hash,
    created: stamp.created,
    modified: stamp.modified,
  };
  try {
    if (before) await deps.store.replace(entry, before._etag);
    else await deps.store.create(entry);
  } catch (error) {
    if (!(error instanceof ConcurrencyError || error instanceof ConflictError)) throw error;
  }
}

/** How long a committee whose trail shows no change is left alone at most: a full refresh a day. */
export const UNCHANGED_REFRESH_MS = 24 * 60 * 60 * 1000;

/**
 * What the background loop remembers between rounds: per committee, the newest record of its
 * audit trail when it was last refreshed. Every change the public record is computed from
 * (committee, sessions, minutes, working groups, seats, people, and what retention or erasure
 * rewrites in them) goes through the audited store and leaves a record, so while the newest
 * record is the same, nothing public can have changed, and a round costs one small query per
 * committee instead of reading its record. What bypasses the trail (a script writing to the
 * store directly) is picked up by the full refresh each committee gets a day, and after a restart.
 */
export class RefreshMemory {
  private readonly seen = new Map<string, { readonly mark: string; readonly at: number }>();

  /** Whether the committee was refreshed since its trail's newest record, less than a day ago. */
  isCurrent(committeeId: string, mark: string, now: number): boolean {
    const seen = this.seen.get(committeeId);
    return seen !== undefined && seen.mark === mark && now - seen.at < UNCHANGED_REFRESH_MS;
  }

  remember(committeeId: string, mark: string, now: number): void {
    this.seen.set(committeeId, { mark, at: now });
  }
}

/** The id of the newest record of the committee's audit trail (ids sort by time), or '' without one. */
async function newestChange(deps: AppDependencies, committeeId: string): Promise<string> {
  const [newest] = await deps.store.query<Document>(committeeId, {
    type: AUDIT_TYPE,
    orderBy: { field: 'id', direction: 'desc' },
    limit: 1,
  });
  return newest?.id ?? '';
}

/**
 * Refreshes every committee that publishes, or did until now (so that switching publication off
 * turns its record into deletions): found with one query across committees for the setting,
 * which is background work, and the directory's partition. With a `memory`, a committee whose
 * trail shows no change since its last refresh is skipped (see `RefreshMemory`). Answers whether
 * anything was written; a committee that fails is logged and left to the next round, the others
 * go on.
 */
export async function refreshPublications(
  deps: AppDependencies,
  publishing: OparlPublishing,
  logger: Logger,
  memory?: RefreshMemory,
): Promise<boolean> {
  const [switchedOn, listed] = await Promise.all([
    deps.store.queryAcrossCommittees<CommitteeDocument>({
      type: 'committee',
      where: [{ field: 'publishOparl', op: '=', value: true }],
    }),
    deps.store.query<PublishedCommitteeDocument>(OPARL_DIRECTORY, {
      type: PUBLISHED_COMMITTEE_TYPE,
      where: [{ field: 'published', op: '=', value: true }],
    }),
  ]);
  const committees = new Set([
    ...switchedOn.map((committee) => committee.committeeId),
    ...listed.map((entry) => entry.publishedCommitteeId),
  ]);
  let wrote = false;
  for (const committeeId of [...committees].sort()) {
    try {
      // Read before the refresh, so that a change made while it runs brings the committee back.
      const mark = memory ? await newestChange(deps, committeeId) : '';
      const now = deps.clock.now().toMillis();
      if (memory?.isCurrent(committeeId, mark, now)) continue;
      const outcome = await refreshPublication(deps, publishing, committeeId);
      memory?.remember(committeeId, mark, now);
      if (outcome.created + outcome.changed + outcome.deleted > 0) {
        wrote = true;
        logger.info({ committeeId, ...outcome }, 'published record refreshed');
      }
    } catch (error) {
      logger.error({ err: error, committeeId }, 'published record could not be refreshed');
    }
  }
  return wrote;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
