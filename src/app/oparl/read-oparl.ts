import { isListed, listLinks, listOrderOf, parseListQuery, type ListQuery } from '../../domain/oparl/list-query';
import {
  bodiesPath,
  bodyListPath,
  bodyPath,
  committeeMeetingsPath,
  kindOfBodyList,
  publishedObjectId,
  systemPath,
  type BodyList,
  type OparlAddress,
  type OparlKind,
} from '../../domain/oparl/oparl-paths';
import type { OparlTexts } from '../../domain/oparl/oparl-texts';
import { OPARL_LICENSE, OPARL_TYPES, OPARL_VERSION } from '../../domain/oparl/oparl-vocabulary';
import type { AppDependencies } from '../dependencies';
import type { DocumentStore, QueryCondition } from '../ports/document-store';
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

/** What the interface says about itself and its bodies, from the server's configuration. */
export interface OparlReading {
  /** `<publicBaseUrl>/oparl/v1`, without a trailing slash. */
  readonly base: string;
  readonly texts: OparlTexts;
  /** The name of every body; without it a body is named after its committees. */
  readonly bodyName?: string;
  readonly contactEmail?: string;
  readonly contactName?: string;
}

/** An OParl object or list page as JSON, with the time it last changed where it has one. */
export interface OparlJson {
  readonly kind: 'json';
  readonly body: Readonly<Record<string, unknown>>;
  readonly modified?: string;
}

/** What an address of the interface answers. */
export type OparlAnswer =
  | OparlJson
  | { readonly kind: 'notFound' }
  /** A list parameter that cannot be used (a filter that is no date-time, a limit out of range). */
  | { readonly kind: 'badRequest'; readonly parameter: string };

/** A published file's content, as measured when it was published, with its name and a version tag. */
export interface OparlFileContent {
  readonly content: PublishedFileContent;
  readonly fileName: string;
  /** Changes exactly when the bytes do; the answer's ETag. */
  readonly tag: string;
  readonly modified: string;
}

/** When the system says it began, as long as no committee has ever published. */
export const SYSTEM_SINCE = '2027-01-01T00:00:00.000Z';

/**
 * Answers an address of the interface (everything but a file's bytes, see `readOparlFile`) from
 * the published record alone: the directory for the system and its bodies, and for everything
 * of a committee, point reads and queries inside the committee's partition. A body's lists query
 * each of its committees' partitions and merge them, in their order.
 */
export async function readOparl(
  deps: AppDependencies,
  reading: OparlReading,
  address: OparlAddress,
  parameters: URLSearchParams,
): Promise<OparlAnswer> {
  switch (address.kind) {
    case 'system':
      return systemAnswer(reading, await directory(deps.store));
    case 'bodies':
      return withQuery(parameters, (query) => bodiesPage(reading, query, directory(deps.store)));
    case 'body': {
      const entries = await directory(deps.store, address.bodyKey);
      return entries.length > 0 ? json(bodyObject(reading, address.bodyKey, entries)) : NOT_FOUND;
    }
    case 'bodyList':
      return withQuery(parameters, (query) => bodyListPage(deps.store, reading, address.bodyKey, address.list, query));
    case 'committeeMeetings':
      return withQuery(parameters, (query) => committeeMeetingsPage(deps.store, reading, address.committeeId, query));
    case 'object': {
      const entry = await publishedEntry(deps.store, address.committeeId, address.path);
      if (!entry) return NOT_FOUND;
      return json(entry.deleted || !entry.object ? deleted(reading, entry) : entry.object);
    }
    case 'fileContent':
      return NOT_FOUND;
  }
}

/** The bytes behind a published file's `accessUrl` and `downloadUrl`; undefined once it is no longer public. */
export async function readOparlFile(
  deps: AppDependencies,
  address: Extract<OparlAddress, { kind: 'fileContent' }>,
): Promise<OparlFileContent | undefined> {
  const entry = await publishedEntry(deps.store, address.committeeId, address.path);
  if (!entry || entry.deleted || entry.kind !== 'file' || !entry.content || !entry.object) return undefined;
  const fileName = entry.object.fileName;
  return {
    content: entry.content,
    fileName: typeof fileName === 'string' ? fileName : 'file',
    tag: entry.hash,
    modified: entry.modified,
  };
}

const NOT_FOUND = { kind: 'notFound' } as const;

