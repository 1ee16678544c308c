import { randomUUID } from 'node:crypto';
import type { BotClient } from '../../test/support/bot-client';
import { type BenchWorld, timed } from '../support/bench-world';
import { processMemory } from '../support/bench-processes';
import { type Figure, ms, times } from '../support/figures';
import { inParallel, percentile } from '../support/statistics';

export interface RequesterBurstOptions {
  readonly requesters: number;
  /** Latency of every Graph and Exchange call. */
  readonly latencyMs: number;
}

/**
 * Many requesters answering at once: each has started a request and is asked for the external
 * person's address; all of them send one at the same moment (each address is different, so each
 * needs its own directory check). The echo bot gets the same burst of messages. Compared: the
 * p99 turn of each, and the bot process's peak resident memory.
 */
export async function requesterBurst(world: BenchWorld, options: RequesterBurstOptions): Promise<Figure[]> {
  world.backend({ latencyMs: options.latencyMs });
  const people = Array.from({ length: options.requesters }, (_, i) => ({ aadObjectId: randomUUID(), name: `Requester ${i + 1}` }));
  const botChats: BotClient[] = await inParallel(people, 20, async (person) => {
    const chat = world.botChat(person);
    await chat.say('add external');
    return chat;
  });
  const echoChats = people.map((person) => world.echoChat(person));
  const burst = async (chats: readonly BotClient[], text: (i: number) => string): Promise<number[]> => {
    const turns = await Promise.all(chats.map((chat, i) => timed(() => chat.say(text(i)))));
    const failed = turns.filter((t) => t.status !== 200);
    if (failed.length > 0) throw new Error(`${failed.length} turns of the burst failed (status ${failed[0]?.status})`);
    return turns.map((t) => t.ms);
  };
  const tag = Date.now().toString(36);
  const echo = await burst(echoChats, (i) => `burst${i}.${tag}@partner.example`);
  const bot = await burst(botChats, (i) => `burst${i}.${tag}@partner.example`);
  const botP99 = percentile(bot, 99);
  const echoP99 = percentile(echo, 99);
  const memory = processMemory(world.bot.pid);
  return [
    {
      name: `${options.requesters} requesters at once: p99 turn (address check at ${ms(options.latencyMs)} per call)`,
      measured: `${ms(botP99)} (p50 ${ms(percentile(bot, 50))}), ${times(botP99 / echoP99)}`,
      baseline: `echo bot p99 ${ms(echoP99)}`,
      goal: '≤ 2× echo',
      value: botP99 / echoP99,
      limit: 2,
    },
    {
      name: 'Bot process, peak resident memory',
      measured: memory ? `${memory.peakMb.toFixed(0)} MB (${memory.rssMb.toFixed(0)} MB now)` : 'n/a (no /proc)',
      baseline: 'its own process',
      goal: '≤ 200 MB',
      value: memory?.peakMb ?? Number.NaN,
      limit: 200,
    },
  ];
}
