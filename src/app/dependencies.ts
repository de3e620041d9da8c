import type { Clock } from '../domain/clock';
import type { DocumentStore } from './ports/document-store';

/** The ports every use case may need; the composition root provides the real adapters. */
export interface AppDependencies {
  readonly store: DocumentStore;
  readonly clock: Clock;
}
