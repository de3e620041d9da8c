/**
 * Structured logging as the bot needs it; pino's logger satisfies it. Objects first, so every
 * field stays a field of its own in the JSON line, searchable where the lines are kept (in
 * Azure, the Log Analytics workspace, which takes App Service's console output).
 */
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
