import { type Verdict, accept, reject } from './verdict';

/** Limits Exchange puts on mail contact fields (FirstName, LastName 64; DisplayName 256; Company 64). */
export const TextLimits = { name: 64, displayName: 256, company: 64, reasonMin: 5, reason: 500 } as const;

// Control characters (C0, DEL, C1) never belong in a name.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;

function singleLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function validateLine(text: string, field: 'firstName' | 'lastName' | 'displayName' | 'company', max: number): Verdict<string> {
  const value = singleLine(text);
  if (value === '') return reject(`intake.${field}.empty`);
  if (controlCharacters.test(value)) return reject('intake.text.controlCharacters');
  if (value.length > max) return reject('intake.text.tooLong', { max, length: value.length });
  if (value.includes('@')) return reject('intake.text.looksLikeEmail');
  return accept(value);
}

export function validateFirstName(text: string): Verdict<string> {
  return validateLine(text, 'firstName', TextLimits.name);
}

export function validateLastName(text: string): Verdict<string> {
  return validateLine(text, 'lastName', TextLimits.name);
}

/** A display name; `useDefaultWords` (e.g. "ok") accept the suggested default. */
export function validateDisplayName(text: string, suggested: string, useDefaultWords: readonly string[]): Verdict<string> {
  if (useDefaultWords.includes(foldForMatching(text))) return accept(suggested);
  return validateLine(text, 'displayName', TextLimits.displayName);
}

/** The company is optional: one of `skipWords` records none. */
export function validateCompany(text: string, skipWords: readonly string[]): Verdict<string | undefined> {
  if (skipWords.includes(foldForMatching(text))) return accept(undefined);
  return validateLine(text, 'company', TextLimits.company);
}

export function validateReason(text: string): Verdict<string> {
  const value = text.trim();
  if (value === '') return reject('intake.reason.empty');
  if (value.length < TextLimits.reasonMin) return reject('intake.reason.tooShort', { min: TextLimits.reasonMin });
  if (value.length > TextLimits.reason) return reject('intake.text.tooLong', { max: TextLimits.reason, length: value.length });
  return accept(value);
}

/** What the requester typed to search for a group by the start of its name. */
export function validateGroupQuery(text: string): Verdict<string> {
  const value = singleLine(text);
  if (value === '') return reject('intake.group.emptyQuery');
  if (value.length > TextLimits.displayName) return reject('intake.text.tooLong', { max: TextLimits.displayName, length: value.length });
  return accept(value);
}

/**
 * An answer as it is compared with words and names: one line, lower case, without diacritics, so
 * "Palidziba" matches "palīdzība" and "meklet velreiz" matches "meklēt vēlreiz".
 */
export function foldForMatching(text: string): string {
  return singleLine(text)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

/** Splits a catalogue entry of alternatives ("skip|none|-") into words folded for matching. */
export function wordsOf(entry: string): string[] {
  return entry
    .split('|')
    .map(foldForMatching)
    .filter((word) => word !== '');
}
