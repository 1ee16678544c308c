import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { fillManifest, projectRoot } from '../../scripts/app-package';
import { accentColor } from '../../scripts/app-icons';
import { samplePackageSettings } from './sample-package-settings';

type ManifestInput = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const templatePath = join(projectRoot(), 'manifest', 'manifest.template.json');
const templateText = readFileSync(templatePath, 'utf8');
const template: unknown = JSON.parse(templateText);

interface BotEntry {
  botId: string;
  scopes: string[];
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}

function filled(): Record<string, unknown> & { bots: BotEntry[]; manifestVersion: string; $schema: string } {
  return fillManifest(template, samplePackageSettings) as Record<string, unknown> & { bots: BotEntry[]; manifestVersion: string; $schema: string };
}

function validate(manifest: Record<string, unknown>): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as ManifestInput);
}

/** The newest Teams manifest schema @microsoft/app-manifest ships (folders v1.0 ... v1.N). */
function newestBundledSchemaVersion(): string {
  const schemas = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
  const versions = readdirSync(schemas)
    .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
    .flatMap((match) => (match?.[1] !== undefined && match[2] !== undefined ? [[Number(match[1]), Number(match[2])] as const] : []))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  assert.ok(newest, 'no bundled Teams schema found');
  return `${newest[0]}.${newest[1]}`;
}

describe('Teams app manifest', () => {
  it('targets the newest manifest schema that @microsoft/app-manifest bundles', () => {
    const version = newestBundledSchemaVersion();
    const manifest = filled();
    assert.equal(manifest.manifestVersion, version);
    assert.equal(manifest.$schema, `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  });

  it('passes schema validation offline, with the sample tenant values filled in', async () => {
    assert.deepEqual(await validate(filled()), []);
  });

  it('the validator is not a formality: a manifest Teams would refuse gets its exact messages', async () => {
    const manifest = filled();
    const bot = manifest.bots[0];
    assert.ok(bot);
    const broken = { ...manifest, accentColor: 'blue', bots: [{ ...bot, botId: 'not-a-guid', scopes: ['personal', 'meeting'] }] };
    const messages = await validate(broken);
    assert.ok(messages.some((m) => m.startsWith('/accentColor must match pattern')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('/bots/0/botId must match pattern')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('/bots/0/scopes/1 must be equal to one of the allowed values')), messages.join('\n'));
  });

  it('declares one bot for personal chats, teams and group chats, with its commands in each scope', () => {
    const bot = filled().bots[0];
    assert.ok(bot);
    assert.equal(bot.botId, samplePackageSettings.botId);
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    const titles = (scope: string): string[] => bot.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((c) => c.title));
    assert.deepEqual(titles('personal'), ['add external', 'pending', 'cancel', 'help']);
    for (const scope of ['team', 'groupChat']) assert.deepEqual(titles(scope), ['add external', 'approvals here', 'pending', 'cancel', 'help']);
    for (const list of bot.commandLists) for (const command of list.commands) assert.ok(command.description.length > 0, command.title);
  });

  it('works in shared and private channels, installs to a personal chat by default and is a bot in teams and group chats', () => {
    const manifest = filled();
    assert.equal(manifest['supportsChannelFeatures'], 'tier1');
    assert.equal(manifest['defaultInstallScope'], 'personal');
    assert.deepEqual(manifest['defaultGroupCapability'], { team: 'bot', groupchat: 'bot' });
  });

  it('is named so that it cannot be taken for a Teams admin center setting ("External access", "Guest access")', () => {
    const name = filled()['name'] as { short: string; full: string };
    assert.equal(name.short, 'Group Gatekeeper');
    assert.ok(name.short.length <= 30 && name.full.length <= 100);
    for (const setting of ['external access', 'guest access']) assert.ok(!`${name.short} ${name.full}`.toLowerCase().includes(setting), setting);
  });

  it('takes the tenant values from the settings: app id, version, developer pages and the bot domain', () => {
    const manifest = filled();
    assert.equal(manifest.id, samplePackageSettings.teamsAppId);
    assert.equal(manifest.version, '1.2.3');
    assert.deepEqual(manifest.developer, {
      name: 'Contoso IT',
      websiteUrl: 'https://intranet.contoso.com/it',
      privacyUrl: 'https://intranet.contoso.com/privacy',
      termsOfUseUrl: 'https://intranet.contoso.com/terms',
    });
    assert.deepEqual(manifest.validDomains, ['external-access-bot.azurewebsites.net']);
    assert.equal(manifest.accentColor, accentColor);
  });

  it('commits no ids: the template holds no GUID, only placeholders', () => {
    assert.doesNotMatch(templateText, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    assert.match(templateText, /"botId": "\{\{botId\}\}"/);
    assert.match(templateText, /"id": "\{\{teamsAppId\}\}"/);
  });

  it('a placeholder that is not a setting is an error, not an unfilled manifest', () => {
    assert.throws(() => fillManifest({ id: '{{tenantSecret}}' }, samplePackageSettings), /asks for "tenantSecret", which is not a package setting/);
  });
});
