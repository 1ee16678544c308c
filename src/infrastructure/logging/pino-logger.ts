import pino from 'pino';
import type { Logger } from '../../app/ports/logger';
import { currentLogFields } from './log-context';

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

/** The surrounding withLogFields fields that neither the line nor its logger's bindings already have. */
function contextFields(line: object, logger: pino.Logger): Record<string, unknown> {
  const fields = currentLogFields();
  if (fields === undefined) return {};
  const bound = logger.bindings();
  const added: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in bound) && !(key in line)) added[key] = value;
  }
  return added;
}

/** A JSON logger on the given stream (standard output by default), secrets redacted; lines carry the surrounding withLogFields. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const inner = pino(
    { level: options.level ?? 'info', redact: { paths: redactedPaths, censor: '[redacted]' }, mixin: (line, _level, logger) => contextFields(line, logger) },
    options.destination ?? pino.destination(options.stream === 'stderr' ? 2 : 1),
  );
  return new PinoLogger(inner);
}