function json(body: Readonly<Record<string, unknown>>): OparlJson {
  return { kind: 'json', body, ...(typeof body.modified === 'string' ? { modified: body.modified } : {}) };
}

async function withQuery(
  parameters: URLSearchParams,
  answer: (query: ListQuery) => Promise<OparlAnswer>,
): Promise<OparlAnswer> {
  const query = parseListQuery(parameters);
  return query.ok ? answer(query.value) : { kind: 'badRequest', parameter: query.error.parameter };
}

/** The entry at the path in the committee's partition, if it is one of the published record. */
async function publishedEntry(
  store: DocumentStore,
  committeeId: string,
  path: string,
): Promise<PublishedObjectDocument | undefined> {
  const entry = await store.get<PublishedObjectDocument>(committeeId, publishedObjectId(path));
  return entry?.type === PUBLISHED_OBJECT_TYPE && entry.path === path ? entry : undefined;
}

/** The directory's entries, of one body or all; a handful of small documents in one partition. */
function directory(store: DocumentStore, bodyKey?: string): Promise<PublishedCommitteeDocument[]> {
  return store.query<PublishedCommitteeDocument>(OPARL_DIRECTORY, {
    type: PUBLISHED_COMMITTEE_TYPE,
    where: bodyKey === undefined ? [] : [{ field: 'bodyKey', op: '=', value: bodyKey }],
  });
}

/** A deleted object as OParl states it: address, type, times and `deleted`. */
function deleted(reading: OparlReading, entry: PublishedObjectDocument): Record<string, unknown> {
  return {
    id: `${reading.base}/${entry.path}`,
    type: OPARL_TYPES[entry.kind],
    created: entry.created,
    modified: entry.modified,
    deleted: true,
  };
}

function contact(reading: OparlReading): Record<string, string> {
  return {
    ...(reading.contactEmail ? { contactEmail: reading.contactEmail } : {}),
    ...(reading.contactName ? { contactName: reading.contactName } : {}),
  };
}

/** The entry point: since the first publication, which is also its one change (its lists change, not it). */
function systemAnswer(reading: OparlReading, entries: readonly PublishedCommitteeDocument[]): OparlJson {
  const since = entries.map((entry) => entry.created).sort()[0] ?? SYSTEM_SINCE;
  return json({
    id: `${reading.base}/${systemPath()}`,
    type: OPARL_TYPES.system,
    oparlVersion: OPARL_VERSION,
    license: OPARL_LICENSE,
    body: `${reading.base}/${bodiesPath()}`,
    name: 'Gremium',
    ...contact(reading),
    created: since,
    modified: since,
  });
}

/**
 * A body: one organisation (tenant) with the committees it publishes. It exists from its first
 * committee's publication, changes when one of its committees' directory entries does, and is
 * deleted while none of them publishes.
 */
function bodyObject(
  reading: OparlReading,
  bodyKey: string,
  entries: readonly PublishedCommitteeDocument[],
): Record<string, unknown> {
  const id = `${reading.base}/${bodyPath(bodyKey)}`;
  const created = entries.map((entry) => entry.created).sort()[0]!;
  const modified = entries
    .map((entry) => entry.modified)
    .sort()
    .at(-1)!;
  const published = entries
    .filter((entry) => entry.published)
    .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
  if (published.length === 0) return { id, type: OPARL_TYPES.body, created, modified, deleted: true };
  const list = (name: BodyList) => `${reading.base}/${bodyListPath(bodyKey, name)}`;
  return {
    id,
    type: OPARL_TYPES.body,
    system: `${reading.base}/${systemPath()}`,
    name: reading.bodyName ?? reading.texts.bodyName(published),
    license: OPARL_LICENSE,
    oparlSince: created,
    ...contact(reading),
    organization: list('organization'),
    person: list('person'),
    meeting: list('meeting'),
    paper: list('paper'),
    legislativeTerm: [],
    agendaItem: list('agendaItem'),
    consultation: list('consultation'),
    file: list('file'),
    locationList: list('location'),
    legislativeTermList: list('legislativeTerm'),
    membership: list('membership'),
    created,
    modified,
  };
}

/** One page of a list, with the links that keep the client's filters. */
function page(url: string, query: ListQuery, data: readonly unknown[], nextAfter: string | undefined): OparlJson {
  return json({
    data,
    pagination: { elementsPerPage: query.limit, currentPage: query.page },
    links: listLinks(url, query, nextAfter),
  });
}

