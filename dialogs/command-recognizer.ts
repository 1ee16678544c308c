import { type MessageCatalogue, type MessageKey, type Translator, defaultLocale } from '../src/i18n/message-catalogue';
import { foldForMatching, wordsOf } from './validators/text-validators';

export type Command = 'add-external' | 'help' | 'cancel' | 'approvals-here' | 'pending';

/** Where each command's words are, in every language ("add external|…", "externe toevoegen|…"). */
export const commandKeys = {
  'add-external': 'bot.command.addExternal',
  help: 'bot.command.help',
  cancel: 'bot.command.cancel',
  'approvals-here': 'bot.command.approvalsHere',
  pending: 'bot.command.pending',
} as const satisfies Readonly<Record<Command, MessageKey>>;

const commands = Object.keys(commandKeys) as Command[];

/** Each command's words in every language, folded for matching; built once per catalogue. */
const commandWords = new WeakMap<MessageCatalogue, ReadonlyMap<string, Command>>();

function wordsOfEveryLanguage(catalogue: MessageCatalogue): ReadonlyMap<string, Command> {
  const known = commandWords.get(catalogue);
  if (known) return known;
  const words = new Map<string, Command>();
  for (const language of catalogue.locales) {
    const t = catalogue.translator(language);
    for (const command of commands) {
      for (const word of wordsOf(t(commandKeys[command]))) if (!words.has(word)) words.set(word, command);
    }
  }
  commandWords.set(catalogue, words);
  return words;
}

/**
 * Recognises a command in what the user typed (the bot's @mention already removed): the whole
 * message, case, diacritics and surrounding punctuation ignored, must be one of the command's words
 * in any of the bot's languages, so "palidziba", "hulp" and "help" all ask for help whatever
 * language the user's Teams is set to.
 */
export function recognizeCommand(text: string | undefined, catalogue: MessageCatalogue): Command | undefined {
  const typed = (text ?? '').trim();
  // "Help!" is "help"; a command that is punctuation itself ("?") stays as typed.
  const normalised = foldForMatching(typed.replace(/^[\s/!.]+|[\s.!?]+$/g, '')) || foldForMatching(typed);
  if (normalised === '') return undefined;
  return wordsOfEveryLanguage(catalogue).get(normalised);
}

/** The words a reader may answer with (such as "skip"): those of their language, and English. */
export function answerWords(catalogue: MessageCatalogue, t: Translator, key: MessageKey): string[] {
  const own = wordsOf(t(key));
  return t.locale === defaultLocale ? own : [...own, ...wordsOf(catalogue.translator(defaultLocale)(key))];
}
