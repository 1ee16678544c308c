import type { ArgumentKind, ParsedMessage } from './icu-message';
import { type MessageCatalogue, defaultLocale } from './message-catalogue';

/** Texts only administrators read at a console (npm run doctor): they may stay English. */
export const englishOnlyKeyPrefixes: readonly string[] = ['doctor.'];

function englishOnly(key: string): boolean {
  return englishOnlyKeyPrefixes.some((prefix) => key.startsWith(prefix));
}

function kindsText(kinds: ReadonlySet<ArgumentKind>): string {
  return [...kinds].sort().join('/');
}

/** The plural forms a language distinguishes (CLDR), e.g. lv: zero, one, other; nl: one, other. */
function pluralCategories(language: string, kind: 'plural' | 'selectordinal'): readonly string[] {
  return new Intl.PluralRules(language, { type: kind === 'plural' ? 'cardinal' : 'ordinal' }).resolvedOptions().pluralCategories;
}

/** What is wrong with one message's plurals and selects in its own language. */
function choiceProblems(language: string, key: string, message: ParsedMessage): string[] {
  const problems: string[] = [];
  for (const choice of message.choices) {
    if (choice.kind === 'select') continue;
    const categories = pluralCategories(language, choice.kind);
    const named = choice.options.filter((option) => !option.startsWith('='));
    for (const option of named) {
      if (!categories.includes(option)) {
        problems.push(`${language}: "${key}" has the plural form "${option}" for {${choice.argument}}, which ${language} does not use (it has ${categories.join(', ')})`);
      }
    }
    for (const category of categories) {
      if (!named.includes(category)) problems.push(`${language}: "${key}" lacks the plural form "${category}" for {${choice.argument}}`);
    }
  }
  return problems;
}

/** What one translated message does differently from English: arguments, their kinds, select cases. */
function argumentProblems(language: string, key: string, english: ParsedMessage, translated: ParsedMessage): string[] {
  const problems: string[] = [];
  for (const [name, kinds] of translated.arguments) {
    const englishKinds = english.arguments.get(name);
    if (!englishKinds) {
      problems.push(`${language}: "${key}" uses {${name}}, which English does not`);
      continue;
    }
    const foreign = [...kinds].filter((kind) => !englishKinds.has(kind));
    if (foreign.length > 0) {
      problems.push(`${language}: "${key}" uses {${name}} as ${foreign.join('/')}, English only as ${kindsText(englishKinds)}`);
    }
  }
  for (const name of english.arguments.keys()) {
    if (!translated.arguments.has(name)) problems.push(`${language}: "${key}" leaves out {${name}}, which English uses`);
  }
  const englishCases = new Map<string, Set<string>>();
  for (const choice of english.choices.filter((c) => c.kind === 'select')) {
    const cases = englishCases.get(choice.argument) ?? new Set<string>();
    for (const option of choice.options) cases.add(option);
    englishCases.set(choice.argument, cases);
  }
  for (const choice of translated.choices.filter((c) => c.kind === 'select')) {
    const cases = englishCases.get(choice.argument);
    const unknown = cases ? choice.options.filter((option) => !cases.has(option)) : [];
    if (unknown.length > 0) {
      problems.push(`${language}: "${key}" selects on {${choice.argument}} with ${unknown.join(', ')}, which English does not have (it has ${[...(cases ?? [])].join(', ')})`);
    }
  }
  return problems;
}

/**
 * Everything in which the catalogues differ from English, one line each: a key English has that
 * a language lacks (English-only console texts aside), a key English does not have, an argument
 * English does not use or one it uses that the translation drops, an argument used differently
 * (text vs. plural, date...), a select case English does not have (a translation may fold cases
 * into `other`, for its grammar), and plural forms the language does not have or lacks. Empty when every language says everything English says.
 */
export function catalogueProblems(catalogue: Pick<MessageCatalogue, 'locales' | 'messagesOf'>): string[] {
  const english = catalogue.messagesOf(defaultLocale);
  const problems: string[] = [];
  for (const [key, message] of english) problems.push(...choiceProblems(defaultLocale, key, message));
  for (const language of catalogue.locales) {
    if (language === defaultLocale) continue;
    const messages = catalogue.messagesOf(language);
    for (const key of english.keys()) {
      if (!messages.has(key) && !englishOnly(key)) problems.push(`${language}: lacks "${key}"`);
    }
    for (const [key, message] of messages) {
      const reference = english.get(key);
      if (!reference) {
        problems.push(`${language}: has "${key}", which English does not`);
        continue;
      }
      problems.push(...argumentProblems(language, key, reference, message), ...choiceProblems(language, key, message));
    }
  }
  return problems;
}
