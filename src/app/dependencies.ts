import type { Clock } from '../domain/clock';
import type { DocumentStore } from './ports/document-store';

/** The ports every use case may need; the composition root provides the real adapters. */
export interface AppDependencies {
  readonly store: DocumentStore;
  readonly clock: Clock;
  /**
   * The organiser mailbox (`GRAPH_ORGANIZER_MAILBOX`) when sessions are Outlook events with a
   * Teams meeting through Microsoft Graph; absent, none of that runs and the online link stays
   * the text the secretariat typed.
   */
  readonly organiserMailbox?: string;
}
