/**
 * The address of a session's minutes as PDF (served by the bot itself, since Teams bot messages
 * cannot carry files without the file-consent flow). The token decides full minutes or extract.
 */
export function minutesPdfUrl(publicBaseUrl: string, committeeId: string, sessionId: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/api/minutes/${encodeURIComponent(committeeId)}/${encodeURIComponent(sessionId)}/${encodeURIComponent(token)}.pdf`;
}
