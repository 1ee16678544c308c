import { createHash } from 'node:crypto';

/** Longest encoded name kept whole; longer ones are shortened and made unique with a hash. */
const maxReadableLength = 120;

/**
 * Maps any storage key to a name that is safe as a file name on every platform and as an Azure
 * blob name, and that no other key maps to:
 *
 * - lower-case ASCII letters, digits and "-" are kept;
 * - every other character (upper-case letters included, so case-insensitive file systems cannot
 *   merge "A" and "a") becomes "_" followed by the two hex digits of each of its UTF-8 bytes;
 * - a name longer than 120 characters keeps its first 120 characters, then "~" and the SHA-256
 *   of the whole key ("~" never appears in an encoded name, so shortened names cannot collide
 *   with whole ones).
 *
 * The result never contains "/", ".", "%" or upper-case letters, so "..", "a/b" or "CON" cannot
 * escape a folder or mean something special, and encodeURIComponent leaves it unchanged.
 */
export function safeKeyName(key: string): string {
  if (key.length === 0) throw new Error('A storage key must not be empty.');
  let encoded = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const isKept = (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d;
    encoded += isKept ? String.fromCharCode(byte) : `_${byte.toString(16).padStart(2, '0')}`;
  }
  if (encoded.length <= maxReadableLength) return encoded;
  const digest = createHash('sha256').update(key, 'utf8').digest('hex');
  return `${encoded.slice(0, maxReadableLength)}~${digest}`;
}
