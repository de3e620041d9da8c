import type { SubmissionWithSession } from '../../src/app/agenda/submit-topic';
import type { SubmissionDocument } from '../../src/app/agenda/submission-document';
import type { SessionDocument } from '../../src/app/sessions/session-document';
import { renderCallForTopicsCard } from '../../src/cards/call-for-topics-card';
import type { AdaptiveCardJson } from '../../src/cards/card-template';
import { renderTopicFormCard } from '../../src/cards/topic-form-card';
import { renderTopicReceiptCard } from '../../src/cards/topic-receipt-card';
import { SUBMISSION_LIMITS, type SubmissionContent } from '../../src/domain/agenda/submission';
import type { Translator } from '../../src/i18n/translator';

/** A submission with every field at its longest. */
export const LONGEST_CONTENT: SubmissionContent = {
  kind: 'need',
  title: 'T'.repeat(SUBMISSION_LIMITS.title),
  description: 'Beschreibung '.repeat(400).slice(0, SUBMISSION_LIMITS.description),
  institution: 'I'.repeat(SUBMISSION_LIMITS.institution),
  link: `https://example.org/${'l'.repeat(SUBMISSION_LIMITS.link - 20)}`,
  desiredMinutes: 180,
};

/** A declined submission with the longest texts and reason, with its session. */
export function longestSubmission(): SubmissionWithSession {
  const session = { id: 'session-2027-1', number: '2027/1', extra: false } as SessionDocument & { _etag: string };
  const submission = {
    id: 'topic-0123456789abcdef',
    committeeId: 'tenant-t1',
    type: 'topicSubmission',
    sessionId: session.id,
    personId: 'p',
    personName: 'N'.repeat(120),
    content: LONGEST_CONTENT,
    titleKey: 't',
    status: 'declined',
    revision: 3,
    decision: { type: 'decline', by: 'k', at: '2027-01-25T10:00:00.000Z', reason: 'R'.repeat(1000) },
    createdAt: '2027-01-02T10:00:00.000Z',
    updatedAt: '2027-01-25T10:00:00.000Z',
    _etag: 'e',
  } as SubmissionDocument & { _etag: string };
  return { submission, session };
}

/** The submitter's cards, each in its richest variant. */
export function topicCardSamples(i18n: Translator): Array<{ template: string; name: string; card: AdaptiveCardJson }> {
  const locale = i18n.locale;
  const session = { id: 'session-2027-1', number: '2027/1', deadline: '2027-01-21T23:00:00.000Z' };
  const oversized = {
    kind: 'x'.repeat(100),
    title: 'T'.repeat(100_000),
    description: 'D'.repeat(100_000),
    institution: 'I'.repeat(100_000),
    link: 'L'.repeat(100_000),
    desiredMinutes: '9'.repeat(1000),
  };
  return [
    {
      template: 'call-for-topics',
      name: `call for topics (${locale})`,
      card: renderCallForTopicsCard(
        {
          committeeName: 'Koordinierungsgremium '.repeat(9),
          timeZone: 'Europe/Berlin',
          sessionId: session.id,
          sessionNumber: session.number,
          startsAt: '2027-02-11T13:00:00.000Z',
          endsAt: '2027-02-11T16:00:00.000Z',
          deadline: session.deadline,
        },
        i18n,
      ),
    },
    {
      template: 'topic-form',
      name: `topic form, new (${locale})`,
      card: renderTopicFormCard({ kind: 'new', session, institution: 'Jobcenter Leipzig' }, 'Europe/Berlin', i18n),
    },
    {
      template: 'topic-form',
      name: `topic form with every problem and tampered, oversized input (${locale})`,
      card: renderTopicFormCard(
        { kind: 'edit', submissionId: 'topic-1', revision: 2, session, content: LONGEST_CONTENT },
        'Europe/Berlin',
        i18n,
        {
          input: oversized,
          problems: [
            { field: 'kind', code: 'invalid' },
            { field: 'title', code: 'tooLong', max: 200 },
            { field: 'description', code: 'markup' },
            { field: 'institution', code: 'tooLong', max: 150 },
            { field: 'link', code: 'invalid' },
            { field: 'desiredMinutes', code: 'outOfRange', min: 5, max: 180 },
          ],
        },
      ),
    },
    {
      template: 'topic-receipt',
      name: `topic receipt, longest and declined (${locale})`,
      card: renderTopicReceiptCard(longestSubmission(), false, i18n, {
        style: 'warning',
        title: 'B'.repeat(300),
        text: '',
      }),
    },
    {
      template: 'topic-receipt',
      name: `topic receipt, changeable (${locale})`,
      card: renderTopicReceiptCard(
        { ...longestSubmission(), submission: { ...longestSubmission().submission, status: 'submitted' } },
        true,
        i18n,
      ),
    },
  ];
}
