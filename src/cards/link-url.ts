/**
 * The address of a secret link the bot serves (a calendar file, minutes as PDF, a data export):
 * Teams bot messages cannot carry files, so cards link to the bot itself. Empty, and so left out
 * of the card, without a public origin or without a link issued for the reader.
 */
export function linkUrl(publicBaseUrl: string | undefined, path: string | undefined): string {
  return publicBaseUrl && path ? `${publicBaseUrl.replace(/\/+$/, '')}${path}` : '';
}

/**
 * The secret of a link address (its last segment without the file's extension), or undefined
 * for an empty address. A card carries it back in its buttons' data, so the card shown again can
 * keep the link it shows (see `heldLink`); the bot checks it against the stored link, never trusts it.
 */
export function linkTokenOf(url: string): string | undefined {
  const last = url.split('/').pop() ?? '';
  const token = decodeURIComponent(last.replace(/\.[a-z]+$/, ''));
  return token === '' ? undefined : token;
}
