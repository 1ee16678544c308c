import { strict as assert } from 'node:assert';
import { telemetryConfigFromEnv } from '../../../src/config/telemetry-config';

const connectionString = 'InstrumentationKey=0f3b0a4c-2d1e-4f5a-9b8c-7d6e5f4a3b2c;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/';
const clientId = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';

describe('telemetry configuration', () => {
  it('is off without a connection string', () => {
    assert.deepEqual(telemetryConfigFromEnv({}), { ok: true, value: { kind: 'off' } });
  });

  it('sends to Azure Monitor with the connection string, authenticating with the managed identity the authentication string names', () => {
    assert.deepEqual(telemetryConfigFromEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }), { ok: true, value: { kind: 'azure-monitor', connectionString } });
    assert.deepEqual(telemetryConfigFromEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, APPLICATIONINSIGHTS_AUTHENTICATION_STRING: `Authorization=AAD;ClientId=${clientId}` }), {
      ok: true,
      value: { kind: 'azure-monitor', connectionString, managedIdentity: { clientId } },
    });
    assert.deepEqual(telemetryConfigFromEnv({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD' }), {
      ok: true,
      value: { kind: 'azure-monitor', connectionString, managedIdentity: {} },
    });
  });

  const wrong: readonly [string, Record<string, string>, RegExp][] = [
    ['a connection string without an instrumentation key', { APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://x/' }, /^APPLICATIONINSIGHTS_CONNECTION_STRING has no InstrumentationKey/],
    ['an ingestion endpoint that is not a URL', { APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=0f3b0a4c-2d1e-4f5a-9b8c-7d6e5f4a3b2c;IngestionEndpoint=westeurope' }, /malformed IngestionEndpoint "westeurope"/],
    ['an authentication string without a connection string', { APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD' }, /^APPLICATIONINSIGHTS_AUTHENTICATION_STRING is set without APPLICATIONINSIGHTS_CONNECTION_STRING/],
    ['an unknown authentication', { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=Basic' }, /is not known: set it to Authorization=AAD/],
    ['a client id that is not a GUID', { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=bot' }, /malformed ClientId "bot"/],
  ];
  for (const [what, env, expected] of wrong) {
    it(`refuses ${what}, saying what to set`, () => {
      const result = telemetryConfigFromEnv(env);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.errors.join(' | '), expected);
    });
  }
});
