import { literalText, type TrustedMarkdown, trustedMarkdown } from '../src/i18n/literal-text';

/**
 * A moment as Adaptive Card date and time functions, so every Teams client shows it in its own
 * language and time zone: `{{DATE(2026-11-22T10:00:00Z, SHORT)}} {{TIME(2026-11-22T10:00:00Z)}}`.
 * The functions need RFC 3339 without fractions of a second.
 */
export function cardDateTime(iso: string): TrustedMarkdown {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return trustedMarkdown(literalText(iso));
  const rfc3339 = instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return trustedMarkdown(`{{DATE(${rfc3339}, SHORT)}} {{TIME(${rfc3339})}}`);
}
