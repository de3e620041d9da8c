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

/**
 * Whether a link is a Teams meeting's join link (`https://teams.microsoft.com/l/meetup-join/…`),
 * such as the one an Outlook event with a Teams meeting brings: some 200 characters of encoded
 * address that tell a reader nothing, so cards name it instead of printing it.
 */
export function isTeamsMeetingLink(value: string): boolean {
  try {
    const url = new URL(value);
    const teamsHost = url.hostname === 'teams.microsoft.com' || url.hostname.endsWith('.teams.microsoft.com');
    return url.protocol === 'https:' && teamsHost && url.pathname.startsWith('/l/meetup-join/');
  } catch {
    return false;
  }
}
