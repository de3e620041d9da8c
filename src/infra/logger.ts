import pino from 'pino';
import type { Logger } from '../app/ports/logger';

export interface LoggerOptions {
  readonly level: string;
  /**
   * Human-readable lines for the dev loop; JSON lines otherwise, on standard output, which App
   * Service passes as console logs to the Log Analytics workspace.
   */
  readonly pretty: boolean;
  /** Where to write; standard output unless a test captures it. */
  readonly destination?: NodeJS.WritableStream;
}

/** Fields that may carry secrets and are never written, whatever logs them. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'key',
  '*.key',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** Structured logs with pino: one JSON object per line, secrets redacted. */
export function createLogger({ level, pretty, destination }: LoggerOptions): Logger & pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'gremium' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (pretty && !destination) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' } },
    });
  }
  return destination ? pino(options, destination) : pino(options);
}
