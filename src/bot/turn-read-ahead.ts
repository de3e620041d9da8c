import type { TurnContext } from 'botbuilder';
import { agendaDocumentId } from '../app/agenda/agenda-document';
import { personCommitteesDocumentId } from '../app/committees/person-committees';
import { linkDocumentId } from '../app/links/link-document';
import type { DocumentKey } from '../app/ports/document-store';
import { conversationKeyOf } from '../app/remember-conversation';
import { sessionIdsOfNumber } from '../app/sessions/find-session';
import {
  COMMITTEE_DOCUMENT_ID,
  isSafeIdPart,
  languagePreferenceDocumentId,
  personDocumentId,
  tenantDirectoryId,
  tenantOfPartition,
} from '../domain/ids';
import { parseSessionNumber } from '../domain/sessions/session-number';
import { fitsKind, readCardCommittee } from './card-payload';
import { parseCommand } from './command-parser';
import { sightingOf } from './conversation-address';
import { conversationScopeOf } from './conversation-scope';
import { identityOf } from './turn-identity';

/**
 * The documents a turn is known to read first, from the activity alone, for the turn's read-ahead
 * (see `readAheadStore`): fetched in one request, each answers the turn's first read of it.
 * - always the person's language choice and what is kept of the conversation (the personal
 *   chat, a channel, a group chat), read by every turn;
 * - in the personal chat, for a click on a card that names a committee of the person's tenant,
 *   that committee and the person's roster entry there, the session the card names and the
 *   calendar link it shows (see `heldLink`); for
 *   anything else, the person's index of committees, which tells the committee.
 * The person is the activity's, never the card's; the card only says where to look, and its
 * values are read only when they are valid ids (the turn checks them again as it always does).
 * A key nobody reads costs nothing but its share of the one request.
 */
export function readAheadKeys(context: TurnContext): DocumentKey[] {
  const identity = identityOf(context);
  if (!identity) return [];
  const directory = tenantDirectoryId(identity.tenantId);
  const keys: DocumentKey[] = [{ committeeId: directory, id: languagePreferenceDocumentId(identity.aadObjectId) }];
  const sighting = sightingOf(context);
  if (sighting) keys.push(conversationKeyOf(sighting));
  if (conversationScopeOf(context) !== 'personal') return keys.filter(isValidKey);
  const data = cardDataOf(context);
  const cardCommitteeId = data === undefined ? undefined : readCardCommittee(data);
  if (typeof cardCommitteeId === 'string' && tenantOfPartition(cardCommitteeId) === identity.tenantId.toLowerCase()) {
    keys.push(
      { committeeId: cardCommitteeId, id: COMMITTEE_DOCUMENT_ID },
      { committeeId: cardCommitteeId, id: personDocumentId(identity.aadObjectId) },
    );
    const { sessionId, calendarToken } = data as Record<string, unknown>;
    if (fitsKind('id', sessionId) && typeof sessionId === 'string' && sessionId.startsWith('session-'))
      keys.push({ committeeId: cardCommitteeId, id: sessionId });
    const calendarLinkId = typeof calendarToken === 'string' ? linkDocumentId(calendarToken) : undefined;
    if (calendarLinkId) keys.push({ committeeId: cardCommitteeId, id: calendarLinkId });
  } else {
    keys.push({ committeeId: directory, id: personCommitteesDocumentId(identity.aadObjectId) });
  }
  return keys.filter(isValidKey);
}

/**
 * The documents of the committee a typed command in the personal chat acts on that the command
 * is known to read, once the committee is known (see `ReadAheadOptions.readAlong`): for a command
 * that names a regular session by its number (`tagesordnung veröffentlichen 2027/1`), the ids that
 * session can be stored under and their agendas. They are read in the same request as the
 * committee and the person's roster entry. The argument only says where to look: the session is
 * still checked by its number, and the person's roles by their roster entry.
 */
export function readAlongKeys(context: TurnContext, committeeId: string): DocumentKey[] {
  const { activity } = context;
  if (activity.type !== 'message' || activity.value !== undefined) return [];
  if (!identityOf(context) || conversationScopeOf(context) !== 'personal') return [];
  const argument = parseCommand(activity.text)?.argument;
  const number = argument ? parseSessionNumber(argument) : undefined;
  if (!number) return [];
  const sessionIds = sessionIdsOfNumber(number);
  return [...sessionIds, ...sessionIds.map(agendaDocumentId)].map((id) => ({ committeeId, id })).filter(isValidKey);
}

/** The card data of a click: an Action.Execute's, or an Action.Submit's (a message with a value). */
function cardDataOf(context: TurnContext): object | undefined {
  const { activity } = context;
  const value: unknown = activity.value;
  if (typeof value !== 'object' || value === null) return undefined;
  if (activity.type === 'invoke') {
    if (activity.name !== 'adaptiveCard/action') return undefined;
    const data = (value as { action?: { data?: unknown } }).action?.data;
    return typeof data === 'object' && data !== null ? data : undefined;
  }
  return activity.type === 'message' ? value : undefined;
}

/** Only keys the store accepts, so one odd value cannot fail the whole read. */
function isValidKey(key: DocumentKey): boolean {
  return isSafeIdPart(key.committeeId) && isSafeIdPart(key.id);
}
