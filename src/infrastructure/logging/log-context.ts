import { AsyncLocalStorage } from 'node:async_hooks';

type Fields = Readonly<Record<string, unknown>>;

const context = new AsyncLocalStorage<Fields>();

/**
 * Runs `work` with these fields added to every line the pino logger writes while it runs, from
 * any component and in any work it starts (background jobs started in a turn carry the turn's
 * correlation id). Fields a line or its logger already has win.
 */
export function withLogFields<T>(fields: Fields, work: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, work);
}

/** The fields of the surrounding withLogFields, if any. */
export function currentLogFields(): Fields | undefined {
  return context.getStore();
}
