import { existsSync, readFileSync } from 'node:fs';
import type { ConfigResult } from '../src/config/config-result';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { MessageCatalogue, type Translator, defaultLocale, projectLocalesDir } from '../src/i18n/message-catalogue';
import { localizationFile, manifestText } from './manifest-languages';

/** What `npm run package` puts into the manifest; everything tenant-specific comes from the environment. */
export interface AppPackageSettings {
  /** The bot's Microsoft app id (MicrosoftAppId), the bots[0].botId. */
  readonly botId: string;
  /** The Teams app id (manifest `id`): TEAMS_APP_ID, or the bot id. Keep it stable across versions. */
  readonly teamsAppId: string;
  /** TEAMS_APP_VERSION, or package.json's version. Raise it for every upload of a changed package. */
  readonly appVersion: string;
  /** BOT_DOMAIN: the host the bot is served from, e.g. external-access-bot.azurewebsites.net. */
  readonly botDomain: string;
  readonly developerName: string;
  readonly websiteUrl: string;
  readonly privacyUrl: string;
  readonly termsOfUseUrl: string;
}

export type AppPackageSettingsResult = ConfigResult<AppPackageSettings>;

export const appPackageFiles = { manifest: 'manifest.json', color: 'color.png', outline: 'outline.png' } as const;

const guid = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const hostName = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** Reads MicrosoftAppId, BOT_DOMAIN, TEAMS_APP_ID, TEAMS_APP_VERSION and TEAMS_APP_DEVELOPER_NAME / _WEBSITE_URL / _PRIVACY_URL / _TERMS_URL. */
export function appPackageSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  defaults: { readonly appVersion: string },
): AppPackageSettingsResult {
  const errors: string[] = [];
  const value = (key: string): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const botId = value('MicrosoftAppId');
  if (botId === undefined) {
    errors.push(
      "MicrosoftAppId is not set: set it to the bot's Microsoft app id (a GUID: the Azure Bot resource, Configuration, Microsoft App ID; or the botAppId output of infra/main.bicep).",
    );
  } else if (!guid.test(botId)) {
    errors.push(`MicrosoftAppId "${botId}" is malformed: set it to the bot's Microsoft app id (a GUID).`);
  }

  const teamsAppId = value('TEAMS_APP_ID') ?? botId;
  if (value('TEAMS_APP_ID') !== undefined && !guid.test(teamsAppId ?? '')) {
    errors.push(`TEAMS_APP_ID "${teamsAppId ?? ''}" is malformed: set it to a GUID (keep the same one for every version), or remove it to use MicrosoftAppId.`);
  }

  const appVersion = value('TEAMS_APP_VERSION') ?? defaults.appVersion;
  if (!semver.test(appVersion)) {
    errors.push(`TEAMS_APP_VERSION "${appVersion}" is malformed: set it to a version such as 1.0.0 (raise it for every new upload).`);
  }

  const botDomain = value('BOT_DOMAIN')?.toLowerCase();
  if (botDomain === undefined) {
    errors.push('BOT_DOMAIN is not set: set it to the host name the bot is served from, such as external-access-bot.azurewebsites.net (the botDomain output of infra/main.bicep).');
  } else if (!hostName.test(botDomain)) {
    errors.push(`BOT_DOMAIN "${botDomain}" is malformed: set it to a host name only, such as external-access-bot.azurewebsites.net (no https://, no path).`);
  }

  const site = botDomain !== undefined && hostName.test(botDomain) ? `https://${botDomain}` : 'https://example.invalid';
  const url = (key: string, fallback: string): string => {
    const text = value(key) ?? fallback;
    let parsed: URL | undefined;
    try {
      parsed = new URL(text);
    } catch {
      parsed = undefined;
    }
    if (parsed?.protocol !== 'https:') errors.push(`${key} "${text}" is malformed: set it to an https URL of your organisation's page.`);
    return text;
  };
  const websiteUrl = url('TEAMS_APP_WEBSITE_URL', `${site}/`);
  const privacyUrl = url('TEAMS_APP_PRIVACY_URL', `${site}/privacy`);
  const termsOfUseUrl = url('TEAMS_APP_TERMS_URL', `${site}/terms`);

  const developerName = value('TEAMS_APP_DEVELOPER_NAME') ?? 'IT department';
  if (developerName.length > 32) {
    errors.push(`TEAMS_APP_DEVELOPER_NAME "${developerName}" is too long: Teams allows 32 characters.`);
  }

  if (errors.length > 0 || botId === undefined || teamsAppId === undefined || botDomain === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: Object.freeze({ botId, teamsAppId, appVersion, botDomain, developerName, websiteUrl, privacyUrl, termsOfUseUrl }),
  };
}

/**
 * The template with every "{{name}}" string value replaced by the setting of that name, and every
 * "{{text:key}}" or "{{command:key}}" by its English text (manifest-languages.ts). Values go in as
 * JSON values, never spliced into text, so no setting can change the manifest's structure.
 */
export function fillManifest(template: unknown, settings: AppPackageSettings, english: Translator): Record<string, unknown> {
  const values: Readonly<Record<string, string>> = { ...settings };
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const text = manifestText(node, english);
      if (text !== undefined) return text;
      const match = /^\{\{(\w+)\}\}$/.exec(node);
      if (match?.[1] === undefined) return node;
      const replacement = values[match[1]];
      if (replacement === undefined) throw new Error(`The manifest template asks for "${match[1]}", which is not a package setting.`);
      return replacement;
    }
    if (Array.isArray(node)) return node.map(fill);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
    return node;
  };
  const filled = fill(template);
  if (typeof filled !== 'object' || filled === null || Array.isArray(filled)) throw new Error('The manifest template must be a JSON object.');
  return filled as Record<string, unknown>;
}

