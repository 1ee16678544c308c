import { plain } from './teams-client';
import { MessageCatalogue, projectLocalesDir, type MessageParams, type Translator } from '../../../src/i18n/message-catalogue';

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
export function textPattern(t: Translator, key: string, capturePatterns: Readonly<Record<string, string>>, params: MessageParams = {}): RegExp {
  const marker = (name: string): string => `\u0001${name}\u0001`;
  const markers = Object.fromEntries(Object.keys(capturePatterns).map((name) => [name, marker(name)]));
  const text = plain(t(key, { ...params, ...markers }));
  let source = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [name, pattern] of Object.entries(capturePatterns)) source = source.replace(marker(name), `(?<${name}>${pattern})`);
  return new RegExp(source);
}
