import { AGREEMENT_JOB_HANDLERS } from '../agreements/agreement-follow-up';
import { OUTLOOK_ANSWER_JOB_HANDLERS } from '../meetings/outlook-answer-jobs';
import { MINUTES_JOB_HANDLERS } from '../minutes/minutes-jobs';
import { RETENTION_JOB_HANDLERS } from '../privacy/retention-jobs';
import { SESSION_JOB_HANDLERS } from '../sessions/session-jobs';
import type { JobHandler } from './run-due-jobs';

/**
 * Every kind of job the scheduler runs, with its handler: the server's scheduler and the
 * benchmarks that count and time its ticks take the same list, so neither can miss a kind.
 */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  ...SESSION_JOB_HANDLERS,
  ...AGREEMENT_JOB_HANDLERS,
  ...MINUTES_JOB_HANDLERS,
  ...RETENTION_JOB_HANDLERS,
  ...OUTLOOK_ANSWER_JOB_HANDLERS,
};
