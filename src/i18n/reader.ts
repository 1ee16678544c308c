/**
 * Who reads a text: the language and time zone of their Teams client. Teams puts both on every
 * activity (`locale` such as "nl-NL", `localTimezone` such as "Europe/Amsterdam", and again in the
 * `clientInfo` entity); proactive messages use the values stored with the conversation reference.
 */
export interface Reader {
  readonly locale?: string;
  readonly timeZone?: string;
}

/** The parts of an incoming activity that say who reads the answer (no botbuilder import). */
export interface ActivityLanguage {
  readonly locale?: string | undefined;
  readonly localTimezone?: string | undefined;
  readonly entities?: readonly { readonly type?: string; readonly [property: string]: unknown }[] | undefined;
}

/** A BCP 47 tag as Intl understands it ("nl-nl" becomes "nl-NL"), or undefined when it is not one. */
export function canonicalLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** Time zones already checked (checking one builds an Intl.DateTimeFormat); the most recent 200. */
const checkedZones = new Map<string, string | undefined>();

/** An IANA time zone that Intl knows ("Europe/Riga"), or undefined. */
export function knownTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  if (checkedZones.has(timeZone)) return checkedZones.get(timeZone);
  let known: string | undefined;
  try {
    known = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    known = undefined;
  }
  if (checkedZones.size >= 200) checkedZones.delete(checkedZones.keys().next().value ?? '');
  checkedZones.set(timeZone, known);
  return known;
}

/** The reader of the answer to an activity: its locale and the sender's time zone, when valid. */
export function readerOf(activity: ActivityLanguage): Reader {
  const clientInfo = activity.entities?.find((entity) => entity.type === 'clientInfo');
  const locale = canonicalLocale(activity.locale) ?? canonicalLocale(stringOrUndefined(clientInfo?.['locale']));
  const timeZone = knownTimeZone(activity.localTimezone) ?? knownTimeZone(stringOrUndefined(clientInfo?.['timezone']));
  return { ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
