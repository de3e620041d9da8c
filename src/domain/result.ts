/**
 * Outcomes people can cause (a missing field, a command they may not use, an outdated card) are
 * values, not exceptions: the bot renders them as a friendly card. Exceptions stay for bugs and
 * outages.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
