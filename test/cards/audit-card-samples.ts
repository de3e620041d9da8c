import type { AuditEntry, AuditTrailView } from '../../src/app/audit/audit-trail';
import { AUDIT_PAGE_SIZE } from '../../src/app/audit/audit-trail';
import { AUDIT_VALUE_MAX_CHARS } from '../../src/app/audit/audit-record';
import { renderAuditCard } from '../../src/cards/audit-card';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import type { Translator } from '../../src/i18n/translator';

/** Fields the card has no label for: counted, never named. */
const LONG_UNLABELLED = Array.from({ length: 13 }, (_, field) => `field${field}WithALongName`);

/** A record with the most changed fields, each with the longest values the trail keeps. */
function largestEntry(index: number): AuditEntry {
  const long = `${'Ä*['.repeat(AUDIT_VALUE_MAX_CHARS / 3)}…`;
  return {
    at: `2027-02-11T1${index % 10}:00:00.000Z`,
    actorName: 'Katrin Albers-Koordinierungsgremium '.repeat(4),
    source: 'bot',
    operation: 'changed',
    documentType: 'minutes',
    documentId: `minutes-session-2027-1-${'x'.repeat(60)}`,
    changes: ['text', 'place', 'chair', 'institution', 'mandate', 'members', 'comment', ...LONG_UNLABELLED].map(
      (field) => ({ field, before: long, after: { omitted: 'array', entries: 99 } }),
    ),
  };
}

/** The audit card: an empty page, and a full middle page of the largest records with both paging buttons. */
export function auditCardSamples(i18n: Translator): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const base: Omit<AuditTrailView, 'entries' | 'page' | 'hasMore'> = {
    timeZone: 'Europe/Berlin',
    subject: { kind: 'session', number: '2027/1', sessionId: 'session-2027-1' },
    query: '2027/1',
    names: { 'aaaaaaaa-0000-0000-0000-000000000001': 'Katrin Albers' },
    sessions: { 'session-2027-1': '2027/1' },
    seats: { 'seat-ihk': 'IHK zu Leipzig' },
  };
  const scheduler: AuditEntry = {
    at: '2027-01-29T10:00:00.000Z',
    source: 'scheduler',
    reason: 'invite',
    operation: 'changed',
    documentType: 'session',
    documentId: 'session-2027-1',
    changes: [{ field: 'state', before: 'planned', after: 'invited' }],
  };
  return [
    {
      template: 'audit',
      name: `audit without records (${i18n.locale})`,
      card: renderAuditCard({ ...base, page: 1, hasMore: false, entries: [] }, i18n),
    },
    {
      template: 'audit',
      name: `audit, a full page of the largest records (${i18n.locale})`,
      card: renderAuditCard(
        {
          ...base,
          subject: { kind: 'person', name: 'Sabine Hoffmann '.repeat(8), aadObjectId: 'x' },
          query: 'x'.repeat(200),
          page: 2,
          hasMore: true,
          entries: [scheduler, ...Array.from({ length: AUDIT_PAGE_SIZE - 1 }, (_, index) => largestEntry(index))],
        },
        i18n,
      ),
    },
  ];
}
