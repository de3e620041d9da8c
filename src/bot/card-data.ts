/**
 * Card data arrives as untrusted JSON: any shape, from any client. These read it without
 * trusting its shape; what a value means is then checked by the use case.
 */

/** The card's data as a record of fields, or an empty one for anything that is no object. */
export function cardFields(data: unknown): Readonly<Record<string, unknown>> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** One field of the card's data, undefined when the data is no object. */
export function cardField(data: unknown, name: string): unknown {
  return cardFields(data)[name];
}
