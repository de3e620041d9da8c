import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as AC from 'adaptivecards';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderCommitteeCard } from '../../src/cards/committee-card';
import { DISPATCHES_PER_PAGE } from '../../src/app/delivery/delivery-report';
import { renderDeliveryCard } from '../../src/cards/delivery-card';
import { renderDeliveryFailuresCard } from '../../src/cards/delivery-failures-card';
import { NOTICE_FAILURES_MAX } from '../../src/app/delivery/finish-dispatch';
import { renderHelpCard } from '../../src/cards/help-card';
import { renderNoticeCard } from '../../src/cards/notice-card';
import { renderCommitteesCard } from '../../src/cards/committees-card';
import { withCommittee } from '../../src/cards/committee-context';
import { renderRosterCard } from '../../src/cards/roster-card';
import { renderRosterPersonCard } from '../../src/cards/roster-person-card';
import { renderRosterSeatCard } from '../../src/cards/roster-seat-card';
import { renderRosterWithoutTeamsCard } from '../../src/cards/roster-without-teams-card';
import { renderSetupCard } from '../../src/cards/setup-card';
import { VERBS } from '../../src/cards/verbs';
import { COMMANDS } from '../../src/domain/permissions';
import { LOCALES, translator } from '../../src/i18n/translator';
import { sampleCommittee, sampleLargeRosterView, sampleRosterView, sampleSetupView } from './card-fixtures';
import {
  SAMPLE_CALENDAR_URL,
  sampleAttendance,
  sampleInvitation,
  sampleOverview,
  sampleSession,
  sampleSessionsOverview,
} from './session-card-fixtures';
import { renderSessionsCard } from '../../src/cards/sessions-card';
import { renderSessionEditCard } from '../../src/cards/session-edit-card';
import { renderInvitationCard } from '../../src/cards/invitation-card';
import { renderRsvpsCard } from '../../src/cards/rsvps-card';
import { renderAttendanceCard } from '../../src/cards/attendance-card';
import { workingGroupCardSamples } from './working-group-card-fixtures';
import { topicCardSamples } from './topic-card-fixtures';
import { minutesCardSamples } from './minutes-card-fixtures';
import { renderConfirmCard } from '../../src/cards/confirm-card';
import { renderStepQuestionCard } from '../../src/cards/step-question-card';
import { renderMyDataCard } from '../../src/cards/my-data-card';
import { renderStatusReportCard } from '../../src/cards/status-report-card';
import { largestStatusReport, sampleStatusReport } from './status-report-fixtures';
import { cardButton } from '../../src/cards/card-button';
import { renderTopicsCard } from '../../src/cards/topics-card';
import { renderTopicDecisionCard } from '../../src/cards/topic-decision-card';
import { ITEM_BUTTONS_MAX_ITEMS, renderAgendaCard } from '../../src/cards/agenda-card';
import { renderAgendaItemCard } from '../../src/cards/agenda-item-card';
import { renderPublishedAgendaCard } from '../../src/cards/agenda-published-card';
import { AGENDA_LIMITS } from '../../src/domain/agenda/agenda-items';
import {
  largestAgendaMessage,
  largestDecisionForm,
  largestTopicOverview,
  longestAgendaView,
  sampleAgendaMessage,
  sampleAgendaView,
  sampleDecisionForm,
  sampleTopicOverview,
} from './agenda-triage-card-fixtures';
import { actionCardSamples } from './action-card-samples';
import { auditCardSamples } from './audit-card-samples';
import { agendaDeadlineCardSamples } from './agenda-deadline-card-samples';
import { formCardSamples } from './form-card-samples';
import {
  AA_LARGE,
  AA_NORMAL,
  buttonTitles,
  colouredTexts,
  lowestContrast,
  showsLabel,
  shownTexts,
  statusLabels,
} from './card-readability';

/** Connectors refuse larger messages; below this a card fits everywhere in Teams. */
const MAX_CARD_BYTES = 28 * 1024;

