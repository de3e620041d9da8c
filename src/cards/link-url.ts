/**
 * The address of a secret link the bot serves (a calendar file, minutes as PDF, a data export):
 * Teams bot messages cannot carry files, so cards link to the bot itself. Empty, and so left out
 * of the card, without a public origin or without a link issued for the reader.
 */
export function linkUrl(publicBaseUrl: string | undefined, path: string | undefined): string {
  return publicBaseUrl && path ? `${publicBaseUrl.replace(/\/+$/, '')}${path}` : '';
}
