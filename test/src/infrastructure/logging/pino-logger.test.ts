import { strict as assert } from 'node:assert';
import { withLogFields } from '../../../../src/infrastructure/logging/log-context';
import { createLogger } from '../../../../src/infrastructure/logging/pino-logger';

/** A pino destination that keeps the lines it is given. */
class CapturedLines {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  parsed(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

describe('the pino logger', () => {
  it('adds the surrounding withLogFields to every line, also in work started inside it', async () => {
    const out = new CapturedLines();
    const logger = createLogger({ destination: out }).child({ component: 'jobs' });
    let background: Promise<void> = Promise.resolve();
    withLogFields({ correlationId: 'c-1' }, () => {
      logger.info('in the turn');
      background = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => logger.info('in a job the turn started'));
    });
    logger.info('outside');
    await background;
    assert.deepEqual(
      out.parsed().map((line) => [line['msg'], line['correlationId'], line['component']]),
      [
        ['in the turn', 'c-1', 'jobs'],
        ['outside', undefined, 'jobs'],
        ['in a job the turn started', 'c-1', 'jobs'],
      ],
    );
  });

  it('writes a field once when the logger or the line already has it (no duplicate JSON keys)', () => {
    const out = new CapturedLines();
    const logger = createLogger({ destination: out });
    withLogFields({ correlationId: 'turn', requestId: 'R-1' }, () => {
      logger.child({ correlationId: 'turn' }).info('bound');
      logger.info('explicit', { requestId: 'R-2' });
    });
    assert.equal(out.lines[0]?.match(/"correlationId"/g)?.length, 1);
    assert.equal(out.lines[1]?.match(/"requestId"/g)?.length, 1);
    assert.equal(out.parsed()[1]?.['requestId'], 'R-2');
  });

  it('never writes authorization headers, tokens, passwords or client secrets', () => {
    const out = new CapturedLines();
    createLogger({ destination: out }).info('call', {
      headers: { authorization: 'Bearer secret-token-1' },
      token: 'secret-token-2',
      accessToken: 'secret-token-3',
      credential: { clientSecret: 'secret-4', password: 'secret-5' },
    });
    assert.ok(!/secret-/.test(out.lines.join('')), out.lines.join(''));
    assert.match(out.lines[0] ?? '', /"authorization":"\[redacted\]"/);
  });
});
