import type { ConfirmReason } from './confirm-reason';

/** Whom a call for topics reaches, as the use case addresses it. */
export interface CallAudience {
  /** Working group members written to 1:1. */
  readonly people: number;
  /** Whether the working group's channel or group chat gets it too. */
  readonly toConversation: boolean;
  /** The end of the topic deadline the call names (UTC). */
  readonly topicDeadline: string;
}

/**
 * What to ask before calling for topics: always whom it reaches. The call writes to the whole
 * working group at once, and „themenaufruf“ was long read as "show the topics"; a person sees
 * how many it goes to before anything is sent. The scheduler's call on its date does not ask.
 */
export function reasonsBeforeCallingForTopics(audience: CallAudience): ConfirmReason[] {
  return [{ kind: 'reachesWorkingGroup', ...audience }];
}
