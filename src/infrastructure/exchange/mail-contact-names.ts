/**
 * The Name and Alias a new mail contact gets (New-MailContact reference, and
 * shared/reference/microsoft-365-apis.md B3): Name must be unique among all recipients and at most
 * 64 characters; an Alias left to Exchange is derived from Name with every letter outside Latin-1
 * turned into "?" ("Łukasz" gives "?ukasz"), so the bot always sends a clean one of its own.
 */

const maxLength = 64;

/**
 * "<display name> (<address>)", cut to 64 characters: unique on the first try because the address
 * is (Exchange refuses a second recipient with it), and still readable in the admin center.
 */
export function mailContactName(displayName: string, email: string): string {
  const base = displayName.trim().replace(/\s+/g, ' ');
  const suffix = ` (${email})`;
  if (base === '' || suffix.length >= maxLength - 1) return email.slice(0, maxLength);
  return `${base.slice(0, maxLength - suffix.length).trimEnd()}${suffix}`;
}

/** Letters that have no decomposed form in Unicode, spelled the way an address would spell them. */
const latinLetters: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i', ß: 'ss',
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ŋ: 'n', Ŋ: 'N',
};

/** What an alias may hold besides letters and digits (periods only between other characters). */
const aliasSigns = "!#$%&'*+-/=?^_`{|}~";

/**
 * An alias of plain ASCII built from the whole address ("jane.doe@partner.example" gives
 * "jane.doe_partner.example"): unique like the address, no "?" for letters outside Latin-1
 * (accents dropped, ł/ø/ß… spelled out), nothing an alias cannot hold, at most 64 characters.
 */
export function mailContactAlias(email: string): string {
  const ascii = [...email.replace('@', '_').normalize('NFKD')]
    .map((c) => latinLetters[c] ?? c)
    .join('')
    .replace(/[\u0300-\u036f]/g, '');
  const kept = [...ascii].filter((c) => /[A-Za-z0-9.]/.test(c) || aliasSigns.includes(c)).join('');
  const alias = kept.replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '').slice(0, maxLength).replace(/\.+$/, '');
  return /[A-Za-z0-9]/.test(alias) ? alias : 'external-contact';
}
