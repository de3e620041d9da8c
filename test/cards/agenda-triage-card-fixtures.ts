import { fullestAgreementReport, sampleAgreementReport } from './action-card-fixtures';
import type { AgendaView } from '../../src/app/agenda/build-agenda';
import type { AgendaMessage } from '../../src/app/agenda/publish-agenda';
import type { TopicLine, TopicOverview } from '../../src/app/agenda/topic-overview';
import { TOPICS_PAGE_SIZE } from '../../src/app/agenda/topic-overview';
import type { DecisionFormView } from '../../src/app/agenda/triage-topics';
import { AGENDA_LIMITS, totalMinutes, type AgendaItem } from '../../src/domain/agenda/agenda-items';
import { SUBMISSION_LIMITS } from '../../src/domain/agenda/submission';
import { REASON_MAX } from '../../src/domain/agenda/triage-decision';
import { fullestAgenda, longestItem } from './agenda-card-fixtures';

/** Text of exactly `length` characters, repeating a realistic sentence (with the punctuation that gets escaped). */
export function textOf(sentence: string, length: number): string {
  return sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);
}

const LONGEST = {
  title: textOf('Anerkennung ausländischer Abschlüsse (Pflege, Handwerk) – ', SUBMISSION_LIMITS.title),
  description: textOf(
    'Die Anerkennung ausländischer Berufsabschlüsse dauert in Leipzig oft länger als sechs Monate (Stand: 2026); wir schlagen vor, Beratung und Verfahren bei einer Stelle zu bündeln. ',
    SUBMISSION_LIMITS.description,
  ),
  institution: textOf('Agentur für Arbeit Leipzig – Geschäftsführung Operativ, ', SUBMISSION_LIMITS.institution),
  link: `https://www.example.org/dokumente/${textOf('integration_und_arbeit/anerkennung-2027/', SUBMISSION_LIMITS.link)}`.slice(
    0,
    SUBMISSION_LIMITS.link,
  ),
  reason: textOf(
    'Das Thema wird bereits in der Arbeitsgruppe „Anerkennung“ behandelt (Bericht folgt im Juni). ',
    REASON_MAX,
  ),
};

/** A 40-hex-digit submission id, as `submissionDocumentId` makes them. */
function submissionId(index: number): string {
  return `topic-${index.toString(16).padStart(40, '0')}`;
}

