import { strict as assert } from 'node:assert';
import { loadTenantFile, sampleTenantPath } from '../../../simulator/tenant-file';
import { playgroundConfigYaml, playgroundUserCount } from './playground-config';
import { tenantPeople } from './tenant-people';

/** The few YAML shapes the generator writes, read back without a YAML library. */
function usersOf(yaml: string): string[] {
  const section = yaml.split('\nusers:\n')[1]?.split('\npersonalChat:')[0] ?? '';
  return section.split('\n').filter((line) => line.startsWith('  - id: '));
}

describe('e2e harness: the Playground configuration of one person', () => {
  const people = tenantPeople(loadTenantFile(sampleTenantPath()));

  it('signs the Playground in as the tenant person, with their Entra object id and name', () => {
    const yaml = playgroundConfigYaml({ tenantId: people.tenantId, currentUser: people.approver, others: people.others, conversationPrefix: 'approver', botName: 'External Access' });
    assert.ok(yaml.startsWith('version: "0.1.1"\n'), 'the Playground only reads version 0.1.1 files');
    const current = yaml.split('\ncurrentUser:\n')[1]?.split('\nusers:')[0] ?? '';
    assert.match(current, new RegExp(`aadObjectId: "${people.approver.aadObjectId}"`));
    assert.match(current, /name: "Alex Wilber"/);
    assert.match(current, /userPrincipleName: "alex@contoso.com"/);
  });

  it('lists exactly five other users, filling in when the tenant has fewer, never the signed-in person', () => {
    const yaml = playgroundConfigYaml({ tenantId: people.tenantId, currentUser: people.requester, others: people.others.slice(0, 2), conversationPrefix: 'requester', botName: 'External Access' });
    const users = usersOf(yaml);
    assert.equal(users.length, playgroundUserCount);
    assert.ok(!yaml.split('\nusers:\n')[1]!.includes(people.requester.aadObjectId), 'the requester is not among the others');
  });

  it('gives each person their own conversation ids, so two Playgrounds against one bot stay apart', () => {
    const a = playgroundConfigYaml({ tenantId: people.tenantId, currentUser: people.requester, others: people.others, conversationPrefix: 'requester', botName: 'External Access' });
    const b = playgroundConfigYaml({ tenantId: people.tenantId, currentUser: people.approver, others: people.others, conversationPrefix: 'approver', botName: 'External Access' });
    // The chats', the team's and the channel's ids (not the bot's, which is the same bot).
    const ids = (yaml: string): string[] => [...yaml.matchAll(/^ {2,6}(?:- )?id: "(a:|19:)(.*)"$/gm)].map((m) => `${m[1]}${m[2]}`);
    assert.equal(ids(a).length, 4);
    assert.deepEqual(ids(a).filter((id) => ids(b).includes(id)), []);
  });
});
