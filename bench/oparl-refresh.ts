import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommitteeDocument, SeatDocument } from '../src/app/documents';
import { minutesDocumentId, type MinutesDocument } from '../src/app/minutes/minutes-document';
import { readOparl, type OparlReading } from '../src/app/oparl/read-oparl';
import { RefreshMemory, refreshPublications, type OparlPublishing } from '../src/app/oparl/refresh-publication';
import { silentLogger } from '../src/app/ports/logger';
import type { DocumentStore } from '../src/app/ports/document-store';
import { sessionDocumentId, type SessionDocument } from '../src/app/sessions/session-document';
import { oparlTexts } from '../src/cards/oparl-texts';
import { fixedClock } from '../src/domain/clock';
import { DEFAULT_COMMITTEE_SETTINGS } from '../src/domain/committee';
import { COMMITTEE_DOCUMENT_ID, seatDocumentId } from '../src/domain/ids';
import { parseOparlPath } from '../src/domain/oparl/oparl-paths';
import { translator } from '../src/i18n/translator';
import { EmbeddedStore } from '../src/infra/embedded-store';
import { inProcessPdfRenderer } from '../src/infra/pdf-renderer';

const TENANT = '11111111-2222-3333-4444-555555555555';
const BASE = 'https://gremium.example.org/oparl/v1';
const AT = '2030-01-10T10:00:00.000Z';

export interface OparlRefreshResult {
  readonly name: string;
  readonly committees: number;
  readonly sessionsPerCommittee: number;
  /** Objects of the published record, embedded ones counted once. */
  readonly objects: number;
  /** The first refresh: every object written, every minutes extract rendered and measured. */
  readonly firstMs: number;
  /** A refresh of every committee with nothing changed: each record computed and compared. */
  readonly unchangedMs: number;
  /** A round of the server's loop with nothing changed: one look at each committee's trail. */
  readonly quietRoundMs: number;
  readonly quietRatio: number;
  /** A page of 25 meetings from the body's list (one query per committee, merged), on average. */
  readonly listPageMs: number;
  /** One meeting by its address (a point read), on average. */
  readonly objectMs: number;
  readonly listPageRatio: number;
}

/**
 * The OParl interface's costs on the embedded store, as ratios within one run: a quiet round of
 * the refresh loop against refreshing everything (what change detection by the audit trail
 * saves), and a list page against reading one object (what merging committees' partitions
 * costs). Each committee has `years` years of three sessions with published agendas of eight
 * items and approved minutes, and twelve seats with deputies.
 */
export async function oparlRefresh(committees = 5, years = 3): Promise<OparlRefreshResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gremium-bench-oparl-'));
  const store = await EmbeddedStore.open({ dataDir });
  try {
    const deps = { store, clock: fixedClock(AT) };
    for (let index = 0; index < committees; index += 1) await seedCommittee(store, `committee-${index}`, years);
    const texts = oparlTexts(translator('de'));
    const publishing: OparlPublishing = {
      base: BASE,
      texts,
      pdf: { render: (print) => inProcessPdfRenderer.render(print, 'de') },
      language: 'de',
    };
    const timed = async (work: () => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const firstMs = await timed(() => refreshPublications(deps, publishing, silentLogger));
    const unchangedMs = await timed(() => refreshPublications(deps, publishing, silentLogger));
    const memory = new RefreshMemory();
    await refreshPublications(deps, publishing, silentLogger, memory);
    const quietRoundMs = await timed(() => refreshPublications(deps, publishing, silentLogger, memory));

    const reading: OparlReading = { base: BASE, texts };
    const repeat = 30;
    const average = async (address: string, query: string) =>
      (await timed(async () => {
        for (let round = 0; round < repeat; round += 1)
          await readOparl(deps, reading, parseOparlPath(address)!, new URLSearchParams(query));
      })) / repeat;
    const listPageMs = await average(`body/${TENANT}/meeting`, 'limit=25');
    const objectMs = await average(`meeting/committee-0/${sessionDocumentId(2027, 1)}`, '');
    const objects = (
      await Promise.all(
        Array.from({ length: committees }, (_, index) => store.query(`committee-${index}`, { type: 'oparlObject' })),
      )
    ).flat().length;
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      name: `OParl interface, ${committees} committees of one organisation, ${years * 3} sessions each`,
      committees,
      sessionsPerCommittee: years * 3,
      objects,
      firstMs: round(firstMs),
      unchangedMs: round(unchangedMs),
      quietRoundMs: round(quietRoundMs),
      quietRatio: round(quietRoundMs / unchangedMs),
      listPageMs: round(listPageMs),
      objectMs: round(objectMs),
      listPageRatio: round(listPageMs / objectMs),
    };
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A publishing committee with its seats, and per year three held sessions with approved minutes. */
async function seedCommittee(store: DocumentStore, committeeId: string, years: number): Promise<void> {
  await store.create<CommitteeDocument>({
    ...DEFAULT_COMMITTEE_SETTINGS,
    publishOparl: true,
    id: COMMITTEE_DOCUMENT_ID,
    committeeId,
    type: 'committee',
    tenantId: TENANT,
    revision: 1,
    createdAt: AT,
    createdBy: 'bench',
    updatedAt: AT,
    updatedBy: 'bench',
  });
  for (let seat = 0; seat < 12; seat += 1)
    await store.create<SeatDocument>({
      id: seatDocumentId(`s${seat}`),
      committeeId,
      type: 'seat',
      institution: `Institution ${seat}`,
      memberId: `m-${seat}`,
      deputyId: `d-${seat}`,
    });
  for (let year = 2027; year < 2027 + years; year += 1)
    for (let sequence = 1; sequence <= 3; sequence += 1) {
      const id = sessionDocumentId(year, sequence);
      const startsAt = `${year}-0${sequence * 3}-11T13:00:00.000Z`;
      const items = Array.from({ length: 8 }, (_, item) => ({
        id: `item-${item}`,
        title: `Thema ${item} der Sitzung ${year}/${sequence}`,
        kind: 'discussion' as const,
        minutes: 20,
        origin: { type: 'topic' as const },
        submissionIds: [],
      }));
      await store.create<SessionDocument>({
        id,
        committeeId,
        type: 'session',
        number: `${year}/${sequence}`,
        year,
        sequence,
        extra: false,
        startsAt,
        endsAt: startsAt.replace('T13', 'T16'),
        place: 'Neues Rathaus, Raum 259',
        state: 'minutesApproved',
        revision: 5,
        agenda: { version: 1, publishedAt: startsAt, items, removed: [] },
        createdAt: AT,
        updatedAt: AT,
      });
      await store.create<MinutesDocument>({
        id: minutesDocumentId(id),
        committeeId,
        type: 'minutes',
        sessionId: id,
        status: 'approved',
        version: 1,
        publishedVersion: 1,
        approval: { version: 1, at: startsAt, by: 'bench', automatic: true },
        items: items.map((item) => ({
          itemId: item.id,
          title: item.title,
          summary: 'Aussprache.',
          result: `Ergebnis zu ${item.title}: Die Institutionen stimmen sich ab und berichten in der nächsten Sitzung.`,
          agreements: [
            {
              id: 'a',
              text: 'Zahlen vorlegen',
              institution: 'Institution 1',
              responsibleId: 'm-1',
              dueDate: '2030-06-30',
            },
          ],
        })),
        participants: [],
        createdAt: startsAt,
        updatedAt: startsAt,
        updatedBy: 'bench',
      });
    }
}
