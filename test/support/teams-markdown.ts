import MarkdownIt from 'markdown-it';

/**
 * Renders text as Teams desktop and web do (CommonMark, with GFM strikethrough and tables), with raw
 * HTML on, so that a tag that slipped through shows up as markup too. The Agents Playground and
 * Teams render card text with a CommonMark renderer; this one is markdown-it's.
 */
const renderer = new MarkdownIt({ html: true, linkify: false });

/** Every element the text turns into, by tag name, in document order (`p` and `br` left out: they carry no markup of their own). */
export function markupOf(text: string): string[] {
  const tags = [...renderer.render(text).matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((match) => (match[1] ?? '').toLowerCase());
  return tags.filter((tag) => tag !== 'p' && tag !== 'br');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What a reader sees: the rendered text without tags, entities decoded, whitespace collapsed. */
export function shownText(text: string): string {
  return renderer
    .render(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Values a hostile or careless person could type into a name, a company, a reason or a group name:
 * each one is markup of a kind Teams renders (link, image, emphasis, list, heading, quote, code,
 * HTML, mention, entity, card date function, template expression).
 */
export const hostileValues = [
  '[Pay here](https://evil.example/pay)',
  '![tracker](https://evil.example/pixel.png)',
  '**Urgent** _now_ *really*',
  '# Heading',
  '- listed',
  '1. first',
  '> quoted',
  '`code` ~~struck~~',
  '<a href="https://evil.example">click</a>',
  '<at>Megan Bowen</at> <https://evil.example>',
  '&lt;b&gt; &#42;',
  '{{DATE(2030-01-01T00:00:00Z, SHORT)}} ${requestId}',
  'C:\\temp\\*x*',
  '+ plus = equal',
] as const;

/** The texts Teams renders as markdown in an activity: its text, a hero card's text, every TextBlock and fact of an Adaptive Card. */
export function renderedTexts(activity: Record<string, unknown>): string[] {
  const texts: string[] = typeof activity['text'] === 'string' ? [activity['text']] : [];
  for (const attachment of (activity['attachments'] as { contentType: string; content: unknown }[] | undefined) ?? []) {
    texts.push(...cardTexts(attachment.content));
  }
  return texts;
}

/** The texts of an Adaptive Card (or any part of one) that Teams renders as markdown: TextBlocks and facts. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own: string[] = [];
  if ((element['type'] === 'TextBlock' || element['type'] === undefined) && typeof element['text'] === 'string') own.push(element['text']);
  if (Array.isArray(element['facts'])) {
    for (const fact of element['facts'] as { title: string; value: string }[]) own.push(fact.title, fact.value);
  }
  return [...own, ...Object.entries(element).filter(([key]) => key !== 'facts' && key !== 'actions').flatMap(([, value]) => cardTexts(value))];
}