/** An item id as the builder makes for the secretariat's own items: the longest there are. */
function ownItemId(index: number): string {
  return `item-${index.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

/** A submission waiting for a decision. */
export function sampleTopicLine(overrides: Partial<TopicLine> = {}): TopicLine {
  return {
    id: submissionId(1),
    revision: 1,
    content: {
      kind: 'topic',
      title: 'Sprachkurse für Auszubildende',
      description: 'Viele Auszubildende brauchen berufsbegleitende Sprachkurse.',
      institution: 'Jobcenter Leipzig',
      link: 'https://example.org/sprachkurse',
      desiredMinutes: 30,
    },
    personName: 'Sabine Hoffmann',
    status: 'submitted',
    late: false,
    submittedAt: '2027-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/** A typical triage list: undecided ones (one late, one deferred) first, then one of each decision. */
export function sampleTopicOverview(overrides: Partial<TopicOverview> = {}): TopicOverview {
  const decided = (type: 'accept' | 'merge' | 'decline', reason?: string) => ({
    type,
    by: 'secretariat',
    at: '2027-01-20T10:00:00.000Z',
    ...(reason ? { reason } : {}),
  });
  const lines: TopicLine[] = [
    sampleTopicLine(),
    sampleTopicLine({
      id: submissionId(2),
      content: { kind: 'practice', title: 'Erfahrungen mit Jobbörsen', description: '' },
      personName: 'Thomas Richter',
      late: true,
    }),
    sampleTopicLine({
      id: submissionId(3),
      content: {
        kind: 'need',
        title: 'Kinderbetreuung während der Kurse',
        description: 'Ohne Betreuung können Eltern nicht teilnehmen.',
      },
      deferredFrom: '2026/4',
    }),
    sampleTopicLine({ id: submissionId(4), status: 'accepted', decision: decided('accept') }),
    sampleTopicLine({ id: submissionId(5), status: 'merged', decision: decided('merge') }),
    sampleTopicLine({
      id: submissionId(6),
      status: 'declined',
      decision: decided('decline', 'Bereits in der Arbeitsgruppe behandelt.'),
    }),
  ];
  return {
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    deadline: '2027-01-14T11:00:00.000Z',
    lines,
    undecided: 3,
    total: lines.length,
    page: 1,
    pageCount: 1,
    ...overrides,
  };
}

/**
 * A full page of the longest submissions: every text at its limit, declined with the longest
 * reason (`declined`), or waiting for a decision, late and deferred, each with a button.
 */
export function largestTopicOverview(status: 'declined' | 'submitted'): TopicOverview {
  const lines = Array.from({ length: TOPICS_PAGE_SIZE }, (_, index): TopicLine => ({
    id: submissionId(100 + index),
    revision: 3,
    content: {
      kind: 'need',
      title: LONGEST.title,
      description: LONGEST.description,
      institution: LONGEST.institution,
      link: LONGEST.link,
      desiredMinutes: SUBMISSION_LIMITS.minutes.max,
    },
    personName: 'Dr. Erika Mustermann-Beispielname von Hohenstein-Ernstthal',
    status,
    ...(status === 'declined'
      ? {
          decision: {
            type: 'decline' as const,
            by: 'secretariat',
            at: '2027-01-20T10:00:00.000Z',
            reason: LONGEST.reason,
          },
        }
      : { deferredFrom: '2026/12' }),
    late: status === 'submitted',
    submittedAt: '2027-01-05T10:00:00.000Z',
  }));
  return {
    ...sampleTopicOverview(),
    lines,
    undecided: status === 'submitted' ? 150 : 0,
    total: 150,
    page: 2,
    pageCount: 15,
  };
}

/** The decision form of the typical submission, with two items to merge into and a following session. */
export function sampleDecisionForm(overrides: Partial<DecisionFormView> = {}): DecisionFormView {
  return {
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    submission: sampleTopicLine(),
    mergeTargets: [
      { id: ownItemId(1), title: 'Sprachförderung in der Ausbildung' },
      { id: 'report-ag-anerkennung', title: 'AG Anerkennung' },
    ],
    followingSessionNumber: '2027/2',
    ...overrides,
  };
}

/** The largest decision form: the longest submission and 29 items of 200 characters to merge into. */
export function largestDecisionForm(): DecisionFormView {
  return sampleDecisionForm({
    submission: { ...largestTopicOverview('submitted').lines[0]! },
    mergeTargets: Array.from({ length: AGENDA_LIMITS.items - 1 }, (_, index) => ({
      id: ownItemId(index),
      title: textOf(`Punkt ${index}: Anerkennung (Pflege) – `, AGENDA_LIMITS.title),
    })),
  });
}

const standard = (name: 'opening' | 'agreements' | 'other', minutes: number): AgendaItem => ({
  id: name,
  title: '',
  kind: name === 'opening' ? 'decision' : 'information',
  minutes,
  origin: { type: 'standard', standard: name },
  submissionIds: [],
});

/** A typical agenda under construction: standard items, three topics and a report, 2 h 35 min of 3 h. */
export function sampleAgendaView(overrides: Partial<AgendaView> = {}): AgendaView {
  const items: AgendaItem[] = [
    standard('opening', 10),
    standard('agreements', 15),
    {
      id: ownItemId(1),
      title: 'Sprachkurse für Auszubildende',
      kind: 'discussion',
      presenter: 'Sabine Hoffmann (Jobcenter)',
      minutes: 30,
      origin: { type: 'topic' },
      submissionIds: [submissionId(1)],
    },
    {
      id: ownItemId(2),
      title: 'Erfahrungen mit Jobbörsen',
      kind: 'information',
      minutes: 20,
      origin: { type: 'topic' },
      submissionIds: [submissionId(2)],
    },
    {
      id: ownItemId(3),
      title: 'Kinderbetreuung während der Kurse',
      kind: 'decision',
      presenter: 'Thomas Richter',
      minutes: 45,
      origin: { type: 'topic' },
      submissionIds: [],
    },
    {
      id: 'report-ag-anerkennung',
      title: 'AG Anerkennung',
      kind: 'information',
      minutes: 15,
      origin: { type: 'report', groupId: 'ag-anerkennung' },
      submissionIds: [],
    },
    standard('other', 20),
  ];
  return {
    timeZone: 'Europe/Berlin',
    sessionId: 'session-2027-1',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    revision: 7,
    items,
    totalMinutes: totalMinutes(items),
    sessionMinutes: 180,
    editable: true,
    published: { version: 2, at: '2027-01-28T08:00:00.000Z' },
    unpublished: true,
    dueAt: '2027-01-28T07:00:00.000Z',
    agreements: sampleAgreementReport(),
    ...overrides,
  };
}

/** An agenda with `count` items (standard ones around the longest topics), with the longest ids and texts. */
export function longestAgendaView(count: number): AgendaView {
  const topics = Array.from({ length: count - 3 }, (_, index): AgendaItem => ({
    ...longestItem(index + 1),
    id: ownItemId(index),
  }));
  const items = [standard('opening', 10), standard('agreements', 15), ...topics, standard('other', 5)];
  return sampleAgendaView({
    items,
    totalMinutes: totalMinutes(items),
    revision: 123_456,
    agreements: fullestAgreementReport(),
  });
}

/** The agenda message of the typical agenda as first published. */
export function sampleAgendaMessage(overrides: Partial<AgendaMessage> = {}): AgendaMessage {
  return {
    committeeName: 'Koordinierungsgremium „Integration von Migrant/-innen in Ausbildung und Arbeit“',
    timeZone: 'Europe/Berlin',
    sessionNumber: '2027/1',
    startsAt: '2027-02-11T13:00:00.000Z',
    endsAt: '2027-02-11T16:00:00.000Z',
    place: 'Neues Rathaus, Raum 259',
    onlineLink: 'https://teams.microsoft.com/l/meetup-join/abc',
    agenda: { version: 1, publishedAt: '2027-01-28T08:00:00.000Z', items: sampleAgendaView().items, removed: [] },
    agreements: sampleAgreementReport(),
    ...overrides,
  };
}

/** The largest agenda message: the fullest agenda, the longest place and link. */
export function largestAgendaMessage(): AgendaMessage {
  return sampleAgendaMessage({
    committeeName: 'K'.repeat(200),
    place: 'P'.repeat(200),
    onlineLink: `https://example.org/${'l'.repeat(480)}`,
    agenda: fullestAgenda(),
    agreements: fullestAgreementReport(),
  });
}
