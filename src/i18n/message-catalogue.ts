import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { literalText, TrustedMarkdown } from './literal-text';

/**
 * A message's parameters. Strings are values from outside the catalogue (names, reasons, group
 * names...): for Teams they are shown literally (see literal-text.ts). Text that is already
 * markdown, such as another translated message, passes as `TrustedMarkdown`.
 */
export type MessageParams = Readonly<Record<string, string | number | TrustedMarkdown>>;

/** Turns a message key and its parameters into user-facing text in one locale. */
export interface Translator {
  readonly locale: string;
  (key: string, params?: MessageParams): string;
}

type Catalogue = ReadonlyMap<string, string>;

export const defaultLocale = 'en';

/**
 * User-facing text, one folder per language (`locales/<lang>/*.json`, flat keys, `{name}` placeholders).
 * Every file of a language is merged; a key missing in a language falls back to English.
 */
export class MessageCatalogue {
  private constructor(private readonly catalogues: ReadonlyMap<string, Catalogue>) {}

  static load(localesDir: string): MessageCatalogue {
    const catalogues = new Map<string, Catalogue>();
    for (const entry of readdirSync(localesDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const messages = new Map<string, string>();
      for (const file of readdirSync(join(localesDir, entry.name)).filter((f) => f.endsWith('.json')).sort()) {
        const content = JSON.parse(readFileSync(join(localesDir, entry.name, file), 'utf8')) as Record<string, unknown>;
        for (const [key, value] of Object.entries(content)) {
          if (typeof value !== 'string') throw new Error(`locales/${entry.name}/${file}: "${key}" must be a string`);
          if (messages.has(key)) throw new Error(`locales/${entry.name}/${file}: "${key}" is defined twice`);
          messages.set(key, value);
        }
      }
      catalogues.set(entry.name, messages);
    }
    if (!catalogues.has(defaultLocale)) throw new Error(`${localesDir} has no "${defaultLocale}" catalogue`);
    return new MessageCatalogue(catalogues);
  }

  /** Languages with a catalogue. */
  get locales(): readonly string[] {
    return [...this.catalogues.keys()];
  }

  has(key: string): boolean {
    return this.catalogues.get(defaultLocale)?.has(key) ?? false;
  }

  /**
   * A translator for a Teams locale such as "en-US" or "nl-NL"; unknown languages get English. Its
   * text is Teams markdown: string parameters are escaped so they show literally.
   */
  translator(locale: string | undefined): Translator {
    return this.translatorFor(locale, literalText);
  }

  /** A translator for a terminal (the doctor's report): parameters are inserted as they are. */
  plainTranslator(locale: string | undefined): Translator {
    return this.translatorFor(locale, (value) => value);
  }

  private translatorFor(locale: string | undefined, shown: (value: string) => string): Translator {
    const language = (locale ?? defaultLocale).toLowerCase().split(/[-_]/)[0] ?? defaultLocale;
    const chosen = this.catalogues.has(language) ? language : defaultLocale;
    const primary = this.catalogues.get(chosen);
    const fallback = this.catalogues.get(defaultLocale);
    const translate = (key: string, params: MessageParams = {}): string => {
      const template = primary?.get(key) ?? fallback?.get(key);
      if (template === undefined) throw new Error(`No message "${key}" in the catalogue`);
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
        const value = params[name];
        if (value instanceof TrustedMarkdown) return value.markdown;
        return typeof value === 'string' ? shown(value) : String(value);
      });
    };
    return Object.assign(translate, { locale: chosen });
  }
}

/** The project's `locales` folder, from either the source tree or the compiled `dist` tree. */
export function projectLocalesDir(): string {
  // dist/src/i18n -> ../../../locales ; src/i18n -> ../../locales
  const fromDist = join(__dirname, '..', '..', '..', 'locales');
  const fromSource = join(__dirname, '..', '..', 'locales');
  return __dirname.includes(`${join('dist', 'src')}`) ? fromDist : fromSource;
}
