import { strict as assert } from 'node:assert';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { findTenantUser, playgroundConfigYaml } from '../../scripts/playground-config';

describe('playgroundConfigYaml', () => {
  const tenant = loadTenantFile(sampleTenantPath());

  it('makes the sample requester the Playground user, with her Entra object id, name and UPN', () => {
    const megan = findTenantUser(tenant, 'MEGAN@contoso.com');
    assert.ok(megan);
    const yaml = playgroundConfigYaml(tenant, megan);
    assert.match(yaml, /^version: "0\.1\.1"$/m);
    assert.match(yaml, new RegExp(`^tenantId: "${tenant.tenant.id}"$`, 'm'));
    const currentUser = yaml.split('\ncurrentUser:\n')[1]?.split('\nusers:')[0] ?? '';
    assert.match(currentUser, /aadObjectId: "1bdf6ebe-100d-4a76-af06-e24d23e91909"/);
    assert.match(currentUser, /name: "Megan Bowen"/);
    assert.match(currentUser, /userPrincipleName: "megan@contoso.com"/);
  });

  it('finds a user by object id too, and lists at least five other users (the Playground requires it)', () => {
    const alex = findTenantUser(tenant, 'fa87908e-7a2e-4bed-9075-6c28dbb016b4');
    assert.equal(alex?.displayName, 'Alex Wilber');
    if (!alex) return;
    const users = playgroundConfigYaml(tenant, alex).split('\nusers:\n')[1]?.split('\npersonalChat:')[0] ?? '';
    assert.ok((users.match(/^ {2}- id: /gm) ?? []).length >= 5);
    assert.doesNotMatch(users, /fa87908e-7a2e-4bed-9075-6c28dbb016b4/, 'the current user is not among the others');
  });

  it('does not find someone who is not in the tenant file', () => {
    assert.equal(findTenantUser(tenant, 'nobody@contoso.com'), undefined);
  });
});
