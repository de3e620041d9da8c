import { isSafeIdPart } from '../ids';

/**
 * The OParl interface's addresses. Every object's id is its own URL below the bot's public
 * address, `<publicBaseUrl>/oparl/v1/<path>`, and every path that names something of a
 * committee carries the committee's id as its second part, so one organisation (tenant) can run
 * any number of committees and an object never has to be looked for outside its committee's
 * partition:
 *
 * - `system`: the entry point; `bodies`: the list of bodies;
 * - `body/<tenant>`: one body per organisation, named by its (lower-case) tenant id; its lists
 *   are `body/<tenant>/<list>` (see `BODY_LISTS`);
 * - `organization/<committee>`: the committee; `organization/<committee>/meeting` its sessions;
 *   `organization/<committee>/group/<group>`: a temporary working group;
 *   `organization/<committee>/institution/<seat>`: the institution holding a seat;
 * - `membership/<committee>/<seat>/member|deputy`: a seat's place for its member or its deputy;
 * - `meeting/<committee>/<session>`, `agendaitem/<committee>/<session>/<item>`,
 *   `location/<committee>/<session>`;
 * - `file/<committee>/<session>/invitation|results`, the file's bytes at `…/access` (shown in
 *   the browser) and `…/download` (saved).
 *
 * Every part is a stored id of the safe characters (`isSafeIdPart`), so paths need no escaping
 * and the same object always has the same address.
 */
export const OPARL_PATH_PREFIX = '/oparl/v1';

/** The kinds of object kept per committee; each is one external list of the body. */
export const OPARL_KINDS = ['organization', 'membership', 'meeting', 'agendaItem', 'file', 'location'] as const;
export type OparlKind = (typeof OPARL_KINDS)[number];

/** The body's external lists, by the name of their last path part. */
export const BODY_LISTS = [
  'organization',
  'person',
  'meeting',
  'paper',
  'agendaItem',
  'consultation',
  'file',
  'location',
  'legislativeTerm',
  'membership',
] as const;
export type BodyList = (typeof BODY_LISTS)[number];

/** What a body list holds: one kind of the committees' objects, or nothing this interface publishes. */
export function kindOfBodyList(list: BodyList): OparlKind | undefined {
  return (OPARL_KINDS as readonly string[]).includes(list) ? (list as OparlKind) : undefined;
}

/** The two files a session can have. */
export type SessionFile = 'invitation' | 'results';
/** The two places of a seat. */
export type SeatRole = 'member' | 'deputy';

export const systemPath = (): string => 'system';
export const bodiesPath = (): string => 'bodies';
export const bodyPath = (bodyKey: string): string => `body/${bodyKey}`;
export const bodyListPath = (bodyKey: string, list: BodyList): string => `body/${bodyKey}/${list}`;
export const committeePath = (committeeId: string): string => `organization/${committeeId}`;
export const committeeMeetingsPath = (committeeId: string): string => `organization/${committeeId}/meeting`;
export const workingGroupPath = (committeeId: string, groupId: string): string =>
  `organization/${committeeId}/group/${groupId}`;
export const institutionPath = (committeeId: string, seatId: string): string =>
  `organization/${committeeId}/institution/${seatId}`;
export const membershipPath = (committeeId: string, seatId: string, role: SeatRole): string =>
  `membership/${committeeId}/${seatId}/${role}`;
export const meetingPath = (committeeId: string, sessionId: string): string => `meeting/${committeeId}/${sessionId}`;
export const agendaItemPath = (committeeId: string, sessionId: string, itemId: string): string =>
  `agendaitem/${committeeId}/${sessionId}/${itemId}`;
export const locationPath = (committeeId: string, sessionId: string): string => `location/${committeeId}/${sessionId}`;
export const filePath = (committeeId: string, sessionId: string, file: SessionFile): string =>
  `file/${committeeId}/${sessionId}/${file}`;

/** How a file's bytes are asked for: to be shown (`access`) or saved (`download`). */
export type FileDelivery = 'access' | 'download';

/** The body of an organisation: its tenant id as it appears in addresses, or undefined if it cannot be one. */
export function bodyKeyOf(tenantId: string): string | undefined {
  const key = tenantId.toLowerCase();
  return isSafeIdPart(key) ? key : undefined;
}

/** What an address below the prefix names. */
export type OparlAddress =
  | { readonly kind: 'system' }
  | { readonly kind: 'bodies' }
  | { readonly kind: 'body'; readonly bodyKey: string }
  | { readonly kind: 'bodyList'; readonly bodyKey: string; readonly list: BodyList }
  | { readonly kind: 'committeeMeetings'; readonly committeeId: string }
  | { readonly kind: 'object'; readonly committeeId: string; readonly path: string }
  | {
      readonly kind: 'fileContent';
      readonly committeeId: string;
      readonly path: string;
      readonly delivery: FileDelivery;
    };

/**
 * What a path below `/oparl/v1/` names (without leading slash, not URL-decoded: the safe
 * characters need none), or undefined for any path that cannot be one of the interface's.
 */
export function parseOparlPath(path: string): OparlAddress | undefined {
  const parts = path.split('/');
  if (!parts.every(isSafeIdPart)) return undefined;
  const [collection, first, ...rest] = parts;
  if (collection === 'system' && parts.length === 1) return { kind: 'system' };
  if (collection === 'bodies' && parts.length === 1) return { kind: 'bodies' };
  if (!first) return undefined;
  if (collection === 'body') {
    if (rest.length === 0) return { kind: 'body', bodyKey: first };
    const list = rest[0] as BodyList;
    return rest.length === 1 && BODY_LISTS.includes(list) ? { kind: 'bodyList', bodyKey: first, list } : undefined;
  }
  const object = (): OparlAddress => ({ kind: 'object', committeeId: first, path });
  switch (collection) {
    case 'organization':
      if (rest.length === 0) return object();
      if (rest.length === 1 && rest[0] === 'meeting') return { kind: 'committeeMeetings', committeeId: first };
      return rest.length === 2 && (rest[0] === 'group' || rest[0] === 'institution') ? object() : undefined;
    case 'membership':
      return rest.length === 2 && (rest[1] === 'member' || rest[1] === 'deputy') ? object() : undefined;
    case 'meeting':
    case 'location':
      return rest.length === 1 ? object() : undefined;
    case 'agendaitem':
      return rest.length === 2 ? object() : undefined;
    case 'file': {
      if (rest.length < 2 || (rest[1] !== 'invitation' && rest[1] !== 'results')) return undefined;
      if (rest.length === 2) return object();
      const delivery = rest[2];
      if (rest.length !== 3 || (delivery !== 'access' && delivery !== 'download')) return undefined;
      return { kind: 'fileContent', committeeId: first, path: parts.slice(0, 4).join('/'), delivery };
    }
    default:
      return undefined;
  }
}

/**
 * The id under which an object of a committee is kept in the committee's partition: its path
 * without the committee (the partition says that), joined by `~`, which no part contains.
 */
export function publishedObjectId(path: string): string {
  const [collection, , ...rest] = path.split('/');
  return ['oparl', collection, ...rest].join('~');
}
