import type { LinkTarget } from './link-document';

/**
 * Where the bot serves what a link leads to, from its public origin:
 * `/api/calendar/<committee>/<session>/<token>.ics`, `/api/minutes/<committee>/<session>/<token>.pdf`
 * (full minutes and extract alike; the link says which), `/api/export/<committee>/<token>.json`, and
 * the status report `/api/report/<committee>/<token>.pdf` and `/api/report-csv/<committee>/<token>.csv`
 * (the link says which year).
 * The token is the last part, so the request log can leave it out (see the server's request log).
 */
export function linkPath(committeeId: string, target: LinkTarget, token: string): string {
  const part = encodeURIComponent;
  switch (target.kind) {
    case 'calendar':
      return `/api/calendar/${part(committeeId)}/${part(target.sessionId)}/${part(token)}.ics`;
    case 'minutes':
    case 'extract':
      return `/api/minutes/${part(committeeId)}/${part(target.sessionId)}/${part(token)}.pdf`;
    case 'export':
      return `/api/export/${part(committeeId)}/${part(token)}.json`;
    case 'report':
      return `/api/report/${part(committeeId)}/${part(token)}.pdf`;
    case 'reportCsv':
      return `/api/report-csv/${part(committeeId)}/${part(token)}.csv`;
  }
}
