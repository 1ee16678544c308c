import type { RunningSimulator } from '../simulator/simulator-server';
import { type RunningBot, type StartOptions, startBot } from '../src/composition-root';
import type { AppConfig } from '../src/config/load-config';
import { startEmbeddedTenant } from './embedded-tenant';

/** The bot of a local run, with the simulated tenant it started when nothing else was configured. */
export interface LocalBot extends RunningBot {
  readonly simulator?: RunningSimulator;
}

/**
 * The bot as `npm start` runs it: against the configured directory, or, with none configured,
 * against a simulated tenant started here; stopping the bot stops that tenant too.
 */
export async function startLocalBot(config: AppConfig, options: StartOptions = {}): Promise<LocalBot> {
  const embedded = await startEmbeddedTenant(config);
  try {
    const bot = await startBot(config, { ...options, ...(embedded ? { directory: embedded.directory } : {}) });
    if (!embedded) return bot;
    return {
      ...bot,
      simulator: embedded.simulator,
      stop: async (graceMs?: number) => {
        await bot.stop(graceMs);
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
