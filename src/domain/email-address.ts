/**
 * E-mail address syntax as Exchange Online and Entra accept it for an external recipient: a
 * dot-atom local part (RFC 5322 atext, which includes the apostrophe of o'brien@...) and a DNS
 * domain name. Quoted local parts and IP-literal domains are refused: neither can be the
 * external address of a mail contact or a guest invitation in practice.
 */
export type EmailAddressProblem =
  | 'empty'
  | 'too-long'
  | 'missing-at'
  | 'local-part-invalid'
  | 'local-part-too-long'
  | 'domain-invalid';

export type ParsedEmailAddress =
  | {
      readonly kind: 'valid';
      /** Lower-cased `local@domain`: the form the bot stores and compares. */
      readonly address: string;
      readonly localPart: string;
      readonly domain: string;
    }
  | { readonly kind: 'invalid'; readonly problem: EmailAddressProblem };

const maxAddressLength = 254;
const maxLocalPartLength = 64;
const maxLabelLength = 63;
const atom = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const label = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Parses what a person typed or pasted: surrounding spaces, a `mailto:` prefix and angle
 * brackets (`Jane <jane@x.com>` is not accepted, `<jane@x.com>` is) are removed; the result is
 * lower-cased, since both Exchange and Entra compare addresses case-insensitively.
 */
export function parseEmailAddress(input: string): ParsedEmailAddress {
  let text = input.trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  if (/^mailto:/i.test(text)) text = text.slice('mailto:'.length).trim();
  if (text === '') return invalid('empty');
  if (text.length > maxAddressLength) return invalid('too-long');
  const at = text.lastIndexOf('@');
  if (at < 0) return invalid('missing-at');
  const localPart = text.slice(0, at).toLowerCase();
  const domain = text.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (localPart === '') return invalid('local-part-invalid');
  if (localPart.length > maxLocalPartLength) return invalid('local-part-too-long');
  if (!localPart.split('.').every((part) => atom.test(part))) return invalid('local-part-invalid');
  if (!isDomainName(domain)) return invalid('domain-invalid');
  return { kind: 'valid', address: `${localPart}@${domain}`, localPart, domain };
}

/** The lower-cased domain part of an address already known to be valid (or '' when there is none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/** Case-insensitive address equality, the way Exchange and Entra compare them. */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function isDomainName(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const last = labels[labels.length - 1] ?? '';
  return labels.every((l) => l.length <= maxLabelLength && label.test(l)) && topLevel.test(last);
}

function invalid(problem: EmailAddressProblem): ParsedEmailAddress {
  return { kind: 'invalid', problem };
}
