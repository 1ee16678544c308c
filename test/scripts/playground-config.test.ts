import { strict as assert } from 'node:assert';
import { loadTenantFile, sampleTenantPath } from '../../simulator/tenant-file';
import { findTenantUser, playgroundConfigYaml, playgroundUserCount } from '../../scripts/playground-config';
import type { TenantData, TenantUser } from '../../simulator/tenant-data';

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

  function usersOf(yaml: string): string[] {
    const section = yaml.split('\nusers:\n')[1]?.split('\npersonalChat:')[0] ?? '';
    return section.split('\n').filter((line) => line.startsWith('  - id: '));
  }

  function colleague(n: number): TenantUser {
    const template = tenant.users[1] as TenantUser;
    return { ...template, id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`, displayName: `Colleague ${n}`, userPrincipalName: `c${n}@contoso.com` };
  }

  it('finds a user by object id too, and lists exactly five other users, never the signed-in person (the Playground requires five)', () => {
    const alex = findTenantUser(tenant, 'fa87908e-7a2e-4bed-9075-6c28dbb016b4');
    assert.equal(alex?.displayName, 'Alex Wilber');
    if (!alex) return;
    const users = usersOf(playgroundConfigYaml(tenant, alex));
    assert.equal(users.length, playgroundUserCount);
    assert.doesNotMatch(users.join('\n'), /fa87908e-7a2e-4bed-9075-6c28dbb016b4/, 'the current user is not among the others');
  });

  it('keeps to five other users for a big tenant file, and fills in for a small one', () => {
    const megan = findTenantUser(tenant, 'megan@contoso.com') as TenantUser;
    const big: TenantData = { ...tenant, users: [...tenant.users, ...[1, 2, 3, 4, 5, 6].map(colleague)] };
    assert.equal(usersOf(playgroundConfigYaml(big, megan)).length, playgroundUserCount);
    const small: TenantData = { ...tenant, users: [megan] };
    assert.equal(usersOf(playgroundConfigYaml(small, megan)).length, playgroundUserCount);
  });

  it('gives each Playground its own conversation ids, so a requester and an approver on one bot stay apart', () => {
    const megan = findTenantUser(tenant, 'megan@contoso.com') as TenantUser;
    const alex = findTenantUser(tenant, 'alex@contoso.com') as TenantUser;
    const ids = (yaml: string): string[] => [...yaml.matchAll(/^ {2,6}(?:- )?id: "((?:a|19):.*)"$/gm)].map((m) => m[1] ?? '');
    const a = ids(playgroundConfigYaml(tenant, megan));
    const b = ids(playgroundConfigYaml(tenant, alex));
    assert.equal(a.length, 4, 'personal chat, group chat, team and its Approvals channel');
    assert.deepEqual(a.filter((id) => b.includes(id)), []);
    assert.match(playgroundConfigYaml(tenant, alex, { conversationPrefix: 'approver' }), /id: "19:approver-approvals@thread\.tacv2"\n {6}name: "Approvals"/);
  });

  it('does not find someone who is not in the tenant file', () => {
    assert.equal(findTenantUser(tenant, 'nobody@contoso.com'), undefined);
  });
});
