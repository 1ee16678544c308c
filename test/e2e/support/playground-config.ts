import type { TenantPerson } from './tenant-people';

/** What one Playground instance simulates: who is signed in, and the ids of its conversations. */
export interface PlaygroundIdentity {
  readonly tenantId: string;
  readonly currentUser: TenantPerson;
  /** The tenant's other people (the Playground's config takes exactly five; missing ones are filled in). */
  readonly others: readonly TenantPerson[];
  /** Distinguishes this Playground's conversations from another one's talking to the same bot. */
  readonly conversationPrefix: string;
  readonly botName: string;
}

/** The Playground's config file accepts exactly this many entries under "users". */
export const playgroundUserCount = 5;

/**
 * The text of a `.m365agentsplayground.yml` (schema version 0.1.1) for one person. Every string is
 * written as a JSON string, which YAML reads as a double-quoted scalar.
 */
export function playgroundConfigYaml(identity: PlaygroundIdentity): string {
  const q = (value: string): string => JSON.stringify(value);
  const userLines = (indent: string, user: TenantPerson, id: string): string[] => [
    `${indent}id: ${q(id)}`,
    `${indent}name: ${q(user.displayName)}`,
    `${indent}userPrincipleName: ${q(user.userPrincipalName)}`,
    `${indent}aadObjectId: ${q(user.aadObjectId)}`,
    `${indent}givenName: ${q(user.givenName)}`,
    `${indent}surname: ${q(user.surname)}`,
    `${indent}email: ${q(user.mail)}`,
  ];
  const others = identity.others.filter((p) => p.aadObjectId !== identity.currentUser.aadObjectId).slice(0, playgroundUserCount);
  for (let n = others.length + 1; others.length < playgroundUserCount; n += 1) others.push(fillerPerson(n));
  const prefix = identity.conversationPrefix;
  const lines = [
    'version: "0.1.1"',
    `tenantId: ${q(identity.tenantId)}`,
    'bot:',
    `  id: ${q('28:external-access-bot')}`,
    `  name: ${q(identity.botName)}`,
    'currentUser:',
    ...userLines('  ', identity.currentUser, `29:${identity.currentUser.aadObjectId}`),
    'users:',
    ...others.flatMap((p) => {
      const [first, ...rest] = userLines('    ', p, `29:${p.aadObjectId}`);
      return [`  - ${first!.trimStart()}`, ...rest];
    }),
    'personalChat:',
    `  id: ${q(`a:${prefix}-personal-chat`)}`,
    'groupChat:',
    `  id: ${q(`19:${prefix}-group-chat@thread.v2`)}`,
    `  name: ${q('Group Chat')}`,
    'team:',
    `  id: ${q(`19:${prefix}-team@thread.tacv2`)}`,
    `  name: ${q('My Team')}`,
    `  aadGroupId: ${q('00000000-0000-0000-0000-000000000031')}`,
    '  channels:',
    `    - id: ${q(`19:${prefix}-approvals@thread.tacv2`)}`,
    `      name: ${q('Approvals')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Someone who is not in the tenant, only there because the Playground wants five users. */
function fillerPerson(n: number): TenantPerson {
  const id = `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
  return {
    aadObjectId: id,
    displayName: `Playground Filler ${n}`,
    givenName: 'Playground',
    surname: `Filler ${n}`,
    userPrincipalName: `filler${n}@playground.invalid`,
    mail: `filler${n}@playground.invalid`,
  };
}
