import { randomUUID } from 'node:crypto';
import { processCpuMs } from '../support/bench-processes';
import type { BotClient } from '../../test/support/bot-client';
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
  let botCpu = 0;
  let echoCpu = 0;
  /** The measured turns of one conversation: their times, and the CPU the process used meanwhile. */
  const measure = async (pid: number, chat: BotClient, into: number[]): Promise<number> => {
    const before = processCpuMs(pid) ?? Number.NaN;
    for (const text of answers) {
      const turn = await timed(() => chat.say(text));
      if (turn.status !== 200) throw new Error(`answered ${turn.status} to "${text}"`);
      into.push(turn.ms);
    }
    return (processCpuMs(pid) ?? Number.NaN) - before;
  };
  for (let round = -1; round < rounds; round += 1) {
    const warmUp = round < 0;
    const runBot = async (): Promise<void> => {
      const chat = world.botChat({ aadObjectId: randomUUID(), name: 'Bench Requester' });
      await chat.say('add external');
      await chat.say(`turn${round + 1}.${randomUUID().slice(0, 8)}@partner.example`);
      const used = await measure(world.bot.pid, chat, warmUp ? [] : bot);
      if (!warmUp) botCpu += used;
    };
    const runEcho = async (): Promise<void> => {
      const chat = world.echoChat({ aadObjectId: randomUUID(), name: 'Bench Requester' });
      const used = await measure(world.echo.pid, chat, warmUp ? [] : echo);
      if (!warmUp) echoCpu += used;
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
  ].map((f) => ({
    ...f,
    measured: `${f.measured}, ${times(f.value)}; CPU per turn ${ms(botCpu / bot.length)}`,
    baseline: `${f.baseline}; CPU per turn ${ms(echoCpu / echo.length)}`,
  }));
}
