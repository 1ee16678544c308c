import type { TenantData, TenantUser } from '../simulator/tenant-data';

/** The bot as the Playground shows it. */
export const playgroundBot = { id: '28:external-access-bot', name: 'Group Gatekeeper' } as const;

/** The tenant-file user with this user principal name, mail or object id (case-insensitive). */
export function findTenantUser(tenant: TenantData, who: string): TenantUser | undefined {
  const wanted = who.trim().toLowerCase();
  return tenant.users.find(
    (user) => user.id.toLowerCase() === wanted || user.userPrincipalName.toLowerCase() === wanted || (user.mail ?? '').toLowerCase() === wanted,
  );
}

/** The Playground's configuration takes exactly this many other users (fewer or more is refused). */
export const playgroundUserCount = 5;

function standIn(n: number, tenant: TenantData): TenantUser {
  const domain = tenant.users[0]?.userPrincipalName.split('@')[1] ?? 'contoso.com';
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    displayName: `Playground Colleague ${n}`,
    userPrincipalName: `playground.colleague${n}@${domain}`,
    mail: `playground.colleague${n}@${domain}`,
    userType: 'Member',
    otherMails: [],
    proxyAddresses: [],
    givenName: 'Playground',
    surname: `Colleague ${n}`,
    jobTitle: null,
    externalUserState: null,
    creationType: null,
  };
}

/** A YAML scalar: JSON strings are valid YAML double-quoted strings. */
function q(value: string): string {
  return JSON.stringify(value);
}

function person(user: TenantUser, indent: string): string {
  const [firstWord, ...rest] = user.displayName.split(' ');
  return [
    `id: ${q(`29:${user.id}`)}`,
    `name: ${q(user.displayName)}`,
    `userPrincipleName: ${q(user.userPrincipalName)}`,
    `aadObjectId: ${q(user.id)}`,
    `givenName: ${q(user.givenName ?? firstWord ?? user.displayName)}`,
    `surname: ${q(user.surname ?? rest.join(' '))}`,
    `email: ${q(user.mail ?? user.userPrincipalName)}`,
  ].join(`\n${indent}`);
}

export interface PlaygroundConfigOptions {
  /**
   * Names this Playground's conversations (personal chat, group chat, team, channel), so that two
   * Playgrounds talking to one bot (a requester and an approver) never share a conversation id.
   * Default: derived from the user.
   */
  readonly conversationPrefix?: string;
}

/**
 * The Microsoft 365 Agents Playground configuration (.m365agentsplayground.yml, version 0.1.1) for
 * acting as `user` of the tenant file: the Playground's current user carries the user's Entra
 * object id, so the bot sees the same identity that the simulated directory knows. The tenant's
 * other members (exactly five, with stand-ins for a small tenant) are the chat and team members;
 * the team has an "Approvals" channel, where an approver can type "approvals here".
 */
export function playgroundConfigYaml(tenant: TenantData, user: TenantUser, options: PlaygroundConfigOptions = {}): string {
  const others: TenantUser[] = tenant.users
    .filter((other) => other.id !== user.id && other.userType !== 'Guest')
    .slice(0, playgroundUserCount);
  for (let n = others.length + 1; others.length < playgroundUserCount; n += 1) others.push(standIn(n, tenant));
  const prefix = options.conversationPrefix ?? user.id;
  const lines = [
    '# Generated (scripts/playground-config.ts): the Playground user is a person of the simulated tenant.',
    'version: "0.1.1"',
    `tenantId: ${q(tenant.tenant.id)}`,
    'bot:',
    `  id: ${q(playgroundBot.id)}`,
    `  name: ${q(playgroundBot.name)}`,
    'currentUser:',
    `  ${person(user, '  ')}`,
    'users:',
    ...others.map((other) => `  - ${person(other, '    ')}`),
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
