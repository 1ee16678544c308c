import { strict as assert } from 'node:assert';
import { parseExchangeError } from '../../src/infrastructure/exchange/exchange-command-error';
import {
  bodyTextOf,
  exchangeErrorEnvelope,
  exchangeFixture,
  graphFixture,
  guessedCmdletErrors,
  jsonShape,
  type ContractFixture,
} from '../support/contract-fixtures';
import { exchangeErrorParts, sample, SimulatorClient, type JsonResponse } from './simulator-fixture';

/**
 * The simulated tenant answers in the shapes Microsoft's services really use: each answer is
 * compared with a published real one (test/fixtures), key by key, and read the same way by the bot.
 */
describe('simulator: answers have the shapes of the real services (contract fixtures)', () => {
  let client: SimulatorClient;
  beforeEach(async () => {
    client = await SimulatorClient.start();
  });
  afterEach(() => client.stop());

  function sameShape(answer: JsonResponse, fixture: ContractFixture): void {
    assert.equal(answer.status, fixture.status, 'status');
    assert.deepEqual(jsonShape(answer.body), jsonShape(fixture.body), 'every key of the real body, with the same JSON types, and no other');
  }

  describe('Exchange InvokeCommand', () => {
    it('not found: 404 with the body of Microsoft365DSC#2998 (code, message, details[], innererror wrapper)', async () => {
      const answer = await client.exchange('Get-Recipient', { Identity: 'jane.doe@partner.example' });
      const fixture = exchangeFixture('not-found-get-application-access-policy');
      sameShape(answer, fixture);
      assert.equal(answer.body.error.code, fixture.body && (fixture.body as { error: { code: string } }).error.code);
      const [simulatedId, simulatedType] = exchangeErrorParts(answer.body);
      const [realId, realType] = exchangeErrorParts(fixture.body);
      assert.equal(simulatedId, realId);
      assert.equal(simulatedType, realType);
      assert.equal(answer.body.error.innererror.type, (fixture.body as { error: { innererror: { type: string } } }).error.innererror.type);
      const simulated = parseExchangeError(answer.status, 'Get-Recipient', JSON.stringify(answer.body));
      const real = parseExchangeError(fixture.status, 'Get-Recipient', bodyTextOf(fixture));
      assert.deepEqual([simulated.code, simulated.exceptionType, simulated.details.errorId], [real.code, real.exceptionType, real.details.errorId]);
    });

    for (const guess of guessedCmdletErrors()) {
      it(`${guess.name}: ${guess.status}, the real envelope, the ${guess.exceptionType} type in the second segment`, async () => {
        const answer =
          guess.name === 'proxy-address-exists'
            ? await client.exchange('New-MailContact', { Name: 'Someone', ExternalEmailAddress: 'lidia@partner.example' })
            : guess.name === 'member-already-exists'
              ? await client.exchange('Add-DistributionGroupMember', { Identity: sample.salesPartnersDl, Member: 'lidia@partner.example', BypassSecurityGroupManagerCheck: true })
              : await client.exchange('New-MailContact', { Name: 'x', ExternalEmailAddress: 'x@partner.example', Nickname: 'x' });
        assert.equal(answer.status, guess.status);
        assert.deepEqual(jsonShape(answer.body), jsonShape(JSON.parse(exchangeErrorEnvelope(guess.message, guess.code))));
        assert.equal(answer.body.error.code, guess.code);
        assert.match(exchangeErrorParts(answer.body)[0]!, /^Ex[0-9A-F]{6}$/);
        assert.equal(exchangeErrorParts(answer.body)[1]!.split('.').pop(), guess.exceptionType);
      });
    }

    it('a missing role: 403 with an empty body', async () => {
      client.sim.setFaults({ exchangeRoles: ['Mail Recipients'] });
      const answer = await client.exchange('New-MailContact', { Name: 'Jane', ExternalEmailAddress: 'jane@partner.example' });
      const fixture = exchangeFixture('forbidden-empty-body');
      assert.equal(answer.status, fixture.status);
      assert.equal(answer.body ?? '', fixture.bodyText);
    });

    it('throttled: plain text starting with the real "maximum number of concurrent requests" text', async () => {
      client.sim.setFaults({ errorRate: 1, errorKinds: ['throttle'] });
      const answer = await client.exchange('Get-Recipient', { Identity: 'megan@contoso.com' });
      const fixture = exchangeFixture('throttled-concurrent-requests');
      assert.equal(answer.status, fixture.status);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
      assert.ok(String(answer.body).startsWith(fixture.bodyText!));
    });
  });

  describe('Microsoft Graph', () => {
    it('a group that does not exist: 404 Request_ResourceNotFound in the shape of a real one', async () => {
      const answer = await client.graph('GET', '/groups/98abd59d-976f-4b23-b4f2-185b3450267a');
      sameShape(answer, graphFixture('resource-not-found-404'));
      assert.equal(answer.body.error.code, 'Request_ResourceNotFound');
    });

    it('adding an existing member: 400 Request_BadRequest in the shape of a real "already exist"', async () => {
      const answer = await client.graph('POST', `/groups/${sample.marketingM365}/members/$ref`, {
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${sample.pradeepGuest}`,
      });
      sameShape(answer, graphFixture('already-exists-400'));
      assert.equal(answer.body.error.code, 'Request_BadRequest');
    });

    it('a missing permission: 403 Authorization_RequestDenied in the shape of a real one', async () => {
      client.sim.setFaults({ forbid: ['GET /groups'] });
      const answer = await client.graph('GET', '/groups');
      const fixture = graphFixture('insufficient-privileges-403');
      sameShape(answer, fixture);
      assert.equal(answer.body.error.message, (fixture.body as { error: { message: string } }).error.message);
    });

    it('guests not allowed: the real code and text (the published body had its innerError cut, so only those two are compared)', async () => {
      const answer = await client.graph('POST', `/groups/${sample.legalM365NoGuests}/members/$ref`, {
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${sample.pradeepGuest}`,
      });
      const fixture = graphFixture('guests-not-allowed-403').body as { error: { code: string; message: string } };
      assert.equal(answer.status, 403);
      assert.deepEqual({ code: answer.body.error.code, message: answer.body.error.message }, fixture.error);
    });

    it('throttled: 429 with Retry-After and the body of Microsoft\'s throttling guidance', async () => {
      client.sim.setFaults({ errorRate: 1, errorKinds: ['throttle'], retryAfterSeconds: 2 });
      const answer = await client.graph('GET', '/users');
      sameShape(answer, graphFixture('throttled-429'));
      assert.equal(answer.headers.get('retry-after'), '2');
    });
  });
});
