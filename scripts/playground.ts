/**
 * `npm run playground -- --user alex@contoso.com [--port 56151]`: one more Microsoft 365 Agents
 * Playground against the bot that `npm start` runs, acting as another person of the tenant file
 * (for example an approver). Stops on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { loadTenantFile, sampleTenantPath } from '../simulator/tenant-file';
import { loadConfigOrExit } from '../src/config/load-config';
import { startLocalPlayground } from './local-playground';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const { values } = parseArgs({
    options: { user: { type: 'string' }, port: { type: 'string' }, bot: { type: 'string' } },
  });
  const tenant = loadTenantFile(config.local.tenantFile ?? sampleTenantPath());
  const port = values.port === undefined ? 56151 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port "${values.port ?? ''}" is not a port number`);
  const local = await startLocalPlayground({
    tenant,
    who: values.user ?? config.local.playgroundUser,
    botUrl: values.bot ?? `http://127.0.0.1:${config.bot.port}`,
    port,
    dataDir: config.bot.dataDir,
  });
  process.stdout.write(`Open ${local.playground.url} to talk to the bot as ${local.user.displayName} (${local.user.userPrincipalName}). Ctrl-C stops this Playground.\n`);
  const stop = (): void => void local.playground.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  local.playground.process.once('exit', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the Playground: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
