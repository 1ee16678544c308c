import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import {
  AppPackageError,
  appPackageSettingsFromEnv,
  buildAppPackage,
  projectRoot,
  writeAppPackage,
} from '../../scripts/app-package';
import { drawOutlineIcon } from '../../scripts/app-icons';
import { infoPages } from '../../src/bot/info-pages';
import { samplePackageSettings } from './sample-package-settings';

const run = promisify(execFile);
const root = projectRoot();
const manifestDir = join(root, 'manifest');
const botId = samplePackageSettings.botId;

describe('Teams app package', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'app-package-'));
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  describe('settings from the environment', () => {
    it('needs only MicrosoftAppId and BOT_DOMAIN; the Teams app id defaults to the bot id, the version to package.json', () => {
      const result = appPackageSettingsFromEnv({ MicrosoftAppId: botId, BOT_DOMAIN: 'Bot.Contoso.com' }, { appVersion: '0.1.0' });
      assert.deepEqual(result, {
        ok: true,
        value: {
          botId,
          teamsAppId: botId,
          appVersion: '0.1.0',
          botDomain: 'bot.contoso.com',
          developerName: 'IT department',
          websiteUrl: 'https://bot.contoso.com/',
          privacyUrl: 'https://bot.contoso.com/privacy',
          termsOfUseUrl: 'https://bot.contoso.com/terms',
        },
      });
    });

    it('its default website, privacy and terms links are pages the bot serves', () => {
      const result = appPackageSettingsFromEnv({ MicrosoftAppId: botId, BOT_DOMAIN: 'bot.contoso.com' }, { appVersion: '0.1.0' });
      assert.ok(result.ok);
      for (const link of [result.value.websiteUrl, result.value.privacyUrl, result.value.termsOfUseUrl]) {
        assert.ok(Object.keys(infoPages).includes(new URL(link).pathname), `${link} is served by the bot (src/bot/info-pages.ts)`);
      }
    });

    it('without MicrosoftAppId says exactly what to set and where to find it', () => {
      const result = appPackageSettingsFromEnv({ BOT_DOMAIN: 'bot.contoso.com' }, { appVersion: '0.1.0' });
      assert.deepEqual(result, {
        ok: false,
        errors: [
          "MicrosoftAppId is not set: set it to the bot's Microsoft app id (a GUID: the Azure Bot resource, Configuration, Microsoft App ID; or the botAppId output of infra/main.bicep).",
        ],
      });
    });

    it('reports every malformed value at once', () => {
      const result = appPackageSettingsFromEnv(
        {
          MicrosoftAppId: 'my-bot',
          BOT_DOMAIN: 'https://bot.contoso.com/api/messages',
          TEAMS_APP_VERSION: 'v2',
          TEAMS_APP_PRIVACY_URL: 'http://contoso.com/privacy',
        },
        { appVersion: '0.1.0' },
      );
      assert.equal(result.ok, false);
      const errors = result.ok ? [] : result.errors;
      assert.equal(errors.length, 4, errors.join('\n'));
      assert.match(errors.join('\n'), /MicrosoftAppId "my-bot" is malformed/);
      assert.match(errors.join('\n'), /TEAMS_APP_VERSION "v2" is malformed/);
      assert.match(errors.join('\n'), /BOT_DOMAIN "https:\/\/bot.contoso.com\/api\/messages" is malformed: set it to a host name only/);
      assert.match(errors.join('\n'), /TEAMS_APP_PRIVACY_URL "http:\/\/contoso.com\/privacy" is malformed: set it to an https URL/);
    });
  });

  it('writes a zip with manifest.json and both icons at its root, carrying the bot id from the settings', async () => {
    const outFile = join(work, 'out', 'app.zip');
    await writeAppPackage(samplePackageSettings, manifestDir, outFile);
    const zip = new AdmZip(outFile);
    assert.deepEqual(zip.getEntries().map((e) => e.entryName).sort(), ['color.png', 'lv.json', 'manifest.json', 'nl.json', 'outline.png']);
    assert.equal((JSON.parse(zip.readAsText('lv.json')) as Record<string, string>)['name.short'], 'Group Gatekeeper');
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as { bots: { botId: string }[]; id: string };
    assert.equal(manifest.bots[0]?.botId, botId);
    assert.equal(manifest.id, samplePackageSettings.teamsAppId);
    const outline = zip.getEntry('outline.png');
    assert.ok(outline);
    assert.equal(PNG.sync.read(outline.getData()).width, 32);
  });

  it('refuses to build from a broken template or icon, listing every problem, and writes nothing', async () => {
    const brokenDir = join(work, 'manifest');
    await cp(manifestDir, brokenDir, { recursive: true });
    const template = JSON.parse(await readFile(join(brokenDir, 'manifest.template.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(brokenDir, 'manifest.template.json'), JSON.stringify({ ...template, accentColor: 'blue' }));
    const coloured = drawOutlineIcon();
    for (let i = 0; i < coloured.data.length; i += 4) coloured.data[i + 1] = 0;
    await writeFile(join(brokenDir, 'outline.png'), PNG.sync.write(coloured));

    const outFile = join(work, 'never.zip');
    await assert.rejects(writeAppPackage(samplePackageSettings, brokenDir, outFile), (error: unknown) => {
      assert.ok(error instanceof AppPackageError);
      assert.equal(error.problems.length, 2, error.message);
      assert.match(error.problems[0] ?? '', /^\/accentColor must match pattern/);
      assert.match(error.problems[1] ?? '', /^The outline icon has \d+ visible pixels that are not white/);
      return true;
    });
    await assert.rejects(stat(outFile), /ENOENT/);
  });

  it('builds the same package twice from the same settings (nothing else leaks in)', async () => {
    const one = await buildAppPackage(samplePackageSettings, manifestDir);
    const two = await buildAppPackage(samplePackageSettings, manifestDir);
    assert.deepEqual(one.manifest, two.manifest);
  });

  describe('npm run package (the CLI)', function () {
    this.timeout(20_000);
    const cli = join(root, 'dist', 'scripts', 'package-app.js');
    const baseEnv = { PATH: process.env.PATH ?? '' };

    it('without MicrosoftAppId exits 1 with the fix, and writes no zip', async () => {
      const outFile = join(work, 'app.zip');
      const failure = await run(process.execPath, [cli, '--out', outFile], { env: { ...baseEnv, BOT_DOMAIN: 'bot.contoso.com' } }).then(
        () => undefined,
        (error: unknown) => error as { code?: number; stderr?: string },
      );
      assert.equal(failure?.code, 1);
      assert.match(failure?.stderr ?? '', /MicrosoftAppId is not set: set it to the bot's Microsoft app id/);
      await assert.rejects(stat(outFile), /ENOENT/);
    });

    it('with the environment set writes the zip where --out says and names what it packaged', async () => {
      const outFile = join(work, 'app.zip');
      const { stdout } = await run(process.execPath, [cli, '--out', outFile], {
        env: { ...baseEnv, MicrosoftAppId: botId, BOT_DOMAIN: 'bot.contoso.com', TEAMS_APP_VERSION: '2.0.0' },
      });
      assert.match(stdout, new RegExp(`Wrote .*app\\.zip \\(Teams app ${botId}, version 2\\.0\\.0, bot ${botId}\\)`));
      const manifest = JSON.parse(new AdmZip(outFile).readAsText('manifest.json')) as { version: string; validDomains: string[] };
      assert.equal(manifest.version, '2.0.0');
      assert.deepEqual(manifest.validDomains, ['bot.contoso.com']);
    });
  });
});
