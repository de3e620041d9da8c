/**
 * Whether a link may be offered as a button: only http(s). Anything else (javascript:, file:,
 * data:) would run or open something unexpected for every reader of the card.
 */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
