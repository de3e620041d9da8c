/**
 * The fixed lifetimes of records that serve the machinery rather than the committee's record,
 * and the field with which Cosmos DB removes such a record by itself. The committee's own records
 * (sessions, minutes, the audit trail) follow the committee's retention period instead (see
 * `retentionMonthsOf`); every rule is listed in `RETENTION_RULES`.
 */

/**
 * Days a sent or failed message (outbox record) and an expanded dispatch are kept: long enough
 * for the secretariat to read the delivery report (`zustellung`) and send failed messages again,
 * short enough that the rendered texts, names and links they carry do not pile up.
 */
export const DELIVERY_RECORD_DAYS = 30;

/** Days a finished deadline job (done, failed or cancelled) is kept, for an operator looking into a failure. */
export const FINISHED_JOB_DAYS = 30;

/**
 * Days a 1:1 conversation reference is kept after its last change once its person is no longer an
 * active member of the roster (or after they left the team, whichever is later). The person
 * writing to the bot again brings it back at once.
 */
export const UNUSED_CONVERSATION_DAYS = 30;

/**
 * Days a person's language choice is kept after it was last made once the person is no longer an
 * active member of the roster (or after they left the team, whichever is later): longer than a
 * conversation reference, which the next message brings back by itself, because a choice lost is
 * one the person must make again; short enough that the choice of someone who never returns goes.
 */
export const UNUSED_LANGUAGE_CHOICE_DAYS = 365;

/**
 * Days a reference of a channel or group chat is kept after its last change where no committee
 * has been set up: long enough to set one up after installing the bot, which lists them.
 */
export const IDLE_CONVERSATION_DAYS = 90;

/** Days after leaving the committee's team that a person's Teams contact (to open a 1:1 chat) is kept. */
export const CONTACT_AFTER_LEAVING_DAYS = 30;

/**
 * Cosmos DB's per-document time to live, in seconds from the document's last write. It takes
 * effect only where the container allows it (`defaultTtl: -1`); the embedded store ignores it,
 * and so does cosmosdb-server, so the daily retention run removes the same documents in any case.
 */
export const TTL_FIELD = 'ttl';

const DAY_SECONDS = 24 * 60 * 60;

/** The document set to be removed by Cosmos DB `days` after this write. */
export function expiringAfterDays<T extends object>(document: T, days: number): T & { readonly ttl: number } {
  return { ...document, [TTL_FIELD]: Math.round(days * DAY_SECONDS) };
}

/** The document without a time to live: it lives again, e.g. a failed message sent anew. */
export function withoutExpiry<T extends object>(document: T): T {
  if (!(TTL_FIELD in document)) return document;
  const { [TTL_FIELD]: _ttl, ...rest } = document as T & { readonly ttl?: number };
  return rest as T;
}
