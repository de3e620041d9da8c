/**
 * The details of a session an invitation shows, which the secretariat fills in after planning:
 * where it takes place, the link to join online, and who chairs it (the Sitzungsleitung).
 */
export type SessionDetail = 'place' | 'onlineLink' | 'chair';

/**
 * One reason to ask the secretariat before a step that sends to many people or cannot be taken
 * back: what the card says in words („Ort und Online-Link fehlen.“), as data. Instants are UTC;
 * the card shows them in the committee's time zone.
 */
export type ConfirmReason =
  /** A call for topics reaches the whole working group: its channel or group chat and each member 1:1. */
  | {
      readonly kind: 'reachesWorkingGroup';
      /** Working group members written to 1:1. */
      readonly people: number;
      /** Whether the working group's channel or group chat gets it too. */
      readonly toConversation: boolean;
      /** The end of the topic deadline the call names. */
      readonly topicDeadline: string;
    }
  /** The invitation would show these details as still open. */
  | { readonly kind: 'detailsMissing'; readonly missing: readonly SessionDetail[] }
  /** The agenda's items take longer than the session lasts. */
  | {
      readonly kind: 'agendaOverLength';
      readonly overMinutes: number;
      readonly startsAt: string;
      readonly endsAt: string;
    }
  /** Topics may still be submitted: the agenda would go out before the topic deadline. */
  | { readonly kind: 'topicsStillOpen'; readonly topicDeadline: string }
  /** The agenda lead time has passed: the agenda goes out late. */
  | { readonly kind: 'agendaLate'; readonly dueAt: string }
  /** Attendees may still object to the circulated minutes. */
  | { readonly kind: 'objectionPeriodRunning'; readonly objectionDeadline: string }
  /** Objections to the circulated version wait. */
  | { readonly kind: 'objectionsRaised'; readonly objections: number };
