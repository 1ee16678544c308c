import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../e2e/support/project-root';

/**
 * Real answers of Exchange Online and Microsoft Graph taken from published sources
 * (test/fixtures/exchange and test/fixtures/graph, each with a README naming the sources).
 */
export interface ContractFixture {
  readonly source: string;
  readonly verbatim: string;
  readonly status: number;
  readonly cmdlet?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body, as published. */
  readonly body?: unknown;
  /** A body that is not JSON (plain text, or empty). */
  readonly bodyText?: string;
}

export interface DetailMessageFixture {
  readonly source: string;
  readonly cmdlet: string;
  readonly message: string;
  readonly errorId: string | null;
  readonly exceptionType: string | null;
}

export interface GuessedCmdletError {
  readonly name: string;
  readonly cmdlet: string;
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly exceptionType: string;
}

function read<T>(folder: 'exchange' | 'graph', file: string): T {
  return JSON.parse(readFileSync(join(projectRoot(), 'test', 'fixtures', folder, file), 'utf8')) as T;
}

export function exchangeFixture(name: string): ContractFixture {
  return read<ContractFixture>('exchange', `${name}.json`);
}

export function graphFixture(name: string): ContractFixture {
  return read<ContractFixture>('graph', `${name}.json`);
}

export function exchangeDetailMessages(): readonly DetailMessageFixture[] {
  return read<{ messages: DetailMessageFixture[] }>('exchange', 'details-messages.json').messages;
}

export function guessedCmdletErrors(): readonly GuessedCmdletError[] {
  return read<{ errors: GuessedCmdletError[] }>('exchange', 'guessed-cmdlet-errors.json').errors;
}

/** The fixture's body exactly as the service sent it. */
export function bodyTextOf(fixture: ContractFixture): string {
  return fixture.bodyText ?? JSON.stringify(fixture.body);
}

/**
 * The real not-found envelope (Microsoft365DSC#2998) carrying another details message and status:
 * how the guessed errors and the published detail messages are put on the wire.
 */
export function exchangeErrorEnvelope(message: string, code: string): string {
  const real = exchangeFixture('not-found-get-application-access-policy').body as {
    error: { details: Array<Record<string, unknown>>; innererror: unknown };
  };
  return JSON.stringify({
    error: { code, message: 'Error executing cmdlet', details: [{ ...real.error.details[0], message }], innererror: real.error.innererror },
  });
}

/** The names of every key in a JSON value, as dotted paths (arrays as []), sorted: a value's shape. */
export function jsonShape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [`${prefix}[]`] : [...new Set(value.flatMap((item) => jsonShape(item, `${prefix}[]`)))].sort();
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Record<string, unknown>)
      .flatMap(([key, item]) => jsonShape(item, prefix === '' ? key : `${prefix}.${key}`))
      .sort();
  }
  return [`${prefix}:${value === null ? 'null' : typeof value}`];
}
