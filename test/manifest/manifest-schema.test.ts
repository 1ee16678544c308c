import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { buildAppPackage, fillManifest, localizationProblems, projectRoot } from '../../scripts/app-package';
import { localizationFile } from '../../scripts/manifest-languages';
import { recognizeCommand } from '../../dialogs/command-recognizer';
import { catalogue } from '../support/dialog-harness';
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
  return fillManifest(template, samplePackageSettings, catalogue.translator('en')) as Record<string, unknown> & { bots: BotEntry[]; manifestVersion: string; $schema: string };
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
    assert.throws(() => fillManifest({ id: '{{tenantSecret}}' }, samplePackageSettings, catalogue.translator('en')), /asks for "tenantSecret", which is not a package setting/);
    assert.throws(() => fillManifest({ name: '{{text:manifest.nope}}' }, samplePackageSettings, catalogue.translator('en')), /asks for the text "manifest.nope", which is not in the message catalogue/);
  });

  describe('in Dutch and Latvian (Teams localization files)', () => {
    const manifestDir = join(projectRoot(), 'manifest');

    it('the package lists nl.json and lv.json, and each passes the localization schema bundled for the same manifest version', async () => {
      const { manifest, localizations } = await buildAppPackage(samplePackageSettings, manifestDir, catalogue);
      assert.deepEqual(manifest['localizationInfo'], {
        defaultLanguageTag: 'en',
        additionalLanguages: [
          { languageTag: 'lv', file: 'lv.json' },
          { languageTag: 'nl', file: 'nl.json' },
        ],
      });
      assert.deepEqual(Object.keys(localizations), ['lv.json', 'nl.json']);
      for (const localization of Object.values(localizations)) {
        assert.equal(localization['$schema'], `https://developer.microsoft.com/json-schemas/teams/v${newestBundledSchemaVersion()}/MicrosoftTeams.Localization.schema.json`);
        assert.deepEqual(await localizationProblems(localization), []);
      }
    });

    it('names the app, describes it and lists its commands in each language, with the same keys as English', async () => {
      const { localizations } = await buildAppPackage(samplePackageSettings, manifestDir, catalogue);
      const dutch = localizations['nl.json'] ?? {};
      const latvian = localizations['lv.json'] ?? {};
      assert.equal(dutch['name.short'], 'Group Gatekeeper', 'the product name is not translated');
      assert.equal(latvian['name.short'], 'Group Gatekeeper');
      assert.match(dutch['name.full'] ?? '', /externe personen toevoegen aan groepen/);
      assert.match(latvian['name.full'] ?? '', /ārēju personu pievienošana grupām/);
      // "Externe toegang" and "Ārējā piekļuve" are what Teams calls its External access setting in those languages.
      for (const name of [dutch['name.short'], dutch['name.full'], latvian['name.short'], latvian['name.full']]) {
        assert.doesNotMatch(name ?? '', /externe toegang|gasttoegang|ārējā piekļuve|viesu piekļuve/i);
      }
      assert.equal(dutch['bots[0].commandLists[0].commands[0].title'], 'externe toevoegen');
      assert.equal(latvian['bots[0].commandLists[0].commands[0].title'], 'pievienot ārējo');
      assert.equal(latvian['bots[0].commandLists[1].commands[1].title'], 'apstiprinājumi šeit');
      assert.match(latvian['description.full'] ?? '', /adresātu grupai/);
      assert.match(dutch['description.full'] ?? '', /distributiegroep/);
      const englishKeys = Object.keys(localizationFile(template, catalogue.translator('en'), '1.30'));
      assert.deepEqual(Object.keys(dutch), englishKeys);
      assert.deepEqual(Object.keys(latvian), englishKeys);
    });

    it('every command title in every language is one the bot recognises, as the same command as in English', async () => {
      const { localizations } = await buildAppPackage(samplePackageSettings, manifestDir, catalogue);
      const bot = filled().bots[0];
      assert.ok(bot);
      bot.commandLists.forEach((list, i) =>
        list.commands.forEach((command, j) => {
          const english = recognizeCommand(command.title, catalogue);
          assert.ok(english, `"${command.title}" is a command`);
          for (const [file, localization] of Object.entries(localizations)) {
            const title = localization[`bots[0].commandLists[${i}].commands[${j}].title`];
            assert.equal(recognizeCommand(title, catalogue), english, `${file}: "${String(title)}"`);
          }
        }),
      );
    });

    it('the localization validator is not a formality: a key Teams does not localize and a name over 30 characters are refused', async () => {
      const messages = await localizationProblems({
        $schema: `https://developer.microsoft.com/json-schemas/teams/v${newestBundledSchemaVersion()}/MicrosoftTeams.Localization.schema.json`,
        'name.short': 'Een veel te lange naam voor Teams, echt waar',
        'description.short': 'x',
        'description.full': 'x',
        'bots[0].botId': 'nope',
      });
      assert.ok(messages.some((m) => m.startsWith('/name.short must NOT have more than 30 characters')), messages.join('\n'));
      assert.ok(messages.some((m) => m.includes('must NOT have additional properties')), messages.join('\n'));
    });
  });
});
