import pino from 'pino';
import type { Logger } from '../../app/ports/logger';

/** Keys whose values are never written to a log, wherever they appear in the fields. */
const redactedPaths = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'password',
  '*.password',
  'clientSecret',
  '*.clientSecret',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
];

class PinoLogger implements Logger {
  constructor(private readonly inner: pino.Logger) {}
  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.inner.debug(fields, msg);
  }
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.inner.info(fields, msg);
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.inner.warn(fields, msg);
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.inner.error(fields, msg);
  }
  child(fields: Record<string, unknown>): Logger {
    return new PinoLogger(this.inner.child(fields));
  }
}

export interface LoggerOptions {
  readonly level?: string;
  /** Where the JSON lines go; default `stream`. */
  readonly destination?: pino.DestinationStream;
  /** Standard output (default) or standard error (command-line tools whose output is a report). */
  readonly stream?: 'stdout' | 'stderr';
}

/** A JSON logger on the given stream (standard output by default), secrets redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const inner = pino(
    { level: options.level ?? 'info', redact: { paths: redactedPaths, censor: '[redacted]' } },
    options.destination ?? pino.destination(options.stream === 'stderr' ? 2 : 1),
  );
  return new PinoLogger(inner);
}
