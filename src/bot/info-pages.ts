import type { MessageCatalogue } from '../i18n/message-catalogue';

/** The pages the bot serves to people (the Teams app's website, privacy and terms links). */
export const infoPages = { '/': 'home', '/privacy': 'privacy', '/terms': 'terms' } as const;

export type InfoPage = (typeof infoPages)[keyof typeof infoPages];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The first language of an Accept-Language header ("nl-NL,nl;q=0.9,en;q=0.8" -> "nl-NL"). */
function preferredLocale(acceptLanguage: string | undefined): string | undefined {
  return acceptLanguage?.split(',')[0]?.split(';')[0]?.trim() || undefined;
}

/**
 * The home, privacy and terms pages as small self-contained HTML documents, in the reader's
 * language (Accept-Language), from the message catalogue. Plain text in, escaped HTML out.
 */
export class InfoPages {
  constructor(private readonly catalogue: MessageCatalogue) {}

  render(page: InfoPage, acceptLanguage: string | undefined): string {
    const t = this.catalogue.plainTranslator(preferredLocale(acceptLanguage));
    const title = t(`page.${page}.title`);
    const paragraphs = t(`page.${page}.body`)
      .split(/\n\n+/)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('\n');
    return [
      '<!doctype html>',
      `<html lang="${escapeHtml(t.locale)}">`,
      '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(title)}</title>`,
      '<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}</style></head>',
      `<body><h1>${escapeHtml(title)}</h1>`,
      paragraphs,
      `<p><a href="/privacy">${escapeHtml(t('page.link.privacy'))}</a> · <a href="/terms">${escapeHtml(t('page.link.terms'))}</a></p>`,
      '</body></html>',
      '',
    ].join('\n');
  }
}
