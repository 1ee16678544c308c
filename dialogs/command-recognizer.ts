import type { Translator } from '../src/i18n/message-catalogue';
import { wordsOf } from './validators/text-validators';

export type Command = 'add-external' | 'help' | 'cancel' | 'approvals-here' | 'pending';

const commandKeys: Readonly<Record<Command, string>> = {
  'add-external': 'bot.command.addExternal',
  help: 'bot.command.help',
  cancel: 'bot.command.cancel',
  'approvals-here': 'bot.command.approvalsHere',
  pending: 'bot.command.pending',
};

/**
 * Recognises a command in what the user typed (the bot's @mention already removed): the whole
 * message, case and surrounding punctuation ignored, must be one of the command's words in the
 * user's language.
 */
export function recognizeCommand(text: string | undefined, t: Translator): Command | undefined {
  const normalised = (text ?? '')
    .trim()
    .toLowerCase()
    .replace(/^[\s/!.]+|[\s.!?]+$/g, '')
    .replace(/\s+/g, ' ');
  if (normalised === '') return undefined;
  return (Object.keys(commandKeys) as Command[]).find((command) => wordsOf(t(commandKeys[command])).includes(normalised));
}
