import { CmdletError } from './exchange-errors';

type Recipient = Record<string, unknown>;

/**
 * OPATH filters as Get-Recipient -Filter takes them: `Property -eq 'value'`, -ne, -like (with *),
 * -and, -or, -not and parentheses. EmailAddresses compares against every proxy address.
 */
export function parseOpathFilter(filter: string): (r: Recipient) => boolean {
  const tokens = filter.match(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\(|\)|-[A-Za-z]+|[A-Za-z][A-Za-z0-9]*|\S/g) ?? [];
  let i = 0;
  const fail = (): never => {
    throw new CmdletError(
      'invalidFilter',
      `Cannot bind parameter 'Filter' to the target. Exception setting "Filter": "Invalid filter syntax. For a description of the filter parameter syntax see the command help. "${filter}" at position ${i + 1}."`,
    );
  };
  type Pred = (r: Recipient) => boolean;
  const peek = (): string | undefined => tokens[i];
  const parseOr = (): Pred => {
    let left = parseAnd();
    while (peek()?.toLowerCase() === '-or') {
      i += 1;
      const l = left;
      const right = parseAnd();
      left = (r) => l(r) || right(r);
    }
    return left;
  };
  const parseAnd = (): Pred => {
    let left = parseUnary();
    while (peek()?.toLowerCase() === '-and') {
      i += 1;
      const l = left;
      const right = parseUnary();
      left = (r) => l(r) && right(r);
    }
    return left;
  };
  const parseUnary = (): Pred => {
    if (peek()?.toLowerCase() === '-not') {
      i += 1;
      const inner = parseUnary();
      return (r) => !inner(r);
    }
    if (peek() === '(') {
      i += 1;
      const inner = parseOr();
      if (peek() !== ')') fail();
      i += 1;
      return inner;
    }
    const property = peek();
    if (property === undefined || !/^[A-Za-z]/.test(property)) return fail();
    i += 1;
    const op = peek()?.toLowerCase();
    if (op !== '-eq' && op !== '-ne' && op !== '-like') return fail();
    i += 1;
    const literal = peek();
    if (literal === undefined || !/^['"]/.test(literal)) return fail();
    i += 1;
    const quote = literal[0]!;
    const isAddress = /^(EmailAddresses|ExternalEmailAddress|PrimarySmtpAddress|WindowsEmailAddress)$/i.test(property);
    const normalise = (text: string): string => (isAddress ? text.replace(/^smtp:/i, '') : text).toLowerCase();
    const needle = normalise(literal.slice(1, -1).split(quote + quote).join(quote));
    const pattern =
      op === '-like' ? new RegExp(`^${needle.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`) : undefined;
    const test = (actual: string): boolean => (pattern === undefined ? normalise(actual) === needle : pattern.test(normalise(actual)));
    return (r) => {
      const key = Object.keys(r).find((k) => k.toLowerCase() === property.toLowerCase());
      const actual = key === undefined ? undefined : r[key];
      const values = Array.isArray(actual) ? (actual as unknown[]).map(String) : actual === undefined || actual === null ? [] : [String(actual)];
      const hit = values.some(test);
      return op === '-ne' ? !hit : hit;
    };
  };
  const predicate = parseOr();
  if (i !== tokens.length) fail();
  return predicate;
}
