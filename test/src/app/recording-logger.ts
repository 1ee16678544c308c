import type { Logger } from '../../../src/app/ports/logger';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

/** A Logger fake that keeps every line, so tests can check what was (and was not) logged. */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bound: Record<string, unknown> = {},
  ) {}
  debug(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'debug', msg, fields: { ...this.bound, ...fields } });
  }
  info(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'info', msg, fields: { ...this.bound, ...fields } });
  }
  warn(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'warn', msg, fields: { ...this.bound, ...fields } });
  }
  error(msg: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'error', msg, fields: { ...this.bound, ...fields } });
  }
  child(fields: Record<string, unknown>): Logger {
    return new RecordingLogger(this.lines, { ...this.bound, ...fields });
  }
}