/** Checks Teams makes at upload that the schema does not express. */
export function checkPackageRules(manifest: Record<string, unknown>, files: Readonly<Record<string, Buffer>>): string[] {
  const problems: string[] = [];
  const icons = (manifest.icons ?? {}) as { color?: string; outline?: string };
  const expected: [string | undefined, number, string][] = [
    [icons.color, 192, 'color'],
    [icons.outline, 32, 'outline'],
  ];
  for (const [name, size, kind] of expected) {
    const data = name === undefined ? undefined : files[name];
    if (name === undefined || data === undefined) {
      problems.push(`The ${kind} icon "${String(name)}" is not in the package.`);
      continue;
    }
    const png = PNG.sync.read(data);
    if (png.width !== size || png.height !== size) problems.push(`The ${kind} icon is ${png.width}x${png.height}; Teams needs ${size}x${size}.`);
    if (kind === 'outline') problems.push(...outlineProblems(png));
  }
  return problems;
}

/** Teams' outline icon: white on a transparent background. */
export function outlineProblems(png: PNG): string[] {
  let transparent = 0;
  let visible = 0;
  let coloured = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const alpha = png.data[i + 3] ?? 0;
    if (alpha === 0) transparent += 1;
    else visible += 1;
    if (alpha > 0 && (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255)) coloured += 1;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push('The outline icon has no transparent pixel; Teams needs a transparent background.');
  if (visible === 0) problems.push('The outline icon is fully transparent.');
  if (coloured > 0) problems.push(`The outline icon has ${coloured} visible pixels that are not white; Teams needs white on transparent.`);
  return problems;
}

export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
  constructor(readonly problems: readonly string[]) {
    super(`The app package is not valid:\n- ${problems.join('\n- ')}`);
  }
}

type SchemaInput = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/**
 * Checks a Teams localization file against the localization schema bundled in @microsoft/app-manifest
 * for its `$schema` version, with one repair: two of the schema's key patterns (activity types)
 * put a bare "]" after "\b", which a plain JavaScript regular expression accepts but the Unicode
 * one the validator compiles refuses; escaped, the pattern means what Microsoft wrote.
 */
export async function localizationProblems(localization: Readonly<Record<string, string>>): Promise<string[]> {
  const url = localization['$schema'];
  if (url === undefined) return ['has no $schema'];
  const bundled: unknown = await AppManifestUtils.fetchSchema(url);
  const schema = JSON.parse(JSON.stringify(bundled).replace(/\\\\b\]/g, '\\\\b\\\\]')) as Schema;
  return AppManifestUtils.validateAgainstSchema(localization as unknown as SchemaInput, schema);
}

/**
 * The Teams app package: manifest.json (English, with `localizationInfo`), a localization file per
 * other language of the message catalogue (nl.json, lv.json: the app's name, description and
 * command list) and the two icons, at the root of a zip. Everything is validated offline against
 * the manifest and localization schemas bundled in @microsoft/app-manifest and Teams' icon rules.
 * Throws AppPackageError with every problem when anything is wrong; nothing is written here.
 */
export async function buildAppPackage(
  settings: AppPackageSettings,
  manifestDir: string,
  catalogue: MessageCatalogue = MessageCatalogue.load(projectLocalesDir()),
): Promise<{ zip: Buffer; manifest: Record<string, unknown>; localizations: Record<string, Record<string, string>> }> {
  const template: unknown = JSON.parse(await readFile(join(manifestDir, 'manifest.template.json'), 'utf8'));
  const manifest = fillManifest(template, settings, catalogue.translator(defaultLocale));
  const languages = catalogue.locales.filter((language) => language !== defaultLocale);
  const localizations = Object.fromEntries(
    languages.map((language) => [`${language}.json`, localizationFile(template, catalogue.translator(language), String(manifest['manifestVersion']))]),
  );
  if (languages.length > 0) {
    manifest['localizationInfo'] = {
      defaultLanguageTag: defaultLocale,
      additionalLanguages: languages.map((language) => ({ languageTag: language, file: `${language}.json` })),
    };
  }
  const files: Record<string, Buffer> = {
    [appPackageFiles.color]: await readFile(join(manifestDir, appPackageFiles.color)),
    [appPackageFiles.outline]: await readFile(join(manifestDir, appPackageFiles.outline)),
  };
  const problems = [
    ...(await AppManifestUtils.validateAgainstSchema(manifest as unknown as SchemaInput)),
    ...checkPackageRules(manifest, files),
  ];
  for (const [file, localization] of Object.entries(localizations)) {
    for (const problem of await localizationProblems(localization)) problems.push(`${file}: ${problem}`);
  }
  if (problems.length > 0) throw new AppPackageError(problems);
  const zip = new AdmZip();
  zip.addFile(appPackageFiles.manifest, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [file, localization] of Object.entries(localizations)) zip.addFile(file, Buffer.from(`${JSON.stringify(localization, null, 2)}\n`, 'utf8'));
  for (const [name, data] of Object.entries(files)) zip.addFile(name, data);
  return { zip: zip.toBuffer(), manifest, localizations };
}

/** Builds and validates the package, then writes it to `outFile` (folders created). */
export async function writeAppPackage(settings: AppPackageSettings, manifestDir: string, outFile: string): Promise<void> {
  const { zip } = await buildAppPackage(settings, manifestDir);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, zip);
}

/** The folder holding package.json, from the source tree or the compiled dist tree. */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export function projectVersion(root: string = projectRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '1.0.0';
}
