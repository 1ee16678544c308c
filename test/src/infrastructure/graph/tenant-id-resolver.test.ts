import { strict as assert } from 'node:assert';
import { isAppError } from '../../../../src/app/app-error';
import { directoryConfigFromEnv } from '../../../../src/config/directory-config';
import { createDirectoryServices } from '../../../../src/infrastructure/graph/directory-services';
import { sample, SimulatedTenantWorld } from '../../support/simulated-tenant-world';
import { MemoryLogger } from '../../support/test-logger';

describe('the tenant id of the Exchange URL and anchor', () => {
  let world: SimulatedTenantWorld;
  afterEach(() => world.stop());

  function servicesFor(tenant: string): ReturnType<typeof createDirectoryServices> {
    const config = directoryConfigFromEnv({
      AZURE_TENANT_ID: tenant,
      GRAPH_BASE_URL: world.sim.baseUrl,
      EXCHANGE_BASE_URL: world.sim.baseUrl,
      APPROVERS_GROUP_ID: sample.approvers,
    });
    if (!config.ok) throw new Error(config.errors.join('\n'));
    return createDirectoryServices(config.value, { clock: world.clock, logger: new MemoryLogger(), graphRetryDelaySeconds: 0 });
  }

  it('a tenant GUID is used as it is, without asking Graph', async () => {
    world = await SimulatedTenantWorld.start();
    const services = servicesFor(sample.tenantId.toUpperCase());
    assert.equal(await services.tenantId(), sample.tenantId);
    assert.equal(world.count('GET /organization'), 0);
  });

  it('a domain in AZURE_TENANT_ID is resolved once to the tenant GUID, which the Exchange URL then uses', async () => {
    world = await SimulatedTenantWorld.start();
    const services = servicesFor('contoso.onmicrosoft.com');
    assert.equal(await services.tenantId(), sample.tenantId);
    await services.exchangeClient.invoke('Get-Recipient', { Identity: 'megan@contoso.com' });
    await services.exchangeClient.invoke('Get-Recipient', { Identity: 'alex@contoso.com' });
    const exchangeCalls = world.log().filter((r) => r.cmdlet !== undefined);
    assert.ok(exchangeCalls.every((r) => r.path === `/adminapi/beta/${sample.tenantId}/InvokeCommand`));
    assert.equal(world.count('GET /organization'), 1, 'looked up once');
  });

  it('a domain that cannot be resolved is refused with what to set', async () => {
    world = await SimulatedTenantWorld.start({ faults: { forbid: ['GET /organization'] } });
    const services = servicesFor('contoso.onmicrosoft.com');
    await assert.rejects(services.tenantId(), (e: unknown) => {
      assert.ok(isAppError(e));
      assert.equal(e.code, 'configuration');
      assert.match(e.message, /^AZURE_TENANT_ID "contoso\.onmicrosoft\.com" is a domain name, and the bot could not find the tenant id \(GUID\) behind it: GET \/organization failed \(permission-denied\)\. Set AZURE_TENANT_ID to the Tenant ID/);
      return true;
    });
  });
});
