/**
 * `npm run playground -- --user alex@contoso.com [--port 56151] [--language nl-NL [--time-zone Europe/Amsterdam]]`:
 * one more Microsoft 365 Agents Playground against the bot that `npm start` runs, acting as another
 * person of the tenant file (for example an approver), whose Teams is in that language. Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { loadTenantFile, sampleTenantPath } from '../simulator/tenant-file';
import { loadConfigOrExit } from '../src/config/load-config';
import { startLocalPlayground } from './local-playground';
import { clientLanguage } from './playground-language-relay';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { values } = parseArgs({
    options: { user: { type: 'string' }, port: { type: 'string' }, bot: { type: 'string' }, language: { type: 'string' }, 'time-zone': { type: 'string' } },
  });
  const language = clientLanguage(values.language, values['time-zone']);
  const tenant = loadTenantFile(config.local.tenantFile ?? sampleTenantPath());
  const port = values.port === undefined ? 56151 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port "${values.port ?? ''}" is not a port number`);
  const local = await startLocalPlayground({
    tenant,
    who: values.user ?? config.local.playgroundUser,
    botUrl: values.bot ?? `http://127.0.0.1:${config.bot.port}`,
    port,
    dataDir: config.bot.dataDir,
    ...(language ? { language } : {}),
  });
  const speaking = language ? `, whose Teams is in ${language.locale}` : '';
  process.stdout.write(`Open ${local.playground.url} to talk to the bot as ${local.user.displayName} (${local.user.userPrincipalName})${speaking}. Ctrl-C stops this Playground.\n`);
  const stop = (): void => void local.playground.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  local.playground.process.once('exit', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the Playground: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
