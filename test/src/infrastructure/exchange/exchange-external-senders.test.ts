import { strict as assert } from 'node:assert';
import { sample, SimulatedTenantWorld } from '../../support/simulated-tenant-world';

describe('ExchangeExternalSenders against the simulated tenant', () => {
  let world: SimulatedTenantWorld;
  beforeEach(async () => {
    world = await SimulatedTenantWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('lets external senders mail a distribution group (already allowed counts as allowed)', async () => {
    const group = { id: sample.salesPartnersDl, displayName: 'Sales Partners', kind: 'distribution' as const };
    assert.deepEqual(await world.services.externalSenders.allowExternalSenders(group), { kind: 'allowed' });
    const after = await world.exchange('Get-DistributionGroup', { Identity: sample.salesPartnersDl });
    assert.equal(after.value[0]?.['RequireSenderAuthenticationEnabled'], false);
    assert.deepEqual(await world.services.externalSenders.allowExternalSenders(group), { kind: 'allowed' });
    assert.equal(world.count('Set-DistributionGroup'), 1);
  });

  it('reports a refusal by its code', async () => {
    await world.stop();
    world = await SimulatedTenantWorld.start({ faults: { forbid: ['Set-DistributionGroup'] } });
    const group = { id: sample.projectFalconDl, displayName: 'Project Falcon', kind: 'distribution' as const };
    // Project Falcon already accepts external senders: nothing to change, so nothing is refused.
    assert.deepEqual(await world.services.externalSenders.allowExternalSenders(group), { kind: 'allowed' });
    const salesPartners = { id: sample.salesPartnersDl, displayName: 'Sales Partners', kind: 'distribution' as const };
    assert.deepEqual(await world.services.externalSenders.allowExternalSenders(salesPartners), { kind: 'failed', errorCode: 'permission-denied' });
  });

  it('refuses Microsoft 365 groups', async () => {
    const group = { id: sample.marketingM365, displayName: 'Marketing Campaigns', kind: 'microsoft-365' as const };
    assert.deepEqual(await world.services.externalSenders.allowExternalSenders(group), { kind: 'failed', errorCode: 'group-not-writable' });
    assert.equal(world.count('Set-DistributionGroup'), 0);
  });
});
