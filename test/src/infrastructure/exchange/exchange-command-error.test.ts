import { strict as assert } from 'node:assert';
import { parseExchangeError } from '../../../../src/infrastructure/exchange/exchange-command-error';

/** Edge cases of the error reading; the real answers are in exchange-contract.test.ts. */
describe('parseExchangeError', () => {
  it('reads details given as an object, and a text that itself contains |', () => {
    const body = JSON.stringify({
      error: { code: 'BadRequest', message: 'x', details: { message: 'ExAAAA01|Microsoft.Exchange.Data.Directory.ProxyAddressExistsException|The proxy address "SMTP:a@b.example" | is used' } },
    });
    const error = parseExchangeError(400, 'New-MailContact', body);
    assert.equal(error.code, 'proxy-address-conflict');
    assert.equal(error.details.errorId, 'ExAAAA01');
    assert.equal(error.exceptionType, 'ProxyAddressExistsException');
    assert.equal(error.details.serviceMessage, 'The proxy address "SMTP:a@b.example" | is used');
  });

  it('finds the type when the id segment is missing, and never takes a type from the free text', () => {
    const noId = parseExchangeError(400, 'X', JSON.stringify({ error: { details: [{ message: 'Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException|already a member' }] } }));
    assert.equal(noId.exceptionType, 'MemberAlreadyExistsException');
    assert.equal(noId.details.errorId, undefined);
    const prose = parseExchangeError(
      400,
      'X',
      JSON.stringify({ error: { details: [{ message: 'something went wrong | see | Foo.Bar.BazException | here' }] } }),
    );
    assert.equal(prose.exceptionType, undefined);
    assert.equal(prose.code, 'request-rejected');
  });

  it('never reads innererror.type as the cmdlet exception; falls back to internalException, then error.message', () => {
    const inner = parseExchangeError(
      400,
      'Set-MailContact',
      JSON.stringify({ error: { message: 'outer', innererror: { type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException', internalException: { message: 'inner text' } } } }),
    );
    assert.equal(inner.exceptionType, undefined);
    assert.equal(inner.details.serviceMessage, 'inner text');
    assert.equal(inner.code, 'request-rejected');
    const outer = parseExchangeError(400, 'Set-MailContact', JSON.stringify({ error: { message: 'outer' } }));
    assert.equal(outer.details.serviceMessage, 'outer');
  });

  it('decides on the status before the body: 404 is not-found even when the body is HTML', () => {
    const error = parseExchangeError(404, 'Get-Recipient', '<html><body>Not Found</body></html>');
    assert.equal(error.code, 'not-found');
  });

  it('keeps the old 400 with the not-found exception as not-found', () => {
    const body = JSON.stringify({ error: { details: [{ message: 'Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|gone' }] } });
    assert.equal(parseExchangeError(400, 'Get-Recipient', body).code, 'not-found');
  });

  it('a 403 is a missing role whatever the body, with the roles of the cmdlet and of its switches', () => {
    const plain = parseExchangeError(403, 'New-MailContact', '');
    assert.equal(plain.code, 'permission-denied');
    assert.deepEqual(plain.rolesToGrant, ['Mail Recipient Creation']);
    assert.equal(plain.details.retryable, false);
    const bypass = parseExchangeError(403, 'Set-DistributionGroup', '\u0000\u00ff', { Identity: 'g', BypassSecurityGroupManagerCheck: true });
    assert.deepEqual(bypass.rolesToGrant, ['Distribution Groups', 'Security Group Creation and Membership']);
  });

  it('a 401 without Exchange JSON is a token problem; 5xx is unavailable; other 4xx rejected', () => {
    assert.equal(parseExchangeError(401, 'X', '').code, 'authentication-failed');
    assert.equal(parseExchangeError(500, 'X', '').code, 'service-unavailable');
    assert.equal(parseExchangeError(400, 'X', 'bad').code, 'request-rejected');
  });

  it('throttling by status (408, 429, 503, 504) is retryable; other statuses are not', () => {
    for (const status of [408, 429, 503, 504]) {
      const error = parseExchangeError(status, 'X', '');
      assert.equal(error.code, 'throttled', String(status));
      assert.equal(error.details.retryable, true, String(status));
    }
    for (const status of [400, 401, 403, 404, 500, 502]) assert.equal(parseExchangeError(status, 'X', '').details.retryable, false, String(status));
  });
});
