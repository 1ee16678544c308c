import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Formatters, IntlMessageFormat } from 'intl-messageformat';
import { type ParsedMessage, parseMessage } from './icu-message';
import { literalText, TrustedMarkdown } from './literal-text';
import type { MessageKey } from './message-keys';
import { type Reader, canonicalLocale, knownTimeZone } from './reader';

export type { MessageKey } from './message-keys';

/**
 * A value for a message argument: text, a count (plural rules pick the form), or a moment. Text is
 * a value from outside the catalogue (a name, a reason, a group name): for Teams it is shown
 * literally (see literal-text.ts). Text that is already markdown, such as another translated
 * message or a list the bot builds, passes as `TrustedMarkdown`.
 */
export type MessageValue = string | number | Date | TrustedMarkdown;
export type MessageParams = Readonly<Record<string, MessageValue>>;

/** Turns a message key and its arguments into user-facing text for one reader. */
export interface Translator {
  /** The catalogue the texts come from: "en", "nl" or "lv". */
  readonly locale: string;
  /** The reader's own locale ("nl-BE"), used for numbers, dates and plural rules. */
  readonly formattingLocale: string;
  /** The reader's time zone ("Europe/Riga"); UTC when the client did not say. */
  readonly timeZone: string;
  (key: MessageKey, params?: MessageParams): string;
  /** True when a key built from data (an error code, a step name) names a text. */
  has(key: string): key is MessageKey;
}

/** One language's texts, parsed: key to message. */
export type LanguageCatalogue = ReadonlyMap<string, ParsedMessage>;

export const defaultLocale = 'en';

const maxTranslators = 200;

/**
 * User-facing text in ICU MessageFormat (plural, select, number, date and time arguments), one
 * folder per language (`locales/<lang>/*.json`, flat keys). Every message is parsed when the
 * catalogue loads, so a malformed one stops the bot at start-up, never in front of a user.
 * The reader's language picks the catalogue (English when there is none for it); English is the
 * reference every other language must match (see catalogue-consistency.ts).
 */
export class MessageCatalogue {
  /** Translators already made, by the locale and time zone asked for (each keeps its compiled messages). */
  private readonly translators = new Map<string, Translator>();

  private constructor(private readonly catalogues: ReadonlyMap<string, LanguageCatalogue>) {}

