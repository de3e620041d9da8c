import type { Clock } from '../domain/clock';
import type { DocumentStore } from './ports/document-store';
import type { Logger } from './ports/logger';
import type { OrganiserCalendar } from './ports/organiser-calendar';

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
  /** The organiser mailbox's calendar through Graph; given together with `organiserMailbox`. */
  readonly organiserCalendar?: OrganiserCalendar;
  /** Where background work that carries on past a failure (reading Outlook answers) says so; silent when absent. */
  readonly logger?: Logger;
}