/** The system's bodies, paged like every list (there are few, so they are paged in memory). */
async function bodiesPage(
  reading: OparlReading,
  query: ListQuery,
  entries: Promise<PublishedCommitteeDocument[]>,
): Promise<OparlJson> {
  const byBody = new Map<string, PublishedCommitteeDocument[]>();
  for (const entry of await entries) byBody.set(entry.bodyKey, [...(byBody.get(entry.bodyKey) ?? []), entry]);
  const bodies = [...byBody]
    .map(([bodyKey, ofBody]) => {
      const body = bodyObject(reading, bodyKey, ofBody);
      const times = { created: String(body.created), modified: String(body.modified), deleted: body.deleted === true };
      return { body, times, order: listOrderOf(times.created, bodyPath(bodyKey)) };
    })
    .filter((body) => isListed(body.times, query) && (!query.after || body.order > query.after))
    .sort((a, b) => (a.order < b.order ? -1 : 1));
  const shown = bodies.slice(0, query.limit);
  const nextAfter = bodies.length > query.limit ? shown.at(-1)!.order : undefined;
  return page(
    `${reading.base}/${bodiesPath()}`,
    query,
    shown.map((body) => body.body),
    nextAfter,
  );
}

async function bodyListPage(
  store: DocumentStore,
  reading: OparlReading,
  bodyKey: string,
  list: BodyList,
  query: ListQuery,
): Promise<OparlAnswer> {
  const entries = await directory(store, bodyKey);
  if (entries.length === 0) return NOT_FOUND;
  const url = `${reading.base}/${bodyListPath(bodyKey, list)}`;
  const kind = kindOfBodyList(list);
  if (!kind) return page(url, query, [], undefined);
  // A committee that no longer publishes has only deletions, listed only to who asks what changed.
  const committees = entries
    .filter((entry) => entry.published || query.modifiedSince)
    .map((entry) => entry.publishedCommitteeId);
  return objectsPage(store, reading, url, committees, kind, query);
}

async function committeeMeetingsPage(
  store: DocumentStore,
  reading: OparlReading,
  committeeId: string,
  query: ListQuery,
): Promise<OparlAnswer> {
  const entry = await store.get<PublishedCommitteeDocument>(OPARL_DIRECTORY, committeeId);
  if (entry?.type !== PUBLISHED_COMMITTEE_TYPE) return NOT_FOUND;
  const url = `${reading.base}/${committeeMeetingsPath(committeeId)}`;
  return objectsPage(store, reading, url, [committeeId], 'meeting', query);
}

/**
 * One page of the committees' objects of a kind: a query in each committee's partition for the
 * first `limit + 1` entries after the page before (in list order, the filters applied by the
 * store), merged; the one beyond the page says that there is a next one.
 */
async function objectsPage(
  store: DocumentStore,
  reading: OparlReading,
  url: string,
  committeeIds: readonly string[],
  kind: OparlKind,
  query: ListQuery,
): Promise<OparlJson> {
  const where: QueryCondition[] = [
    { field: 'kind', op: '=', value: kind },
    query.modifiedSince
      ? { field: 'modified', op: '>=', value: query.modifiedSince }
      : { field: 'deleted', op: '=', value: false },
    ...(query.modifiedUntil ? [{ field: 'modified', op: '<=', value: query.modifiedUntil } as const] : []),
    ...(query.createdSince ? [{ field: 'created', op: '>=', value: query.createdSince } as const] : []),
    ...(query.createdUntil ? [{ field: 'created', op: '<=', value: query.createdUntil } as const] : []),
    ...(query.after ? [{ field: 'order', op: '>', value: query.after } as const] : []),
  ];
  const found = (
    await Promise.all(
      committeeIds.map((committeeId) =>
        store.query<PublishedObjectDocument>(committeeId, {
          type: PUBLISHED_OBJECT_TYPE,
          where,
          orderBy: { field: 'order' },
          limit: query.limit + 1,
        }),
      ),
    )
  )
    .flat()
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const shown = found.slice(0, query.limit);
  const nextAfter = found.length > query.limit ? shown.at(-1)!.order : undefined;
  const data = shown.map((entry) => (entry.deleted || !entry.object ? deleted(reading, entry) : entry.object));
  return page(url, query, data, nextAfter);
}