  static load(localesDir: string): MessageCatalogue {
    const catalogues = new Map<string, LanguageCatalogue>();
    const problems: string[] = [];
    for (const entry of readdirSync(localesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const messages = new Map<string, ParsedMessage>();
      for (const file of readdirSync(join(localesDir, entry.name)).filter((f) => f.endsWith('.json')).sort()) {
        const where = `locales/${entry.name}/${file}`;
        const content = JSON.parse(readFileSync(join(localesDir, entry.name, file), 'utf8')) as Record<string, unknown>;
        for (const [key, value] of Object.entries(content)) {
          if (typeof value !== 'string') {
            problems.push(`${where}: "${key}" must be a string`);
          } else if (messages.has(key)) {
            problems.push(`${where}: "${key}" is defined twice`);
          } else {
            try {
              messages.set(key, parseMessage(value));
            } catch (error) {
              problems.push(`${where}: "${key}" is not valid ICU MessageFormat (${(error as Error).message})`);
            }
          }
        }
      }
      catalogues.set(entry.name, messages);
    }
    if (!catalogues.has(defaultLocale)) problems.push(`${localesDir} has no "${defaultLocale}" catalogue`);
    if (problems.length > 0) throw new Error(`The message catalogue cannot be loaded:\n${problems.join('\n')}`);
    return new MessageCatalogue(catalogues);
  }

  /** Languages with a catalogue, English first. */
  get locales(): readonly string[] {
    return [defaultLocale, ...[...this.catalogues.keys()].filter((language) => language !== defaultLocale)];
  }

  /** One language's parsed messages (for the consistency check and the command words). */
  messagesOf(language: string): LanguageCatalogue {
    return this.catalogues.get(language) ?? new Map();
  }

  has(key: string): key is MessageKey {
    return this.catalogues.get(defaultLocale)?.has(key) ?? false;
  }

  /** The catalogue language for a locale such as "nl-BE" or "lv": its language if there is a catalogue for it, else English. */
  languageOf(locale: string | undefined): string {
    const language = canonicalLocale(locale)?.split('-')[0]?.toLowerCase();
    return language !== undefined && this.catalogues.has(language) ? language : defaultLocale;
  }

  /**
   * A translator for a reader (a Teams locale such as "nl-NL" and a time zone); unknown languages
   * get English. A key missing in a language falls back to English (the tests keep that from happening).
   */
  translator(reader: Reader | string | undefined = {}): Translator {
    return this.translatorFor(reader, 'markdown');
  }

  /** A translator for a terminal (the doctor's report): text arguments are inserted as they are. */
  plainTranslator(reader: Reader | string | undefined = {}): Translator {
    return this.translatorFor(reader, 'plain');
  }

  private translatorFor(reader: Reader | string | undefined, output: 'markdown' | 'plain'): Translator {
    const { locale, timeZone } = typeof reader === 'string' ? { locale: reader, timeZone: undefined } : (reader ?? {});
    const id = `${output}|${locale ?? ''}|${timeZone ?? ''}`;
    const known = this.translators.get(id);
    if (known) return known;
    const language = this.languageOf(locale);
    const readerLocale = canonicalLocale(locale);
    const formattingLocale = readerLocale !== undefined && readerLocale.split('-')[0]?.toLowerCase() === language ? readerLocale : language;
    const made = this.makeTranslator(language, formattingLocale, knownTimeZone(timeZone) ?? 'UTC', output === 'markdown' ? literalText : (value) => value);
    // Locales and zones come from activities: keep the most recent ones only.
    if (this.translators.size >= maxTranslators) this.translators.delete(this.translators.keys().next().value ?? '');
    this.translators.set(id, made);
    return made;
  }

  private makeTranslator(language: string, formattingLocale: string, zone: string, shown: (value: string) => string): Translator {
    const primary = this.messagesOf(language);
    const fallback = this.messagesOf(defaultLocale);
    const formatters = formattersIn(zone);
    const formats = new Map<string, IntlMessageFormat>();
    const translate = (key: MessageKey, params: MessageParams = {}): string => {
      const message = primary.get(key) ?? fallback.get(key);
      if (message === undefined) throw new Error(`No message "${key}" in the catalogue`);
      let format = formats.get(key);
      if (!format) {
        format = new IntlMessageFormat(message.elements, formattingLocale, undefined, { formatters, ignoreTag: true });
        formats.set(key, format);
      }
      return String(format.format(valuesFor(message, params, shown)));
    };
    const has = (key: string): key is MessageKey => this.has(key);
    return Object.assign(translate, { locale: language, formattingLocale, timeZone: zone, has });
  }
}

/**
 * The values a message needs: dates given as ISO strings become dates, a code chosen by `select`
 * is matched in camelCase (ICU case names cannot hold a hyphen, so "mail-contact" selects
 * `mailContact`), other text is `shown` (for Teams: literally, escaping markdown), trusted markdown
 * goes in as it is, and an argument nobody passed stays visible as `{name}` rather than failing in
 * front of the user.
 */
function valuesFor(message: ParsedMessage, params: MessageParams, shown: (value: string) => string): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, kinds] of message.arguments) {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (value === undefined) values[name] = `{${name}}`;
    else if (value instanceof TrustedMarkdown) values[name] = value.markdown;
    else if (typeof value === 'string' && (kinds.has('date') || kinds.has('time'))) values[name] = new Date(value);
    else if (typeof value === 'string' && kinds.has('select')) values[name] = value.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    else if (typeof value === 'string') values[name] = shown(value);
    else values[name] = value;
  }
  return values;
}

/** Intl formatters that render every date and time in the reader's time zone (memoised per options). */
function formattersIn(timeZone: string): Formatters {
  const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
  const memo = <T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(kind: string, args: unknown[], make: () => T): T => {
    const id = `${kind}:${JSON.stringify(args)}`;
    const known = cache.get(id) as T | undefined;
    if (known) return known;
    const made = make();
    cache.set(id, made);
    return made;
  };
  return {
    getNumberFormat: (locales, options) => memo('number', [locales, options], () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions)),
    getDateTimeFormat: (locales, options) =>
      memo('date', [locales, options], () => new Intl.DateTimeFormat(locales, { ...options, timeZone: options?.timeZone ?? timeZone })),
    getPluralRules: (locales, options) => memo('plural', [locales, options], () => new Intl.PluralRules(locales, options)),
  };
}

/** The project's `locales` folder, from either the source tree or the compiled `dist` tree. */
export function projectLocalesDir(): string {
  // dist/src/i18n -> ../../../locales ; src/i18n -> ../../locales
  const fromDist = join(__dirname, '..', '..', '..', 'locales');
  const fromSource = join(__dirname, '..', '..', 'locales');
  return __dirname.includes(`${join('dist', 'src')}`) ? fromDist : fromSource;
}