/** The list of a person's committees, and the choice that answers a waiting command, with the longest names. */
function committeesCardSamples(
  i18n: ReturnType<typeof translator>,
  longName: string,
): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const choices = Array.from({ length: 10 }, (_, index) => ({
    committeeId: `committee-11111111-2222-3333-4444-555555555555-${String(index).padStart(40, '0')}`,
    shortName: `${'G'.repeat(28)}${index}`,
    name: longName,
    roles: ['secretariat', 'chair', 'member', 'deputy', 'workingGroup'] as const,
    current: index === 3,
  }));
  return [
    {
      template: 'committees',
      name: `committees (${i18n.locale})`,
      card: withCommittee(renderCommitteesCard({ choices }, i18n), {
        committeeId: choices[3]!.committeeId,
        shortName: 'KOG',
      }),
    },
    {
      template: 'committees',
      name: `committees to choose for a command (${i18n.locale})`,
      card: renderCommitteesCard({ choices, pending: { command: 'rsvps', argument: '2027/1' } }, i18n),
    },
    {
      template: 'committees',
      name: `committees without any (${i18n.locale})`,
      card: renderCommitteesCard({ choices: [] }, i18n),
    },
  ];
}

/** Every template rendered with sample data, in every language, in its richest variant. */
function samples(): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  return LOCALES.flatMap((locale) => {
    const i18n = translator(locale);
    const longName = 'Koordinierungsgremium '.repeat(9).trim();
    return [
      {
        template: 'help',
        name: `help (${locale})`,
        card: renderHelpCard(
          {
            committeeExists: true,
            committeeName: 'KOG',
            committeeShortName: 'KOG',
            place: 'personal',
            committees: [
              { committeeId: 'c1', shortName: 'KOG', name: longName, roles: ['secretariat'], current: true },
              { committeeId: 'c2', shortName: 'SGI', name: 'Steuerungsgruppe', roles: ['member'], current: false },
            ],
            roles: ['secretariat', 'member'],
            commands: [...COMMANDS],
            personalChatOnly: [],
            submitsTopics: true,
          },
          i18n,
        ),
      },
      {
        template: 'help',
        name: `help in a channel (${locale})`,
        card: renderHelpCard(
          {
            committeeExists: true,
            committeeName: 'KOG',
            place: 'home',
            committees: [],
            roles: ['secretariat'],
            commands: ['help', 'invite'],
            personalChatOnly: ['audit', 'myData'],
            submitsTopics: true,
          },
          i18n,
        ),
      },
      {
        template: 'help',
        name: `help without committee (${locale})`,
        card: renderHelpCard(
          {
            committeeExists: false,
            place: 'unclaimed',
            committees: [],
            roles: [],
            commands: ['help', 'setup'],
            personalChatOnly: [],
            submitsTopics: false,
          },
          i18n,
        ),
      },
      ...committeesCardSamples(i18n, longName),
      {
        template: 'notice',
        name: `notice (${locale})`,
        card: renderNoticeCard({ style: 'attention', title: 'Titel', text: 'Text', lines: ['eins', 'zwei'] }),
      },
      {
        template: 'my-data',
        name: `my data (${locale})`,
        card: renderMyDataCard(
          {
            url: `https://gremium.example.org/api/export/${'c'.repeat(80)}/${'t'.repeat(64)}.json`,
            expiresAt: '2027-02-12T10:00:00.000Z',
          },
          'Europe/Berlin',
          i18n,
        ),
      },
      {
        template: 'my-data',
        name: `my data without a public address (${locale})`,
        card: renderMyDataCard(undefined, 'Europe/Berlin', i18n, { kind: 'noPublicAddress' }),
      },
      ...(
        [
          { kind: 'status', status: { subscribed: false, available: true } },
          { kind: 'status', status: { subscribed: true, available: true } },
          { kind: 'status', status: { subscribed: false, available: false } },
          {
            kind: 'issued',
            link: {
              httpsUrl: `https://gremium.example.org/api/feed/tenant-${'c'.repeat(36)}/${'t'.repeat(43)}.ics`,
              webcalUrl: `webcal://gremium.example.org/api/feed/tenant-${'c'.repeat(36)}/${'t'.repeat(43)}.ics`,
              pageUrl: `https://gremium.example.org/api/feed/tenant-${'c'.repeat(36)}/${'t'.repeat(43)}`,
            },
          },
        ] as const
      ).map((feed, index) => ({
        template: 'my-data',
        name: `my data with the calendar subscription ${index + 1} (${locale})`,
        card: renderMyDataCard(
          { url: 'https://gremium.example.org/api/export/x/y.json', expiresAt: '2027-02-12T10:00:00.000Z' },
          'Europe/Berlin',
          i18n,
          feed,
        ),
      })),
      {
        template: 'status-report',
        name: `status report with its links (${locale})`,
        card: renderStatusReportCard(
          sampleStatusReport(),
          {
            pdfUrl: `https://gremium.example.org/api/report/${'c'.repeat(80)}/${'t'.repeat(43)}.pdf`,
            csvUrl: `https://gremium.example.org/api/report-csv/${'c'.repeat(80)}/${'t'.repeat(43)}.csv`,
          },
          i18n,
        ),
      },
      {
        template: 'status-report',
        name: `the largest status report, without a public address (${locale})`,
        card: renderStatusReportCard(largestStatusReport(), { pdfUrl: '', csvUrl: '' }, i18n),
      },
      {
        template: 'status-report',
        name: `status report of an empty year (${locale})`,
        card: renderStatusReportCard(
          sampleStatusReport({ attendance: new Map(), submissions: [], agreements: [], workingGroups: [] }),
          { pdfUrl: '', csvUrl: '' },
          i18n,
        ),
      },
      {
        template: 'confirm',
        name: `confirm (${locale})`,
        card: renderConfirmCard({
          title: 'T'.repeat(300),
          text: 'X'.repeat(2000),
          buttons: [
            cardButton(
              'Jetzt versenden',
              VERBS.agendaPublish,
              { sessionId: 'session-2027-1', confirmed: true },
              'positive',
            ),
            cardButton('Zurück', VERBS.agendaOpen, { sessionId: 'session-2027-1' }),
          ],
        }),
      },
      {
        template: 'confirm',
        name: `question before publishing, with every reason, asked again (${locale})`,
        card: renderStepQuestionCard(
          'publish',
          { id: 'session-2027-s12', number: '2027/S12', year: 2027, extra: true },
          {
            reasons: [
              {
                kind: 'agendaOverLength',
                overMinutes: 7170,
                startsAt: '2027-05-20T12:00:00.000Z',
                endsAt: '2027-05-20T15:00:00.000Z',
              },
              { kind: 'topicsStillOpen', topicDeadline: '2027-04-29T22:00:00.000Z' },
              { kind: 'agendaLate', dueAt: '2027-05-06T07:00:00.000Z' },
              { kind: 'detailsMissing', missing: ['place', 'onlineLink', 'chair'] },
            ],
            basis: { revision: 99_999, agendaRevision: 99_999 },
            changedSince: true,
          },
          'Europe/Berlin',
          i18n,
          { inviting: true },
        ),
      },
      {
        template: 'setup',
        name: `setup new (${locale})`,
        card: renderSetupCard(sampleSetupView({ isNew: true, revision: 0, lastChange: undefined }), i18n),
      },
      {
        template: 'setup',
        name: `setup with problems and longest answers (${locale})`,
        card: renderSetupCard(
          sampleSetupView({
            conversations: Array.from({ length: 40 }, (_, index) => ({
              id: `conversation-${index}`,
              kind: 'channel' as const,
              title: 'Kanal '.repeat(20),
            })),
          }),
          i18n,
          {
            answers: { name: 'N'.repeat(5000), rotatingChairs: 'I'.repeat(50_000), terms: '1-2,3-12' },
            banner: {
              title: 'Problem',
              text: 'Nichts gespeichert',
              lines: Array.from({ length: 13 }, () => 'Zeile '.repeat(20)),
            },
          },
        ),
      },
      {
        template: 'delivery',
        name: `delivery without dispatches (${locale})`,
        card: renderDeliveryCard({ dispatches: [], page: 1, hasOlder: false }, 'Europe/Berlin', i18n),
      },
      {
        template: 'delivery',
        name: `delivery with many failures (${locale})`,
        card: renderDeliveryCard(
          {
            page: 3,
            hasOlder: true,
            dispatches: Array.from({ length: DISPATCHES_PER_PAGE }, (_, index) => ({
              dispatchId: `invite:2027-${index}:v1`,
              createdAt: '2026-11-21T10:00:00.000Z',
              about: { kind: 'minutesObjections' as const, audience: 'recipients' as const, sessionNumber: '2027/S12' },
              people: 200,
              conversations: 1,
              sent: 150,
              pending: 10,
              failed: 40,
              resent: { total: 40, sent: 10, pending: 10, failed: 20 },
              // Every kind of failure, person and channel, each with more names than are listed.
              failures: Array.from({ length: 40 }, (_, person) => ({
                recipientLabel: 'Dr. Erika Mustermann-Beispielname '.repeat(2),
                toConversation: person % 10 === 9,
                failure: [
                  { reason: 'noConversation' as const, status: null, lookedInHome: true },
                  { reason: 'noConversation' as const, status: null, lookedInHome: false },
                  { reason: 'permanent' as const, status: 403, step: 'open' as const },
                  { reason: 'permanent' as const, status: 403 },
                  { reason: 'permanent' as const, status: 404 },
                  { reason: 'attemptsExhausted' as const, status: 503 },
                  { reason: 'permanent' as const, status: 400 },
                ][person % 7]!,
              })),
            })),
          },
          'Europe/Berlin',
          i18n,
          { style: 'good', title: 'Banner', text: 'Text' },
        ),
      },
      {
        template: 'delivery-failures',
        name: `delivery failure notice with the most failures it names (${locale})`,
        card: renderDeliveryFailuresCard(
          {
            dispatchId: 'minutes-circulate:session-2027-S12:r3',
            about: { kind: 'minutesCirculation', audience: 'recipients', sessionNumber: '2027/S12' },
            people: 400,
            conversations: 1,
            createdAt: '2026-11-21T10:00:00.000Z',
            timeZone: 'Europe/Berlin',
            sent: 200,
            failed: 201,
            round: 2,
            sessionNumber: '2027/S12',
            failures: Array.from({ length: NOTICE_FAILURES_MAX }, (_, person) => ({
              recipientLabel: `${'Dr. Erika Mustermann-Beispielname '.repeat(2)}${person}`,
              toConversation: person === 0,
              failure: { reason: 'permanent' as const, status: [400, 403, 404, 409, 410, 413, 415][person % 7]! },
            })),
          },
          i18n,
        ),
      },
      {
        template: 'committee',
        name: `committee (${locale})`,
        card: renderCommitteeCard(
          sampleCommittee({
            name: longName.slice(0, 200),
            chairRotation: {
              firstSessionOfYear: 'X'.repeat(150),
              rotating: Array.from({ length: 12 }, () => 'Y'.repeat(150)),
            },
          }),
          { banner: 'created', canEdit: true, workingGroup: { id: 'c', kind: 'channel', title: 'AG' } },
          i18n,
        ),
      },
      {
        template: 'sessions',
        name: `sessions of a year with extra sessions (${locale})`,
        card: renderSessionsCard(
          sampleSessionsOverview(
            (['planned', 'topicsOpen', 'invited', 'held', 'cancelled', 'closed'] as const).map((state, index) =>
              sampleSession({
                id: `session-2027-${index + 1}`,
                number: `2027/${index + 1}`,
                state,
                extra: index > 2,
                place: 'P'.repeat(200),
                onlineLink: `https://example.org/${'l'.repeat(470)}`,
                chair: 'C'.repeat(150),
              }),
            ),
          ),
          i18n,
          { banner: { style: 'good', title: 'Banner', text: 'Text' }, confirmCancel: 'session-2027-2' },
        ),
      },
      {
        template: 'sessions',
        name: `sessions of two years as a member sees them (${locale})`,
        card: renderSessionsCard(
          sampleSessionsOverview(
            (['planned', 'invited', 'held'] as const).map((state, index) =>
              sampleSession({ id: `session-2027-${index + 1}`, number: `2027/${index + 1}`, state }),
            ),
            { years: [2027, 2028], forSecretariat: false },
          ),
          i18n,
        ),
      },
      {
        template: 'sessions',
        name: `sessions, none yet (${locale})`,
        card: renderSessionsCard(sampleSessionsOverview([], { years: [2028] }), i18n),
      },
      {
        template: 'session-edit',
        name: `session edit (${locale})`,
        card: renderSessionEditCard(sampleSession({ state: 'invited' }), 'Europe/Berlin', i18n),
      },
      {
        template: 'session-edit',
        name: `session edit with problems (${locale})`,
        card: renderSessionEditCard(sampleSession(), 'Europe/Berlin', i18n, {
          input: { date: 'x', time: '25:00', place: 'P'.repeat(5000) },
          problems: [
            { field: 'date', code: 'invalid' },
            { field: 'time', code: 'invalid' },
            { field: 'place', code: 'tooLong', max: 200 },
          ],
        }),
      },
      {
        template: 'invitation',
        name: `invitation, open, richest (${locale})`,
        card: renderInvitationCard(sampleInvitation(), i18n, SAMPLE_CALENDAR_URL),
      },
      {
        template: 'invitation',
        name: `invitation of a deputy, cancelled (${locale})`,
        card: renderInvitationCard(
          sampleInvitation({
            as: 'deputy',
            representing: 'Sabine Hoffmann',
            deputyName: undefined,
            status: 'cancelled',
            banner: 'cancelled',
          }),
          i18n,
        ),
      },
      {
        template: 'rsvps',
        name: `rsvps of sixty institutions (${locale})`,
        card: renderRsvpsCard(sampleOverview(), i18n, { style: 'good', title: 'Banner', text: '' }),
      },
      {
        template: 'attendance',
        name: `attendance, a full page of a large committee (${locale})`,
        card: renderAttendanceCard(sampleAttendance(), i18n, { style: 'good', title: 'Banner', text: '' }),
      },
      {
        template: 'roster',
        name: `roster (${locale})`,
        card: renderRosterCard(
          sampleRosterView(),
          { canImport: true, banner: { style: 'good', title: '', text: 'Gespeichert' } },
          i18n,
        ),
      },
      {
        template: 'roster',
        name: `roster without seats (${locale})`,
        card: renderRosterCard({ revision: 0, people: [], seats: [] }, { canImport: false }, i18n),
      },
      {
        template: 'roster',
        name: `roster with the most seats and a team of hundreds (${locale})`,
        card: renderRosterCard(
          sampleLargeRosterView(),
          {
            canImport: true,
            filter: ' Erika ',
            banner: { style: 'attention', title: 'T'.repeat(100), text: 'B'.repeat(300) },
          },
          i18n,
        ),
      },
      {
        template: 'roster-seat',
        name: `roster seat, new (${locale})`,
        card: renderRosterSeatCard(sampleRosterView(), undefined, {}, i18n),
      },
      {
        template: 'roster-seat',
        name: `roster seat with problems, longest answers and a team of hundreds (${locale})`,
        card: renderRosterSeatCard(
          sampleLargeRosterView(),
          sampleLargeRosterView().seats[0],
          {
            answers: {
              institution: 'I'.repeat(50_000),
              memberId: 'm'.repeat(50_000),
              deputyId: sampleLargeRosterView().people[1]!.aadObjectId,
            },
            banner: {
              title: 'Problem',
              text: 'Nichts gespeichert',
              lines: Array.from({ length: 5 }, () => 'Zeile '.repeat(20)),
            },
          },
          i18n,
        ),
      },
      {
        template: 'roster-without-teams',
        name: `roster form for a person without Teams (${locale})`,
        card: renderRosterWithoutTeamsCard(sampleRosterView(), i18n),
      },
      {
        template: 'roster-without-teams',
        name: `roster form for a person without Teams, refused with the longest answers (${locale})`,
        card: renderRosterWithoutTeamsCard(
          sampleLargeRosterView(),
          i18n,
          { displayName: 'N'.repeat(240), institution: 'I'.repeat(300), email: `${'e'.repeat(250)}@x.example` },
          { title: 'Problem', text: 'Nichts gespeichert', lines: Array.from({ length: 3 }, () => 'Zeile '.repeat(20)) },
        ),
      },
      {
        template: 'roster-person',
        name: `roster person without Teams, with her address (${locale})`,
        card: renderRosterPersonCard(
          sampleRosterView(),
          {
            aadObjectId: 'mail-0123456789abcdef0123456789abcdef',
            displayName: 'Petra Albrecht',
            institution: 'Landkreis Leipzig',
            email: `${'p'.repeat(64)}@${'l'.repeat(180)}.example`,
            withoutTeams: true,
            roles: ['member'],
            active: true,
          },
          'Europe/Berlin',
          i18n,
          undefined,
          { outlook: true },
        ),
      },
      {
        template: 'roster-person',
        name: `roster person (${locale})`,
        card: renderRosterPersonCard(sampleRosterView(), sampleRosterView().people[2]!, 'Europe/Berlin', i18n),
      },
      {
        template: 'roster-person',
        name: `roster person holding every seat (${locale})`,
        card: renderRosterPersonCard(
          {
            ...sampleLargeRosterView(),
            seats: sampleLargeRosterView().seats.map((seat) => ({ ...seat, memberId: 'p', deputyId: 'p' })),
          },
          {
            aadObjectId: 'p',
            displayName: 'P'.repeat(200),
            roles: ['secretariat', 'chair', 'workingGroup', 'member', 'deputy'],
            active: true,
          },
          'Europe/Berlin',
          i18n,
          { title: 'Nicht gespeichert', text: 'Grund '.repeat(30) },
        ),
      },
      ...workingGroupCardSamples(i18n),
      ...topicCardSamples(i18n),
      ...minutesCardSamples(i18n),
      {
        template: 'topics',
        name: `topics (${locale})`,
        card: renderTopicsCard(sampleTopicOverview(), i18n, { style: 'good', title: 'Entschieden', text: '' }),
      },
      {
        template: 'topics',
        name: `topics, none yet (${locale})`,
        card: renderTopicsCard(sampleTopicOverview({ lines: [], undecided: 0, total: 0 }), i18n),
      },
      {
        template: 'topics',
        name: `topics, a page of the longest declined submissions (${locale})`,
        card: renderTopicsCard(largestTopicOverview('declined'), i18n, {
          style: 'attention',
          title: 'T'.repeat(100),
          text: 'B'.repeat(300),
        }),
      },
      {
        template: 'topics',
        name: `topics, a page of the longest undecided submissions (${locale})`,
        card: renderTopicsCard(largestTopicOverview('submitted'), i18n, {
          style: 'attention',
          title: 'T'.repeat(100),
          text: 'B'.repeat(300),
        }),
      },
      {
        template: 'topic-decision',
        name: `topic decision (${locale})`,
        card: renderTopicDecisionCard(sampleDecisionForm(), i18n),
      },
      {
        template: 'topic-decision',
        name: `topic decision without items or a following session (${locale})`,
        card: renderTopicDecisionCard(
          sampleDecisionForm({ mergeTargets: [], followingSessionNumber: undefined }),
          i18n,
        ),
      },
      {
        template: 'topic-decision',
        name: `topic decision with problems, tampered answers and 29 items to merge into (${locale})`,
        card: renderTopicDecisionCard(largestDecisionForm(), i18n, {
          input: {
            decision: 'decline',
            presenter: 'P'.repeat(50_000),
            minutes: 'x'.repeat(50_000),
            kind: 'k'.repeat(50_000),
            mergeInto: 'm'.repeat(50_000),
            reason: 'R'.repeat(50_000),
          },
          problems: [
            { field: 'presenter', code: 'tooLong', max: AGENDA_LIMITS.presenter },
            { field: 'minutes', code: 'invalid' },
            { field: 'kind', code: 'invalid' },
            { field: 'mergeInto', code: 'required' },
            { field: 'reason', code: 'tooLong', max: 1000 },
            { field: 'decision', code: 'invalid' },
          ],
        }),
      },
      {
        template: 'agenda',
        name: `agenda (${locale})`,
        card: renderAgendaCard(sampleAgendaView(), i18n, { style: 'good', title: 'Gespeichert', text: '' }),
      },
      {
        template: 'agenda',
        name: `agenda of a held session, over length (${locale})`,
        card: renderAgendaCard(
          sampleAgendaView({ editable: false, totalMinutes: 200, unpublished: false, published: undefined }),
          i18n,
        ),
      },
      {
        template: 'agenda',
        name: `agenda with buttons on each of the most items and the longest texts (${locale})`,
        card: renderAgendaCard(longestAgendaView(ITEM_BUTTONS_MAX_ITEMS), i18n, {
          style: 'attention',
          title: 'T'.repeat(100),
          text: 'B'.repeat(300),
          lines: ['Zeile '.repeat(20)],
        }),
      },
      {
        template: 'agenda',
        name: `agenda of the most items with the longest texts (${locale})`,
        card: renderAgendaCard(longestAgendaView(AGENDA_LIMITS.items), i18n, {
          style: 'attention',
          title: 'T'.repeat(100),
          text: 'B'.repeat(300),
          lines: ['Zeile '.repeat(20)],
        }),
      },
      {
        template: 'agenda-item',
        name: `agenda item, new (${locale})`,
        card: renderAgendaItemCard(sampleAgendaView(), undefined, i18n),
      },
      {
        template: 'agenda-item',
        name: `agenda item, a standard one (${locale})`,
        card: renderAgendaItemCard(sampleAgendaView(), sampleAgendaView().items[0], i18n),
      },
      {
        template: 'agenda-item',
        name: `agenda item with problems and tampered answers (${locale})`,
        card: renderAgendaItemCard(
          longestAgendaView(AGENDA_LIMITS.items),
          longestAgendaView(AGENDA_LIMITS.items).items[5],
          i18n,
          {
            input: { title: 'T'.repeat(50_000), presenter: 'P'.repeat(50_000), minutes: 999, kind: { x: 1 } },
            problems: [
              { field: 'title', code: 'tooLong', max: AGENDA_LIMITS.title },
              { field: 'presenter', code: 'markup' },
              { field: 'minutes', code: 'outOfRange', min: 1, max: 240 },
              { field: 'kind', code: 'invalid' },
            ],
          },
        ),
      },
      {
        template: 'agenda-published',
        name: `published agenda, first version (${locale})`,
        card: renderPublishedAgendaCard(sampleAgendaMessage({ place: undefined, onlineLink: undefined }), i18n),
      },
      {
        template: 'agenda-published',
        name: `published agenda, the fullest version with removals (${locale})`,
        card: renderPublishedAgendaCard(largestAgendaMessage(), i18n),
      },
      ...actionCardSamples(i18n),
      ...auditCardSamples(i18n),
      ...agendaDeadlineCardSamples(i18n),
      ...formCardSamples(i18n),
    ];
  });
}

