import {
  agendaAgreementReport,
  AGENDA_AGREEMENTS_SHOWN,
  type AgendaAgreement,
  type AgendaAgreementReport,
} from '../../src/app/agreements/agenda-report';
import type { ActionItemView } from '../../src/app/agreements/action-item-view';
import { ACTIONS_PER_PAGE, type ActionListView } from '../../src/app/agreements/list-action-items';
import { MINUTES_LIMITS } from '../../src/domain/minutes/minutes-content';

const longText = (prefix: string, length: number) =>
  `${prefix} ${'Sprachförderung & Ausbildung *betrieblich* '.repeat(40)}`.slice(0, length);

/** Two agreements under "status of agreements": one open, one done. */
export function sampleAgreementReport(): AgendaAgreementReport {
  return agendaAgreementReport([
    {
      agreementId: 'agreement-session-2026-3-a1',
      text: 'Zahlen zu Ausbildungsabbrüchen vorlegen',
      institution: 'IHK zu Leipzig',
      dueDate: '2027-01-31',
      status: 'inProgress',
      sessionNumber: '2026/3',
    },
    {
      agreementId: 'agreement-session-2026-3-a2',
      text: 'Sprachkursplätze melden',
      institution: 'Jobcenter Leipzig',
      dueDate: '2026-12-15',
      status: 'done',
      sessionNumber: '2026/3',
    },
  ]);
}

/** The most agreements an agenda lists, with the longest texts and institutions, and more than it shows. */
export function fullestAgreementReport(): AgendaAgreementReport {
  const agreements: AgendaAgreement[] = Array.from({ length: MINUTES_LIMITS.agreementsTotal }, (_, index) => ({
    agreementId: `agreement-session-2026-3-${String(index).padStart(36, '0')}`,
    text: longText(`Vereinbarung ${index}:`, MINUTES_LIMITS.agreementText),
    institution: longText('Institution', MINUTES_LIMITS.institution),
    dueDate: '2027-09-30',
    status: index % 4 === 0 ? 'done' : 'blocked',
    sessionNumber: '2026/3',
  }));
  const report = agendaAgreementReport(agreements);
  if (report.shown.length !== AGENDA_AGREEMENTS_SHOWN) throw new Error('expected a full report');
  return report;
}

/** An action item as its responsible person sees it, with a proposal and history. */
export function sampleActionItemView(overrides: Partial<ActionItemView> = {}): ActionItemView {
  return {
    agreementId: 'agreement-session-2027-1-a1',
    revision: 3,
    timeZone: 'Europe/Berlin',
    text: 'Zahlen zu Ausbildungsabbrüchen vorlegen',
    sessionNumber: '2027/1',
    itemTitle: 'Ausbildungsabbrüche',
    institution: 'IHK zu Leipzig',
    responsibleName: 'Yusuf Demir',
    dueDate: '2027-03-31',
    status: 'inProgress',
    overdue: false,
    proposal: { dueDate: '2027-04-30', byName: 'Yusuf Demir', note: 'Die Kammer liefert erst im April.' },
    history: [
      {
        at: '2027-02-20T09:00:00.000Z',
        byName: 'Yusuf Demir',
        kind: 'dueDateProposed',
        dueDate: '2027-04-30',
        note: 'Die Kammer liefert erst im April.',
      },
      { at: '2027-02-18T09:00:00.000Z', byName: 'Yusuf Demir', kind: 'status', status: 'inProgress' },
      {
        at: '2027-02-15T09:00:00.000Z',
        byName: 'Katrin Albers',
        kind: 'created',
        status: 'open',
        dueDate: '2027-03-31',
      },
    ],
    canChange: true,
    canDecide: false,
    ...overrides,
  };
}

/** The largest item card: the longest texts and notes everywhere, five history entries, the secretariat deciding. */
export function largestActionItemView(): ActionItemView {
  const note = longText('Notiz', MINUTES_LIMITS.comment);
  return sampleActionItemView({
    agreementId: `agreement-session-2027-1-${'a'.repeat(60)}`,
    revision: 123_456,
    text: longText('Vereinbarung', MINUTES_LIMITS.agreementText),
    sessionNumber: '2027/12',
    itemTitle: longText('Punkt', 200),
    institution: longText('Institution', MINUTES_LIMITS.institution),
    responsibleName: 'R'.repeat(200),
    overdue: true,
    status: 'blocked',
    proposal: { dueDate: '2027-04-30', byName: 'P'.repeat(200), note },
    history: Array.from({ length: 5 }, (_, index) => ({
      at: '2027-02-20T09:00:00.000Z',
      byName: 'N'.repeat(200),
      kind: 'dueDateDeclined' as const,
      dueDate: '2027-04-30',
      note: `${index} ${note}`.slice(0, MINUTES_LIMITS.comment),
    })),
    canChange: true,
    canDecide: true,
  });
}

/** A full page of the longest items, of all statuses, with many institutions to filter by. */
export function largestActionListView(): ActionListView {
  return {
    filter: { scope: 'all', institution: longText('Institution', MINUTES_LIMITS.institution), page: 2 },
    institutions: Array.from({ length: 80 }, (_, index) =>
      longText(`Institution ${index}`, MINUTES_LIMITS.institution),
    ),
    lines: Array.from({ length: ACTIONS_PER_PAGE }, (_, index) => ({
      agreementId: `agreement-session-2027-1-${String(index).padStart(60, '0')}`,
      text: longText(`Vereinbarung ${index}`, MINUTES_LIMITS.agreementText),
      sessionNumber: '2027/1',
      institution: longText('Institution', MINUTES_LIMITS.institution),
      responsibleName: 'R'.repeat(200),
      dueDate: '2027-03-31',
      status: (['open', 'inProgress', 'blocked', 'done'] as const)[index % 4]!,
      overdue: index % 2 === 0,
    })),
    total: 900,
    page: 2,
    pageCount: 60,
  };
}
