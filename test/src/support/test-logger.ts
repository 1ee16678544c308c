import type { Logger } from '../../../src/app/ports/logger';

export interface LogRecord {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly fields: Record<string, unknown>;
}

/** A Logger that keeps records in memory so tests can check what was (and was not) logged. */
export class MemoryLogger implements Logger {
  constructor(
    readonly records: LogRecord[] = [],
    private readonly base: Record<string, unknown> = {},
  ) {}
  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.records.push({ level: 'debug', msg, fields: { ...this.base, ...fields } });
  }
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.records.push({ level: 'info', msg, fields: { ...this.base, ...fields } });
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.records.push({ level: 'warn', msg, fields: { ...this.base, ...fields } });
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.records.push({ level: 'error', msg, fields: { ...this.base, ...fields } });
  }
  child(fields: Record<string, unknown>): Logger {
    return new MemoryLogger(this.records, { ...this.base, ...fields });
  }
}
