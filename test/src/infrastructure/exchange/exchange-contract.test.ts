import { strict as assert } from 'node:assert';
import { ExchangeAdminClient } from '../../../../src/infrastructure/exchange/exchange-admin-client';
import { isExchangeCommandError, parseExchangeError, type ExchangeCommandError } from '../../../../src/infrastructure/exchange/exchange-command-error';
import {
  bodyTextOf,
  exchangeDetailMessages,
  exchangeErrorEnvelope,
  exchangeFixture,
  guessedCmdletErrors,
  type ContractFixture,
} from '../../../support/contract-fixtures';
import { ScriptedHttpServer } from '../../support/scripted-http-server';
import { MemoryLogger } from '../../support/test-logger';

/** The bot's Exchange error reading on answers Exchange Online really gave (test/fixtures/exchange). */
describe('Exchange contract: real InvokeCommand answers', () => {
  describe('parseExchangeError on the published answers', () => {
    it('the real not-found body (404, id|type|text): not-found, with the id and the type apart and the wrapper ignored', () => {
      const fixture = exchangeFixture('not-found-get-application-access-policy');
      const error = parseExchangeError(fixture.status, fixture.cmdlet!, bodyTextOf(fixture));
      assert.equal(error.code, 'not-found');
      assert.equal(error.details.errorId, 'Ex6F9304');
      assert.equal(error.exceptionType, 'ManagementObjectNotFoundException');
      assert.match(error.details.serviceMessage, /^The operation couldn't be performed because object '/);
      assert.equal(error.details.retryable, false);
    });

    for (const fixture of exchangeDetailMessages()) {
      it(`details message from ${fixture.source}: id ${fixture.errorId ?? '(none)'}, type ${fixture.exceptionType ?? '(none)'}`, () => {
        const error = parseExchangeError(404, fixture.cmdlet, exchangeErrorEnvelope(fixture.message, 'NotFound'));
        assert.equal(error.details.errorId, fixture.errorId ?? undefined);
        assert.equal(error.exceptionType, fixture.exceptionType ?? undefined);
        assert.ok(!error.details.serviceMessage.includes('|'), 'the text is the part after the type');
        assert.ok(fixture.message.endsWith(error.details.serviceMessage));
        // Under 404 every one of them reads as not-found, even without a type.
        assert.equal(error.code, 'not-found');
      });
    }

    it('the ambiguous-name answer under 400 is the not-found exception too (Exchange reports it so)', () => {
      const ambiguous = exchangeDetailMessages().find((m) => m.errorId === 'Ex9E65A2')!;
      assert.equal(parseExchangeError(400, ambiguous.cmdlet, exchangeErrorEnvelope(ambiguous.message, 'BadRequest')).code, 'not-found');
    });

    it('a validation failure (ExE71684) under 400 is a rejected request, not retried', () => {
      const validation = exchangeDetailMessages().find((m) => m.errorId === 'ExE71684')!;
      const error = parseExchangeError(400, validation.cmdlet, exchangeErrorEnvelope(validation.message, 'BadRequest'));
      assert.equal(error.code, 'request-rejected');
      assert.equal(error.exceptionType, 'ProvisioningValidationException');
      assert.equal(error.details.retryable, false);
    });

    it('401 "User is not allowed to call Get-Mailbox" is a missing role (Exchange knows the app, RBAC refuses), not a token problem', () => {
      const fixture = exchangeFixture('unauthorized-not-allowed-to-call');
      const error = parseExchangeError(fixture.status, 'New-MailContact', bodyTextOf(fixture));
      assert.equal(error.code, 'permission-denied');
      assert.deepEqual(error.rolesToGrant, ['Mail Recipient Creation']);
      assert.equal(error.exceptionType, undefined, 'the wrapper type is not the cmdlet exception');
    });

    it('403 with an empty body is a missing role, with the role of the switch too', () => {
      const fixture = exchangeFixture('forbidden-empty-body');
      const error = parseExchangeError(fixture.status, fixture.cmdlet!, bodyTextOf(fixture), { Identity: 'g', Member: 'm', BypassSecurityGroupManagerCheck: true });
      assert.equal(error.code, 'permission-denied');
      assert.deepEqual(error.rolesToGrant, ['Distribution Groups', 'Security Group Creation and Membership']);
      assert.equal(error.details.retryable, false);
    });

    it('the concurrent-requests text is throttling under any status', () => {
      const fixture = exchangeFixture('throttled-concurrent-requests');
      for (const status of [fixture.status, 400, 500]) {
        const error = parseExchangeError(status, fixture.cmdlet!, bodyTextOf(fixture));
        assert.equal(error.code, 'throttled', String(status));
        assert.equal(error.details.retryable, true, String(status));
      }
    });

    for (const guess of guessedCmdletErrors()) {
      it(`guessed ${guess.name}: the ${guess.exceptionType} type is read from the second segment`, () => {
        const error = parseExchangeError(guess.status, guess.cmdlet, exchangeErrorEnvelope(guess.message, guess.code));
        assert.equal(error.exceptionType, guess.exceptionType);
        assert.equal(error.code, guess.name === 'proxy-address-exists' ? 'proxy-address-conflict' : 'request-rejected');
      });
    }
  });

  describe('ExchangeAdminClient on the published answers (scripted loopback server)', () => {
    let server: ScriptedHttpServer | undefined;
    const logger = new MemoryLogger();
    afterEach(async () => {
      await server?.stop();
      server = undefined;
      logger.records.length = 0;
    });

    function serve(fixture: ContractFixture, thenOk = false): Promise<ScriptedHttpServer> {
      return ScriptedHttpServer.start((_request, index) =>
        thenOk && index > 0
          ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"value":[{"Name":"ok"}]}' }
          : { status: fixture.status, headers: fixture.contentType ? { 'content-type': fixture.contentType } : ({} as Record<string, string>), body: bodyTextOf(fixture) },
      );
    }

    function client(): ExchangeAdminClient {
      return new ExchangeAdminClient({
        baseUrl: `${server!.baseUrl}/adminapi/beta`,
        tenantId: '2c9b95af-a741-4a63-8025-5fbea3369fd5',
        concurrency: 1,
        logger,
        retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 50 },
        sleep: () => Promise.resolve(),
        random: () => 0.5,
      });
    }

    async function failure(call: Promise<unknown>): Promise<ExchangeCommandError> {
      try {
        await call;
      } catch (error) {
        assert.ok(isExchangeCommandError(error), String(error));
        return error;
      }
      assert.fail('expected the call to fail');
    }

    it('the real 404 fails at once as not-found: one request, no retry', async () => {
      server = await serve(exchangeFixture('not-found-get-application-access-policy'));
      const error = await failure(client().invoke('Get-Recipient', { Identity: 'jane@partner.example' }));
      assert.equal(error.code, 'not-found');
      assert.equal(server.requests.length, 1);
    });

    it('403 with an empty body fails at once as a missing role: one request, nothing logged as a retry', async () => {
      server = await serve(exchangeFixture('forbidden-empty-body'));
      const error = await failure(client().invoke('Add-DistributionGroupMember', { Identity: 'g', Member: 'm', BypassSecurityGroupManagerCheck: true }));
      assert.equal(error.code, 'permission-denied');
      assert.deepEqual(error.rolesToGrant, ['Distribution Groups', 'Security Group Creation and Membership']);
      assert.equal(server.requests.length, 1);
      assert.ok(!logger.records.some((e) => /retry/i.test(e.msg)), 'no retry was logged');
    });

    it('the concurrent-requests text is retried, then the command succeeds', async () => {
      server = await serve({ ...exchangeFixture('throttled-concurrent-requests'), status: 500 }, true);
      const result = await client().invoke('Get-Recipient', { Identity: 'x' });
      assert.deepEqual(result.value, [{ Name: 'ok' }]);
      assert.equal(server.requests.length, 2);
    });
  });
});
