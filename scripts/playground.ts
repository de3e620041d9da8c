/**
 * How Gremium starts the Microsoft 365 Agents Playground, shared by `npm run dev` and the
 * end-to-end tests so that both run it the same way.
 */

/**
 * `--dt` turns telemetry off, but the playground's Application Insights still probes the cloud
 * metadata address at start; these settings keep it, and its browser launcher, quiet.
 */
export const PLAYGROUND_QUIET_ENV = {
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  TEAMSAPPTESTER_BROWSER: 'none',
} as const;

/** Command-line arguments: the bot's endpoint, Teams as the channel, the port, telemetry off. */
export function playgroundArguments(botEndpoint: string, port: number): string[] {
  return ['start', '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--dt'];
}
