import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configFromEnv, sampleTenantApproversGroupId } from '../../../src/config/load-config';

const cwd = '/srv/bot';
const appId = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const tenantId = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const productionBot = { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: appId, MicrosoftAppPassword: 'app-secret', MicrosoftAppTenantId: tenantId };
const productionDirectory = {
  AZURE_TENANT_ID: tenantId,
  AZURE_CLIENT_ID: appId,
  AZURE_CLIENT_SECRET: 'graph-secret',
  APPROVERS_GROUP_ID: '7896c217-1928-4f2e-a984-e50cc4ab967e',
};

function errorsOf(env: Record<string, string>): string[] {
  const result = configFromEnv(env, cwd);
  assert.equal(result.ok, false, 'expected configuration errors');
  return result.ok ? [] : result.errors;
}

function valueOf(env: Record<string, string>) {
  const result = configFromEnv(env, cwd);
  if (!result.ok) assert.fail(result.errors.join('\n'));
  return result.value;
}

describe('configFromEnv', () => {
  it('with nothing set, runs locally: embedded simulated tenant, no authentication, loopback, port 3978, ./data', () => {
    const config = valueOf({});
    assert.deepEqual(config.bot, { auth: { kind: 'none' }, port: 3978, host: '127.0.0.1', dataDir: '/srv/bot/data', logLevel: 'info', shutdownGraceMs: 20000 });
    assert.deepEqual(config.tenant, { kind: 'embedded-simulator' });
    assert.deepEqual(config.local, { simulatorPort: 0, playgroundPort: 56150, playgroundUser: 'megan@contoso.com' });
    assert.deepEqual(config.storage, { kind: 'file', dataDir: './data' });
  });

  it('lists storage problems together with every other problem', () => {
    const errors = errorsOf({ PORT: '-1', STORAGE: 'floppy', MicrosoftAppId: appId });
    assert.ok(errors.some((error) => /^PORT "-1" is not a port/.test(error)));
    assert.ok(errors.some((error) => /^STORAGE "floppy" is not supported/.test(error)));
    assert.ok(errors.some((error) => /^MicrosoftAppType is not set/.test(error)));
    assert.ok(errors.some((error) => /^AZURE_TENANT_ID is not set/.test(error)));
  });

  it('a complete SingleTenant bot with a real directory listens on all interfaces and uses that directory', () => {
    const config = valueOf({ ...productionBot, ...productionDirectory, PORT: '8080' });
    assert.deepEqual(config.bot.auth, { kind: 'single-tenant', appId, appPassword: 'app-secret', tenantId });
    assert.equal(config.bot.host, '0.0.0.0');
    assert.equal(config.bot.port, 8080);
    assert.equal(config.tenant.kind, 'directory');
    assert.equal(config.tenant.kind === 'directory' ? config.tenant.directory.graphBaseUrl : '', 'https://graph.microsoft.com/v1.0');
  });

  it('a UserAssignedMSI bot needs no password', () => {
    const config = valueOf({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId, ...productionDirectory });
    assert.deepEqual(config.bot.auth, { kind: 'user-assigned-msi', appId, tenantId });
  });

  it('a partial Microsoft configuration is an error listing everything missing, never a silent simulated tenant', () => {
    const errors = errorsOf({ MicrosoftAppId: appId });
    for (const expected of [/^MicrosoftAppType is not set/, /^MicrosoftAppTenantId is not set/, /^AZURE_TENANT_ID is not set/, /^APPROVERS_GROUP_ID is not set/, /^No credential for Microsoft Graph/]) {
      assert.ok(errors.some((error) => expected.test(error)), `missing ${expected}: ${errors.join(' | ')}`);
    }
  });

  it('lists every bot problem at once, each naming the key to set', () => {
    const errors = errorsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', HOST: '0.0.0.0', SIMULATOR_PORT: '99999' });
    assert.equal(errors.length, 4, errors.join(' | '));
    assert.match(errors[0] ?? '', /^PORT "eighty" is not a port/);
    assert.match(errors[1] ?? '', /^HOST "0.0.0.0" would expose an unauthenticated bot/);
    assert.match(errors[2] ?? '', /^LOG_LEVEL "loud" is not known/);
    assert.match(errors[3] ?? '', /^SIMULATOR_PORT "99999" is not a port/);
  });

  it('takes a shutdown grace from 1 to 300 seconds, and names the key when it is anything else', () => {
    assert.equal(valueOf({ SHUTDOWN_GRACE_SECONDS: '45' }).bot.shutdownGraceMs, 45000);
    for (const wrong of ['0', '301', 'soon', '2.5']) {
      assert.match(errorsOf({ SHUTDOWN_GRACE_SECONDS: wrong }).join(' | '), new RegExp(`^SHUTDOWN_GRACE_SECONDS "${wrong.replace('.', '\\.')}" is not a number of seconds from 1 to 300`));
    }
  });

  const authErrors: readonly [string, Record<string, string>, RegExp][] = [
    ['a SingleTenant bot without its password', { ...productionBot, MicrosoftAppPassword: '' }, /^MicrosoftAppPassword is not set/],
    ['a UserAssignedMSI bot with a password', { ...productionBot, MicrosoftAppType: 'UserAssignedMSI' }, /^MicrosoftAppPassword is set, but a UserAssignedMSI bot has no password/],
    ['a MultiTenant bot', { ...productionBot, MicrosoftAppType: 'MultiTenant' }, /^MicrosoftAppType "MultiTenant" is no longer accepted/],
    ['an app id that is not a GUID', { ...productionBot, MicrosoftAppId: 'my-bot' }, /^MicrosoftAppId "my-bot" is malformed/],
    ['an unknown app type', { ...productionBot, MicrosoftAppType: 'Anonymous' }, /^MicrosoftAppType "Anonymous" is not known/],
  ];
  for (const [what, env, expected] of authErrors) {
    it(`refuses ${what}`, () => {
      const errors = errorsOf({ ...env, ...productionDirectory });
      assert.ok(errors.some((error) => expected.test(error)), errors.join(' | '));
    });
  }

  it('a simulated tenant started on its own is used through GRAPH_BASE_URL, EXCHANGE_BASE_URL and AZURE_TENANT_ID alone', () => {
    const config = valueOf({ GRAPH_BASE_URL: 'http://127.0.0.1:4000', EXCHANGE_BASE_URL: 'http://127.0.0.1:4000', AZURE_TENANT_ID: tenantId });
    assert.equal(config.tenant.kind, 'directory');
    if (config.tenant.kind !== 'directory') return;
    assert.equal(config.tenant.directory.graphBaseUrl, 'http://127.0.0.1:4000/v1.0');
    assert.deepEqual(config.tenant.directory.credential, { kind: 'none' });
    assert.equal(config.tenant.directory.approversGroupId, sampleTenantApproversGroupId);
    assert.equal(config.bot.host, '127.0.0.1');
  });

  it('one directory key alone is an error, not a fall-back to the embedded simulated tenant', () => {
    const errors = errorsOf({ GRAPH_BASE_URL: 'http://127.0.0.1:4000' });
    assert.ok(errors.some((error) => /^AZURE_TENANT_ID is not set/.test(error)));
  });

  it('returns a frozen configuration', () => {
    const config = valueOf({});
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.bot) && Object.isFrozen(config.bot.auth) && Object.isFrozen(config.tenant) && Object.isFrozen(config.local) && Object.isFrozen(config.storage));
  });

  it('.env.example lists every key the configuration and the app packaging read, and no other', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Za-z_]+)=/gm)].map((match) => match[1] ?? '');
    const keysReadBy = (files: readonly string[]): Set<string> => {
      const read = new Set<string>();
      for (const file of files) {
        const code = readFileSync(file, 'utf8');
        // value('KEY') reads a key; app-package.ts also reads URL keys with url('KEY', fallback).
        for (const match of code.matchAll(/\b(?:value|url)\('([A-Za-z_]+)'[),]/g)) read.add(match[1] ?? '');
      }
      return read;
    };
    const configKeys = keysReadBy(readdirSync(join(root, 'src', 'config')).map((file) => join(root, 'src', 'config', file)));
    const packagingKeys = keysReadBy([join(root, 'scripts', 'app-package.ts')]);
    assert.ok(configKeys.size >= 20, `found only ${configKeys.size} configuration keys`);
    for (const key of ['BOT_DOMAIN', 'TEAMS_APP_ID', 'TEAMS_APP_VERSION', 'TEAMS_APP_DEVELOPER_NAME', 'TEAMS_APP_WEBSITE_URL', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL']) {
      assert.ok(packagingKeys.has(key), `scripts/app-package.ts no longer reads ${key}`);
    }
    const read = new Set([...configKeys, ...packagingKeys]);
    assert.deepEqual([...read].filter((key) => !documented.includes(key)), [], 'keys read but missing from .env.example');
    assert.deepEqual(documented.filter((key) => !read.has(key)), [], 'keys in .env.example that nothing reads');
    assert.deepEqual(documented.filter((key, index) => documented.indexOf(key) !== index), [], 'keys listed twice in .env.example');
  });

  it('load-config.ts is the only source file that reads process.env', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const readers: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) {
          const code = readFileSync(path, 'utf8')
            .split('\n')
            .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
            .join('\n');
          if (/process\.env\b/.test(code)) readers.push(relative(root, path));
        }
      }
    };
    for (const dir of ['src', 'dialogs', 'cards']) walk(join(root, dir));
    assert.deepEqual(readers, [join('src', 'config', 'load-config.ts')]);
  });
});
