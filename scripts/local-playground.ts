import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantData, TenantUser } from '../simulator/tenant-data';
import { findTenantUser, playgroundConfigYaml } from './playground-config';
import { type ClientLanguage, startLanguageRelay } from './playground-language-relay';
import { type RunningPlayground, startPlayground } from './playground-process';
import { projectDir } from './project-dir';

export interface LocalPlayground {
  readonly playground: RunningPlayground;
  readonly user: TenantUser;
  readonly configPath: string;
}

/** Who can be chosen as the Playground user, for an error message. */
export function describeUsers(tenant: TenantData): string {
  return tenant.users
    .filter((user) => user.userType === 'Member')
    .map((user) => `${user.userPrincipalName} (${user.displayName})`)
    .join(', ');
}

/**
 * Writes a Playground configuration for `who` (a tenant-file user) under DATA_DIR/playground and
 * starts the Playground against the bot.
 */
export async function startLocalPlayground(options: {
  readonly tenant: TenantData;
  readonly who: string;
  readonly botUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** The language of this person's Teams client (the Playground alone always says en-US). */
  readonly language?: ClientLanguage;
}): Promise<LocalPlayground> {
  const user = findTenantUser(options.tenant, options.who);
  if (!user) throw new Error(`"${options.who}" is not a user of the tenant file. Choose one of: ${describeUsers(options.tenant)}.`);
  const folder = join(options.dataDir, 'playground');
  mkdirSync(folder, { recursive: true });
  const alias = user.userPrincipalName.split('@')[0]?.replace(/[^A-Za-z0-9_-]/g, '_') ?? user.id;
  const configPath = join(folder, `${alias}.m365agentsplayground.yml`);
  writeFileSync(configPath, playgroundConfigYaml(options.tenant, user));
  const relay = options.language ? await startLanguageRelay(`${options.botUrl}/api/messages`, options.language) : undefined;
  const started = await startPlayground({
    botEndpoint: relay?.endpoint ?? `${options.botUrl}/api/messages`,
    port: options.port,
    configPath,
    logFile: join(folder, `${alias}.log`),
    projectDir: projectDir(),
  });
  const playground: RunningPlayground = relay
    ? { ...started, stop: async () => { await started.stop(); await relay.stop(); } }
    : started;
  return { playground, user, configPath };
}