function parseErrors(card: AdaptiveCardJson): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) messages.push(context.getEventAt(index).message);
  for (const event of parsed.validateProperties().validationEvents) messages.push(event.message);
  return messages;
}

describe('cards/templates', () => {
  const templateNames = readdirSync(path.join(__dirname, '../../adaptiveCards')).filter((file) =>
    file.endsWith('.json'),
  );

  it('renders a sample of every template', () => {
    const rendered = new Set(samples().map((sample) => `${sample.template}.json`));
    assert.deepEqual(
      templateNames.filter((name) => !rendered.has(name)),
      [],
    );
  });

  for (const sample of samples()) {
    it(`${sample.name} parses without validation errors and stays under 28 KB`, () => {
      assert.deepEqual(parseErrors(sample.card), []);
      assert.equal(sample.card.version, '1.5');
      const bytes = Buffer.byteLength(JSON.stringify(sample.card), 'utf8');
      assert.ok(bytes < MAX_CARD_BYTES, `${bytes} bytes`);
      assert.doesNotMatch(JSON.stringify(sample.card), /\$\{/, 'an unbound template expression is left');
    });
  }

  it('falls back from every Action.Execute to an Action.Submit with the same verb', () => {
    for (const sample of samples()) {
      // A card's refresh action runs by itself on clients that know it and is ignored by others.
      const { refresh: _refresh, ...card } = sample.card;
      const actions =
        JSON.stringify(card).match(/"type":"Action\.Execute"[^]*?"fallback":\{[^}]*"verb":"[^"]+"/g) ?? [];
      const executes = (JSON.stringify(card).match(/"type":"Action\.Execute"/g) ?? []).length;
      assert.equal(actions.length, executes, sample.name);
    }
  });

  it('uses only verbs that routes answer', () => {
    const known = new Set<string>(Object.values(VERBS));
    for (const sample of samples()) {
      for (const [, verb] of JSON.stringify(sample.card).matchAll(/"verb":"([^"]+)"/g))
        assert.ok(known.has(verb!), `${sample.name}: ${verb}`);
    }
  });

  it('keeps every action set within the five actions Teams shows', () => {
    for (const sample of samples()) {
      const sets: unknown[][] = [];
      JSON.stringify(sample.card, (key, value: unknown) => {
        if (key === 'actions' && Array.isArray(value)) sets.push(value);
        return value;
      });
      for (const actions of sets) assert.ok(actions.length <= 5, `${sample.name}: ${actions.length} actions`);
    }
  });

  it('writes every text legibly on Teams’ light theme: WCAG AA contrast on the background it stands on', () => {
    const failing = samples().flatMap((sample) =>
      colouredTexts(sample.card).flatMap((text) => {
        const { ratio, color, background } = lowestContrast(text);
        const needed = text.size === 'extralarge' ? AA_LARGE : AA_NORMAL;
        return ratio >= needed
          ? []
          : [`${sample.name}: "${text.text.slice(0, 40)}" ${color}${text.subtle ? ' subtle' : ''} on ${background}`];
      }),
    );
    assert.deepEqual([...new Set(failing)], []);
  });

  it('uses in no template a text colour that fails on the background it may stand on', () => {
    for (const name of templateNames) {
      const template = JSON.parse(readFileSync(path.join(__dirname, '../../adaptiveCards', name), 'utf8')) as unknown;
      for (const text of colouredTexts(template)) {
        // A colour chosen at run time is held by the rendered samples above.
        if (text.color.includes('${')) continue;
        const { ratio, color, background } = lowestContrast(text);
        assert.ok(ratio >= AA_NORMAL, `${name}: "${text.text}" ${color} on ${background}: ${ratio.toFixed(2)}`);
      }
    }
    // What the rule is there for: the light theme's green, yellow and white, and subtle accent, fail on white.
    for (const [color, subtle] of [
      ['good', false],
      ['warning', false],
      ['light', false],
      ['accent', true],
    ] as const) {
      const text = { text: '', color, subtle, size: 'default', backgrounds: ['default' as const] };
      assert.ok(lowestContrast(text).ratio < AA_NORMAL, `${color}${subtle ? ' subtle' : ''}`);
    }
  });

  it('names no button by a state: a state shown beside a button of its name reads as the button', () => {
    const clashes = samples().flatMap((sample) => {
      const labels = statusLabels(sample.name.endsWith('(en)') ? 'en' : 'de');
      const shown = shownTexts(sample.card);
      return buttonTitles(sample.card).flatMap((title) =>
        labels
          .filter((label) => label.toLowerCase() === title.trim().toLowerCase())
          .map((label) =>
            shown.some((text) => showsLabel(text, label))
              ? `${sample.name}: the state "${label}" beside the button "${title}"`
              : `${sample.name}: the button "${title}" is named like the state "${label}"`,
          ),
      );
    });
    assert.deepEqual([...new Set(clashes)], []);
    // The cards the rule was made for are among those held to it.
    const held = new Set(samples().map((sample) => sample.template));
    for (const template of ['action-item', 'action-list', 'agenda', 'topics', 'topic-decision', 'topic-receipt'])
      assert.ok(held.has(template), template);
  });

  it('keeps template files free of literal verbs, so verbs come from one constant', () => {
    for (const name of templateNames) {
      const text = readFileSync(path.join(__dirname, '../../adaptiveCards', name), 'utf8');
      for (const [, verb] of text.matchAll(/"verb":\s*"([^"]+)"/g))
        assert.match(verb!, /^\$\{.+\}$/, `${name}: ${verb}`);
    }
  });
});
