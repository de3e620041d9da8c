import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentStore } from '../src/app/ports/document-store';
import { minutesDocumentId, type MinutesDocument } from '../src/app/minutes/minutes-document';
import type { MinutesPrint } from '../src/app/minutes/minutes-print';
import { issueLink } from '../src/app/links/issue-link';
import { createVersionOperations } from '../src/app/minutes/open-minutes';
import { linkPath } from '../src/app/links/link-paths';
import type { Clock } from '../src/domain/clock';
import { fixedClock } from '../src/domain/clock';
import type { MinutesItem } from '../src/domain/minutes/minutes-content';
import { inProcessPdfRenderer } from '../src/infra/pdf-renderer';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { WorkerPdfRenderer } from '../src/infra/worker-pdf-renderer';
import { loadConfig, type Config } from '../src/server/config';
import { DEFAULT_PDF_RENDERING } from '../src/server/gremium-server';
import { largestMinutesPrint } from './largest-minutes';
import { COMMITTEE, memberId, NOW, round, SECRETARIAT, SESSION, seedInvitedCommittee } from './rsvp-answers';

/** What the PDF benchmarks measure against: a committee with its minutes sent out, and a render pool. */
export interface MinutesWorld {
  /** The server's settings: local mode, a free port, the store's folder. */
  readonly config: Config;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly store: EmbeddedStore;
  /** The worker pool of the server's default PDF settings; servers are handed it, so its threads stay warm. */
  readonly pool: WorkerPdfRenderer;
  /** The minutes as printed, as stored in the head. */
  readonly print: MinutesPrint;
  /** The session's revision after the invitation, which card clicks carry. */
  readonly revision: number;
}

export interface MinutesWorldOptions {
  /** Members of the committee, invited to the session; as many attendees are in the minutes. */
  readonly members: number;
  /** The minutes as printed; the largest the limits allow unless a smaller one is given. */
  readonly print?: (members: number) => MinutesPrint;
}

/**
 * Runs `measure` in a fresh embedded store in a temporary folder: a committee of `members`
 * invited to its session, the session's minutes saved (head and version document) and sent out
 * as version 1, and a worker
 * pool with the server's default settings. Closes the pool and the store and removes the folder
 * afterwards, whatever happened.
 */
export async function withMinutesWorld<T>(
  name: string,
  options: MinutesWorldOptions,
  measure: (world: MinutesWorld) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `gremium-bench-${name}-`));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOCAL_MODE: 'true' });
  const clock = fixedClock(NOW);
  const store = await EmbeddedStore.open({ dataDir });
  const pool = new WorkerPdfRenderer({ ...DEFAULT_PDF_RENDERING });
  const print = (options.print ?? ((members) => largestMinutesPrint(members)))(options.members);
  try {
    const revision = await seedInvitedCommittee(store, { store, clock }, options.members);
    // Saved as the secretariat's save does: the head and its version document in one batch.
    const head = minutesDocument(print, options.members);
    await store.batch(COMMITTEE, createVersionOperations(head, []));
    return await measure({ config, clock, store, pool, print, revision });
  } finally {
    await pool.close();
    await store.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The address of a fresh secretariat's link to the version of the minutes last sent out, on the server at `origin`. */
export async function sentMinutesUrl(origin: string, store: DocumentStore, clock: Clock): Promise<string> {
  const head = await store.get<MinutesDocument>(COMMITTEE, minutesDocumentId(SESSION));
  return `${origin}${await minutesLinkPath(store, clock, head!.publishedVersion!)}`;
}

/** The minutes head as the secretariat saved it, from a print: agreements owned by members. */
export function minutesDocument(print: MinutesPrint, members: number): MinutesDocument {
  let agreement = 0;
  const items: MinutesItem[] = print.items.map((item, index) => ({
    itemId: `item-${index + 1}`,
    title: item.title,
    ...(item.standard ? { standard: item.standard } : {}),
    summary: item.summary ?? '',
    result: item.result,
    agreements: item.agreements.map((printed) => {
      agreement += 1;
      return {
        id: `agreement-${agreement}`,
        text: printed.text,
        institution: printed.institution,
        responsibleId: memberId(agreement % members),
        dueDate: printed.dueDate,
      };
    }),
  }));
  return {
    id: minutesDocumentId(SESSION),
    committeeId: COMMITTEE,
    type: 'minutes',
    sessionId: SESSION,
    status: 'draft',
    version: 1,
    items,
    participants: print.participants,
    ...(print.chair ? { chair: print.chair } : {}),
    // Sent out as it stands: a link shows the version last sent out (see minutesFile).
    publishedVersion: 1,
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: memberId(0),
  };
}

/** The path of a fresh link of the secretariat's to the given version of the minutes. */
export async function minutesLinkPath(store: DocumentStore, clock: Clock, version: number): Promise<string> {
  const target = { kind: 'minutes', sessionId: SESSION, version } as const;
  const link = await issueLink(
    { store, clock },
    { committeeId: COMMITTEE, recipient: { kind: 'person', id: SECRETARIAT }, target, slot: `bench|${version}` },
  );
  if (!link) throw new Error(`no minutes link could be issued for version ${version}`);
  return linkPath(COMMITTEE, target, link.token);
}

/** The print of the current head, as the download route builds it; for the render times. */
export async function currentPrint(store: DocumentStore, print: MinutesPrint): Promise<MinutesPrint> {
  const head = await store.get<MinutesDocument>(COMMITTEE, minutesDocumentId(SESSION));
  return { ...print, version: head!.version, savedAt: head!.updatedAt, status: 'draft', approvedAt: undefined };
}

/** Five renders of the print on this thread after one to warm up: the median and the slowest. */
export async function renderTimesInProcess(
  print: MinutesPrint,
): Promise<{ medianMs: number; maxMs: number; bytes: number }> {
  let bytes = (await inProcessPdfRenderer.render(print, 'de')).length;
  const times: number[] = [];
  for (let index = 0; index < 5; index += 1) {
    const started = performance.now();
    bytes = (await inProcessPdfRenderer.render(print, 'de')).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { medianMs: round(times[2]!), maxMs: round(times[4]!), bytes };
}

/** The store for one server of several in a row: stopping the server leaves it open. */
export function unclosable(store: DocumentStore): DocumentStore {
  return new Proxy(store, {
    get: (target, property) => {
      if (property === 'close') return async () => undefined;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
