/**
 * `npm start`. With nothing configured: the simulated Microsoft 365 tenant (sample data), the bot
 * and the Microsoft 365 Agents Playground acting as the sample requester, all on 127.0.0.1; prints
 * the address to open and stops everything on Ctrl-C. With a directory configured (a real tenant,
 * or a simulator started on its own through GRAPH_BASE_URL, EXCHANGE_BASE_URL and AZURE_TENANT_ID):
 * the bot alone.
 */
import { loadTenantFile, sampleTenantPath } from '../simulator/tenant-file';
import { type LocalBot, startLocalBot } from './local-bot';
import { loadConfigOrExit } from '../src/config/load-config';
import { createLogger } from '../src/infrastructure/logging/pino-logger';
import { type LocalPlayground, startLocalPlayground } from './local-playground';

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger({ level: config.bot.logLevel });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection', { error: reason instanceof Error ? reason.message : String(reason) });
  });

  let bot: LocalBot | undefined;
  let local: LocalPlayground | undefined;
  let stopping = false;
  const stopAll = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await local?.playground.stop();
    await bot?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    bot = await startLocalBot(config, { logger });
    if (!bot.simulator) {
      print(`Bot listening at ${bot.url}/api/messages (Microsoft 365 tenant ${bot.directory.tenantId}, Graph ${bot.directory.graphBaseUrl}).`);
      print('Press Ctrl-C to stop.');
      return;
    }
    const tenant = loadTenantFile(config.local.tenantFile ?? sampleTenantPath());
    local = await startLocalPlayground({
      tenant,
      who: config.local.playgroundUser,
      botUrl: bot.url,
      port: config.local.playgroundPort,
      dataDir: config.bot.dataDir,
    });
    local.playground.process.once('exit', (code) => {
      if (!stopping) logger.warn('the Agents Playground stopped; the bot keeps running', { code });
    });
    print('');
    print(`  Open ${local.playground.url} in your browser to talk to the bot.`);
    print(`  You are ${local.user.displayName} (${local.user.userPrincipalName}) of the simulated tenant "${tenant.tenant.displayName}".`);
    print('  Type "add external" (or press Start on the welcome card) to request access for an external person.');
    print('');
    print(`  Bot:               ${bot.url}/api/messages`);
    print(`  Simulated tenant:  ${bot.simulator.graphBaseUrl} (Graph), ${bot.simulator.exchangeBaseUrl} (Exchange)`);
    print(`  Playground config: ${local.configPath}`);
    print('  To act as an approver as well, see docs/using-the-bot.md. Press Ctrl-C to stop everything.');
    print('');
  } catch (error) {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

void main();
