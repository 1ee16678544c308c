import { strict as assert } from 'node:assert';
import { parseExchangeError } from '../../../../src/infrastructure/exchange/exchange-command-error';

describe('parseExchangeError', () => {
  it('reads the exception type from details given as an array', () => {
    const body = JSON.stringify({
      error: {
        code: 'InternalServerError',
        message: 'Error executing cmdlet',
        details: [{ message: "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|Microsoft.Exchange.Management.RecipientTasks.GetRecipient|The operation couldn't be performed because object 'x' couldn't be found." }],
      },
    });
    const error = parseExchangeError(404, 'Get-Recipient', body);
    assert.equal(error.code, 'not-found');
    assert.equal(error.exceptionType, 'ManagementObjectNotFoundException');
    assert.equal(error.details.fullyQualifiedErrorId, 'Microsoft.Exchange.Management.RecipientTasks.GetRecipient');
    assert.match(error.details.serviceMessage, /couldn't be found/);
  });

  it('reads details given as an object, and a message that itself contains |', () => {
    const body = JSON.stringify({
      error: { code: 'BadRequest', message: 'x', details: { message: 'ProxyAddressExistsException|Id|The proxy address "SMTP:a@b.example" | is used' } },
    });
    const error = parseExchangeError(400, 'New-MailContact', body);
    assert.equal(error.code, 'proxy-address-conflict');
    assert.equal(error.details.serviceMessage, 'The proxy address "SMTP:a@b.example" | is used');
  });

  it('falls back to innererror.internalException, then error.message', () => {
    const inner = parseExchangeError(
      400,
      'Set-MailContact',
      JSON.stringify({ error: { message: 'outer', innererror: { type: 'Some.Namespace.FooException', internalException: { message: 'inner text' } } } }),
    );
    assert.equal(inner.exceptionType, 'FooException');
    assert.equal(inner.details.serviceMessage, 'inner text');
    assert.equal(inner.code, 'request-rejected');
    const outer = parseExchangeError(400, 'Set-MailContact', JSON.stringify({ error: { message: 'outer' } }));
    assert.equal(outer.details.serviceMessage, 'outer');
    assert.equal(outer.exceptionType, undefined);
  });

  it('keeps a plain-text body as the message and classifies by status', () => {
    const error = parseExchangeError(429, 'Get-Recipient', 'You have reached the maximum number of concurrent requests per tenant. Please wait and try again');
    assert.equal(error.code, 'throttled');
    assert.match(error.details.serviceMessage, /maximum number of concurrent requests/);
    assert.equal(parseExchangeError(503, 'X', '').code, 'service-unavailable');
    assert.equal(parseExchangeError(401, 'X', '').code, 'authentication-failed');
    assert.equal(parseExchangeError(403, 'X', '<html>denied</html>').code, 'permission-denied');
  });
});
