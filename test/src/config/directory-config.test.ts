import { strict as assert } from 'node:assert';
import { directoryConfigFromEnv } from '../../../src/config/directory-config';

const tenant = '11111111-2222-3333-4444-555555555555';
const approvers = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function errorsOf(env: Record<string, string>): string[] {
  const result = directoryConfigFromEnv(env);
  return result.ok ? [] : result.errors;
}

describe('directoryConfigFromEnv', () => {
  it('against the simulated tenant on loopback with no credential, asks for no token', () => {
    const result = directoryConfigFromEnv({
      AZURE_TENANT_ID: tenant,
      GRAPH_BASE_URL: 'http://127.0.0.1:4000',
      EXCHANGE_BASE_URL: 'http://127.0.0.1:4000/',
      APPROVERS_GROUP_ID: approvers,
    });
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      tenantId: tenant,
      graphBaseUrl: 'http://127.0.0.1:4000/v1.0',
      exchangeBaseUrl: 'http://127.0.0.1:4000/adminapi/beta',
      credential: { kind: 'none' },
      approversGroupId: approvers,
      hideMailContactsFromAddressLists: false,
      exchangeConcurrency: 1,
    });
    assert.ok(Object.isFrozen(result.value));
  });

  it('against Microsoft with a client secret uses the default URLs', () => {
    const result = directoryConfigFromEnv({
      AZURE_TENANT_ID: tenant,
      AZURE_CLIENT_ID: 'app-id',
      AZURE_CLIENT_SECRET: 's3cret',
      APPROVERS_GROUP_ID: approvers,
      HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS: 'true',
      EXCHANGE_CONCURRENCY: '2',
    });
    assert.ok(result.ok);
    assert.equal(result.value.graphBaseUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(result.value.exchangeBaseUrl, 'https://outlook.office365.com/adminapi/beta');
    assert.deepEqual(result.value.credential, { kind: 'client-secret', tenantId: tenant, clientId: 'app-id', clientSecret: 's3cret' });
    assert.equal(result.value.hideMailContactsFromAddressLists, true);
    assert.equal(result.value.exchangeConcurrency, 2);
    assert.equal(result.value.exchangeServicePrincipal, 'app-id', 'Exchange knows the bot by its client id unless told otherwise');
  });

  it('EXCHANGE_SERVICE_PRINCIPAL names the bot to Exchange; a domain as AZURE_TENANT_ID is accepted (resolved at start-up)', () => {
    const result = directoryConfigFromEnv({
      AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
      AZURE_USE_MANAGED_IDENTITY: 'true',
      APPROVERS_GROUP_ID: approvers,
      EXCHANGE_SERVICE_PRINCIPAL: 'External Access bot',
    });
    assert.ok(result.ok);
    assert.equal(result.value.tenantId, 'contoso.onmicrosoft.com');
    assert.equal(result.value.exchangeServicePrincipal, 'External Access bot');
  });

  it('takes a certificate path or a managed identity', () => {
    const cert = directoryConfigFromEnv({
      AZURE_TENANT_ID: tenant,
      AZURE_CLIENT_ID: 'app-id',
      AZURE_CLIENT_CERTIFICATE_PATH: '/secrets/bot.pem',
      APPROVERS_GROUP_ID: approvers,
    });
    assert.ok(cert.ok);
    assert.deepEqual(cert.value.credential, { kind: 'client-certificate', tenantId: tenant, clientId: 'app-id', certificatePath: '/secrets/bot.pem' });
    const managed = directoryConfigFromEnv({ AZURE_TENANT_ID: tenant, AZURE_USE_MANAGED_IDENTITY: 'true', AZURE_CLIENT_ID: 'mi-client', APPROVERS_GROUP_ID: approvers });
    assert.ok(managed.ok);
    assert.deepEqual(managed.value.credential, { kind: 'managed-identity', clientId: 'mi-client' });
  });

  it('against Microsoft with no credential, says what to set', () => {
    const errors = errorsOf({ AZURE_TENANT_ID: tenant, APPROVERS_GROUP_ID: approvers });
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_USE_MANAGED_IDENTITY=true/);
  });

  it('with only one of the two back ends on loopback, still needs a credential', () => {
    const errors = errorsOf({ AZURE_TENANT_ID: tenant, GRAPH_BASE_URL: 'http://127.0.0.1:4000', APPROVERS_GROUP_ID: approvers });
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /No credential/);
  });

  it('reports every problem at once, each naming the key to set', () => {
    const errors = errorsOf({
      AZURE_CLIENT_SECRET: 'x',
      GRAPH_BASE_URL: 'http://graph.example.com',
      EXCHANGE_BASE_URL: 'not a url',
      HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS: 'maybe',
      EXCHANGE_CONCURRENCY: '0',
    });
    const keys = ['AZURE_TENANT_ID', 'GRAPH_BASE_URL', 'EXCHANGE_BASE_URL', 'AZURE_CLIENT_ID', 'APPROVERS_GROUP_ID', 'HIDE_MAIL_CONTACTS_FROM_ADDRESS_LISTS', 'EXCHANGE_CONCURRENCY'];
    for (const key of keys) assert.ok(errors.some((e) => e.startsWith(key)), `no error for ${key}: ${errors.join(' / ')}`);
    assert.ok(!errors.some((e) => e.includes('"x"')), 'a secret value must never appear in an error');
  });

  it('refuses two credentials at once', () => {
    const errors = errorsOf({
      AZURE_TENANT_ID: tenant,
      AZURE_CLIENT_ID: 'app',
      AZURE_CLIENT_SECRET: 'x',
      AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem',
      APPROVERS_GROUP_ID: approvers,
    });
    assert.deepEqual(errors.length, 1);
    assert.match(errors[0] ?? '', /set only one/);
  });
});
