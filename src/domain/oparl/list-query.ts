import { toUtcIso } from '../clock';
import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result';

/**
 * The parameters of an OParl object list: the filters the specification defines for every
 * external list (`created_since`, `created_until`, `modified_since`, `modified_until`, `limit`),
 * and where a page starts. Lists are sorted by when an object first appeared and then by its
 * address (the `order` key), which never changes for an object, so a page boundary stays where
 * it was while objects change or new ones arrive behind it.
 */
export const FILTER_PARAMETERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
export type FilterParameter = (typeof FILTER_PARAMETERS)[number];

/** Objects per page unless the client asks for fewer (or more, up to the maximum). */
export const LIST_LIMITS = { default: 25, max: 100 } as const;

export interface ListQuery {
  /** UTC instants as the store keeps times (`yyyy-MM-ddTHH:mm:ss.SSSZ`), each bound inclusive. */
  readonly createdSince?: string;
  readonly createdUntil?: string;
  readonly modifiedSince?: string;
  readonly modifiedUntil?: string;
  readonly limit: number;
  /** The order key of the last object of the page before, and this page's number (from 1). */
  readonly after?: string;
  readonly page: number;
  /** The filters and limit as the client wrote them, for the links of every page. */
  readonly kept: ReadonlyArray<readonly [string, string]>;
}

/** A parameter the list cannot use; the answer names it. */
export interface ListQueryProblem {
  readonly parameter: string;
}

/** Reads a list's query parameters; a filter that is no date-time or a limit out of range is refused. */
export function parseListQuery(parameters: URLSearchParams): Result<ListQuery, ListQueryProblem> {
  const kept: Array<[string, string]> = [];
  const times: Partial<Record<FilterParameter, string>> = {};
  for (const parameter of FILTER_PARAMETERS) {
    const value = parameters.get(parameter);
    if (value === null) continue;
    const instant = parseInstant(value);
    if (!instant) return fail({ parameter });
    times[parameter] = instant;
    kept.push([parameter, value]);
  }
  let limit: number = LIST_LIMITS.default;
  const limitText = parameters.get('limit');
  if (limitText !== null) {
    limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= LIST_LIMITS.max)) return fail({ parameter: 'limit' });
    kept.push(['limit', limitText]);
  }
  const after = parameters.get('after') ?? undefined;
  const pageText = parameters.get('page');
  const page = pageText !== null && /^\d{1,9}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
  return ok({
    ...(times.created_since ? { createdSince: times.created_since } : {}),
    ...(times.created_until ? { createdUntil: times.created_until } : {}),
    ...(times.modified_since ? { modifiedSince: times.modified_since } : {}),
    ...(times.modified_until ? { modifiedUntil: times.modified_until } : {}),
    limit,
    ...(after ? { after } : {}),
    page,
    kept,
  });
}

/**
 * A date-time as OParl writes it (ISO 8601, `2027-02-11T14:00:00+01:00`), as the store's UTC
 * form. A `+` that a client left unescaped arrives as a space and is read as the `+` it was; a
 * value without an offset is UTC.
 */
function parseInstant(value: string): string | undefined {
  const text = value.trim().replace(/ (\d{2}(?::?\d{2})?)$/, '+$1');
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
  const instant = DateTime.fromISO(text, { zone: 'utc', setZone: true });
  return instant.isValid ? toUtcIso(instant) : undefined;
}

/** What a listed object carries that the filters look at. */
export interface ListedTimes {
  readonly created: string;
  readonly modified: string;
  readonly deleted: boolean;
}

/**
 * Whether the object belongs on the list: within the time filters, and not deleted, unless the
 * client asks what changed (`modified_since`): then deleted objects are listed too, so that it
 * learns of them (OParl 1.1, deleted objects).
 */
export function isListed(object: ListedTimes, query: ListQuery): boolean {
  if (object.deleted && !query.modifiedSince) return false;
  if (query.createdSince && object.created < query.createdSince) return false;
  if (query.createdUntil && object.created > query.createdUntil) return false;
  if (query.modifiedSince && object.modified < query.modifiedSince) return false;
  if (query.modifiedUntil && object.modified > query.modifiedUntil) return false;
  return true;
}

/** The key a list is sorted and paged by: when the object first appeared, then its address. */
export function listOrderOf(created: string, path: string): string {
  return `${created}~${path}`;
}

/** The links of one page: the first, this one, and the next unless this is the last. */
export interface ListLinks {
  readonly first: string;
  readonly self: string;
  readonly next?: string;
}

/**
 * The links of a page of the list at `url`, each keeping the client's filters and limit; `next`
 * continues after the page's last object.
 */
export function listLinks(url: string, query: ListQuery, nextAfter: string | undefined): ListLinks {
  const link = (extra: ReadonlyArray<readonly [string, string]>) => {
    const search = new URLSearchParams();
    for (const [name, value] of [...query.kept, ...extra]) search.append(name, value);
    const text = search.toString();
    return text ? `${url}?${text}` : url;
  };
  const here: Array<[string, string]> = query.after
    ? [
        ['after', query.after],
        ['page', String(query.page)],
      ]
    : [];
  return {
    first: link([]),
    self: link(here),
    ...(nextAfter !== undefined
      ? {
          next: link([
            ['after', nextAfter],
            ['page', String(query.page + 1)],
          ]),
        }
      : {}),
  };
}
