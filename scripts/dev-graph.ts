import { GraphDouble } from '../test/support/graph-double';

/** The organiser mailbox `npm run dev` uses with the Graph double unless GRAPH_ORGANIZER_MAILBOX names another. */
export const DEV_ORGANISER_MAILBOX = 'gremien@kog-demo.example';

/** What `npm run dev` adds to its environment for Graph, and how to stop what it started. */
export interface DevGraph {
  readonly env: Readonly<Record<string, string>>;
  /** The double's address, for the start message; undefined when Graph is left as configured. */
  readonly baseUrl?: string;
  stop(): Promise<void>;
}

/**
 * `DEV_GRAPH_DOUBLE=true npm run dev`: a stand-in for Microsoft Graph (the one the tests use) on
 * a free port, and Gremium configured with it (GRAPH_BASE_URL, GRAPH_ORGANIZER_MAILBOX), so that
 * a person can try the sessions' Outlook events, their Teams links and the people without Teams
 * in the playground without a tenant. The events live in the double's memory until Ctrl+C.
 * Without the variable nothing starts and nothing changes.
 */
export async function devGraph(env: NodeJS.ProcessEnv = process.env): Promise<DevGraph> {
  if (env.DEV_GRAPH_DOUBLE?.trim().toLowerCase() !== 'true') return { env: {}, stop: async () => {} };
  const double = await GraphDouble.start();
  return {
    env: {
      GRAPH_ORGANIZER_MAILBOX: env.GRAPH_ORGANIZER_MAILBOX?.trim() || DEV_ORGANISER_MAILBOX,
      GRAPH_BASE_URL: double.baseUrl,
    },
    baseUrl: double.baseUrl,
    stop: () => double.stop(),
  };
}
