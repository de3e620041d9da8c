import { openStatusReport, statusReportLinks, type StatusReportRefusal } from '../app/reports/status-report';
import type { AdaptiveCardJson } from '../cards/card-template';
import { renderStatusReportCard } from '../cards/status-report-card';
import type { Translator } from '../i18n/translator';
import { notice } from './notices';
import type { RouteTurn } from './route-turn';
import { turnLinks } from './turn-links';

/**
 * `bericht 2027` / `report 2027`: the status report card, with the reader's own links to the
 * report as PDF and its figures as CSV (issued to the person asking, like the minutes links).
 */
async function statusReport(turn: RouteTurn): Promise<AdaptiveCardJson> {
  const { deps, actor, i18n } = turn;
  const result = await openStatusReport(deps, actor, turn.argument ?? '');
  if (!result.ok) return refusal(result.error, i18n);
  const links = await turnLinks(deps, actor, turn.publicBaseUrl, statusReportLinks(result.value.year));
  return renderStatusReportCard(result.value, { pdfUrl: links('pdf'), csvUrl: links('csv') }, i18n);
}

/** The secretariat's status report of a year. */
export const reportRoutes = { statusReport };

function refusal(error: StatusReportRefusal, i18n: Translator): AdaptiveCardJson {
  switch (error.kind) {
    case 'notAllowed':
      return notice(i18n, 'attention', 'notices.notAllowedTitle', 'statusReport.errors.notAllowed');
    case 'noCommittee':
      return notice(i18n, 'attention', 'statusReport.errors.title', 'statusReport.errors.noCommittee');
    case 'invalidYear':
      return notice(i18n, 'attention', 'statusReport.errors.title', 'statusReport.errors.invalidYear');
    case 'noSessions':
      return notice(i18n, 'default', 'statusReport.errors.title', 'statusReport.errors.noSessions', {
        year: error.year,
      });
  }
}
