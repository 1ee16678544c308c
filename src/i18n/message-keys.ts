/**
 * Every file of the English catalogue (`locales/en/*.json`). English is the reference: the other
 * languages have exactly its keys (a test checks it), so a key that is not here does not compile.
 * A new file in `locales/en` is added here too (the catalogue test says so when it is missing).
 */
type EnglishCatalogue = typeof import('../../locales/en/approval.json') &
  typeof import('../../locales/en/bot.json') &
  typeof import('../../locales/en/cards.json') &
  typeof import('../../locales/en/common.json') &
  typeof import('../../locales/en/doctor.json') &
  typeof import('../../locales/en/errors.json') &
  typeof import('../../locales/en/intake.json') &
  typeof import('../../locales/en/manifest.json') &
  typeof import('../../locales/en/pages.json');

/** The key of a user-facing text, such as `'intake.email.ask'`. */
export type MessageKey = Extract<keyof EnglishCatalogue, string>;
