/**
 * The one way a value enters an OData $filter (or an Exchange OPATH filter): as a string
 * literal in single quotes with every single quote doubled, so o'brien@partner.example becomes
 * 'o''brien@partner.example' and no value can end the literal early.
 */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A query string for a Graph URL. The Graph client passes query text through unencoded, so
 * each value is percent-encoded here (a + or & in an address must not change the query).
 */
export function graphQuery(params: Readonly<Record<string, string | number | undefined>>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A path segment (an object id) for a Graph URL. */
export function graphSegment(value: string): string {
  return encodeURIComponent(value);
}
