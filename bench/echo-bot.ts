/**
 * The baseline of `npm run bench`: a bare botbuilder echo bot on the same CloudAdapter and HTTP
 * edge as the real bot, run as its own process. Whatever a turn of the real bot costs beyond this
 * one is the bot's own work (dialogs, state, cards, checks).
 *
 *   node dist/bench/echo-bot.js PORT
 */
import { ActivityHandler, MessageFactory } from 'botbuilder';
import { BotServer } from '../src/bot/bot-server';
import { createCloudAdapter } from '../src/bot/cloud-adapter-factory';
import { createLogger } from '../src/infrastructure/logging/pino-logger';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`You said: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? '0');
  const logger = createLogger({ level: 'warn' });
  const bot = new EchoBot();
  const adapter = createCloudAdapter({ kind: 'none' }, async (context, error) => {
    logger.error('echo turn failed', { error: error.message });
    await context.sendActivity('The echo bot failed.');
  });
  const server = new BotServer({ adapter, run: (context) => bot.run(context), requireToken: false, logger });
  const listening = await server.listen(port, '127.0.0.1');
  process.stdout.write(`echo bot listening on ${listening.url}\n`);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

void main();
