import type { Logger } from '../../src/app/ports/logger';

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly fields: Record<string, unknown>;
}

/** A Logger that keeps every entry (with its child fields merged in) for assertions. */
export class RecordingLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly base: Record<string, unknown> = {},
  ) {}
  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'debug', msg, fields: { ...this.base, ...fields } });
  }
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'info', msg, fields: { ...this.base, ...fields } });
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'warn', msg, fields: { ...this.base, ...fields } });
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'error', msg, fields: { ...this.base, ...fields } });
  }
  child(fields: Record<string, unknown>): Logger {
    return new RecordingLogger(this.entries, { ...this.base, ...fields });
  }
  errors(): LogEntry[] {
    return this.entries.filter((entry) => entry.level === 'error');
  }
}
