import type { MessageKey, MessageParams } from '../../src/i18n/message-catalogue';

/** What was wrong with an answer: a catalogue key and its parameters, translated by the prompt. */
export interface Problem {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The result of checking one answer: the value to record, or exactly what was wrong. */
export type Verdict<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function accept<T>(value: T): Verdict<T> {
  return { ok: true, value };
}

export function reject<T>(key: MessageKey, params?: MessageParams): Verdict<T> {
  return params === undefined ? { ok: false, problem: { key } } : { ok: false, problem: { key, params } };
}
