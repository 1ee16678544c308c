import { randomUUID } from 'node:crypto';
import { type BenchWorld, timed } from '../support/bench-world';
import { type Figure, ms, times } from '../support/figures';
import { median } from '../support/statistics';

/** Intake answers that need nothing from the directory: the turn is the bot's own work. */
const answers = ['Bench', 'Person', 'ok', 'Partner Ltd'];

/**
 * Turn overhead: the same four intake answers (first name, last name, display name, company) sent
 * one at a time to the real bot and to the echo bot, in alternating rounds so that both see the
 * same machine load. The address turn before them (a directory check) is not counted.
 */
export async function turnOverhead(world: BenchWorld, rounds: number): Promise<Figure[]> {
  const bot: number[] = [];
  const echo: number[] = [];
  for (let round = -1; round < rounds; round += 1) {
    const warmUp = round < 0;
    const runBot = async (): Promise<void> => {
      const chat = world.botChat({ aadObjectId: randomUUID(), name: 'Bench Requester' });
      await chat.say('add external');
      await chat.say(`turn${round + 1}.${randomUUID().slice(0, 8)}@partner.example`);
      for (const text of answers) {
        const turn = await timed(() => chat.say(text));
        if (turn.status !== 200) throw new Error(`the bot answered ${turn.status} to "${text}"`);
        if (!warmUp) bot.push(turn.ms);
      }
    };
    const runEcho = async (): Promise<void> => {
      const chat = world.echoChat({ aadObjectId: randomUUID(), name: 'Bench Requester' });
      for (const text of answers) {
        const turn = await timed(() => chat.say(text));
        if (turn.status !== 200) throw new Error(`the echo bot answered ${turn.status}`);
        if (!warmUp) echo.push(turn.ms);
      }
    };
    if (round % 2 === 0) {
      await runBot();
      await runEcho();
    } else {
      await runEcho();
      await runBot();
    }
  }
  const botMedian = median(bot);
  const echoMedian = median(echo);
  return [
    {
      name: 'Intake turn, median (no directory call)',
      measured: `${ms(botMedian)} (${bot.length} turns)`,
      baseline: `echo bot ${ms(echoMedian)}`,
      goal: '≤ 1.20× echo',
      value: botMedian / echoMedian,
      limit: 1.2,
    },
  ].map((f) => ({ ...f, measured: `${f.measured}, ${times(f.value)}` }));
}
