import type { StatusReport } from '../../domain/reports/status-report';

/**
 * A status report ready to lay out as PDF or to write as CSV. Marked with its kind, so the PDF
 * renderers, which lay out minutes too, tell the two apart.
 */
export interface StatusReportPrint {
  readonly kind: 'statusReport';
  readonly report: StatusReport;
}

/** Whether a print handed to a PDF renderer is a status report (anything else is minutes). */
export function isStatusReportPrint(print: object): print is StatusReportPrint {
  return 'kind' in print && (print as { readonly kind?: unknown }).kind === 'statusReport';
}
