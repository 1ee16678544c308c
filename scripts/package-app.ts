/**
 * `npm run package [-- --out <file.zip>]`: writes the Teams app package with the bot id and the
 * other tenant values taken from the environment (nothing tenant-specific is committed), after
 * validating it offline. Upload the zip in the Teams admin center (docs/deployment.md).
 */
import { join, resolve } from 'node:path';
import { AppPackageError, appPackageSettingsFromEnv, projectRoot, projectVersion, writeAppPackage } from './app-package';

async function main(): Promise<number> {
  const root = projectRoot();
  const outIndex = process.argv.indexOf('--out');
  const outFile = resolve(outIndex >= 0 && process.argv[outIndex + 1] !== undefined ? process.argv[outIndex + 1] ?? '' : join(root, 'dist', 'teams-app-package.zip'));
  const settings = appPackageSettingsFromEnv(process.env, { appVersion: projectVersion(root) });
  if (!settings.ok) {
    console.error(`Cannot build the Teams app package:\n- ${settings.errors.join('\n- ')}`);
    return 1;
  }
  try {
    await writeAppPackage(settings.value, join(root, 'manifest'), outFile);
  } catch (error) {
    if (error instanceof AppPackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  console.log(`Wrote ${outFile} (Teams app ${settings.value.teamsAppId}, version ${settings.value.appVersion}, bot ${settings.value.botId}).`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
