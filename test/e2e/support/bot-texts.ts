import { plain } from './teams-client';
import { MessageCatalogue, projectLocalesDir, type MessageKey, type MessageParams, type Translator } from '../../../src/i18n/message-catalogue';

/**
 * The bot's English texts, from the same catalogue the bot uses: a scenario asserts that a person
 * sees exactly the message the bot is meant to show, and keeps passing when a text is reworded.
 */
export function botTexts(): Translator {
  return MessageCatalogue.load(projectLocalesDir()).translator('en');
}

/**
 * A message as a pattern whose `captures` parameters match `capturePatterns` (named groups), e.g.
 * the request id in "Request {requestId} is submitted ...". The markdown is read the way
 * TeamsClient reads visible text.
 */
export function textPattern(t: Translator, key: MessageKey, capturePatterns: Readonly<Record<string, string>>, params: MessageParams = {}): RegExp {
  const marker = (name: string): string => `\u0001${name}\u0001`;
  const markers = Object.fromEntries(Object.keys(capturePatterns).map((name) => [name, marker(name)]));
  let source = escaped(visible(t(key, { ...params, ...markers })));
  for (const [name, pattern] of Object.entries(capturePatterns)) source = source.replace(marker(name), `(?<${name}>${pattern})`);
  return new RegExp(source);
}

/**
 * A message about a number the test cannot know (`count`, chosen by plural rules): every wording
 * the language has for it (Latvian has three), with any number in its place, and other parameters
 * the test cannot know matching `anyOf` patterns (not captured).
 */
export function countedPattern(t: Translator, key: MessageKey, params: MessageParams = {}, anyOf: Readonly<Record<string, string>> = {}): RegExp {
  const marker = (name: string): string => `\u0001${name}\u0001`;
  const markers = Object.fromEntries(Object.keys(anyOf).map((name) => [name, marker(name)]));
  const shapes = new Set<string>();
  for (let count = 0; count <= 31; count += 1) {
    let shape = escaped(visible(t(key, { ...params, ...markers, count }))).replace(new RegExp(`(?<!\\d)${count}(?!\\d)`, 'g'), '\\d+');
    for (const [name, pattern] of Object.entries(anyOf)) shape = shape.replace(marker(name), `(?:${pattern})`);
    shapes.add(shape);
  }
  return new RegExp([...shapes].map((shape) => `(?:${shape})`).join('|'));
}

/** What a person types for a command in `t`'s language: its first word ("pievienot ārējo"). */
export function commandWord(t: Translator, key: 'bot.command.addExternal' | 'bot.command.approvalsHere' | 'bot.command.pending' | 'bot.command.help' | 'bot.command.cancel'): string {
  return t(key).split('|')[0] ?? t(key);
}

/** Text as TeamsClient reads it from the page: the markdown rendered (markers and escapes gone), white space folded. */
function visible(text: string): string {
  return plain(text);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
