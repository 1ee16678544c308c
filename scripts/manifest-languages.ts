import type { MessageKey, Translator } from '../src/i18n/message-catalogue';

/**
 * The manifest template's texts come from the message catalogue, so the app's name, description
 * and command list speak the same three languages as the bot:
 * - `"{{text:manifest.name.short}}"`: a catalogue text;
 * - `"{{command:bot.command.addExternal}}"`: the first of a command's words, which the bot recognises.
 * The manifest itself carries English; Teams shows a client in Dutch or Latvian the texts of
 * nl.json or lv.json (Teams localization files, keyed by the JSON path of each text).
 */
const placeholder = /^\{\{(text|command):([\w.-]+)\}\}$/;

/** The text a placeholder stands for, in `t`'s language; undefined when `value` is no text placeholder. */
export function manifestText(value: string, t: Translator): string | undefined {
  const match = placeholder.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const key = match[2];
  if (!t.has(key)) throw new Error(`The manifest template asks for the text "${key}", which is not in the message catalogue.`);
  const text = t(key as MessageKey);
  return match[1] === 'command' ? (text.split('|')[0] ?? text).trim() : text;
}

/** A JSON path as Teams localization files name it: `name.short`, `bots[0].commandLists[1].commands[2].title`. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** Every text placeholder of the template, by its localization path, in `t`'s language. */
export function localizedTexts(template: unknown, t: Translator): Record<string, string> {
  const texts: Record<string, string> = {};
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      const text = manifestText(node, t);
      if (text !== undefined) texts[pathText(path)] = text;
    } else if (Array.isArray(node)) {
      node.forEach((child, index) => walk(child, [...path, index]));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(template, []);
  return texts;
}

/** A Teams localization file (`nl.json`) for the manifest version the template targets. */
export function localizationFile(template: unknown, t: Translator, manifestVersion: string): Record<string, string> {
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    ...localizedTexts(template, t),
  };
}
